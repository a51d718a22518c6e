package store

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/delegate-itu/delegate/model/gitrepo"
)

// sweepTemps removes what writes killed half-way left in .git: an
// unfinished index or tag ref, and (objects) unfinished loose objects
// and remote-tracking refs.
// Git ignores such files (fsck passes) but counts them as garbage and
// never removes them. Only the process holding the workspace lock
// sweeps, so no write in flight is touched. Objects are swept only after
// an interrupted save or before a sync, not at every Open: reading 256
// folders would slow opening a large workspace for a rare leftover.
func (w *Workspace) sweepTemps(objects bool) {
	git := filepath.Join(w.dir, ".git")
	gitrepo.RemoveTemps(git)
	gitrepo.RemoveTemps(filepath.Join(git, "refs", "tags"))
	if ents, err := os.ReadDir(w.delegateDir()); err == nil { // journals, and locks of dead processes
		for _, e := range ents {
			n := e.Name()
			before, pid, ok := strings.Cut(n, gitrepo.TmpMarker)
			if !ok {
				continue
			}
			if p, err := strconv.Atoi(pid); before == "lock" && (err != nil || processAlive(p)) {
				continue // another process trying to take the lock right now
			}
			_ = os.Remove(filepath.Join(w.delegateDir(), n))
		}
	}
	if !objects {
		return
	}
	if rs, err := os.ReadDir(filepath.Join(git, "refs", "remotes")); err == nil {
		for _, r := range rs {
			gitrepo.RemoveTemps(filepath.Join(git, "refs", "remotes", r.Name(), "people"))
		}
	}
	root := filepath.Join(git, "objects")
	ents, err := os.ReadDir(root)
	if err != nil {
		return
	}
	for _, e := range ents {
		if e.IsDir() && len(e.Name()) == 2 {
			gitrepo.RemoveTemps(filepath.Join(root, e.Name()))
		}
	}
}
