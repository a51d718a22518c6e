package process

import (
	"errors"
	"strings"
	"testing"
)

// FuzzParseCorrections: a workspace's process-corrections.toml arrives by
// sync from other people; it must parse or fail with ErrBadProfile, and
// what parses must survive Format and Apply without a panic.
func FuzzParseCorrections(f *testing.F) {
	f.Add([]byte("[[correction]]\nid = \"draft3-comments\"\nactual = \"2025-06-30\"\nnote = \"extended\"\n"))
	f.Add([]byte("[[correction]]\nid = \"nope\"\nplanned = \"2025-01\"\n"))
	f.Add([]byte("correction = 3\n"))
	for _, c := range badProfiles {
		f.Add([]byte(c.toml))
	}
	p, err := Parse([]byte(validHead + oneMilestone))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseCorrections(data)
		if err != nil {
			if !errors.Is(err, ErrBadProfile) && !errors.Is(err, ErrBadDate) {
				t.Fatalf("error not wrapped: %v", err)
			}
			return
		}
		if _, err := c.Format(); err != nil {
			t.Fatalf("parsed corrections do not format: %v", err)
		}
		_, _ = p.Apply(c) // an error is fine, a panic is not
	})
}

// FuzzParseDate: a date either parses and prints back the same, or fails
// with ErrBadDate.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2025-06-16", "2025-02", "", "2025", "16/06/2025", "2025-6-1", "2025-00-10", "2025-06-31", "x-y-z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !errors.Is(err, ErrBadDate) {
				t.Fatalf("error not wrapped: %v", err)
			}
			return
		}
		if d.String() != strings.TrimSpace(s) {
			t.Fatalf("ParseDate(%q) prints back as %q", s, d.String())
		}
		_ = d.Human()
	})
}
