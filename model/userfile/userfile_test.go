package userfile

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// hostileInputs makes, in a fresh folder, the inputs that used to be read
// until Go ran out of memory or hung: a device, a named pipe with no
// writer, a folder, and a sparse file of 1 GB (no disk used) over limit.
func hostileInputs(t *testing.T) map[string]string {
	t.Helper()
	dir := t.TempDir()
	in := map[string]string{"folder": dir}
	if runtime.GOOS != "windows" {
		in["device"] = "/dev/zero"
		fifo := filepath.Join(dir, "fifo")
		if err := mkfifo(fifo); err != nil {
			t.Fatal(err)
		}
		in["pipe"] = fifo
	}
	sparse := filepath.Join(dir, "sparse.toml")
	f, err := os.Create(sparse)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil {
		t.Fatal(err)
	}
	_ = f.Close()
	in["sparse"] = sparse
	return in
}

func TestReadRefusesWhatIsNotAFileOrTooLarge(t *testing.T) {
	for what, path := range hostileInputs(t) {
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		done := make(chan error, 1)
		go func() { _, err := Read(path, 1<<20); done <- err }()
		var err error
		select {
		case err = <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: Read did not return", what)
		}
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
			t.Errorf("%s: allocated %d bytes to refuse it", what, grew)
		}
		switch what {
		case "sparse":
			if !errors.Is(err, ErrTooLarge) || err.Error() != path+" is larger than 1 MB" {
				t.Errorf("%s: %v", what, err)
			}
		default:
			if !errors.Is(err, ErrNotRegular) || err.Error() != path+" is not a regular file (a device, a pipe or a folder)" {
				t.Errorf("%s: %v", what, err)
			}
		}
	}
}

func TestReadAtTheLimit(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f")
	data := bytes.Repeat([]byte("x"), 1<<10)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if got, err := Read(p, 1<<10); err != nil || !bytes.Equal(got, data) {
		t.Fatalf("exactly at the limit: %d bytes, %v", len(got), err)
	}
	if _, err := Read(p, 1<<10-1); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("one byte over: %v", err)
	}
	if _, err := Read(filepath.Join(dir, "missing"), 10); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("missing file: %v", err)
	}
}

// An endless stream (standard input from /dev/zero) stops at the limit.
func TestReadFromEndlessStream(t *testing.T) {
	_, err := ReadFrom(endless{}, "standard input", 64<<10)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "standard input is larger than 64 KB") {
		t.Fatal(err)
	}
	got, err := ReadFrom(strings.NewReader("token\n"), "standard input", 64<<10)
	if err != nil || string(got) != "token\n" {
		t.Fatal(string(got), err)
	}
	if err := Check("/"); !errors.Is(err, ErrNotRegular) {
		t.Fatal(err)
	}
}

type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 0
	}
	return len(p), nil
}
