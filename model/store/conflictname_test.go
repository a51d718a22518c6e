package store

import (
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/item"
)

var conflictNames = []struct{ copy, orig, from string }{
	{"conflicts/items/comments/jd-241201-k3f9x.from-ana-example-org.md", "items/comments/jd-241201-k3f9x.md", "ana-example-org"},
	{"conflicts/profile.from-ben-example-org-2.toml", "profile.toml", "ben-example-org-2"},
	{"conflicts/items/comments/x.from-a.from-b.md", "items/comments/x.md", "a.from-b"},
}

func TestOriginalOf(t *testing.T) {
	for _, tc := range conflictNames {
		t.Run(tc.copy, func(t *testing.T) {
			orig, from, ok := originalOf(tc.copy)
			if !ok || orig != tc.orig || from != tc.from {
				t.Fatalf("got %q %q %v", orig, from, ok)
			}
		})
	}
	if _, _, ok := originalOf("items/comments/x.md"); ok {
		t.Fatal("a file outside conflicts/ is no copy")
	}
	if id := PersonID(item.Person{Email: "Jane.Doe@Example.org"}); id != "jane-doe-example-org" {
		t.Fatalf("PersonID: %q", id)
	}
}

// FuzzOriginalOf: whatever reads as a conflict copy names a file outside
// conflicts/ and never panics.
func FuzzOriginalOf(f *testing.F) {
	for _, tc := range conflictNames {
		f.Add(tc.copy)
	}
	f.Fuzz(func(t *testing.T, s string) {
		orig, _, ok := originalOf(s)
		if ok && (orig == "" || strings.HasPrefix(orig, "conflicts/")) && !strings.HasPrefix(s, "conflicts/conflicts/") {
			t.Fatalf("%q -> %q", s, orig)
		}
	})
}
