package gitrepo

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
)

// TestRepoOpen: Open gives the folder, go-git's repository and its storer
// together; an object written through the Repo is a loose file in
// .git/objects that go-git and Objects both read; a folder without a
// repository does not open.
func TestRepoOpen(t *testing.T) {
	dir := t.TempDir()
	if _, err := git.PlainInit(dir, false); err != nil {
		t.Fatal(err)
	}
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := r.Close(); err != nil {
			t.Error(err)
		}
	}()
	if r.Dir != dir || r.Git == nil || r.St != r.Git.Storer {
		t.Fatalf("Repo %+v", r)
	}
	if want := filepath.Join(dir, ".git", "objects"); r.ObjectsDir() != want {
		t.Fatalf("objects in %s, want %s", r.ObjectsDir(), want)
	}
	content := []byte("Opinion 1: the Forum invites Member States.\n")
	h, err := r.WriteLoose(plumbing.BlobObject, content)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(r.ObjectsDir(), h.String()[:2], h.String()[2:])); err != nil {
		t.Fatalf("no loose file: %v", err)
	}
	if b, err := r.Objects().Read(h); err != nil || !bytes.Equal(b, content) {
		t.Fatalf("Objects().Read %q %v", b, err)
	}
	if _, err := r.Git.BlobObject(h); err != nil {
		t.Fatalf("go-git does not read it: %v", err)
	}
	if _, err := Open(t.TempDir()); !errors.Is(err, git.ErrRepositoryNotExists) {
		t.Fatalf("an empty folder opened: %v", err)
	}
}
