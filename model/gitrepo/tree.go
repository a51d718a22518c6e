package gitrepo

import (
	"bytes"
	"errors"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// TreeCache keeps recently read trees as raw bytes; consecutive commits
// share most of them.
type TreeCache map[plumbing.Hash][]byte

// Objects is a repository's object store as the engine reads it: loose
// objects straight from its objects folder Dir, the rest through St.
type Objects struct {
	Dir string
	St  storer.EncodedObjectStorer
}

// Read returns an object's content (see ReadObject).
func (o Objects) Read(h plumbing.Hash) ([]byte, error) { return ReadObject(o.Dir, o.St, h) }

// RawTree returns tree h's raw bytes, through cache; the zero hash is the
// empty tree.
func (o Objects) RawTree(cache TreeCache, h plumbing.Hash) ([]byte, error) {
	if h.IsZero() {
		return nil, nil
	}
	if b, ok := cache[h]; ok {
		return b, nil
	}
	b, err := o.Read(h)
	if err != nil {
		return nil, err
	}
	if len(cache) > 64 {
		clear(cache)
	}
	cache[h] = b
	return b, nil
}

// RawEntry is one tree entry read in place, without allocating.
type RawEntry struct {
	Dir  bool // a folder (mode 40000)
	Name []byte
	Hash plumbing.Hash
}

// NextEntry reads "<mode> <name>\0<20-byte hash>" from a raw tree.
func NextEntry(b []byte) (RawEntry, []byte, error) {
	sp := bytes.IndexByte(b, ' ')
	nul := bytes.IndexByte(b, 0)
	if sp < 0 || nul < sp || len(b) < nul+21 {
		return RawEntry{}, nil, errors.New("damaged tree object")
	}
	e := RawEntry{Dir: string(b[:sp]) == "40000", Name: b[sp+1 : nul]}
	copy(e.Hash[:], b[nul+1:nul+21])
	return e, b[nul+21:], nil
}

// GitCmp orders entries as git sorts trees: folders as if named "name/".
func GitCmp(a, b RawEntry) int {
	n := min(len(a.Name), len(b.Name))
	if c := bytes.Compare(a.Name[:n], b.Name[:n]); c != 0 {
		return c
	}
	next := func(e RawEntry) int {
		switch {
		case len(e.Name) > n:
			return int(e.Name[n])
		case e.Dir:
			return '/'
		}
		return -1
	}
	return next(a) - next(b)
}
