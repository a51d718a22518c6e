// Package appinfo says which build of Delegate is running, so packages and
// manifests can record exactly what produced them.
package appinfo

import "runtime/debug"

// Set at link time by `make dist`: -ldflags "-X .../appinfo.version=v1.2.3 -X .../appinfo.commit=abc".
var (
	version = ""
	commit  = ""
)

// Name is the product name shown to users.
const Name = "Delegate"

// ID is the application identifier used for preferences and desktop integration.
const ID = "org.delegate.app"

// Version returns the release version, or "dev" for a development build.
func Version() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// Commit returns the source commit the binary was built from, when known.
func Commit() string {
	if commit != "" {
		return commit
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" {
				return s.Value
			}
		}
	}
	return ""
}
