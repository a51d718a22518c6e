package store

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// Errors a save can meet on the disk, in the user's words. They are
// wrapped so callers tell them apart with errors.Is.
var (
	// ErrDiskFull: the drive holding the workspace has no space left.
	ErrDiskFull = errors.New("the disk holding the workspace is full; free some space, then save again")
	// ErrNoPermission: the workspace folder may not be written to.
	ErrNoPermission = errors.New("no permission to write in the workspace folder (or the drive is read-only)")
	// ErrNotSaved: a save failed before its commit; the previous version
	// stands, so the user only has to save again.
	ErrNotSaved = errors.New("not saved, the previous version is kept")
	// ErrFolderBehind: a save is in the history but the file in the folder
	// could not be updated; the next Open repairs it from the journal.
	ErrFolderBehind = errors.New("saved in the history, but the file in the workspace folder could not be updated (Delegate repairs it when the workspace is opened again)")
)

// diskErr names a disk-full or permission error in the user's words and
// keeps the system's error for the details.
func diskErr(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT):
		return fmt.Errorf("%w (%v)", ErrDiskFull, err)
	case errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EROFS):
		return fmt.Errorf("%w (%v)", ErrNoPermission, err)
	}
	return err
}

// saveFailed explains a failed save: before the commit point nothing
// changed; after it the save is in the history and only the file in the
// folder lags, which the next Open repairs from the journal.
func saveFailed(err error, committed bool) error {
	if committed {
		return fmt.Errorf("%w: %w", ErrFolderBehind, diskErr(err))
	}
	return fmt.Errorf("%w: %w", ErrNotSaved, diskErr(err))
}
