package store

import (
	"errors"
	"fmt"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/delegate-itu/delegate/model/gitrepo"
)

// How a branch was brought into the workspace.
const (
	MergeUpToDate    = "up-to-date"   // nothing new
	MergeFastForward = "fast-forward" // only they had changed something
	MergeCommitted   = "merge"        // both had: a merge commit with two parents
)

// BranchMerge is what merging one person's branch did.
type BranchMerge struct {
	From      string   `json:"from"` // person ID
	How       string   `json:"how"`
	Changed   int      `json:"changed"`             // files that arrived or changed
	Conflicts []string `json:"conflicts,omitempty"` // paths both sides changed differently
}

// mergeBranch brings the commit theirs (person from's branch) into the
// current branch. go-git v5 has no merge, so this is a three-way merge of
// trees done here: a file changed on one side only takes that side; a
// file changed on both sides keeps ours in place and theirs as a conflict
// copy (see conflictCopyPath); a deletion never wins over an edit.
func (w *Workspace) mergeBranch(theirs plumbing.Hash, from string) (BranchMerge, error) {
	out := BranchMerge{From: from, How: MergeUpToDate}
	branch, ours, oursTree, err := w.head()
	if err != nil || ours == theirs {
		return out, err
	}
	anc, err := w.ancestors(ours)
	if err != nil || anc[theirs] {
		return out, err
	}
	tc, err := object.GetCommit(w.st, theirs)
	if err != nil {
		return out, fmt.Errorf("read %s's work: %w", from, err)
	}
	base, err := w.mergeBase(anc, theirs)
	if err != nil {
		return out, err
	}
	if base == ours {
		out.How = MergeFastForward
		out.Changed, err = w.fastForward(branch, oursTree, tc)
		return out, err
	}
	var baseTree plumbing.Hash
	if !base.IsZero() {
		bc, err := object.GetCommit(w.st, base)
		if err != nil {
			return out, err
		}
		baseTree = bc.TreeHash
	}
	changes, conflicts, err := w.mergeTrees(baseTree, oursTree, tc.TreeHash, from)
	if err != nil {
		return out, err
	}
	out.How, out.Changed, out.Conflicts = MergeCommitted, len(changes), conflicts
	return out, w.commitMerge(branch, ours, oursTree, theirs, from, changes, conflicts)
}

// ancestors is the set of commits reachable from h, h included.
func (w *Workspace) ancestors(h plumbing.Hash) (map[plumbing.Hash]bool, error) {
	seen := map[plumbing.Hash]bool{}
	stack := []plumbing.Hash{h}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if c.IsZero() || seen[c] {
			continue
		}
		seen[c] = true
		cm, err := object.GetCommit(w.st, c)
		if err != nil {
			return nil, fmt.Errorf("read commit %s: %w", c, err)
		}
		stack = append(stack, cm.ParentHashes...)
	}
	return seen, nil
}

// mergeBase walks back from theirs, newest commit first, to the first
// commit ours also has: the latest common ancestor. Zero when the two
// histories share nothing (two workspaces created separately).
func (w *Workspace) mergeBase(ours map[plumbing.Hash]bool, theirs plumbing.Hash) (plumbing.Hash, error) {
	seen := map[plumbing.Hash]bool{theirs: true}
	queue := []*object.Commit{}
	c, err := object.GetCommit(w.st, theirs)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	queue = append(queue, c)
	for len(queue) > 0 {
		i := gitrepo.Newest(queue)
		c := queue[i]
		queue = append(queue[:i], queue[i+1:]...)
		if ours[c.Hash] {
			return c.Hash, nil
		}
		for _, p := range c.ParentHashes {
			if seen[p] {
				continue
			}
			seen[p] = true
			pc, err := object.GetCommit(w.st, p)
			if err != nil {
				return plumbing.ZeroHash, err
			}
			queue = append(queue, pc)
		}
	}
	return plumbing.ZeroHash, nil
}

// fastForward moves the branch to their commit and brings the files along.
func (w *Workspace) fastForward(branch plumbing.ReferenceName, oursTree plumbing.Hash, tc *object.Commit) (int, error) {
	var paths []string
	if err := w.changedPaths(gitrepo.TreeCache{}, oursTree, tc.TreeHash, "", &paths); err != nil {
		return 0, err
	}
	changes := make([]change, 0, len(paths))
	look := treeLookup{w: w, m: map[plumbing.Hash]map[string]plumbing.Hash{}}
	for _, p := range paths {
		q, del := strings.CutPrefix(p, delMark)
		c := change{path: q, del: del}
		if !del {
			var err error
			if c.blob, err = look.find(tc.TreeHash, q); err != nil {
				return 0, err
			}
			if c.data, err = w.blobData(c.blob); err != nil {
				return 0, err
			}
		}
		changes = append(changes, c)
	}
	return len(changes), w.moveBranch(branch, tc.Hash, changes)
}

// moveBranch points the branch at h and updates the files and git's index
// for changes, under the save journal so a crash is repaired by Open.
func (w *Workspace) moveBranch(branch plumbing.ReferenceName, h plumbing.Hash, changes []change) error {
	paths := make([]string, len(changes))
	for i, c := range changes {
		paths[i] = c.path
	}
	if err := w.writeJournal(paths); err != nil {
		return saveFailed(err, false)
	}
	if err := w.setRef(branch, h); err != nil {
		_ = w.clearJournal()
		return saveFailed(err, false)
	}
	if err := w.syncFiles(changes); err != nil {
		return saveFailed(err, true) // the journal stays, so Open repairs the folder
	}
	w.hist = nil // the merged commits are indexed on the next query
	return w.clearJournal()
}

// mergeTrees lists the changes that bring theirs into ours.
func (w *Workspace) mergeTrees(base, ours, theirs plumbing.Hash, from string) ([]change, []string, error) {
	cache := gitrepo.TreeCache{}
	var op, tp []string
	if err := w.changedPaths(cache, base, ours, "", &op); err != nil {
		return nil, nil, err
	}
	if err := w.changedPaths(cache, base, theirs, "", &tp); err != nil {
		return nil, nil, err
	}
	oursChanged := make(map[string]bool, len(op))
	for _, p := range op {
		oursChanged[strings.TrimPrefix(p, delMark)] = true
	}
	var changes []change
	var conflicts []string
	taken := map[string]bool{}
	look := treeLookup{w: w, m: map[plumbing.Hash]map[string]plumbing.Hash{}}
	for _, p := range tp {
		q, del := strings.CutPrefix(p, delMark)
		oh, oerr := look.find(ours, q)
		th, terr := look.find(theirs, q)
		switch {
		case oursChanged[q] && (oh == th || del): // same result, or keep our edit over their deletion
			continue
		case del:
			changes = append(changes, change{path: q, del: true})
			continue
		}
		if terr != nil {
			return nil, nil, terr
		}
		data, err := w.blobData(th)
		if err != nil {
			return nil, nil, err
		}
		if !oursChanged[q] || oerr != nil { // only they changed it, or we deleted what they edited
			changes = append(changes, change{path: q, data: data, blob: th})
			continue
		}
		cp, err := w.conflictCopyPath(look, ours, q, from, th, taken)
		if err != nil {
			return nil, nil, err
		}
		if cp != "" {
			taken[cp] = true
			changes = append(changes, change{path: cp, data: data, blob: th})
		}
		conflicts = append(conflicts, q)
	}
	return changes, conflicts, nil
}

// ConflictsDir holds the other versions of files two people changed
// differently: conflicts/<folder>/<name>.from-<person-id>.<ext>, e.g.
// conflicts/items/comments/jd-241201-k3f9x.from-ana-example-org.md.
const ConflictsDir = "conflicts"

// conflictFrom separates a conflict copy's name from the person ID.
const conflictFrom = ".from-"

// conflictCopyPath names where their version of p goes; a second,
// different copy from the same person gets "-2", "-3"... It is "" when
// that exact version is kept already.
func (w *Workspace) conflictCopyPath(look treeLookup, ours plumbing.Hash, p, from string, theirs plumbing.Hash, taken map[string]bool) (string, error) {
	dir, file := path.Split(p)
	ext := path.Ext(file)
	stem := strings.TrimSuffix(file, ext)
	if !strings.HasPrefix(dir, ConflictsDir+"/") {
		dir = ConflictsDir + "/" + dir
	}
	for n := 1; n < 1000; n++ {
		suffix := ""
		if n > 1 {
			suffix = "-" + strconv.Itoa(n)
		}
		cp := dir + stem + conflictFrom + from + suffix + ext
		h, err := look.find(ours, cp)
		switch {
		case errors.Is(err, ErrNotFound) && !taken[cp]:
			return cp, nil
		case err != nil && !errors.Is(err, ErrNotFound):
			return "", err
		case h == theirs:
			return "", nil
		}
	}
	return "", fmt.Errorf("too many conflicting versions of %s", p)
}

// commitMerge writes the merge commit (parents: ours, theirs) and moves
// the branch to it.
func (w *Workspace) commitMerge(branch plumbing.ReferenceName, ours, oursTree, theirs plumbing.Hash, from string, changes []change, conflicts []string) error {
	root, err := w.updateTree(oursTree, changes)
	if err != nil {
		return err
	}
	msg := "Sync: merge the work of " + from + "\n\nMerged-from: " + from + "\n"
	for _, c := range conflicts {
		msg += "Conflict: " + c + "\n"
	}
	sig := object.Signature{Name: w.user.Name, Email: w.user.Email, When: time.Now()}
	c := &object.Commit{Author: sig, Committer: sig, Message: msg, TreeHash: root, ParentHashes: []plumbing.Hash{ours, theirs}}
	if err := w.signCommit(c); err != nil {
		return err
	}
	obj := w.st.NewEncodedObject()
	if err := c.Encode(obj); err != nil {
		return err
	}
	h, err := w.st.SetEncodedObject(obj)
	if err != nil {
		return err
	}
	return w.moveBranch(branch, h, changes)
}

// treeLookup finds paths in trees, decoding each tree once: a merge of
// 1,000 items otherwise decodes the 1,000-entry folder 2,000 times.
type treeLookup struct {
	w *Workspace
	m map[plumbing.Hash]map[string]plumbing.Hash
}

func (l treeLookup) find(tree plumbing.Hash, p string) (plumbing.Hash, error) {
	h := tree
	for _, name := range strings.Split(p, "/") {
		if h.IsZero() {
			return h, fmt.Errorf("%w: %s", ErrNotFound, p)
		}
		ents, ok := l.m[h]
		if !ok {
			t, err := object.GetTree(l.w.st, h)
			if err != nil {
				return plumbing.ZeroHash, err
			}
			ents = make(map[string]plumbing.Hash, len(t.Entries))
			for _, e := range t.Entries {
				ents[e.Name] = e.Hash
			}
			l.m[h] = ents
		}
		if h, ok = ents[name]; !ok {
			return plumbing.ZeroHash, fmt.Errorf("%w: %s", ErrNotFound, p)
		}
	}
	return h, nil
}

// blobData reads a blob's content.
func (w *Workspace) blobData(h plumbing.Hash) ([]byte, error) {
	b, err := object.GetBlob(w.st, h)
	if err != nil {
		return nil, err
	}
	return blobBytes(b)
}
