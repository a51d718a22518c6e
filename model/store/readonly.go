package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// ErrReadOnly is wrapped by every save in a workspace opened for reading
// only (a read-only drive or folder, a CD, a colleague's share mounted
// read-only). Listing, showing, history and previews still work.
var ErrReadOnly = errors.New("this workspace folder is read-only")

// readOnlyError is a save refused in a read-only workspace: it says so,
// and that nothing was saved (errors.Is: ErrReadOnly, ErrNotSaved,
// ErrNoPermission, and the system error it came from).
type readOnlyError struct {
	dir   string
	cause error
}

func (e *readOnlyError) Error() string {
	return fmt.Sprintf("%v (%v); nothing was saved", ErrReadOnly, inFolder(e.dir, e.cause))
}

// folderError names the workspace folder, not the lock file Delegate
// happened to try, around the system's error.
type folderError struct {
	dir string
	err error
}

func (e *folderError) Error() string {
	if pe := (*fs.PathError)(nil); errors.As(e.err, &pe) {
		return e.dir + ": " + pe.Err.Error()
	}
	return e.err.Error()
}
func (e *folderError) Unwrap() error { return e.err }

func inFolder(dir string, err error) error { return &folderError{dir: dir, err: err} }

func (e *readOnlyError) Is(target error) bool {
	return target == ErrReadOnly || target == ErrNotSaved || target == ErrNoPermission
}
func (e *readOnlyError) Unwrap() error { return e.cause }

// readableWithoutLock tells the lock errors after which a workspace can
// still be opened for reading: the folder cannot be written (read-only,
// no permission) or the disk is full. Nothing can be saved then anyway, so
// no lock is needed to keep two writers apart.
func readableWithoutLock(err error) bool {
	return errors.Is(err, syscall.EROFS) || errors.Is(err, os.ErrPermission) ||
		errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}

// ReadOnly is nil when the workspace is open for saving; otherwise it says
// why it is open for reading only (a read-only folder: ErrReadOnly; a full
// disk: ErrDiskFull), for the notice shown when it opens.
func (w *Workspace) ReadOnly() error {
	switch err := w.readOnly; {
	case err == nil:
		return nil
	case errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT):
		return fmt.Errorf("%w (%v); until then the work can be read, but not saved", ErrDiskFull, inFolder(w.dir, err))
	default:
		return fmt.Errorf("%w (%v); the work can be read, but nothing can be saved", ErrReadOnly, inFolder(w.dir, err))
	}
}

func (w *Workspace) refusal(err error) error {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) {
		return saveFailed(inFolder(w.dir, err), false)
	}
	return &readOnlyError{dir: w.dir, cause: err}
}

// writable is asked before anything is written. In a workspace opened
// for reading only it tries once more to take the lock (space may have
// been freed, the drive remounted): if that works the workspace becomes
// an ordinary one, repaired like at Open; if not, the write is refused
// with nothing changed.
func (w *Workspace) writable() error {
	if w.closed {
		return errors.New("workspace is closed")
	}
	if w.readOnly == nil {
		return nil
	}
	stale, err := acquireLock(w.dir, w.user.Name)
	if err != nil {
		if readableWithoutLock(err) {
			w.readOnly = err
			return w.refusal(err)
		}
		return fmt.Errorf("%w: %w", ErrNotSaved, err) // someone else has it open for saving now
	}
	w.readOnly, w.locked = nil, true
	if stale {
		w.recovered = append(w.recovered, "cleared the lock of a Delegate process that is no longer running")
	}
	if err := w.repair(); err != nil {
		return saveFailed(err, false)
	}
	return nil
}
