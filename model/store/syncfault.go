package store

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// Errors of a sync that met a full or read-only disk, in the user's words.
var (
	// ErrNotSynced: the sync stopped while receiving; the workspace's
	// work is as before (objects received so far are kept, inert, and
	// the next sync does not fetch them again).
	ErrNotSynced = errors.New("not synced: nothing was merged or published, your work is as it was")
	// ErrRemoteDiskFull: the shared folder's drive has no space left.
	ErrRemoteDiskFull = errors.New("the disk holding the shared folder is full; free some space there, then sync again")
	// ErrRemoteNoPermission: the shared folder may not be written to.
	ErrRemoteNoPermission = errors.New("no permission to write in the shared folder (or its drive is read-only)")
)

func isDiskErr(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) ||
		errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EROFS)
}

// fetchFailed words a disk error met while receiving into the workspace.
func fetchFailed(err error) error {
	if !isDiskErr(err) {
		return err
	}
	return fmt.Errorf("%w: %w", ErrNotSynced, diskErr(err))
}

// mergeFailed words a disk error met while merging before the merge's
// commit (writing its trees): that merge is not saved; the commit's own
// errors already say where they stopped.
func mergeFailed(err error) error {
	if !isDiskErr(err) || errors.Is(err, ErrNotSaved) || errors.Is(err, ErrFolderBehind) {
		return err
	}
	return fmt.Errorf("%w: %w", ErrNotSaved, diskErr(err))
}

// publishFailed words a disk error met while publishing: into a folder
// remote, that is the shared folder's disk, not the workspace's.
func publishFailed(r Remote, err error) error {
	switch {
	case r.Kind != RemoteFolder:
		return diskErr(err)
	case errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT):
		return fmt.Errorf("%w (%v)", ErrRemoteDiskFull, err)
	case errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EROFS):
		return fmt.Errorf("%w (%v)", ErrRemoteNoPermission, err)
	}
	return err
}
