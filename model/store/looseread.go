package store

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
)

// zlibReaders are reused: a fresh zlib reader allocates its window, which
// was a good part of reading thousands of small objects.
var zlibReaders sync.Pool

// readObject returns an object's content. Loose objects (every save
// writes some) are read here directly, several times faster than through
// go-git's filesystem layers; packed ones through go-git.
func (w *Workspace) readObject(h plumbing.Hash) ([]byte, error) {
	hex := h.String()
	z, err := os.ReadFile(filepath.Join(w.dir, ".git", "objects", hex[:2], hex[2:]))
	if errors.Is(err, os.ErrNotExist) {
		return readRaw(w.st, h)
	}
	if err != nil {
		return nil, err
	}
	return inflateLoose(z, h)
}

// inflateLoose decodes "type size\0content" from a loose object's bytes.
func inflateLoose(z []byte, h plumbing.Hash) ([]byte, error) {
	var zr io.ReadCloser
	var err error
	if r, ok := zlibReaders.Get().(io.ReadCloser); ok {
		zr = r
		err = r.(zlib.Resetter).Reset(bytes.NewReader(z), nil)
	} else {
		zr, err = zlib.NewReader(bytes.NewReader(z))
	}
	if err != nil {
		return nil, fmt.Errorf("object %s is damaged: %w", h, err)
	}
	defer zlibReaders.Put(zr)
	var head [32]byte
	n, _ := io.ReadAtLeast(zr, head[:], 1)
	nul := bytes.IndexByte(head[:n], 0)
	sp := bytes.IndexByte(head[:n], ' ')
	if nul < 0 || sp < 0 || sp > nul {
		return nil, fmt.Errorf("object %s is damaged", h)
	}
	size, err := strconv.Atoi(string(head[sp+1 : nul]))
	if err != nil {
		return nil, fmt.Errorf("object %s is damaged: %w", h, err)
	}
	out := make([]byte, size)
	got := copy(out, head[nul+1:n])
	if _, err := io.ReadFull(zr, out[got:]); err != nil {
		return nil, fmt.Errorf("object %s is damaged: %w", h, err)
	}
	return out, nil
}
