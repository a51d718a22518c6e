package gitrepo

import (
	"crypto/sha1"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// Between a repository and a folder one (shared drive, USB stick),
// objects are copied directly: go-git's file:// transport runs the git
// binary, and its in-process server failed to fetch into a repository
// whose history had diverged. Copying is also simpler to make safe: a
// commit is written only after everything it points to, so "have the
// commit" always means "have its whole history", which is what lets a
// walk stop early and an interrupted copy resume.

// Sink is the repository objects are copied into, and the largest
// object the copy takes.
type Sink struct {
	// Has says whether the sink already has an object.
	Has func(plumbing.Hash) bool
	// Objects is the objects folder loose objects go to.
	Objects string
	// MaxObject refuses a blob or commit over this size with TooLarge.
	MaxObject int64
	// TooLarge is the error (wrapped) of an object over MaxObject.
	TooLarge error
}

// SinkOf is the sink of the repository whose storer is st and whose
// loose objects folder is objects.
func SinkOf(st storer.EncodedObjectStorer, objects string, maxObject int64, tooLarge error) Sink {
	return Sink{Objects: objects, MaxObject: maxObject, TooLarge: tooLarge,
		Has: func(h plumbing.Hash) bool { return st.HasEncodedObject(h) == nil }}
}

// FolderObjects is the loose objects folder of a folder repository,
// bare or not.
func FolderObjects(dir string) string {
	if fi, err := os.Stat(filepath.Join(dir, "objects")); err == nil && fi.IsDir() {
		return filepath.Join(dir, "objects")
	}
	return filepath.Join(dir, ".git", "objects")
}

// OpenFolder opens the repository in the folder dir, bare or not.
// Objects over a megabyte are read lazily, so a check can refuse a huge
// one from its header instead of inflating it into memory first.
func OpenFolder(dir string) (*git.Repository, error) {
	fs := osfs.New(dir)
	if _, err := fs.Stat("objects"); err != nil {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			fs = osfs.New(filepath.Join(dir, ".git"))
		}
	}
	st := filesystem.NewStorageWithOptions(fs, cache.NewObjectLRUDefault(), filesystem.Options{LargeObjectThreshold: 1 << 20})
	return git.Open(st, nil)
}

// CopyClosure copies the commit tip and all it reaches that dst lacks,
// parents before children, each tree after its entries. It returns the
// number of commits copied.
func CopyClosure(src storer.EncodedObjectStorer, dst Sink, tip plumbing.Hash) (int, error) {
	missing := map[plumbing.Hash]*object.Commit{}
	stack := []plumbing.Hash{tip}
	for len(stack) > 0 {
		h := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if missing[h] != nil || dst.Has(h) {
			continue
		}
		c, err := object.GetCommit(src, h)
		if err != nil {
			return 0, fmt.Errorf("read commit %s: %w", h, err)
		}
		missing[h] = c
		stack = append(stack, c.ParentHashes...)
	}
	for _, c := range ParentsFirst(missing, []plumbing.Hash{tip}) {
		if err := copyTree(src, dst, c.TreeHash); err != nil {
			return 0, err
		}
		if err := copyRaw(src, dst, plumbing.CommitObject, c.Hash); err != nil {
			return 0, err
		}
	}
	return len(missing), nil
}

func copyTree(src storer.EncodedObjectStorer, dst Sink, h plumbing.Hash) error {
	if dst.Has(h) {
		return nil
	}
	raw, err := ReadRaw(src, h)
	if err != nil {
		return fmt.Errorf("read tree %s: %w", h, err)
	}
	for rest := raw; len(rest) > 0; {
		var e RawEntry
		var mode string
		mode, _, _ = strings.Cut(string(rest[:min(len(rest), 7)]), " ")
		if e, rest, err = NextEntry(rest); err != nil {
			return err
		}
		switch {
		case e.Dir:
			err = copyTree(src, dst, e.Hash)
		case mode == "160000": // a submodule's commit lives elsewhere
		case !dst.Has(e.Hash):
			err = copyRaw(src, dst, plumbing.BlobObject, e.Hash)
		}
		if err != nil {
			return err
		}
	}
	_, err = WriteLoose(dst.Objects, plumbing.TreeObject, raw)
	return err
}

func copyRaw(src storer.EncodedObjectStorer, dst Sink, t plumbing.ObjectType, h plumbing.Hash) error {
	if obj, err := src.EncodedObject(t, h); err != nil {
		return fmt.Errorf("read %s %s: %w", t, h, err)
	} else if obj.Size() > dst.MaxObject {
		return fmt.Errorf("%w: %s %s is %d MB", dst.TooLarge, t, h, obj.Size()>>20)
	}
	raw, err := ReadRaw(src, h)
	if err != nil {
		return fmt.Errorf("read %s %s: %w", t, h, err)
	}
	got, err := WriteLoose(dst.Objects, t, raw)
	if err == nil && got != h {
		err = fmt.Errorf("object %s arrived damaged (hash %s)", h, got)
	}
	return err
}

// UpdateRef moves a ref of the bare repository in dir (refs read through
// refs) the way git does: a .lock file taken exclusively (TakeRefLock),
// the old value checked (ErrRaced if it moved), then a rename.
func UpdateRef(refs storer.ReferenceStorer, dir string, name plumbing.ReferenceName, old, h plumbing.Hash) error {
	path := filepath.Join(dir, filepath.FromSlash(name.String()))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	lock := path + ".lock"
	if err := TakeRefLock(dir, lock, name, []byte(h.String()+"\n")); err != nil {
		return err
	}
	cur := plumbing.ZeroHash
	if ref, err := refs.Reference(name); err == nil {
		cur = ref.Hash()
	}
	if cur != old {
		_ = os.Remove(lock)
		return ErrRaced
	}
	if err := os.Rename(lock, path); err != nil {
		_ = os.Remove(lock)
		return err
	}
	SyncDir(filepath.Dir(path))
	return nil
}

// LooseHash is the object name git gives content of type t (with
// crypto/sha1, as WriteLoose: go-git's collision-detecting hash is
// slower, and every object an incoming check reads is hashed).
func LooseHash(t plumbing.ObjectType, content []byte) plumbing.Hash {
	sum := sha1.New()
	sum.Write([]byte(t.String() + " " + strconv.Itoa(len(content)) + "\x00"))
	sum.Write(content)
	var h plumbing.Hash
	copy(h[:], sum.Sum(nil))
	return h
}
