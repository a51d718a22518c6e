package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/delegate-itu/delegate/model/gitrepo"
)

// ErrLocked is wrapped (through *LockedError) when another Delegate process
// has the workspace open.
var ErrLocked = errors.New("workspace in use")

// LockInfo says who holds a workspace, so the second process can tell the
// user whom to ask.
type LockInfo struct {
	User  string    `json:"user"`
	Host  string    `json:"host"`
	PID   int       `json:"pid"`
	Since time.Time `json:"since"`
}

// LockedError is returned by Open when the workspace is in use.
type LockedError struct {
	Dir  string
	Info LockInfo
}

// Error says who holds the workspace and what to do, in the user's terms.
func (e *LockedError) Error() string {
	if e.Info.PID == 0 {
		return fmt.Sprintf("workspace %s is being opened by another Delegate on this computer; try again in a few seconds", e.Dir)
	}
	return fmt.Sprintf("workspace %s is in use by %s on %s (pid %d) since %s; close Delegate there first",
		e.Dir, e.Info.User, e.Info.Host, e.Info.PID, e.Info.Since.Local().Format("2006-01-02 15:04"))
}

// Is makes errors.Is(err, ErrLocked) hold.
func (e *LockedError) Is(target error) bool { return target == ErrLocked }

// lockPath is inside .git so the lock never shows in git status.
func lockPath(dir string) string { return filepath.Join(dir, ".git", "delegate", "lock") }

// acquireLock creates the lock file, clearing one left by a process that
// no longer runs on this host. It reports whether a stale lock was cleared.
func acquireLock(dir, user string) (stale bool, err error) {
	path := lockPath(dir)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return false, err
	}
	host, _ := os.Hostname()
	me := LockInfo{User: user, Host: host, PID: os.Getpid(), Since: time.Now().UTC().Truncate(time.Second)}
	data, _ := json.Marshal(me)
	for attempt := 0; attempt < 2; attempt++ {
		err := createLock(path, data)
		if err == nil {
			removeLockTemps(path)
			return stale, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return stale, err
		}
		held, ok := readLock(path)
		if ok && (held.Host != host || processAlive(held.PID)) {
			return stale, &LockedError{Dir: dir, Info: held}
		}
		if !ok && !oldFile(path) {
			return stale, &LockedError{Dir: dir, Info: LockInfo{User: "another process", Host: host}}
		}
		if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return stale, err
		}
		stale = true
	}
	return stale, fmt.Errorf("could not lock workspace %s", dir)
}

// createLock creates the lock file with its content in one step: written
// to a temporary file, then hard-linked to the lock's name, which fails if
// the lock exists. A crash can then never leave an empty lock behind that
// would refuse the next open. Where hard links are not supported (some
// USB drives), it falls back to an exclusive create, then a write.
func createLock(path string, data []byte) error {
	tmp := path + gitrepo.TmpMarker + strconv.Itoa(os.Getpid())
	// Removed also when the write fails half-way: a full disk creates the
	// file, then refuses its content.
	defer os.Remove(tmp)
	err := os.WriteFile(tmp, data, 0o644) // no fsync: after a crash the lock is stale anyway
	if err == nil {
		err = gitrepo.FaultAt(path)
	}
	if err != nil {
		return err
	}
	err = os.Link(tmp, path)
	if err == nil || errors.Is(err, os.ErrExist) {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err = errors.Join(err, f.Close()); err != nil {
		_ = os.Remove(path) // an empty lock would refuse the next open for 10 s
	}
	return err
}

// removeLockTemps deletes the temporary files of lock attempts by
// processes that no longer run (an older Delegate at a full disk left
// them behind).
func removeLockTemps(lock string) {
	ents, err := os.ReadDir(filepath.Dir(lock))
	if err != nil {
		return
	}
	prefix := filepath.Base(lock) + gitrepo.TmpMarker
	for _, e := range ents {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if pid, err := strconv.Atoi(rest); ok && err == nil && pid != os.Getpid() && !processAlive(pid) {
			_ = os.Remove(filepath.Join(filepath.Dir(lock), e.Name()))
		}
	}
}

func readLock(path string) (LockInfo, bool) {
	var l LockInfo
	b, err := os.ReadFile(path)
	if err != nil || json.Unmarshal(b, &l) != nil || l.PID == 0 {
		return LockInfo{}, false
	}
	return l, true
}

// oldFile is true for a lock file too old to be one being written now
// (an empty lock left by a crash between create and write).
func oldFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && time.Since(fi.ModTime()) > 10*time.Second
}

func releaseLock(dir string) error {
	path := lockPath(dir)
	if l, ok := readLock(path); ok && l.PID != os.Getpid() {
		return nil // not ours (cleared as stale and taken by someone else)
	}
	return os.Remove(path)
}
