package store

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/index"

	"github.com/delegate-itu/delegate/model/gitrepo"
)

// syncFiles writes the committed content to the working folder and
// updates git's index for exactly those paths. Files are written first
// and flushed to disk together at the end (gitrepo.FlushWritten); until then the
// save journal names them, so a crash is repaired from the commit.
func (w *Workspace) syncFiles(changes []change) error {
	written := make([]string, 0, len(changes))
	for _, c := range changes {
		p := w.abs(c.path)
		if c.del {
			if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
				return err
			}
			continue
		}
		if err := gitrepo.WriteFileQuick(p, c.data, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", c.path, err)
		}
		written = append(written, p)
	}
	if err := gitrepo.FlushWritten(w.dir, written); err != nil {
		return fmt.Errorf("save to disk: %w", err)
	}
	return w.updateIndex(changes)
}

// updateIndex refreshes the index entries of the changed paths from the
// files on disk, so git status sees nothing to do.
func (w *Workspace) updateIndex(changes []change) error {
	idx, err := w.git.ReadIndex()
	if err != nil { // damaged since Open: rebuild it from the commit just made
		_, _, tree, herr := w.head()
		if herr != nil {
			return fmt.Errorf("read git index: %w", err)
		}
		if idx, err = w.rebuildIndex(tree, err); err != nil {
			return err
		}
	}
	ics := make([]gitrepo.IndexChange, len(changes))
	for i, c := range changes {
		ics[i] = gitrepo.IndexChange{Path: c.path, Data: c.data, Delete: c.del}
	}
	return w.git.UpdateIndex(idx, ics)
}

func (w *Workspace) journalPath() string { return filepath.Join(w.delegateDir(), "saving") }

// writeJournal names the paths a save is about to change, so Open can
// finish or undo the save if the process dies half-way.
func (w *Workspace) writeJournal(paths []string) error {
	return gitrepo.WriteFileAtomic(w.journalPath(), []byte(strings.Join(paths, "\n")+"\n"))
}

func (w *Workspace) clearJournal() error {
	err := os.Remove(w.journalPath())
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}

// recoverSave repairs the files named in an interrupted save's journal:
// the last commit wins; a file that differs from it is kept aside in
// .git/delegate/recovered/ and reported, temporary files are removed.
func (w *Workspace) recoverSave() error {
	b, err := os.ReadFile(w.journalPath())
	if errors.Is(err, os.ErrNotExist) {
		gitrepo.RemoveTemps(filepath.Join(w.dir, ".git", "refs", "heads"))
		w.sweepTemps(false)
		return nil
	}
	if err != nil {
		return err
	}
	_, _, tree, err := w.head()
	if err != nil {
		return err
	}
	var repaired []change
	for _, p := range strings.Fields(string(b)) {
		if !cleanPath(p) {
			continue
		}
		c, note, err := w.repairPath(tree, p)
		if err != nil {
			return err
		}
		if c != nil {
			repaired = append(repaired, *c)
		}
		if note != "" {
			w.recovered = append(w.recovered, note)
		}
	}
	gitrepo.RemoveTemps(filepath.Join(w.dir, ".git", "refs", "heads"))
	gitrepo.RemoveTemps(w.delegateDir())
	w.sweepTemps(true)
	if len(repaired) > 0 {
		if err := w.syncFiles(repaired); err != nil {
			return err
		}
	}
	w.recovered = append(w.recovered, "the last save was interrupted; the files named in it were checked against the last commit and repaired")
	return w.clearJournal()
}

// repairPath compares one file with the last commit and returns the change
// that restores it, if any.
func (w *Workspace) repairPath(tree plumbing.Hash, p string) (*change, string, error) {
	for _, t := range gitrepo.RemoveTemps(filepath.Dir(w.abs(p))) {
		w.recovered = append(w.recovered, "removed the unfinished file "+path.Join(path.Dir(p), t))
	}
	want, _, err := w.readInTree(tree, p)
	inHead := err == nil
	if err != nil && !errors.Is(err, ErrNotFound) {
		return nil, "", err
	}
	have, rerr := os.ReadFile(w.abs(p))
	switch {
	case rerr == nil && inHead && string(have) == string(want):
		return &change{path: p, data: want}, "", nil // refresh the index entry only
	case rerr == nil && w.st.HasEncodedObject(plumbing.ComputeHash(plumbing.BlobObject, have)) == nil:
		if !inHead {
			return &change{path: p, del: true}, "removed " + p + ", which the last commit no longer has", nil
		}
		return &change{path: p, data: want}, "brought " + p + " up to date with the last commit", nil
	case rerr == nil:
		keep := filepath.Join(w.delegateDir(), "recovered", time.Now().UTC().Format("20060102T150405"), filepath.FromSlash(p))
		if err := gitrepo.WriteFileAtomic(keep, have); err != nil {
			return nil, "", err
		}
		if !inHead {
			return &change{path: p, del: true}, "kept an uncommitted " + p + " aside in " + keep, nil
		}
		return &change{path: p, data: want}, "restored " + p + " to its last commit (uncommitted copy kept in " + keep + ")", nil
	case inHead:
		return &change{path: p, data: want}, "restored " + p + " from its last commit", nil
	}
	return &change{path: p, del: true}, "", nil
}

// repairIndex rebuilds git's index from the last commit when it is
// missing or damaged (garbled, truncated): otherwise every save would
// stop at updating it, for good. Open checks only what git checks first,
// the header and the trailing checksum (gitrepo.CheckIndexFile), which
// costs a read and a hash instead of decoding thousands of entries; a
// save that still cannot decode it rebuilds it then (updateIndex).
func (w *Workspace) repairIndex() error {
	_, _, tree, err := w.head()
	if err != nil || tree.IsZero() {
		return err
	}
	err = w.git.CheckIndex()
	var damage *gitrepo.IndexDamage
	if errors.As(err, &damage) {
		_, err = w.rebuildIndex(tree, err)
	}
	return err
}

// rebuildIndex writes an index holding exactly the last commit's files
// (gitrepo.IndexFromTree), keeps the unreadable index aside in
// .git/delegate/recovered/ and says so in the repair notes.
func (w *Workspace) rebuildIndex(tree plumbing.Hash, why error) (*index.Index, error) {
	idx, err := w.git.IndexFromTree(tree, w.treeEntries)
	if err != nil {
		return nil, fmt.Errorf("rebuild git index: %w", err)
	}
	note := fmt.Sprintf("git's index (.git/index) could not be read (%v); it was rebuilt from the last commit", why)
	if old, err := os.ReadFile(w.git.IndexPath()); err == nil {
		keep := filepath.Join(w.delegateDir(), "recovered", time.Now().UTC().Format("20060102T150405"), "index")
		if err := gitrepo.WriteFileAtomic(keep, old); err != nil {
			return nil, fmt.Errorf("keep the damaged git index: %w", err)
		}
		note += " (the damaged copy is kept in " + keep + ")"
	}
	if err := w.git.WriteIndex(idx); err != nil {
		return nil, fmt.Errorf("rebuild git index: %w", err)
	}
	w.recovered = append(w.recovered, note)
	return idx, nil
}
