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

// FuzzIncomingTree: the strict tree reader never panics, and a tree it
// accepts is in git's canonical form: re-encoding its entries gives the
// same bytes, names are git-legal, and no name appears twice.
func FuzzIncomingTree(f *testing.F) {
	hash := strings.Repeat("\x01", 20)
	for _, s := range []string{
		"100644 a.txt\x00" + hash + "100644 b.txt\x00" + hash,
		"100644 b.txt\x00" + hash + "100644 a.txt\x00" + hash,
		"40000 items\x00" + hash, "040000 items\x00" + hash, "100664 x\x00" + hash,
		"100644 a\x00" + hash + "40000 a\x00" + hash, "100644 \x00" + hash, "100644 a/b\x00" + hash, "100644 a", "",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		entries, err := parseIncomingTree(raw)
		if err != nil {
			return
		}
		var again []byte
		names := map[string]bool{}
		for _, e := range entries {
			if e.name == "" || strings.ContainsAny(e.name, "/\x00") || names[e.name] {
				t.Fatalf("entry %q accepted in %q", e.name, raw)
			}
			names[e.name] = true
			again = append(append(append(append(again, e.mode...), ' '), e.name...), 0)
			again = append(again, e.hash[:]...)
		}
		if string(again) != string(raw) {
			t.Fatalf("accepted %q reads back as %q", raw, again)
		}
	})
}
