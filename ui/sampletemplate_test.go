package ui

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// sampleTemplate is one sample workspace made the way a first run makes it,
// shared by the tests as a template: each test copies it instead of
// importing the sample draft and saving its items again (most of a UI
// test's time under the race detector).
var sampleTemplate struct {
	once sync.Once
	dir  string
	err  error
}

// freshSampleDir copies the template sample workspace into a new folder
// of t's and returns the copy's path.
func freshSampleDir(t testing.TB) string {
	t.Helper()
	sampleTemplate.once.Do(func() {
		root, err := os.MkdirTemp("", "delegate-sample-template-")
		if err != nil {
			sampleTemplate.err = err
			return
		}
		sampleTemplate.dir = filepath.Join(root, "sample")
		w, err := ensureSample(sampleTemplate.dir)
		if err != nil {
			sampleTemplate.err = err
			return
		}
		sampleTemplate.err = w.ws.Close()
	})
	if sampleTemplate.err != nil {
		t.Fatalf("the sample workspace template: %v", sampleTemplate.err)
	}
	dst := filepath.Join(t.TempDir(), "sample")
	if err := copyTree(sampleTemplate.dir, dst); err != nil {
		t.Fatal(err)
	}
	return dst
}

// copyTree copies a folder of regular files and folders, keeping modes.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		info, err := d.Info()
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(to, info.Mode().Perm())
		}
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, info.Mode().Perm())
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
}
