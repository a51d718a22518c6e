package gitrepo

import (
	"bytes"
	"crypto/sha1"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/index"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// IndexDamage says why git's index file cannot be used (missing, not an
// index, checksum wrong). Its text is the reason alone, so the caller can
// quote it in a note to the user and decide to rebuild (errors.As).
type IndexDamage struct {
	// Reason is the short cause, "it is missing" or the like.
	Reason string
}

// Error is the reason alone.
func (d *IndexDamage) Error() string { return d.Reason }

// ErrIndexMissing is the damage of an index file that existed and is
// gone: go-git would read it as empty, every file deleted.
var ErrIndexMissing error = &IndexDamage{Reason: "it is missing"}

// IndexChange is one path whose index entry a save refreshes: its new
// content, or its removal.
type IndexChange struct {
	// Path is slash-separated, relative to the work folder.
	Path string
	// Data is the content written to the file (hashed as its blob).
	Data []byte
	// Delete removes the entry instead.
	Delete bool
}

// TreeLister lists a tree's entries; callers that keep the trees they
// just wrote pass their own so a rebuild does not re-read them.
type TreeLister func(h plumbing.Hash) ([]object.TreeEntry, error)

// IndexPath is git's index file, .git/index.
func (r *Repo) IndexPath() string { return filepath.Join(r.Dir, ".git", "index") }

// ReadIndex reads git's index, or reuses the copy this process last wrote
// when the file has not changed since (git CLI runs in between re-read it).
// An index that existed and vanished is ErrIndexMissing, not empty.
func (r *Repo) ReadIndex() (*index.Index, error) {
	fi, err := os.Stat(r.IndexPath())
	if r.idx != nil && err == nil && r.idxStamp != nil && fi.Size() == r.idxStamp.Size() && fi.ModTime().Equal(r.idxStamp.ModTime()) {
		return r.idx, nil
	}
	r.idx = nil
	if r.hadIndex && errors.Is(err, os.ErrNotExist) {
		return nil, ErrIndexMissing
	}
	return r.St.Index()
}

// WriteIndex writes idx as git's index (version 2 by EncodeIndexV2 when it
// can, go-git's encoder otherwise) and remembers it for ReadIndex.
func (r *Repo) WriteIndex(idx *index.Index) error {
	data, ok := EncodeIndexV2(idx)
	if !ok {
		var b bytes.Buffer
		if err := index.NewEncoder(&b).Encode(idx); err != nil {
			return fmt.Errorf("write git index: %w", err)
		}
		data = b.Bytes()
	}
	p := r.IndexPath()
	if err := WriteFileQuick(p, data, 0o644); err != nil {
		return err
	}
	fi, err := os.Stat(p)
	if err == nil {
		r.idx, r.idxStamp = idx, fi
	}
	r.hadIndex = true
	return nil
}

// CheckIndex checks git's index file the way git does before reading it
// (CheckIndexFile): an *IndexDamage when it is missing or damaged, another
// error when it cannot be read at all.
func (r *Repo) CheckIndex() error {
	data, err := os.ReadFile(r.IndexPath())
	switch {
	case errors.Is(err, os.ErrNotExist):
		return ErrIndexMissing
	case err != nil:
		return err
	}
	r.hadIndex = true
	return CheckIndexFile(data)
}

// CheckIndexFile verifies an index file's signature, version and SHA-1
// trailer, as git does before reading it; a zero trailer (git's
// index.skipHash) is accepted. Failures are *IndexDamage.
func CheckIndexFile(data []byte) error {
	if len(data) < 12+sha1.Size || string(data[:4]) != "DIRC" {
		return &IndexDamage{Reason: "it is not an index file"}
	}
	if v := binary.BigEndian.Uint32(data[4:8]); v < 2 || v > 4 {
		return &IndexDamage{Reason: fmt.Sprintf("unknown index version %d", v)}
	}
	body, sum := data[:len(data)-sha1.Size], data[len(data)-sha1.Size:]
	if bytes.Equal(sum, make([]byte, sha1.Size)) {
		return nil // written with index.skipHash (git's feature.manyFiles): no checksum to compare
	}
	if got := sha1.Sum(body); !bytes.Equal(got[:], sum) {
		return &IndexDamage{Reason: "its checksum does not match (truncated or overwritten)"}
	}
	return nil
}

// IndexFromTree builds an index holding exactly tree's files (what `git
// reset` would give), sorted as git sorts it. A file in the folder that
// differs from its commit gets no stat data, so git compares its content
// and shows it as changed instead of hiding it. list may be nil (the
// trees are read from the object store).
func (r *Repo) IndexFromTree(tree plumbing.Hash, list TreeLister) (*index.Index, error) {
	if list == nil {
		list = func(h plumbing.Hash) ([]object.TreeEntry, error) {
			t, err := object.GetTree(r.St, h)
			if err != nil {
				return nil, err
			}
			return t.Entries, nil
		}
	}
	idx := &index.Index{Version: 2}
	if err := r.indexTree(idx, list, tree, ""); err != nil {
		return nil, err
	}
	sort.Slice(idx.Entries, func(i, j int) bool { return idx.Entries[i].Name < idx.Entries[j].Name })
	return idx, nil
}

func (r *Repo) indexTree(idx *index.Index, list TreeLister, tree plumbing.Hash, dir string) error {
	ents, err := list(tree)
	if err != nil {
		return err
	}
	for _, e := range ents {
		p := path.Join(dir, e.Name)
		if e.Mode == filemode.Dir {
			if err := r.indexTree(idx, list, e.Hash, p); err != nil {
				return err
			}
			continue
		}
		ie := &index.Entry{Name: p, Hash: e.Hash, Mode: e.Mode}
		abs := filepath.Join(r.Dir, filepath.FromSlash(p))
		if b, err := os.ReadFile(abs); err == nil && plumbing.ComputeHash(plumbing.BlobObject, b) == e.Hash {
			if fi, err := os.Stat(abs); err == nil {
				FillStat(ie, fi)
			}
		}
		idx.Entries = append(idx.Entries, ie)
	}
	return nil
}

// UpdateIndex refreshes idx's entries of the changed paths from the files
// on disk (hash of the content, regular mode, stat data), so git status
// sees nothing to do, and writes it (WriteIndex).
func (r *Repo) UpdateIndex(idx *index.Index, changes []IndexChange) error {
	for _, c := range changes {
		if c.Delete {
			_, _ = idx.Remove(c.Path)
			continue
		}
		e, err := idx.Entry(c.Path)
		if err != nil {
			e = idx.Add(c.Path)
		}
		fi, err := os.Stat(filepath.Join(r.Dir, filepath.FromSlash(c.Path)))
		if err != nil {
			return err
		}
		e.Hash = plumbing.ComputeHash(plumbing.BlobObject, c.Data)
		e.Mode = filemode.Regular
		FillStat(e, fi)
	}
	sort.Slice(idx.Entries, func(i, j int) bool { return idx.Entries[i].Name < idx.Entries[j].Name })
	idx.Cache = nil // the cached trees no longer match; git rebuilds them
	return r.WriteIndex(idx)
}
