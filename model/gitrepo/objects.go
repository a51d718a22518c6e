package gitrepo

import (
	"bytes"
	"compress/zlib"
	"crypto/sha1"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/index"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// zlibWriters are reused: a fresh zlib writer allocates and clears about
// a megabyte, which was most of the cost of writing a small object.
var zlibWriters sync.Pool

// WriteLoose stores a loose object the way git does (zlib of "type size\0
// content", named by its SHA-1). It is here rather than go-git's writer
// because that one hashes with the slower collision-detecting SHA-1 twice
// and compresses at the default level: for a 5,000-entry tree that was
// two thirds of a save. Objects already present are not rewritten.
//
// It stores into an objects folder (a workspace's or
// a shared bare repository's).
func WriteLoose(objects string, t plumbing.ObjectType, content []byte) (plumbing.Hash, error) {
	header := t.String() + " " + strconv.Itoa(len(content)) + "\x00"
	sum := sha1.New()
	sum.Write([]byte(header))
	sum.Write(content)
	var h plumbing.Hash
	copy(h[:], sum.Sum(nil))
	hex := h.String()
	path := filepath.Join(objects, hex[:2], hex[2:])
	if _, err := os.Stat(path); err == nil {
		return h, nil
	}
	var buf bytes.Buffer
	zw, ok := zlibWriters.Get().(*zlib.Writer)
	if ok {
		zw.Reset(&buf)
	} else {
		zw, _ = zlib.NewWriterLevel(&buf, zlib.BestSpeed)
	}
	defer zlibWriters.Put(zw)
	zw.Write([]byte(header))
	zw.Write(content)
	if err := zw.Close(); err != nil {
		return h, err
	}
	return h, WriteFileQuick(path, buf.Bytes(), 0o444)
}

// WriteFileQuick is WriteFileAtomic without fsync, for files that are
// useless until a later fsynced rename (the branch ref) points at them.
func WriteFileQuick(path string, data []byte, perm os.FileMode) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+TmpMarker)
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
	err = errors.Join(err, f.Chmod(perm), f.Close())
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		_ = os.Remove(f.Name())
	}
	return err
}

// EncodeTree serialises tree entries (already in git order).
func EncodeTree(entries []object.TreeEntry) []byte {
	var b bytes.Buffer
	b.Grow(len(entries) * 48)
	for _, e := range entries {
		b.WriteString(strconv.FormatUint(uint64(e.Mode), 8))
		b.WriteByte(' ')
		b.WriteString(e.Name)
		b.WriteByte(0)
		b.Write(e.Hash[:])
	}
	return b.Bytes()
}

// EncodeIndexV2 writes git's index format version 2 without extensions
// (git rebuilds its cache-tree when it needs one). go-git's encoder
// writes field by field through reflection, ten times slower on a
// 5,000-entry index. ok is false for indexes that need version 3 or 4.
func EncodeIndexV2(idx *index.Index) (data []byte, ok bool) {
	if idx.Version != 2 {
		return nil, false
	}
	var b bytes.Buffer
	b.Grow(64 + len(idx.Entries)*96)
	b.WriteString("DIRC")
	put := func(v uint32) { _ = binary.Write(&b, binary.BigEndian, v) }
	put(2)
	put(uint32(len(idx.Entries)))
	var fixed [62]byte
	stamp := func(t time.Time) (uint32, uint32) {
		if t.IsZero() {
			return 0, 0
		}
		return uint32(t.Unix()), uint32(t.Nanosecond())
	}
	for _, e := range idx.Entries {
		if e.SkipWorktree || e.IntentToAdd || len(e.Name) >= 0xFFF {
			return nil, false
		}
		be := binary.BigEndian
		cs, cn := stamp(e.CreatedAt)
		ms, mn := stamp(e.ModifiedAt)
		be.PutUint32(fixed[0:], cs)
		be.PutUint32(fixed[4:], cn)
		be.PutUint32(fixed[8:], ms)
		be.PutUint32(fixed[12:], mn)
		be.PutUint32(fixed[16:], e.Dev)
		be.PutUint32(fixed[20:], e.Inode)
		be.PutUint32(fixed[24:], uint32(e.Mode))
		be.PutUint32(fixed[28:], e.UID)
		be.PutUint32(fixed[32:], e.GID)
		be.PutUint32(fixed[36:], e.Size)
		copy(fixed[40:60], e.Hash[:])
		be.PutUint16(fixed[60:], uint16(e.Stage)<<12|uint16(len(e.Name)))
		b.Write(fixed[:])
		b.WriteString(e.Name)
		size := (62 + len(e.Name) + 8) &^ 7
		b.Write(make([]byte, size-62-len(e.Name)))
	}
	sum := sha1.Sum(b.Bytes())
	b.Write(sum[:])
	return b.Bytes(), true
}
