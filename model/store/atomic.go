package store

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
)

// tmpMarker names temporary files so an interrupted save's leftovers can be
// recognised and removed.
const tmpMarker = ".delegate-tmp-"

// writeFileAtomic replaces path with data so that a reader, or a crash,
// sees either the old file or the new one: temp file in the same folder,
// fsync, rename, fsync of the folder.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var r [6]byte
	_, _ = rand.Read(r[:])
	tmp := filepath.Join(dir, "."+filepath.Base(path)+tmpMarker+hex.EncodeToString(r[:]))
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data[:len(data)/2])
	if err == nil {
		err = faultAt(path)
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
	syncDir(dir)
	return nil
}

// syncDir makes a rename durable; some systems (Windows) cannot open a
// folder for syncing, which is harmless there.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// removeTemps deletes temporary files an interrupted save left in dir and
// returns their names.
func removeTemps(dir string) []string {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var gone []string
	for _, e := range ents {
		if strings.Contains(e.Name(), tmpMarker) {
			if os.Remove(filepath.Join(dir, e.Name())) == nil {
				gone = append(gone, e.Name())
			}
		}
	}
	return gone
}
