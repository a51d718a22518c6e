package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/storer"

	"github.com/delegate-itu/delegate/model/gitrepo"
)

// A folder remote (shared drive, USB stick) is synced by copying objects
// between the two repositories directly (gitrepo.CopyClosure says why);
// this file is the workspace's side: which branches, the checks, the
// tracking refs and the messages.

// sinkOf is the repository objects are copied into; an object over the
// incoming limit is refused as unsafe.
func sinkOf(st storer.EncodedObjectStorer, objects string) gitrepo.Sink {
	return gitrepo.SinkOf(st, objects, maxIncomingBlob, ErrUnsafeRemote)
}

// openFolder opens a folder remote's bare repository (gitrepo.OpenFolder).
func openFolder(dir string) (*git.Repository, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("%w: the folder %s is not there (drive unplugged or not mounted?)", ErrUnreachable, dir)
	}
	repo, err := gitrepo.OpenFolder(dir)
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

// fetchFolder copies every people/* branch of a folder remote that passes
// the incoming check into the workspace and records them as
// refs/remotes/<name>/people/*; refused branches are neither copied nor
// recorded.
func (w *Workspace) fetchFolder(r Remote) (map[string]plumbing.Hash, []UnsafeWork, error) {
	if err := w.refuseInside(absFolder(w.dir, r.URL)); err != nil {
		return nil, nil, err // a remote put in .git/config by hand, or before AddRemote refused it
	}
	if err := checkRefFiles(filepath.Dir(gitrepo.FolderObjects(folderPath(r.URL)))); err != nil {
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
	heads, refused, err := w.checkBranches(src.Storer, gitrepo.FolderObjects(folderPath(r.URL)), r.Name, all)
	if err != nil {
		return nil, nil, err
	}
	refused = append(badBranches(r.Name, bad), refused...)
	dst := sinkOf(w.st, filepath.Join(w.dir, ".git", "objects"))
	for _, id := range sortedIDs(heads) {
		if _, err := gitrepo.CopyClosure(src.Storer, dst, heads[id]); err != nil {
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

func trackingRef(remote, id string) string { return "refs/remotes/" + remote + "/people/" + id }

// pushFolder copies the workspace's commit into the folder remote and
// moves the user's branch there, refusing if it moved since the fetch.
func (w *Workspace) pushFolder(r Remote, me string, old, head plumbing.Hash) error {
	dir := folderPath(r.URL)
	dst, err := openFolder(dir)
	if err != nil {
		return err
	}
	if _, err := gitrepo.CopyClosure(w.st, sinkOf(dst.Storer, filepath.Join(dir, "objects")), head); err != nil {
		return fmt.Errorf("copy to %s: %w", r.URL, err)
	}
	return gitrepo.UpdateRef(dst.Storer, dir, plumbing.ReferenceName(PeoplePrefix+me), old, head)
}

// ErrRaced means someone published to the same branch during this sync
// (gitrepo's error: its ref lock reports it).
var ErrRaced = gitrepo.ErrRaced
