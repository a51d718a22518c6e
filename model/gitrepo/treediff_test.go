package gitrepo

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestCommitPaths: a commit adding one file lists that file; a later one the
// file it changed, the one it added and, with DeletedMark, the one it
// removed, and nothing under a folder it did not touch.
func TestCommitPaths(t *testing.T) {
	dir, g := newRepo(t)
	for _, d := range []string{"items", "keys"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	commitFile(t, g, dir, "a.md", "A\n")
	commitFile(t, g, dir, "keys/k.asc", "K\n")
	first := commitFile(t, g, dir, "items/b.md", "B\n")
	wt, err := g.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := wt.Remove("a.md"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "items", "b.md"), []byte("B2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := wt.Add("items/b.md"); err != nil {
		t.Fatal(err)
	}
	last := commitFile(t, g, dir, "c.md", "C\n")
	o := Objects{Dir: filepath.Join(dir, ".git", "objects"), St: g.Storer}
	cache := TreeCache{}
	for _, tc := range []struct {
		name string
		h    [20]byte
		want []string
	}{
		{"adds b", first, []string{"items/b.md"}},
		{"last", last, []string{DeletedMark + "a.md", "c.md", "items/b.md"}},
	} {
		c, err := g.CommitObject(tc.h)
		if err != nil {
			t.Fatal(err)
		}
		got, err := o.CommitPaths(cache, c)
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v %v, want %v", tc.name, got, err, tc.want)
		}
	}
	root, err := g.CommitObject(first)
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	if err := o.ChangedPaths(cache, [20]byte{}, root.TreeHash, "", &all); err != nil {
		t.Fatal(err)
	}
	slices.Sort(all)
	if want := []string{"a.md", "items/b.md", "keys/k.asc"}; !slices.Equal(all, want) {
		t.Fatalf("from the empty tree: %v, want %v", all, want)
	}
}
