package store

import (
	"strings"
	"testing"
)

// FuzzIncomingName: a name a synced tree may hold never escapes the
// folder, reaches into .git or breaks on Windows.
func FuzzIncomingName(f *testing.F) {
	for _, s := range []string{"jd-241201-k3f9x.md", "..", ".", "", ".git", ".GIT.", "CON", "nul.md", "a:b", "a\\b", "x.", "x ", "a\x00b", "profile.toml"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if checkIncomingName(name) != nil {
			return
		}
		if name == ".." || name == "." || strings.ContainsAny(name, "/\\:\x00") || strings.EqualFold(name, ".git") {
			t.Fatalf("unsafe name %q accepted", name)
		}
	})
}
