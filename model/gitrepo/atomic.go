package gitrepo

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
)

// TmpMarker names temporary files so an interrupted save's leftovers can be
// recognised and removed.
const TmpMarker = ".delegate-tmp-"

// WriteFileAtomic replaces path with data so that a reader, or a crash,
// sees either the old file or the new one: temp file in the same folder,
// fsync, rename, fsync of the folder.
func WriteFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var r [6]byte
	_, _ = rand.Read(r[:])
	tmp := filepath.Join(dir, "."+filepath.Base(path)+TmpMarker+hex.EncodeToString(r[:]))
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data[:len(data)/2])
	if err == nil {
		err = FaultAt(path)
	}
	if err == nil {
		_, err = f.Write(data[len(data)/2:])
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp)
		return err
	}
	SyncDir(dir)
	return nil
}

// SyncDir makes a rename durable; some systems (Windows) cannot open a
// folder for syncing, which is harmless there.
func SyncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// RemoveTemps deletes temporary files an interrupted save left in dir and
// returns their names.
func RemoveTemps(dir string) []string {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var gone []string
	for _, e := range ents {
		if strings.Contains(e.Name(), TmpMarker) {
			if os.Remove(filepath.Join(dir, e.Name())) == nil {
				gone = append(gone, e.Name())
			}
		}
	}
	return gone
}
