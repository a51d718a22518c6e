// Package userfile reads a file the user named (a flag, an argument, a
// file dialog) with a bound: a device, a pipe or a folder is refused
// before it is read, and a file over the format's limit is refused rather
// than read until memory runs out or silently cut short.
package userfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
)

// Sentinels for errors.Is; the messages name the file and the limit.
var (
	// ErrNotRegular: the path is a device (/dev/zero), a named pipe, a
	// socket or a folder, which can be endless or block for ever.
	ErrNotRegular = errors.New("not a regular file")
	// ErrTooLarge: the file is over the limit of what it is meant to be.
	ErrTooLarge = errors.New("file too large")
)

// TooLargeError says which file and by how much; it is ErrTooLarge.
type TooLargeError struct {
	Path  string
	Size  int64 // at least this many bytes (more were not read)
	Limit int64
}

// Error gives the file and the limit in megabytes, as a user reads sizes.
func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s is larger than %s", e.Path, MB(e.Limit))
}

// Is makes errors.Is(err, ErrTooLarge) hold.
func (e *TooLargeError) Is(target error) bool { return target == ErrTooLarge }

// MB writes a limit the way the messages say it: "1 MB", "30 MB", "64 KB".
func MB(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.0f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
}

// Read returns the contents of the file at path, at most limit bytes.
// The size is checked from the file's own Stat (after opening, so the
// name cannot be swapped for a device in between) and the read goes
// through an io.LimitReader, so a file that grows while it is read is
// refused too. Nothing is written anywhere.
func Read(path string, limit int64) ([]byte, error) {
	if st, err := os.Stat(path); err != nil {
		return nil, err
	} else if !st.Mode().IsRegular() {
		return nil, notRegular(path)
	}
	f, err := open(path) // non-blocking, so a pipe put there since cannot hang it
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, notRegular(path)
	}
	if st.Size() > limit {
		return nil, &TooLargeError{Path: path, Size: st.Size(), Limit: limit}
	}
	return readAtMost(f, path, limit, st.Size())
}

// ReadFrom reads at most limit bytes from r (standard input, a stream a
// file dialog opened), refusing more; name is how the messages call it.
func ReadFrom(r io.Reader, name string, limit int64) ([]byte, error) {
	return readAtMost(r, name, limit, 0)
}

// Check refuses a path that is not a regular file, for callers that are
// handed an already opened stream and can only look at the name.
func Check(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return notRegular(path)
	}
	return nil
}

func readAtMost(r io.Reader, name string, limit, hint int64) ([]byte, error) {
	var buf bytes.Buffer
	if hint > 0 && hint <= limit {
		buf.Grow(int(hint) + 1)
	}
	n, err := buf.ReadFrom(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if n > limit {
		return nil, &TooLargeError{Path: name, Size: n, Limit: limit}
	}
	return buf.Bytes(), nil
}

func notRegular(path string) error { return notRegularError(path) }

// notRegularError is ErrNotRegular with the file's name.
type notRegularError string

func (e notRegularError) Error() string {
	return string(e) + " is not a regular file (a device, a pipe or a folder)"
}

func (e notRegularError) Is(target error) bool { return target == ErrNotRegular }
