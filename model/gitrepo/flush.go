package gitrepo

import (
	"errors"
	"os"
	"path/filepath"
)

// fewFiles is up to how many written files are flushed one by one; more
// are flushed together (flushMany), so a sync that writes 1,000 items
// does not wait for 1,000 separate disk flushes.
const fewFiles = 4

// FlushWritten makes files written without fsync durable, then the
// renames in their folders, each folder once.
func FlushWritten(root string, paths []string) error {
	var err error
	if len(paths) > fewFiles {
		err = flushMany(root, paths)
	} else {
		for _, p := range paths {
			err = errors.Join(err, fsyncFile(p))
		}
	}
	dirs := map[string]bool{}
	for _, p := range paths {
		if d := filepath.Dir(p); !dirs[d] {
			dirs[d] = true
			SyncDir(d)
		}
	}
	return err
}

func fsyncFile(p string) error {
	f, err := os.OpenFile(p, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	return errors.Join(f.Sync(), f.Close())
}
