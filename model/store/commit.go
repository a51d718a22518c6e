package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/delegate-itu/delegate/model/gitrepo"
)

// change is one file a commit writes (data) or deletes (del).
type change struct {
	path string
	data []byte
	del  bool
	blob plumbing.Hash // data's blob when already stored (sync), else zero
}

// commit records changes as one commit on the current branch, then brings
// the working folder and git's index in line so `git status` stays clean.
// Order matters for crashes: objects, then the branch ref (the commit
// point), then files and index; a journal names the paths until the end.
// It returns the zero hash when the changes alter nothing.
func (w *Workspace) commit(msg string, changes []change) (plumbing.Hash, error) {
	if err := w.readyToCommit(changes); err != nil {
		return plumbing.ZeroHash, err
	}
	branch, parent, parentTree, err := w.head()
	if err != nil {
		return plumbing.ZeroHash, err
	}
	paths, noted, err := changedNames(changes)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	if err := w.writeJournal(paths); err != nil {
		return plumbing.ZeroHash, saveFailed(err, false)
	}
	root, err := w.updateTree(parentTree, changes)
	if err != nil {
		_ = w.clearJournal()
		return plumbing.ZeroHash, saveFailed(err, false)
	}
	if root == parentTree && !parent.IsZero() {
		return plumbing.ZeroHash, w.clearJournal()
	}
	h, err := w.writeCommit(msg, root, parent)
	if err == nil {
		err = w.setRef(branch, h)
	}
	if err != nil {
		_ = w.clearJournal()
		return plumbing.ZeroHash, saveFailed(err, false)
	}
	if err := w.syncFiles(changes); err != nil {
		return h, saveFailed(err, true) // the journal stays, so Open repairs the folder
	}
	w.noteCommit(h, parent, noted)
	return h, w.clearJournal()
}

// readyToCommit refuses a commit the workspace cannot take (closed, read
// only, no user, outgoing content that fails the checks) and first repairs
// the folder after an earlier save that could not finish.
func (w *Workspace) readyToCommit(changes []change) error {
	if err := w.writable(); err != nil { // closed, or open for reading only
		return err
	}
	if w.user.Name == "" || w.user.Email == "" {
		return ErrNoUser
	}
	for _, c := range changes { // new content only: synced blobs were checked when they came in
		if !c.del && c.blob.IsZero() {
			if err := checkOutgoing(c.path, c.data); err != nil {
				return err
			}
		}
	}
	if _, err := os.Stat(w.journalPath()); err == nil { // an earlier save could not update the folder
		if err := w.recoverSave(); err != nil {
			return saveFailed(err, false)
		}
	}
	return nil
}

// changedNames checks every path of a commit and returns them twice: as
// the journal lists them, and as the history index notes them (a deletion
// carries delMark).
func changedNames(changes []change) (paths, noted []string, err error) {
	paths, noted = make([]string, len(changes)), make([]string, len(changes))
	for i, c := range changes {
		if !cleanPath(c.path) {
			return nil, nil, fmt.Errorf("bad path %q", c.path)
		}
		paths[i], noted[i] = c.path, c.path
		if c.del {
			noted[i] = delMark + c.path
		}
	}
	return paths, noted, nil
}

// head resolves HEAD to its branch, commit and tree; an unborn branch
// gives zero hashes.
func (w *Workspace) head() (branch plumbing.ReferenceName, commit, tree plumbing.Hash, err error) {
	ref, err := w.st.Reference(plumbing.HEAD)
	if err != nil {
		return "", commit, tree, fmt.Errorf("read HEAD: %w", err)
	}
	branch = plumbing.Main
	if ref.Type() == plumbing.SymbolicReference {
		branch = ref.Target()
	}
	r, err := w.st.Reference(branch)
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return branch, commit, tree, nil
	}
	if err != nil {
		return "", commit, tree, err
	}
	c, err := object.GetCommit(w.st, r.Hash())
	if err != nil {
		return "", commit, tree, fmt.Errorf("read commit %s: %w", r.Hash(), err)
	}
	return branch, c.Hash, c.TreeHash, nil
}

// writeObject stores a loose object in the workspace's objects folder
// (gitrepo.WriteLoose says why not through go-git).
func (w *Workspace) writeObject(t plumbing.ObjectType, content []byte) (plumbing.Hash, error) {
	return w.git.WriteLoose(t, content)
}

// objects is the workspace's object store as gitrepo reads it.
func (w *Workspace) objects() gitrepo.Objects {
	return w.git.Objects()
}

func (w *Workspace) writeBlob(data []byte) (plumbing.Hash, error) {
	return w.writeObject(plumbing.BlobObject, data)
}

// updateTree applies changes (paths relative to this tree) to the tree
// h and writes the new trees bottom-up. Only trees on the changed paths
// are read and rewritten. An empty result is the zero hash.
func (w *Workspace) updateTree(h plumbing.Hash, changes []change) (plumbing.Hash, error) {
	entries := map[string]object.TreeEntry{}
	if !h.IsZero() {
		old, err := w.treeEntries(h)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		for _, e := range old {
			entries[e.Name] = e
		}
	}
	sub := map[string][]change{}
	for _, c := range changes {
		name, rest, nested := strings.Cut(c.path, "/")
		if nested {
			sub[name] = append(sub[name], change{path: rest, data: c.data, del: c.del, blob: c.blob})
			continue
		}
		if c.del {
			delete(entries, name)
			continue
		}
		bh, err := c.blob, error(nil)
		if bh.IsZero() {
			bh, err = w.writeBlob(c.data)
		}
		if err != nil {
			return plumbing.ZeroHash, err
		}
		entries[name] = object.TreeEntry{Name: name, Mode: filemode.Regular, Hash: bh}
	}
	for name, cs := range sub {
		var old plumbing.Hash
		if e, ok := entries[name]; ok && e.Mode == filemode.Dir {
			old = e.Hash
		}
		nh, err := w.updateTree(old, cs)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		if nh.IsZero() {
			delete(entries, name)
		} else {
			entries[name] = object.TreeEntry{Name: name, Mode: filemode.Dir, Hash: nh}
		}
	}
	return w.writeTree(entries, h)
}

func (w *Workspace) writeTree(entries map[string]object.TreeEntry, old plumbing.Hash) (plumbing.Hash, error) {
	if len(entries) == 0 {
		return plumbing.ZeroHash, nil
	}
	list := make([]object.TreeEntry, 0, len(entries))
	for _, e := range entries {
		list = append(list, e)
	}
	sort.Slice(list, func(i, j int) bool { return gitName(list[i]) < gitName(list[j]) })
	h, err := w.writeObject(plumbing.TreeObject, gitrepo.EncodeTree(list))
	if err != nil {
		return h, err
	}
	if len(w.trees) > 32 {
		clear(w.trees)
	}
	w.trees[h] = list
	return h, nil
}

// treeEntries reads a tree, from the trees this process wrote last when
// it can: the next save starts from them.
func (w *Workspace) treeEntries(h plumbing.Hash) ([]object.TreeEntry, error) {
	if list, ok := w.trees[h]; ok {
		return list, nil
	}
	t, err := object.GetTree(w.st, h)
	if err != nil {
		return nil, err
	}
	return t.Entries, nil
}

// gitName is the sort key git uses in trees: folders sort as "name/".
func gitName(e object.TreeEntry) string {
	if e.Mode == filemode.Dir {
		return e.Name + "/"
	}
	return e.Name
}

func (w *Workspace) writeCommit(msg string, tree, parent plumbing.Hash) (plumbing.Hash, error) {
	if tree.IsZero() {
		obj := w.st.NewEncodedObject()
		if err := (&object.Tree{}).Encode(obj); err != nil {
			return plumbing.ZeroHash, err
		}
		var err error
		if tree, err = w.st.SetEncodedObject(obj); err != nil {
			return plumbing.ZeroHash, err
		}
	}
	sig := object.Signature{Name: w.user.Name, Email: w.user.Email, When: time.Now()}
	c := &object.Commit{Author: sig, Committer: sig, Message: strings.TrimRight(msg, "\n") + "\n", TreeHash: tree}
	if !parent.IsZero() {
		c.ParentHashes = []plumbing.Hash{parent}
	}
	if err := w.signCommit(c); err != nil {
		return plumbing.ZeroHash, err
	}
	obj := w.st.NewEncodedObject()
	if err := c.Encode(obj); err != nil {
		return plumbing.ZeroHash, err
	}
	return w.st.SetEncodedObject(obj)
}

// setRef moves the branch atomically: this rename is the moment a save
// becomes committed.
func (w *Workspace) setRef(branch plumbing.ReferenceName, h plumbing.Hash) error {
	return gitrepo.WriteFileAtomic(w.abs(".git/"+branch.String()), []byte(h.String()+"\n"))
}

// readAt returns a file's content at a commit (ErrNotFound if absent).
func (w *Workspace) readAt(commit plumbing.Hash, p string) ([]byte, plumbing.Hash, error) {
	c, err := object.GetCommit(w.st, commit)
	if err != nil {
		return nil, plumbing.ZeroHash, err
	}
	return w.readInTree(c.TreeHash, p)
}

func (w *Workspace) readInTree(tree plumbing.Hash, p string) ([]byte, plumbing.Hash, error) {
	h, err := w.entryHash(tree, p)
	if err != nil {
		return nil, h, err
	}
	blob, err := object.GetBlob(w.st, h)
	if err != nil {
		return nil, h, err
	}
	r, err := blob.Reader()
	if err != nil {
		return nil, h, err
	}
	defer r.Close()
	var b bytes.Buffer
	b.Grow(int(blob.Size))
	_, err = io.Copy(&b, r)
	return b.Bytes(), h, err
}

// entryHash finds the object a path names in a tree, one level at a time.
func (w *Workspace) entryHash(tree plumbing.Hash, p string) (plumbing.Hash, error) {
	h := tree
	for _, name := range strings.Split(p, "/") {
		if h.IsZero() {
			return h, fmt.Errorf("%w: %s", ErrNotFound, p)
		}
		t, err := object.GetTree(w.st, h)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		e, err := t.FindEntry(name)
		if err != nil {
			return plumbing.ZeroHash, fmt.Errorf("%w: %s", ErrNotFound, p)
		}
		h = e.Hash
	}
	return h, nil
}

// listDir lists the file names in a folder of the HEAD tree.
func (w *Workspace) listDir(dir string) ([]object.TreeEntry, error) {
	_, _, tree, err := w.head()
	if err != nil || tree.IsZero() {
		return nil, err
	}
	h, err := w.entryHash(tree, dir)
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	t, err := object.GetTree(w.st, h)
	if err != nil {
		return nil, err
	}
	return t.Entries, nil
}
