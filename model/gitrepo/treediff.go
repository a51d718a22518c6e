package gitrepo

import (
	"slices"
	"sort"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// DeletedMark prefixes a path a commit deleted, in the lists CommitPaths
// and ChangedPaths give.
const DeletedMark = "!"

// CommitPaths lists the paths a commit changed. For a merge, only paths
// that differ from every parent count (as git log shows them): a file
// that simply came in from the other branch is already recorded by the
// commit that made it there.
func (o Objects) CommitPaths(cache TreeCache, c *object.Commit) ([]string, error) {
	var paths []string
	parents := c.ParentHashes
	if len(parents) == 0 {
		parents = []plumbing.Hash{plumbing.ZeroHash}
	}
	for i, ph := range parents {
		var parentTree plumbing.Hash
		if !ph.IsZero() {
			p, err := object.GetCommit(o.St, ph)
			if err != nil {
				return nil, err
			}
			parentTree = p.TreeHash
		}
		var these []string
		if err := o.ChangedPaths(cache, parentTree, c.TreeHash, "", &these); err != nil {
			return nil, err
		}
		if i == 0 {
			paths = these
			continue
		}
		keep := make(map[string]bool, len(these))
		for _, p := range these {
			keep[p] = true
		}
		paths = slices.DeleteFunc(paths, func(p string) bool { return !keep[p] })
	}
	sort.Strings(paths)
	return paths, nil
}

// ChangedPaths appends to out the files that differ between trees a and
// b (zero: the empty tree), under prefix, walking both sorted entry lists
// in step and descending only into folders that differ. Deleted files
// carry DeletedMark.
func (o Objects) ChangedPaths(cache TreeCache, a, b plumbing.Hash, prefix string, out *[]string) error {
	if a == b {
		return nil
	}
	ra, err := o.RawTree(cache, a)
	if err != nil {
		return err
	}
	rb, err := o.RawTree(cache, b)
	if err != nil {
		return err
	}
	for len(ra) > 0 || len(rb) > 0 {
		var ea, eb RawEntry
		var c int
		if ea, eb, ra, rb, c, err = popPair(ra, rb); err != nil {
			return err
		}
		da, db, name, descend := diffStep(c, ea, eb, prefix, out)
		if !descend {
			continue
		}
		if err := o.ChangedPaths(cache, da, db, prefix+name+"/", out); err != nil {
			return err
		}
	}
	return nil
}

// headOrder compares the first entries of two raw trees in git order; an
// empty side sorts after everything, so the other side's entries come out.
func headOrder(ra, rb []byte) (int, error) {
	switch {
	case len(ra) == 0:
		return 1, nil
	case len(rb) == 0:
		return -1, nil
	}
	ea, _, err := NextEntry(ra)
	if err != nil {
		return 0, err
	}
	eb, _, err := NextEntry(rb)
	if err != nil {
		return 0, err
	}
	return GitCmp(ea, eb), nil
}

// popPair takes the next entry off the side that sorts first (both when
// they name the same path) and returns the order found: <0 only ea, >0
// only eb, 0 both.
func popPair(ra, rb []byte) (ea, eb RawEntry, restA, restB []byte, c int, err error) {
	if c, err = headOrder(ra, rb); err != nil {
		return ea, eb, ra, rb, 0, err
	}
	if c <= 0 {
		if ea, ra, err = NextEntry(ra); err != nil {
			return ea, eb, ra, rb, c, err
		}
	}
	if c >= 0 {
		if eb, rb, err = NextEntry(rb); err != nil {
			return ea, eb, ra, rb, c, err
		}
	}
	return ea, eb, ra, rb, c, nil
}

// diffStep records one changed file for a popped pair, or says which two
// subtrees to descend into (a zero hash for a side that has no folder).
func diffStep(c int, ea, eb RawEntry, prefix string, out *[]string) (da, db plumbing.Hash, name string, descend bool) {
	switch {
	case c == 0 && ea.Hash == eb.Hash:
		return da, db, "", false
	case c == 0 && ea.Dir:
		return ea.Hash, eb.Hash, string(ea.Name), true
	case c == 0:
		*out = append(*out, prefix+string(eb.Name))
		return da, db, "", false
	case c < 0 && ea.Dir:
		return ea.Hash, db, string(ea.Name), true
	case c < 0:
		*out = append(*out, DeletedMark+prefix+string(ea.Name))
		return da, db, "", false
	case eb.Dir:
		return da, eb.Hash, string(eb.Name), true
	default:
		*out = append(*out, prefix+string(eb.Name))
		return da, db, "", false
	}
}
