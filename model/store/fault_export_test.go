package store

import (
	"path/filepath"

	"github.com/delegate-itu/delegate/model/gitrepo"
)

// SetWriteFault lets the store_test package refuse writes the way a full
// or read-only disk does; it returns the function that removes the fault.
func SetWriteFault(f func(path string) error) (undo func()) {
	return gitrepo.SetWriteFault(f)
}

// CheckBranchOf runs the incoming check of w against the current version
// of from, as a sync of from's branch would: for benchmarks.
func CheckBranchOf(w, from *Workspace) error {
	_, tip, _, err := from.head()
	if err != nil {
		return err
	}
	in, err := w.newIncomingCheck(from.st, filepath.Join(from.dir, ".git", "objects"))
	if err != nil {
		return err
	}
	return in.branch(tip)
}
