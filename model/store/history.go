package store

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/delegate-itu/delegate/model/gitrepo"
)

// historyIndex records which commits changed which paths, because asking
// go-git for a file's log diffs every commit (73 s at 10,000 commits). It
// lives in .git/delegate/history as lines "<commit> <path>", oldest first,
// appended at each save and caught up from HEAD when other tools (git,
// sync) added commits. It can always be rebuilt from the repository.
type historyIndex struct {
	byPath map[string][]histEntry
	head   plumbing.Hash // last indexed commit
	known  map[plumbing.Hash]bool
}

// histEntry is one commit that touched a path; deleted when it removed it.
type histEntry struct {
	commit  plumbing.Hash
	deleted bool
}

// delMark prefixes a path deleted by a commit, in the index file and in
// the lists passed around here (gitrepo.DeletedMark).
const delMark = gitrepo.DeletedMark

func (w *Workspace) historyPath() string { return filepath.Join(w.delegateDir(), "history") }

// noteCommit appends a fresh commit's paths to the index when the index
// ends at its parent; otherwise the next history query catches up.
func (w *Workspace) noteCommit(h, parent plumbing.Hash, paths []string) {
	last, ok := lastIndexed(w.historyPath())
	if !ok || last != parent {
		w.hist = nil
		return
	}
	if err := appendHistory(w.historyPath(), h, paths); err != nil {
		w.hist = nil
		return
	}
	if w.hist != nil && w.hist.head == parent {
		w.hist.add(h, paths)
	}
}

func (x *historyIndex) add(h plumbing.Hash, paths []string) {
	for _, p := range paths {
		q, del := strings.CutPrefix(p, delMark)
		x.byPath[q] = append(x.byPath[q], histEntry{h, del})
	}
	if x.known != nil {
		x.known[h] = true
	}
	x.head = h
}

// appendHistory records a commit in the index file, unless the workspace
// is open for reading only: then the index lives in memory.
func (w *Workspace) appendHistory(h plumbing.Hash, paths []string) error {
	if w.readOnly != nil {
		return nil
	}
	return appendHistory(w.historyPath(), h, paths)
}

func (w *Workspace) dropHistoryFile() error {
	if w.readOnly != nil {
		return nil
	}
	if err := os.Remove(w.historyPath()); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

func appendHistory(path string, h plumbing.Hash, paths []string) error {
	var b bytes.Buffer
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	for _, p := range paths {
		b.WriteString(h.String() + " " + p + "\n")
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(b.Bytes()) // one write: a crash leaves whole lines or a torn last line
	return errors.Join(err, f.Close())
}

// lastIndexed reads the commit of the index's last complete line. An
// empty or missing index ends at the zero hash.
func lastIndexed(path string) (plumbing.Hash, bool) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return plumbing.ZeroHash, true
	}
	if err != nil {
		return plumbing.ZeroHash, false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.Size() == 0 {
		return plumbing.ZeroHash, err == nil
	}
	off := max(fi.Size()-512, 0)
	buf := make([]byte, fi.Size()-off)
	if _, err := f.ReadAt(buf, off); err != nil && err != io.EOF {
		return plumbing.ZeroHash, false
	}
	if buf[len(buf)-1] != '\n' {
		return plumbing.ZeroHash, false // torn line: let a full load repair it
	}
	buf = buf[:len(buf)-1]
	line := buf[bytes.LastIndexByte(buf, '\n')+1:]
	if len(line) < 41 {
		return plumbing.ZeroHash, false
	}
	return plumbing.NewHash(string(line[:40])), true
}

// history returns the index, loading it and catching up with HEAD.
func (w *Workspace) history() (*historyIndex, error) {
	_, head, _, err := w.head()
	if err != nil {
		return nil, err
	}
	if w.hist == nil {
		if w.hist, err = loadHistory(w.historyPath()); err != nil {
			return nil, err
		}
	}
	if w.hist.head != head {
		if err := w.catchUp(head); err != nil {
			w.hist = nil
			return nil, fmt.Errorf("update history index: %w", err)
		}
	}
	return w.hist, nil
}

func loadHistory(path string) (*historyIndex, error) {
	x := &historyIndex{byPath: map[string][]histEntry{}}
	b, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	if i := bytes.LastIndexByte(b, '\n'); i+1 != len(b) {
		b = b[:i+1] // drop a torn last line; it is rewritten on catch-up
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return nil, err
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		line := sc.Bytes()
		if len(line) < 42 || line[40] != ' ' {
			continue
		}
		h := plumbing.NewHash(string(line[:40]))
		if p := string(line[41:]); p != "-" {
			q, del := strings.CutPrefix(p, delMark)
			x.byPath[q] = append(x.byPath[q], histEntry{h, del})
		}
		x.head = h
	}
	return x, sc.Err()
}

// catchUp indexes the commits between the indexed head and HEAD. If HEAD
// does not descend from it (history rewritten), the index is rebuilt.
func (w *Workspace) catchUp(head plumbing.Hash) error {
	x := w.hist
	if x.known == nil {
		x.known = map[plumbing.Hash]bool{}
		for _, hs := range x.byPath {
			for _, h := range hs {
				x.known[h.commit] = true
			}
		}
		x.known[x.head] = true
	}
	todo, met, err := w.unindexed(head, x.known)
	if err != nil {
		return err
	}
	if !met && !x.head.IsZero() {
		w.hist = &historyIndex{byPath: map[string][]histEntry{}, known: map[plumbing.Hash]bool{}}
		x = w.hist
		if err := w.dropHistoryFile(); err != nil {
			return err
		}
	}
	cache := gitrepo.TreeCache{}
	for i := len(todo) - 1; i >= 0; i-- {
		c := todo[i]
		paths, err := w.commitPaths(cache, c)
		if err != nil {
			return err
		}
		if err := w.appendHistory(c.Hash, paths); err != nil {
			return err
		}
		x.add(c.Hash, paths)
	}
	return nil
}

// unindexed walks back from head to indexed commits; met says whether it
// reached one. Commits come newest first.
func (w *Workspace) unindexed(head plumbing.Hash, known map[plumbing.Hash]bool) ([]*object.Commit, bool, error) {
	var out []*object.Commit
	seen := map[plumbing.Hash]bool{}
	queue, met := []plumbing.Hash{head}, false
	for len(queue) > 0 {
		h := queue[0]
		queue = queue[1:]
		if seen[h] {
			continue
		}
		seen[h] = true
		if known[h] {
			met = true
			continue
		}
		c, err := object.GetCommit(w.st, h)
		if err != nil {
			return nil, false, err
		}
		out = append(out, c)
		queue = append(queue, c.ParentHashes...)
	}
	return newestFirst(out, head), met, nil
}

// newestFirst orders commits so that each comes before its parents (a
// merge brings in branches of different lengths: walking by distance
// alone could index a commit before its parent).
func newestFirst(cs []*object.Commit, head plumbing.Hash) []*object.Commit {
	set := make(map[plumbing.Hash]*object.Commit, len(cs))
	for _, c := range cs {
		set[c.Hash] = c
	}
	out := gitrepo.ParentsFirst(set, []plumbing.Hash{head})
	slices.Reverse(out)
	return out
}

// commitPaths lists the paths a commit changed (gitrepo.Objects.CommitPaths).
func (w *Workspace) commitPaths(cache gitrepo.TreeCache, c *object.Commit) ([]string, error) {
	return w.objects().CommitPaths(cache, c)
}

// changedPaths lists the files that differ between two trees, deleted
// ones with delMark (gitrepo.Objects.ChangedPaths).
func (w *Workspace) changedPaths(cache gitrepo.TreeCache, a, b plumbing.Hash, prefix string, out *[]string) error {
	return w.objects().ChangedPaths(cache, a, b, prefix, out)
}
