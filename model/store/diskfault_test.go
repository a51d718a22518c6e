package store_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/store/storetest"
)

// TestDiskFaultAtEveryWrite fails, in turn, each file write of a save
// with "no space left on device" and with "permission denied" (through
// the store's fault seam: tests may run as root, where chmod stops
// nothing). Each time the error says so in words, the workspace holds
// either the previous version (not saved) or the new one (saved in the
// history, the folder repaired on the next open), no temporary file is
// left, and after reopening git finds nothing wrong.
func TestDiskFaultAtEveryWrite(t *testing.T) {
	for _, fault := range []struct {
		errno syscall.Errno
		is    error
		says  string
	}{
		{syscall.ENOSPC, store.ErrDiskFull, "the disk holding the workspace is full"},
		{syscall.EACCES, store.ErrNoPermission, "no permission to write in the workspace folder"},
	} {
		t.Run(fault.errno.Error(), func(t *testing.T) {
			w := storetest.New(t)
			dir := w.Dir()
			c := storetest.Comment("5", "v0")
			if err := w.SaveComment(&c, "add"); err != nil {
				t.Fatal(err)
			}
			writes := countWrites(t, w, &c)
			kept := c.Body
			before, after := 0, 0
			for k := 1; k <= writes; k++ {
				c.Body = fmt.Sprintf("v%d", k)
				err := failWrite(k, fault.errno, func() error { return w.SaveComment(&c, "edit body") })
				if !errors.Is(err, fault.is) || !strings.Contains(err.Error(), fault.says) {
					t.Fatalf("write %d of %d failed: got %v, want it to say %q", k, writes, err, fault.says)
				}
				got, gerr := w.Comment(c.ID)
				switch {
				case strings.HasPrefix(err.Error(), "not saved, the previous version is kept"):
					if gerr != nil || got.Body != kept {
						t.Fatalf("write %d: not saved, but the comment is %q (%v), want %q", k, got.Body, gerr, kept)
					}
					before++
				case strings.HasPrefix(err.Error(), "saved in the history"):
					if gerr != nil || got.Body != c.Body {
						t.Fatalf("write %d: saved, but the comment is %q (%v)", k, got.Body, gerr)
					}
					kept = c.Body
					after++
				default:
					t.Fatalf("write %d: the error does not say whether the save happened: %v", k, err)
				}
				if tmp := tempFiles(t, dir); len(tmp) > 0 {
					t.Fatalf("write %d: half-written files left: %v", k, tmp)
				}
				if err := w.Close(); err != nil {
					t.Fatal(err)
				}
				if w, err = store.Open(dir, store.Options{}); err != nil {
					t.Fatalf("write %d: reopen: %v", k, err)
				}
				if got, err := w.Comment(c.ID); err != nil || got.Body != kept {
					t.Fatalf("write %d: after reopening the comment is %q (%v), want %q", k, got.Body, err, kept)
				}
				storetest.CheckGit(t, dir)
			}
			t.Logf("%d writes per save: %d failures left the previous version, %d came after the commit point", writes, before, after)
			if before == 0 || after == 0 {
				t.Errorf("the faults should fall both before and after the commit point")
			}
			c.Body = "after the disk recovered"
			if err := w.SaveComment(&c, "edit body"); err != nil {
				t.Fatalf("save once the disk works again: %v", err)
			}
			_ = w.Close()
			storetest.CheckGit(t, dir)
		})
	}
}

// countWrites makes one save with a fault hook that only counts.
func countWrites(t *testing.T, w *store.Workspace, c *item.Comment) int {
	n := 0
	undo := store.SetWriteFault(func(string) error { n++; return nil })
	defer undo()
	c.Body = "counting"
	if err := w.SaveComment(c, "edit body"); err != nil {
		t.Fatal(err)
	}
	if n < 3 {
		t.Fatalf("a save made %d writes through the seam; the seam misses some", n)
	}
	return n
}

// failWrite runs op with the k-th write failing with errno.
func failWrite(k int, errno syscall.Errno, op func() error) error {
	n := 0
	undo := store.SetWriteFault(func(p string) error {
		if n++; n == k {
			return &fs.PathError{Op: "write", Path: p, Err: errno}
		}
		return nil
	})
	defer undo()
	return op()
}

// tempFiles lists files an unfinished write left under dir.
func tempFiles(t *testing.T, dir string) []string {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), ".delegate-tmp-") {
			out = append(out, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestReadOnlyFolder: a real permission error, where the OS gives one
// (not to root, who may write anyway): the comments folder made
// read-only stops the file update, and the save says so.
func TestReadOnlyFolder(t *testing.T) {
	w := storetest.New(t)
	c := storetest.Comment("5", "v0")
	if err := w.SaveComment(&c, "add"); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(w.Dir(), "items", "comments")
	if err := os.Chmod(folder, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(folder, 0o755)
	if os.Geteuid() == 0 {
		t.Log("running as root: chmod does not stop writes; TestDiskFaultAtEveryWrite covers permission errors through the seam")
		return
	}
	c.Body = "v1"
	err := w.SaveComment(&c, "edit body")
	if !errors.Is(err, store.ErrNoPermission) {
		t.Fatalf("save into a read-only folder: %v", err)
	}
}
