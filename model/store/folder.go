package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/go-git/go-git/v5/storage/filesystem"

	"github.com/delegate-itu/delegate/model/gitrepo"
)

// A folder remote (shared drive, USB stick) is synced by copying objects
// between the two repositories directly: go-git's file:// transport runs
// the git binary, and its in-process server failed to fetch into a
// repository whose history had diverged. Copying is also simpler to make
// safe: a commit is written only after everything it points to, so
// "have the commit" always means "have its whole history", which is what
// lets a walk stop early and an interrupted copy resume.

// objectSink is the repository objects are copied into.
type objectSink struct {
	has     func(plumbing.Hash) bool
	objects string // the objects folder loose objects go to
}

func sinkOf(st storer.EncodedObjectStorer, objects string) objectSink {
	return objectSink{objects: objects, has: func(h plumbing.Hash) bool { return st.HasEncodedObject(h) == nil }}
}

// openFolder opens a folder remote's bare repository. Objects over a
// megabyte are read lazily, so a check can refuse a huge one from its
// header instead of inflating it into memory first.
func openFolder(dir string) (*git.Repository, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("%w: the folder %s is not there (drive unplugged or not mounted?)", ErrUnreachable, dir)
	}
	fs := osfs.New(dir)
	if _, err := fs.Stat("objects"); err != nil {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			fs = osfs.New(filepath.Join(dir, ".git"))
		}
	}
	st := filesystem.NewStorageWithOptions(fs, cache.NewObjectLRUDefault(), filesystem.Options{LargeObjectThreshold: 1 << 20})
	repo, err := git.Open(st, nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %s holds no shared repository: %v", ErrUnreachable, dir, err)
	}
	return repo, nil
}

// peopleRefs lists the people/* branches of a repository by person ID.
// A branch whose name is not a person ID (one with "../" in it, say) is
// never used: it comes back in bad, by its name as the remote gives it.
func peopleRefs(st storer.ReferenceStorer, prefix string) (heads map[string]plumbing.Hash, bad []string, err error) {
	it, err := st.IterReferences()
	if err != nil {
		return nil, nil, err
	}
	heads = map[string]plumbing.Hash{}
	err = it.ForEach(func(r *plumbing.Reference) error {
		id, ok := strings.CutPrefix(r.Name().String(), prefix)
		switch {
		case !ok || r.Type() != plumbing.HashReference, strings.HasSuffix(id, ".lock"):
			// not a branch, or a colleague's publish under way
		case !validPersonID(id) || r.Hash().IsZero():
			bad = append(bad, id)
		default:
			heads[id] = r.Hash()
		}
		return nil
	})
	sort.Strings(bad)
	return heads, bad, err
}

// UnsafeWork is a colleague's branch a sync did not bring in, and why.
type UnsafeWork struct {
	Person string `json:"person"` // the branch's person ID, as the remote names it
	Reason string `json:"reason"` // what was found, in the user's terms
	err    error
}

// Error says whose work was refused and why; it wraps ErrUnsafeRemote.
func (u UnsafeWork) Error() string { return u.err.Error() }

// Unwrap gives the check's error (which wraps ErrUnsafeRemote).
func (u UnsafeWork) Unwrap() error { return u.err }

func unsafeWork(remote, id string, err error) UnsafeWork {
	return UnsafeWork{Person: id, Reason: strings.TrimPrefix(strings.TrimPrefix(err.Error(), ErrUnsafeRemote.Error()), ": "),
		err: fmt.Errorf("the work of %s on %s: %w", id, remote, err)}
}

// badBranches are refusals for branches whose names are not person IDs.
func badBranches(remote string, names []string) []UnsafeWork {
	var out []UnsafeWork
	for _, n := range names {
		out = append(out, unsafeWork(remote, fmt.Sprintf("%q", n),
			fmt.Errorf("%w: its branch name is not one Delegate makes (people/ then a person's ID), so it was not read", ErrUnsafeRemote)))
	}
	return out
}

// checkBranches checks each person's branch (see incomingCheck) and
// splits them into those to bring in and those refused, so one
// colleague's hostile or damaged branch never stops the others' work.
func (w *Workspace) checkBranches(src storer.EncodedObjectStorer, objects, remote string, heads map[string]plumbing.Hash) (map[string]plumbing.Hash, []UnsafeWork, error) {
	in, err := w.newIncomingCheck(src, objects)
	if err != nil {
		return nil, nil, err
	}
	ok := map[string]plumbing.Hash{}
	var refused []UnsafeWork
	for _, id := range sortedIDs(heads) {
		if err := in.branch(heads[id]); err != nil {
			refused = append(refused, unsafeWork(remote, id, err))
			continue
		}
		ok[id] = heads[id]
	}
	return ok, refused, nil
}

func sortedIDs(m map[string]plumbing.Hash) []string {
	out := make([]string, 0, len(m))
	for id := range m {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// copyClosure copies the commit tip and all it reaches that dst lacks,
// parents before children, each tree after its entries. It returns the
// number of commits copied.
func copyClosure(src storer.EncodedObjectStorer, dst objectSink, tip plumbing.Hash) (int, error) {
	missing := map[plumbing.Hash]*object.Commit{}
	stack := []plumbing.Hash{tip}
	for len(stack) > 0 {
		h := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if missing[h] != nil || dst.has(h) {
			continue
		}
		c, err := object.GetCommit(src, h)
		if err != nil {
			return 0, fmt.Errorf("read commit %s: %w", h, err)
		}
		missing[h] = c
		stack = append(stack, c.ParentHashes...)
	}
	for _, c := range gitrepo.ParentsFirst(missing, []plumbing.Hash{tip}) {
		if err := copyTree(src, dst, c.TreeHash); err != nil {
			return 0, err
		}
		if err := copyRaw(src, dst, plumbing.CommitObject, c.Hash); err != nil {
			return 0, err
		}
	}
	return len(missing), nil
}

func copyTree(src storer.EncodedObjectStorer, dst objectSink, h plumbing.Hash) error {
	if dst.has(h) {
		return nil
	}
	raw, err := gitrepo.ReadRaw(src, h)
	if err != nil {
		return fmt.Errorf("read tree %s: %w", h, err)
	}
	for rest := raw; len(rest) > 0; {
		var e gitrepo.RawEntry
		var mode string
		mode, _, _ = strings.Cut(string(rest[:min(len(rest), 7)]), " ")
		if e, rest, err = gitrepo.NextEntry(rest); err != nil {
			return err
		}
		switch {
		case e.Dir:
			err = copyTree(src, dst, e.Hash)
		case mode == "160000": // a submodule's commit lives elsewhere
		case !dst.has(e.Hash):
			err = copyRaw(src, dst, plumbing.BlobObject, e.Hash)
		}
		if err != nil {
			return err
		}
	}
	_, err = gitrepo.WriteLoose(dst.objects, plumbing.TreeObject, raw)
	return err
}

func copyRaw(src storer.EncodedObjectStorer, dst objectSink, t plumbing.ObjectType, h plumbing.Hash) error {
	if obj, err := src.EncodedObject(t, h); err != nil {
		return fmt.Errorf("read %s %s: %w", t, h, err)
	} else if obj.Size() > maxIncomingBlob {
		return fmt.Errorf("%w: %s %s is %d MB", ErrUnsafeRemote, t, h, obj.Size()>>20)
	}
	raw, err := gitrepo.ReadRaw(src, h)
	if err != nil {
		return fmt.Errorf("read %s %s: %w", t, h, err)
	}
	got, err := gitrepo.WriteLoose(dst.objects, t, raw)
	if err == nil && got != h {
		err = fmt.Errorf("object %s arrived damaged (hash %s)", h, got)
	}
	return err
}

// fetchFolder copies every people/* branch of a folder remote that passes
// the incoming check into the workspace and records them as
// refs/remotes/<name>/people/*; refused branches are neither copied nor
// recorded.
func (w *Workspace) fetchFolder(r Remote) (map[string]plumbing.Hash, []UnsafeWork, error) {
	if err := w.refuseInside(absFolder(w.dir, r.URL)); err != nil {
		return nil, nil, err // a remote put in .git/config by hand, or before AddRemote refused it
	}
	if err := checkRefFiles(filepath.Dir(folderObjects(folderPath(r.URL)))); err != nil {
		return nil, nil, fmt.Errorf("%w: %s: %w", ErrUnreachable, r.URL, err)
	}
	src, err := openFolder(folderPath(r.URL))
	if err != nil {
		return nil, nil, err
	}
	gitrepo.ClearStaleLocks(filepath.Join(folderPath(r.URL), filepath.FromSlash(PeoplePrefix)))
	all, bad, err := peopleRefs(src.Storer, PeoplePrefix)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: read %s: %v", ErrUnreachable, r.URL, err)
	}
	heads, refused, err := w.checkBranches(src.Storer, folderObjects(folderPath(r.URL)), r.Name, all)
	if err != nil {
		return nil, nil, err
	}
	refused = append(badBranches(r.Name, bad), refused...)
	dst := sinkOf(w.st, filepath.Join(w.dir, ".git", "objects"))
	for _, id := range sortedIDs(heads) {
		if _, err := copyClosure(src.Storer, dst, heads[id]); err != nil {
			return nil, nil, fmt.Errorf("copy from %s: %w", r.URL, err)
		}
	}
	for _, id := range sortedIDs(heads) {
		if err := gitrepo.WriteFileAtomic(w.abs(".git/"+trackingRef(r.Name, id)), []byte(heads[id].String()+"\n")); err != nil {
			return nil, nil, err
		}
	}
	return heads, refused, nil
}

// checkRefFiles refuses a shared repository whose refs are not plain
// files: go-git reads them as it finds them, and a pipe there would block
// the sync for ever, a device or a link read someone else's bytes.
func checkRefFiles(gitDir string) error {
	bad := func(p string) error {
		return fmt.Errorf("%w: %s is not a regular file (a link, a pipe or a device)", ErrUnsafeRemote, p)
	}
	for _, name := range []string{"HEAD", "packed-refs", "config"} {
		if fi, err := os.Lstat(filepath.Join(gitDir, name)); err == nil && !fi.Mode().IsRegular() {
			return bad(name)
		}
	}
	return filepath.WalkDir(filepath.Join(gitDir, "refs"), func(p string, d fs.DirEntry, err error) error {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil
		case err != nil:
			return err
		case !d.IsDir() && !d.Type().IsRegular():
			rel, _ := filepath.Rel(gitDir, p)
			return bad(filepath.ToSlash(rel))
		}
		return nil
	})
}

// absFolder is a folder remote's path made absolute (a relative one, put
// in .git/config by hand, is taken from the workspace folder, as git does).
func absFolder(ws, url string) string {
	p := folderPath(url)
	if !filepath.IsAbs(p) {
		p = filepath.Join(ws, p)
	}
	return filepath.Clean(p)
}

// folderObjects is the loose objects folder of a folder remote, bare or not.
func folderObjects(dir string) string {
	if fi, err := os.Stat(filepath.Join(dir, "objects")); err == nil && fi.IsDir() {
		return filepath.Join(dir, "objects")
	}
	return filepath.Join(dir, ".git", "objects")
}

func trackingRef(remote, id string) string { return "refs/remotes/" + remote + "/people/" + id }

// pushFolder copies the workspace's commit into the folder remote and
// moves the user's branch there, refusing if it moved since the fetch.
func (w *Workspace) pushFolder(r Remote, me string, old, head plumbing.Hash) error {
	dir := folderPath(r.URL)
	dst, err := openFolder(dir)
	if err != nil {
		return err
	}
	if _, err := copyClosure(w.st, sinkOf(dst.Storer, filepath.Join(dir, "objects")), head); err != nil {
		return fmt.Errorf("copy to %s: %w", r.URL, err)
	}
	return updateRef(dst, dir, plumbing.ReferenceName(PeoplePrefix+me), old, head)
}

// ErrRaced means someone published to the same branch during this sync
// (gitrepo's error: its ref lock reports it).
var ErrRaced = gitrepo.ErrRaced

// updateRef moves a branch of a bare repository the way git does: a
// .lock file taken exclusively, the old value checked, then a rename.
func updateRef(repo *git.Repository, dir string, name plumbing.ReferenceName, old, h plumbing.Hash) error {
	path := filepath.Join(dir, filepath.FromSlash(name.String()))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	lock := path + ".lock"
	if err := gitrepo.TakeRefLock(dir, lock, name, []byte(h.String()+"\n")); err != nil {
		return err
	}
	cur := plumbing.ZeroHash
	if ref, err := repo.Storer.Reference(name); err == nil {
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
	gitrepo.SyncDir(filepath.Dir(path))
	return nil
}
