package store_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/store/storetest"
	"github.com/delegate-itu/delegate/model/usecase"
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
func tempFiles(t testing.TB, dir string) []string {
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

// diskFaults are the two refusals every disk-fault test tries, with the
// words the workspace's errors must use.
var diskFaults = []struct {
	errno  syscall.Errno
	is     error
	says   string
	folder string // the package folder's words
	remote string // the shared folder's words
}{
	{syscall.ENOSPC, store.ErrDiskFull, "the disk holding the workspace is full", "the disk holding it is full", "the disk holding the shared folder is full"},
	{syscall.EACCES, store.ErrNoPermission, "no permission to write in the workspace folder", "no permission to write there", "no permission to write in the shared folder"},
}

// countOp runs op with a fault hook that only counts the writes.
func countOp(t *testing.T, op func() error) int {
	t.Helper()
	n := 0
	undo := store.SetWriteFault(func(string) error { n++; return nil })
	err := op()
	undo()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestDiskFaultWhileExporting fails each write of an export in turn (the
// package files, the recording journal, the status commit's files, the
// tag) with ENOSPC, then EACCES. Each gives an error that says what is
// full and whether the package was recorded: "nothing was recorded" (the
// folder could not be written), "not recorded ... nothing was changed"
// (before the status commit), or "partly recorded ... finishes when
// opened again". No temporary file is left; after reopening the package
// is recorded whole or not at all, and exporting again then succeeds.
func TestDiskFaultWhileExporting(t *testing.T) {
	for _, fault := range diskFaults {
		t.Run(fault.errno.Error(), func(t *testing.T) {
			dir, out := exportWorkspace(t), t.TempDir()
			w, err := store.Open(dir, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			writes := countOp(t, func() error { _, _, err := exportOnce(w, out); return err })
			_ = w.Close()
			seen := map[string]int{}
			for k := 1; k <= writes; k++ {
				dir, out := exportWorkspace(t), t.TempDir()
				w, err := store.Open(dir, store.Options{})
				if err != nil {
					t.Fatal(err)
				}
				var id string
				err = failWrite(k, fault.errno, func() error { var err error; id, _, err = exportOnce(w, out); return err })
				msg := fmt.Sprint(err)
				var outcome string
				switch {
				case errors.Is(err, usecase.ErrFolder) && strings.Contains(msg, fault.folder) && strings.Contains(msg, "nothing was recorded as sent"):
					outcome = "folder not written"
				case errors.Is(err, store.ErrNotRecorded) && errors.Is(err, fault.is) && strings.Contains(msg, fault.says):
					outcome = "not recorded"
				case errors.Is(err, store.ErrRecordPending) && errors.Is(err, fault.is) && strings.Contains(msg, fault.says):
					outcome = "partly recorded"
				default:
					t.Fatalf("write %d of %d: %v; want it to say what is full and whether the package was recorded", k, writes, err)
				}
				seen[outcome]++
				if outcome != "partly recorded" && len(tags(t, dir)) != 0 {
					t.Fatalf("write %d: %q, but the package is tagged", k, outcome)
				}
				if tmp := leftovers(t, dir, out); len(tmp) > 0 {
					t.Fatalf("write %d: half-written files left: %v", k, tmp)
				}
				_ = w.Close()
				if w, err = store.Open(dir, store.Options{}); err != nil {
					t.Fatalf("write %d: reopen: %v", k, err)
				}
				approved := checkExported(t, w, out, map[string]bool{})
				switch {
				case outcome == "partly recorded" && (approved != 0 || !strings.Contains(strings.Join(w.Recovered(), "\n"), "finished recording package "+id)):
					t.Fatalf("write %d: reopening did not finish recording %s: %d approved, %q", k, id, approved, w.Recovered())
				case outcome != "partly recorded" && approved != 2:
					t.Fatalf("write %d: %q, but %d items are approved, want 2", k, outcome, approved)
				}
				if approved > 0 {
					if _, _, err := exportOnce(w, out); err != nil {
						t.Fatalf("write %d: export once the disk works again: %v", k, err)
					}
					if checkExported(t, w, out, map[string]bool{}) != 0 {
						t.Fatalf("write %d: items still approved after exporting again", k)
					}
				}
				_ = w.Close()
				storetest.CheckGit(t, dir)
			}
			t.Logf("%d writes per export: %v", writes, seen)
			if len(seen) != 3 {
				t.Errorf("the faults should fall in the folder, before the status commit and after it: %v", seen)
			}
		})
	}
}

// TestDiskFaultWhileImporting fails each write of a package import in
// turn: the error says what is full and whether the items were saved;
// the package is then in the workspace whole or not at all, no temporary
// file is left, and importing again succeeds.
func TestDiskFaultWhileImporting(t *testing.T) {
	list, ids := importPackages(t, 1)
	zip, _, _ := strings.Cut(readFile(t, list), " ")
	p, err := export.VerifyFile(zip)
	if err != nil {
		t.Fatal(err)
	}
	items, err := p.Items()
	if err != nil {
		t.Fatal(err)
	}
	imp := func(w *store.Workspace) error {
		return w.ImportItems(p.Manifest.Sender, p.Manifest.PackageID, items.Comments, items.Opinions)
	}
	for _, fault := range diskFaults {
		t.Run(fault.errno.Error(), func(t *testing.T) {
			w, err := store.Open(freshWorkspace(t), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			writes := countOp(t, func() error { return imp(w) })
			_ = w.Close()
			before, after := 0, 0
			for k := 1; k <= writes; k++ {
				dir := freshWorkspace(t)
				w, err := store.Open(dir, store.Options{})
				if err != nil {
					t.Fatal(err)
				}
				err = failWrite(k, fault.errno, func() error { return imp(w) })
				if !errors.Is(err, fault.is) || !strings.Contains(err.Error(), fault.says) {
					t.Fatalf("write %d of %d: %v; want it to say %q", k, writes, err, fault.says)
				}
				imported := errors.Is(err, store.ErrFolderBehind)
				switch {
				case imported:
					after++
				case errors.Is(err, store.ErrNotSaved):
					before++
				default:
					t.Fatalf("write %d: the error does not say whether the items were saved: %v", k, err)
				}
				if tmp := leftovers(t, dir); len(tmp) > 0 {
					t.Fatalf("write %d: half-written files left: %v", k, tmp)
				}
				_ = w.Close()
				if w, err = store.Open(dir, store.Options{}); err != nil {
					t.Fatalf("write %d: reopen: %v", k, err)
				}
				if _, err := w.Comment(ids[0]); (err == nil) != imported {
					t.Fatalf("write %d: imported %v, but the item: %v", k, imported, err)
				}
				if !imported {
					if err := imp(w); err != nil {
						t.Fatalf("write %d: import once the disk works again: %v", k, err)
					}
				}
				if c, err := w.Comment(ids[0]); err != nil || c.Review.Status != item.StatusReady {
					t.Fatalf("write %d: after the import %+v %v", k, c.Review, err)
				}
				_ = w.Close()
				storetest.CheckGit(t, dir)
			}
			t.Logf("%d writes per import: %d left it not imported, %d came after the commit point", writes, before, after)
			if before == 0 || after == 0 {
				t.Errorf("the faults should fall both before and after the commit point")
			}
		})
	}
}

// TestDiskFaultWhileSyncing fails each write of a sync through a folder
// remote in turn: receiving into the workspace (objects, remote-tracking
// refs), the merge commit, and publishing into the shared folder
// (objects, the branch). Each error says which disk and what state the
// work is in ("not synced: nothing was merged or published", "not saved",
// "merged here, but not published" with the shared folder's disk named);
// no temporary file is left in the workspace or the shared folder; after
// reopening, syncing again (Ana, Bo, Ana) succeeds and both have the
// same comments, with git fsck clean everywhere.
func TestDiskFaultWhileSyncing(t *testing.T) {
	// ready is a copy of one pair where Bo published a new comment and
	// Ana saved one, so Ana's sync receives, merges and publishes: the
	// same writes every time.
	tmpl := newSyncPair(t)
	for _, x := range []struct {
		dir  string
		sync bool
	}{{tmpl.b, true}, {tmpl.a, false}} {
		w, err := store.Open(x.dir, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		c := storetest.Comment("9", w.User().Name+"'s second comment.")
		if err := w.SaveComment(&c, "add"); err != nil {
			t.Fatal(err)
		}
		if x.sync {
			mustSync(t, w, "share")
		}
		_ = w.Close()
	}
	ready := func(t *testing.T) (syncPair, *store.Workspace) {
		p := copyPair(t, tmpl)
		w, err := store.Open(p.a, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return p, w
	}
	sync := func(w *store.Workspace) error {
		_, err := w.Sync(context.Background(), "share", store.SyncOptions{})
		return err
	}
	for _, fault := range diskFaults {
		t.Run(fault.errno.Error(), func(t *testing.T) {
			_, w := ready(t)
			writes := countOp(t, func() error { return sync(w) })
			_ = w.Close()
			seen := map[string]int{}
			for k := 1; k <= writes; k++ {
				p, w := ready(t)
				err := failWrite(k, fault.errno, func() error { return sync(w) })
				msg := fmt.Sprint(err)
				var outcome string
				switch {
				case errors.Is(err, store.ErrNotSynced) && errors.Is(err, fault.is) && strings.Contains(msg, fault.says):
					outcome = "not synced"
				case errors.Is(err, store.ErrNotSaved) && errors.Is(err, fault.is) && strings.Contains(msg, fault.says):
					outcome = "merge not saved"
				case errors.Is(err, store.ErrFolderBehind) && errors.Is(err, fault.is) && strings.Contains(msg, fault.says):
					outcome = "merged, folder behind"
				case strings.HasPrefix(msg, "merged here, but not published") && strings.Contains(msg, fault.remote):
					outcome = "merged, not published"
				default:
					t.Fatalf("write %d of %d: %v; want it to say which disk and what was done", k, writes, err)
				}
				seen[outcome]++
				if tmp := leftovers(t, p.a, p.remote); len(tmp) > 0 {
					t.Fatalf("write %d: half-written files left: %v", k, tmp)
				}
				_ = w.Close()
				ws := map[string]*store.Workspace{}
				for _, dir := range []string{p.a, p.b} {
					if ws[dir], err = store.Open(dir, store.Options{}); err != nil {
						t.Fatalf("write %d: reopen: %v", k, err)
					}
				}
				for _, dir := range []string{p.a, p.b, p.a} {
					if err := sync(ws[dir]); err != nil {
						t.Fatalf("write %d (%s): sync again once the disk works: %v", k, outcome, err)
					}
				}
				if a, b := commentSet(t, ws[p.a]), commentSet(t, ws[p.b]); a != b || strings.Count(a, "\n") != 3 {
					t.Fatalf("write %d: after syncing again:\n%s\n---\n%s", k, a, b)
				}
				for dir, w := range ws {
					_ = w.Close()
					storetest.CheckGit(t, dir)
				}
				if storetest.HasGit() {
					fsck(t, p.remote)
				}
			}
			t.Logf("%d writes per sync: %v", writes, seen)
			if len(seen) < 3 {
				t.Errorf("the faults should fall while receiving, merging and publishing: %v", seen)
			}
		})
	}
}

// copyPair copies two colleagues' workspaces and their shared folder to
// new folders, pointing the copies at the copied shared folder.
func copyPair(t *testing.T, p syncPair) syncPair {
	t.Helper()
	root := t.TempDir()
	q := syncPair{a: filepath.Join(root, "a"), b: filepath.Join(root, "b"), remote: filepath.Join(root, "remote.git")}
	for _, x := range [][2]string{{p.a, q.a}, {p.b, q.b}, {p.remote, q.remote}} {
		err := filepath.WalkDir(x[0], func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			to := filepath.Join(x[1], strings.TrimPrefix(path, x[0]))
			fi, err := d.Info()
			if err != nil {
				return err
			}
			if d.IsDir() {
				return os.MkdirAll(to, fi.Mode().Perm()|0o700)
			}
			b, err := os.ReadFile(path)
			if err == nil {
				err = os.WriteFile(to, b, fi.Mode().Perm())
			}
			if err == nil {
				err = os.Chtimes(to, fi.ModTime(), fi.ModTime()) // git's index compares them
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, dir := range []string{q.a, q.b} {
		cfg := filepath.Join(dir, ".git", "config")
		b, err := os.ReadFile(cfg)
		if err != nil || !strings.Contains(string(b), p.remote) {
			t.Fatalf("%s does not name the shared folder: %v", cfg, err)
		}
		mustWrite(t, cfg, strings.ReplaceAll(string(b), p.remote, q.remote))
	}
	return q
}
