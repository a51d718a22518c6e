package gitrepo

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/index"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// newRepo makes an empty repository with a work tree, opened with OpenRepo.
func newRepo(t *testing.T) (dir string, repo *git.Repository) {
	t.Helper()
	dir = t.TempDir()
	if _, err := git.PlainInit(dir, false); err != nil {
		t.Fatal(err)
	}
	repo, err := OpenRepo(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = CloseRepo(repo.Storer) })
	return dir, repo
}

// TestLooseObjectsAreGits: WriteLoose names an object as git does, go-git
// reads what it wrote, ReadObject reads loose and packed-or-go-git objects
// alike, and LooseObject reads only the header when over its limit.
func TestLooseObjectsAreGits(t *testing.T) {
	dir, repo := newRepo(t)
	objects := filepath.Join(dir, ".git", "objects")
	content := []byte("Comment 1: the Secretariat should consult.\n")
	h, err := WriteLoose(objects, plumbing.BlobObject, content)
	if err != nil {
		t.Fatal(err)
	}
	if want := plumbing.ComputeHash(plumbing.BlobObject, content); h != want {
		t.Fatalf("hash %s, git's %s", h, want)
	}
	if again, err := WriteLoose(objects, plumbing.BlobObject, content); err != nil || again != h {
		t.Fatalf("writing twice: %s %v", again, err)
	}
	b, err := ReadRaw(repo.Storer, h)
	if err != nil || !bytes.Equal(b, content) {
		t.Fatalf("go-git reads %q %v", b, err)
	}
	b, err = ReadObject(objects, repo.Storer, h)
	if err != nil || !bytes.Equal(b, content) {
		t.Fatalf("ReadObject %q %v", b, err)
	}
	// An object go-git stored (not through WriteLoose) reads the same.
	obj := repo.Storer.NewEncodedObject()
	obj.SetType(plumbing.BlobObject)
	wr, _ := obj.Writer()
	_, _ = wr.Write([]byte("other"))
	_ = wr.Close()
	h2, err := repo.Storer.SetEncodedObject(obj)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := ReadObject(objects, repo.Storer, h2); err != nil || string(b) != "other" {
		t.Fatalf("ReadObject of go-git's object: %q %v", b, err)
	}
	hex := h.String()
	z, err := os.ReadFile(filepath.Join(objects, hex[:2], hex[2:]))
	if err != nil {
		t.Fatal(err)
	}
	if n, b, err := LooseObject(z, plumbing.BlobObject, 4); err != nil || n != int64(len(content)) || b != nil {
		t.Fatalf("over the limit: %d %q %v", n, b, err)
	}
	if n, b, err := LooseObject(z, plumbing.BlobObject, 1<<20); err != nil || n != int64(len(content)) || !bytes.Equal(b, content) {
		t.Fatalf("under the limit: %d %q %v", n, b, err)
	}
	if _, _, err := LooseObject(z, plumbing.TreeObject, 1<<20); err == nil || !strings.Contains(err.Error(), "not a tree") {
		t.Fatalf("wrong type: %v", err)
	}
	if _, _, err := LooseObject(z[:len(z)/2], plumbing.BlobObject, 1<<20); err == nil {
		t.Fatal("a truncated object read")
	}
	if _, err := inflateLoose([]byte("not zlib"), h); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Fatalf("damaged object: %v", err)
	}
}

// TestEncodeTreeIsGits: EncodeTree gives the bytes go-git's encoder gives,
// so the hash of a tree written through WriteLoose is git's.
func TestEncodeTreeIsGits(t *testing.T) {
	dir, repo := newRepo(t)
	blob := plumbing.ComputeHash(plumbing.BlobObject, []byte("x"))
	entries := []object.TreeEntry{
		{Name: "comments", Mode: filemode.Dir, Hash: blob},
		{Name: "draft.json", Mode: filemode.Regular, Hash: blob},
		{Name: "tool", Mode: filemode.Executable, Hash: blob},
	}
	tree := &object.Tree{Entries: entries}
	obj := repo.Storer.NewEncodedObject()
	if err := tree.Encode(obj); err != nil {
		t.Fatal(err)
	}
	r, _ := obj.Reader()
	var want bytes.Buffer
	_, _ = want.ReadFrom(r)
	if got := EncodeTree(entries); !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("EncodeTree\n%q\ngo-git\n%q", got, want.Bytes())
	}
	h, err := WriteLoose(filepath.Join(dir, ".git", "objects"), plumbing.TreeObject, EncodeTree(entries))
	if err != nil || h != obj.Hash() {
		t.Fatalf("tree %s, go-git's %s (%v)", h, obj.Hash(), err)
	}
}

// TestEncodeIndexV2IsGits: the index EncodeIndexV2 writes decodes, through
// go-git, to the same entries; versions and entries it cannot write are
// left to go-git.
func TestEncodeIndexV2IsGits(t *testing.T) {
	at := time.Date(2026, 3, 1, 10, 0, 0, 5, time.UTC)
	idx := &index.Index{Version: 2, Entries: []*index.Entry{
		{Name: "a.json", Hash: plumbing.ComputeHash(plumbing.BlobObject, []byte("a")), Mode: filemode.Regular, Size: 1, ModifiedAt: at, CreatedAt: at, Inode: 7},
		{Name: "comments/1.json", Hash: plumbing.ComputeHash(plumbing.BlobObject, []byte("1")), Mode: filemode.Regular, Size: 1},
	}}
	data, ok := EncodeIndexV2(idx)
	if !ok {
		t.Fatal("a plain version 2 index was not encoded")
	}
	var got index.Index
	if err := index.NewDecoder(bytes.NewReader(data)).Decode(&got); err != nil {
		t.Fatalf("go-git cannot read it: %v", err)
	}
	if len(got.Entries) != 2 || got.Entries[1].Name != "comments/1.json" || got.Entries[0].Hash != idx.Entries[0].Hash ||
		!got.Entries[0].ModifiedAt.Equal(at) || got.Entries[0].Inode != 7 {
		t.Fatalf("decoded %+v", got.Entries)
	}
	if _, ok := EncodeIndexV2(&index.Index{Version: 3}); ok {
		t.Fatal("a version 3 index was encoded")
	}
	idx.Entries[0].SkipWorktree = true
	if _, ok := EncodeIndexV2(idx); ok {
		t.Fatal("an entry with extended flags was encoded")
	}
}

// TestAtomicWriteUnderAFault: a write the disk refuses leaves the old file
// whole and no temporary file behind; RemoveTemps clears what a kill left.
func TestAtomicWriteUnderAFault(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "sub", "file.json")
	if err := WriteFileAtomic(p, []byte("old version")); err != nil {
		t.Fatal(err)
	}
	undo := SetWriteFault(func(path string) error {
		if path == p {
			return syscall.ENOSPC
		}
		return nil
	})
	err := WriteFileAtomic(p, []byte("new version"))
	undo()
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("fault not reported: %v", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "old version" {
		t.Fatalf("after a refused write the file holds %q", b)
	}
	ents, _ := os.ReadDir(filepath.Dir(p))
	if len(ents) != 1 {
		t.Fatalf("left behind: %v", ents)
	}
	if FaultAt(p) != nil {
		t.Fatal("the fault outlived undo")
	}
	left := filepath.Join(filepath.Dir(p), ".file.json"+TmpMarker+"abc")
	if err := os.WriteFile(left, []byte("half"), 0o644); err != nil {
		t.Fatal(err)
	}
	if gone := RemoveTemps(filepath.Dir(p)); len(gone) != 1 || !strings.Contains(gone[0], TmpMarker) {
		t.Fatalf("RemoveTemps removed %v", gone)
	}
	if err := WriteFileQuick(filepath.Join(dir, "q", "quick"), []byte("quick"), 0o600); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "q", "quick")); string(b) != "quick" {
		t.Fatalf("WriteFileQuick wrote %q", b)
	}
	written := []string{p, filepath.Join(dir, "q", "quick")}
	if err := FlushWritten(dir, written); err != nil {
		t.Fatal(err)
	}
	for i := 0; len(written) <= fewFiles; i++ { // enough to be flushed together
		q := filepath.Join(dir, "q", "n"+string(rune('a'+i)))
		if err := WriteFileQuick(q, []byte("n"), 0o644); err != nil {
			t.Fatal(err)
		}
		written = append(written, q)
	}
	if err := FlushWritten(dir, written); err != nil {
		t.Fatal(err)
	}
	if err := FlushWritten(dir, []string{filepath.Join(dir, "gone")}); err == nil {
		t.Fatal("flushing a missing file did not fail")
	}
}

// TestRefLock: a fresh lock refuses a second publisher with ErrRaced; a
// stale one (a killed publish) is taken over, and ClearStaleLocks removes
// only stale locks.
func TestRefLock(t *testing.T) {
	dir := t.TempDir()
	lock := filepath.Join(dir, "ana.lock")
	name := plumbing.ReferenceName("refs/heads/people/ana")
	if err := TakeRefLock(dir, lock, name, []byte("1\n")); err != nil {
		t.Fatal(err)
	}
	err := TakeRefLock(dir, lock, name, []byte("2\n"))
	if !errors.Is(err, ErrRaced) || !strings.Contains(err.Error(), string(name)) {
		t.Fatalf("second taker: %v", err)
	}
	old := time.Now().Add(-2 * refLockStale)
	if err := os.Chtimes(lock, old, old); err != nil {
		t.Fatal(err)
	}
	if err := TakeRefLock(dir, lock, name, []byte("3\n")); err != nil {
		t.Fatalf("a stale lock was not taken over: %v", err)
	}
	if b, _ := os.ReadFile(lock); string(b) != "3\n" {
		t.Fatalf("lock holds %q", b)
	}
	fresh := filepath.Join(dir, "bo.lock")
	if err := os.WriteFile(fresh, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(lock, old, old); err != nil {
		t.Fatal(err)
	}
	ClearStaleLocks(dir)
	if _, err := os.Stat(lock); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("stale lock kept: %v", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Fatalf("fresh lock removed: %v", err)
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.Contains(e.Name(), TmpMarker) {
			t.Fatalf("temporary file left: %s", e.Name())
		}
	}
}

// TestFillStatFromTheFile: the index entry of a file gets its size and
// times, so git sees the work tree clean without rehashing.
func TestFillStatFromTheFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(p, []byte("12345"), 0o644); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	var e index.Entry
	FillStat(&e, fi)
	if e.Size != 5 || !e.ModifiedAt.Equal(fi.ModTime()) {
		t.Fatalf("entry %+v", e)
	}
}
