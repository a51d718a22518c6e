// Package assets holds what ships inside the binaries: the icon, the
// WTPF-26 process profile and the sample report drafts, so the first run
// works with no files on disk.
package assets

import (
	"embed"
	"io/fs"
)

//go:embed profiles/*.toml icon/delegate.png
var files embed.FS

// DefaultProfile is the WTPF-26 consultation profile.
const DefaultProfile = "profiles/wtpf-26.toml"

// FS returns the embedded files, read-only.
func FS() fs.FS { return files }

// Profile returns the bytes of the embedded WTPF-26 profile.
func Profile() []byte {
	b, err := files.ReadFile(DefaultProfile)
	if err != nil {
		panic("assets: embedded profile missing: " + err.Error()) // a build defect, not a user error
	}
	return b
}

// Icon returns the application icon as PNG bytes.
func Icon() []byte {
	b, err := files.ReadFile("icon/delegate.png")
	if err != nil {
		panic("assets: embedded icon missing: " + err.Error())
	}
	return b
}
