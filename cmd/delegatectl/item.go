package main

import (
	"errors"
	"fmt"

	"github.com/delegate-itu/delegate/model/store"
)

// runItem dispatches `delegatectl item remove`.
func runItem(e *env, args []string) error {
	if len(args) == 0 || args[0] != "remove" {
		return usagef("usage: delegatectl item remove ID [--reason TEXT]")
	}
	return runItemRemove(e, args[1:])
}

// runItemRemove is `delegatectl item remove ID [--reason TEXT]`: the
// coordinator's way to take out an item that blocks colleagues' syncs (a
// file they refuse, even one that cannot be read) or that is unwanted.
// The removal is one commit and reaches the others at their next sync;
// the item's history stays in git.
func runItemRemove(e *env, args []string) error {
	cmd := newWSCommand(e, "item remove")
	reason := cmd.String("reason", "", "why it is removed (kept in the commit message)")
	return cmd.run(args, nArgs(1, "usage: delegatectl item remove ID [--reason TEXT]"), func(w *store.Workspace, pos []string) error {
		defer sayRepairs(e, w, len(w.Recovered()))
		if err := w.RemoveItem(pos[0], *reason); err != nil {
			if errors.Is(err, store.ErrNotFound) {
				return usageError{err}
			}
			return err
		}
		fmt.Fprintf(e.stdout, "removed %s (one commit; colleagues get the removal at their next sync)\n", pos[0])
		return nil
	})
}
