package ui

import (
	"errors"

	"github.com/delegate-itu/delegate/model/store"
)

// lockedElsewhere is true when another Delegate (this computer or another
// one sharing the folder) has the workspace open. The store refuses a
// second writer outright rather than opening read-only: two writers on
// one git repository could lose a save, and a read-only view that goes
// stale while the other window saves would mislead. The session tells
// the user instead of silently showing the chooser.
func lockedElsewhere(err error) bool { return errors.Is(err, store.ErrLocked) }
