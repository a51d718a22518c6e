package gitrepo

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
)

// TestCopyClosureAndUpdateRef: CopyClosure copies a tip's whole history
// into a bare folder repository that git's own reader then opens, copies
// nothing the second time, refuses an object over the sink's limit with
// its TooLarge error; UpdateRef moves the folder's branch and refuses with
// ErrRaced when the old value is stale; LooseHash names content as git.
func TestCopyClosureAndUpdateRef(t *testing.T) {
	dir, g := newRepo(t)
	commitFile(t, g, dir, "a.md", "Comment 1\n")
	if err := os.MkdirAll(filepath.Join(dir, "items"), 0o755); err != nil {
		t.Fatal(err)
	}
	tip := commitFile(t, g, dir, "items/b.md", "Comment 2\n")

	bare := filepath.Join(t.TempDir(), "shared.git")
	if _, err := git.PlainInit(bare, true); err != nil {
		t.Fatal(err)
	}
	if got := FolderObjects(bare); got != filepath.Join(bare, "objects") {
		t.Fatalf("FolderObjects %s", got)
	}
	if got := FolderObjects(dir); got != filepath.Join(dir, ".git", "objects") {
		t.Fatalf("FolderObjects of a work folder %s", got)
	}
	dst, err := OpenFolder(bare)
	if err != nil {
		t.Fatal(err)
	}
	tooLarge := errors.New("too large")
	sink := SinkOf(dst.Storer, FolderObjects(bare), 1<<20, tooLarge)
	if n, err := CopyClosure(g.Storer, sink, tip); err != nil || n != 2 {
		t.Fatalf("copied %d commits, %v; want 2", n, err)
	}
	if n, err := CopyClosure(g.Storer, sink, tip); err != nil || n != 0 {
		t.Fatalf("second copy: %d %v", n, err)
	}
	name := plumbing.ReferenceName("refs/heads/people/ana")
	if err := UpdateRef(dst.Storer, bare, name, plumbing.ZeroHash, tip); err != nil {
		t.Fatal(err)
	}
	if err := UpdateRef(dst.Storer, bare, name, plumbing.ZeroHash, tip); !errors.Is(err, ErrRaced) {
		t.Fatalf("stale old value: %v", err)
	}
	again, err := git.PlainOpen(bare)
	if err != nil {
		t.Fatal(err)
	}
	c, err := again.CommitObject(tip)
	if err != nil {
		t.Fatal(err)
	}
	if f, err := c.File("items/b.md"); err != nil {
		t.Fatalf("the copied tree lacks items/b.md: %v", err)
	} else if text, _ := f.Contents(); text != "Comment 2\n" {
		t.Fatalf("copied blob %q", text)
	}
	if ref, err := again.Reference(name, true); err != nil || ref.Hash() != tip {
		t.Fatalf("branch %v %v", ref, err)
	}

	big := commitFile(t, g, dir, "big.md", strings.Repeat("x", 2<<20))
	other := filepath.Join(t.TempDir(), "other.git")
	if _, err := git.PlainInit(other, true); err != nil {
		t.Fatal(err)
	}
	odst, err := OpenFolder(other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := CopyClosure(g.Storer, SinkOf(odst.Storer, FolderObjects(other), 1<<20, tooLarge), big); !errors.Is(err, tooLarge) {
		t.Fatalf("a 2 MB blob with a 1 MB limit: %v", err)
	}

	content := []byte("Opinion 1\n")
	if LooseHash(plumbing.BlobObject, content) != plumbing.ComputeHash(plumbing.BlobObject, content) {
		t.Fatal("LooseHash is not git's name")
	}
}
