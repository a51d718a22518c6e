package gitrepo

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// refLockStale is how old a ref's .lock in a folder remote must be to
// count as left by a publish that was killed: taking it, checking and
// renaming takes milliseconds, even on a slow shared drive.
const refLockStale = 30 * time.Second

// ErrRaced means someone published to the same branch during this sync.
var ErrRaced = errors.New("the branch on the remote moved during sync; sync again")

// TakeRefLock creates a folder remote's ref lock holding content. The
// lock is created whole (a complete temporary file hard-linked to its
// name), because go-git reading the remote's refs fails on an empty ref
// file, so a publish killed between creating the lock and writing it
// blocked every colleague's sync. A lock older than refLockStale is
// removed and taken: only its owner publishes people/<id>, from the one
// workspace that holds it, so no live publish is broken by that.
func TakeRefLock(dir, lock string, name plumbing.ReferenceName, content []byte) error {
	for try := 0; ; try++ {
		err := createWhole(dir, lock, content)
		if !errors.Is(err, os.ErrExist) {
			return err
		}
		if fi, serr := os.Stat(lock); try == 0 && serr == nil && time.Since(fi.ModTime()) > refLockStale {
			_ = os.Remove(lock)
			continue
		}
		return fmt.Errorf("%w (%s is locked: a sync is publishing it right now, or one was interrupted less than a minute ago; sync again in a minute)", ErrRaced, name)
	}
}

// createWhole creates path with content, failing with os.ErrExist if it
// exists. Where hard links are not supported (some USB drives) it falls
// back to an exclusive create, then a write.
func createWhole(dir, path string, content []byte) error {
	var r [6]byte
	_, _ = rand.Read(r[:])
	tmp := filepath.Join(dir, "."+filepath.Base(path)+TmpMarker+hex.EncodeToString(r[:]))
	err := writeSynced(tmp, os.O_EXCL, content)
	if err != nil {
		_ = os.Remove(tmp)
		return err
	}
	err = os.Link(tmp, path)
	_ = os.Remove(tmp)
	if err == nil || errors.Is(err, os.ErrExist) {
		return err
	}
	if err := writeSynced(path, os.O_EXCL, content); err != nil {
		if !errors.Is(err, os.ErrExist) {
			_ = os.Remove(path)
		}
		return err
	}
	return nil
}

// writeSynced writes a new file through the fault seam (FaultAt) and
// flushes it.
func writeSynced(path string, flag int, content []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|flag, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(content[:len(content)/2])
	if err == nil {
		err = FaultAt(path)
	}
	if err == nil {
		_, err = f.Write(content[len(content)/2:])
	}
	if err == nil {
		err = f.Sync()
	}
	return errors.Join(err, f.Close())
}

// ClearStaleLocks removes the ref locks in root (a folder of a bare
// repository's refs, such as refs/heads/people) that are older than
// refLockStale: left by a killed publish (by an older version, empty),
// they would make reading the remote's refs fail for everyone.
func ClearStaleLocks(root string) {
	ents, err := os.ReadDir(root)
	if err != nil {
		return
	}
	for _, e := range ents {
		if fi, err := e.Info(); err == nil && strings.HasSuffix(e.Name(), ".lock") && time.Since(fi.ModTime()) > refLockStale {
			_ = os.Remove(filepath.Join(root, e.Name()))
		}
	}
}
