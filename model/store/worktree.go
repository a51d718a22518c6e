package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/index"
)

// syncFiles writes the committed content to the working folder and
// updates git's index for exactly those paths. Files are written first
// and flushed to disk together at the end (flushWritten); until then the
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
		if err := writeFileQuick(p, c.data, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", c.path, err)
		}
		written = append(written, p)
	}
	if err := flushWritten(w.dir, written); err != nil {
		return fmt.Errorf("save to disk: %w", err)
	}
	return w.updateIndex(changes)
}

// updateIndex refreshes the index entries of the changed paths from the
// files on disk, so git status sees nothing to do.
func (w *Workspace) updateIndex(changes []change) error {
	idx, err := w.gitIndex()
	if err != nil {
		return fmt.Errorf("read git index: %w", err)
	}
	for _, c := range changes {
		if c.del {
			_, _ = idx.Remove(c.path)
			continue
		}
		e, err := idx.Entry(c.path)
		if err != nil {
			e = idx.Add(c.path)
		}
		fi, err := os.Stat(w.abs(c.path))
		if err != nil {
			return err
		}
		e.Hash = plumbing.ComputeHash(plumbing.BlobObject, c.data)
		e.Mode = filemode.Regular
		fillStat(e, fi)
	}
	sort.Slice(idx.Entries, func(i, j int) bool { return idx.Entries[i].Name < idx.Entries[j].Name })
	idx.Cache = nil // the cached trees no longer match; git rebuilds them
	return w.writeIndex(idx)
}

// gitIndex reads git's index, or reuses the copy this process last wrote
// when the file has not changed since (git CLI runs in between re-read it).
func (w *Workspace) gitIndex() (*index.Index, error) {
	fi, err := os.Stat(w.abs(".git/index"))
	if w.idx != nil && err == nil && w.idxStamp != nil && fi.Size() == w.idxStamp.Size() && fi.ModTime().Equal(w.idxStamp.ModTime()) {
		return w.idx, nil
	}
	w.idx = nil
	return w.st.Index()
}

func (w *Workspace) writeIndex(idx *index.Index) error {
	data, ok := encodeIndexV2(idx)
	if !ok {
		var b bytes.Buffer
		if err := index.NewEncoder(&b).Encode(idx); err != nil {
			return fmt.Errorf("write git index: %w", err)
		}
		data = b.Bytes()
	}
	path := w.abs(".git/index")
	if err := writeFileQuick(path, data, 0o644); err != nil {
		return err
	}
	fi, err := os.Stat(path)
	if err == nil {
		w.idx, w.idxStamp = idx, fi
	}
	return nil
}

func (w *Workspace) journalPath() string { return filepath.Join(w.delegateDir(), "saving") }

// writeJournal names the paths a save is about to change, so Open can
// finish or undo the save if the process dies half-way.
func (w *Workspace) writeJournal(paths []string) error {
	return writeFileAtomic(w.journalPath(), []byte(strings.Join(paths, "\n")+"\n"))
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
		removeTemps(filepath.Join(w.dir, ".git", "refs", "heads"))
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
	removeTemps(filepath.Join(w.dir, ".git", "refs", "heads"))
	removeTemps(w.delegateDir())
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
	for _, t := range removeTemps(filepath.Dir(w.abs(p))) {
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
		if err := writeFileAtomic(keep, have); err != nil {
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
