package store_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/store/storetest"
)

// TestUnsavedSaveLoadDiscard: a slot keeps the last bytes saved, each
// slot on its own, until discarded; an empty slot says ErrNotFound.
func TestUnsavedSaveLoadDiscard(t *testing.T) {
	w := storetest.New(t)
	u := w.Unsaved("unsaved")
	if _, err := u.Load(); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("empty slot: %v", err)
	}
	if err := u.Discard(); err != nil {
		t.Fatalf("discard of an empty slot: %v", err)
	}
	for _, s := range []string{`{"a":1}`, `{"a":2}`} {
		if err := u.Save([]byte(s)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Unsaved("unsaved-opinion").Save([]byte("other")); err != nil {
		t.Fatal(err)
	}
	if b, err := w.Unsaved("unsaved").Load(); err != nil || string(b) != `{"a":2}` {
		t.Fatalf("load = %q, %v", b, err)
	}
	if err := u.Discard(); err != nil {
		t.Fatal(err)
	}
	if _, err := u.Load(); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("after discard: %v", err)
	}
	if b, _ := w.Unsaved("unsaved-opinion").Load(); string(b) != "other" {
		t.Fatalf("the other slot was touched: %q", b)
	}
	ents, _ := os.ReadDir(filepath.Join(w.Dir(), ".git", "delegate-ui"))
	if len(ents) != 1 || ents[0].Name() != "unsaved-opinion.json" {
		t.Fatalf("slot folder holds %v, want only unsaved-opinion.json (no temporary files)", ents)
	}
}

// TestUnsavedSamePlaceAsBefore: edits an earlier Delegate left in
// .git/delegate-ui/ are found after reopening, and saving never puts
// them in git.
func TestUnsavedSamePlaceAsBefore(t *testing.T) {
	w := storetest.New(t)
	dir := w.Dir()
	old := filepath.Join(dir, ".git", "delegate-ui", "unsaved.json")
	if err := os.MkdirAll(filepath.Dir(old), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(old, []byte(`{"comment":{}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := w.Unsaved("unsaved-opinion").Save([]byte(`{"opinion":{}}`)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	w2, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = w2.Close() })
	if b, err := w2.Unsaved("unsaved").Load(); err != nil || string(b) != `{"comment":{}}` {
		t.Fatalf("old autosave: %q, %v", b, err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".git", "delegate-ui", "unsaved-opinion.json")); err != nil {
		t.Fatalf("new autosave not where the old one was: %v", err)
	}
	c := storetest.Comment("14", "Saved after an autosave.")
	if err := w2.SaveComment(&c, "add"); err != nil {
		t.Fatal(err)
	}
	storetest.CheckGit(t, dir)
	if storetest.HasGit() {
		if out := storetest.Git(t, dir, "status", "--porcelain", "--ignored"); out != "" {
			t.Fatalf("git sees the unsaved edits: %q", out)
		}
		if out := storetest.Git(t, dir, "ls-tree", "-r", "--name-only", "HEAD"); strings.Contains(out, "unsaved") {
			t.Fatalf("committed: %q", out)
		}
	}
}

// TestUnsavedCrashKeepsOld: a save that fails half-way (disk full) leaves
// the previous edits whole, and says the disk is full.
func TestUnsavedCrashKeepsOld(t *testing.T) {
	w := storetest.New(t)
	u := w.Unsaved("unsaved")
	if err := u.Save([]byte("first version")); err != nil {
		t.Fatal(err)
	}
	undo := store.SetWriteFault(func(p string) error { return &fs.PathError{Op: "write", Path: p, Err: syscall.ENOSPC} })
	err := u.Save([]byte("second version, never whole"))
	undo()
	if !errors.Is(err, store.ErrDiskFull) {
		t.Fatalf("failed save: %v", err)
	}
	if b, err := u.Load(); err != nil || string(b) != "first version" {
		t.Fatalf("after a failed save: %q, %v", b, err)
	}
	ents, _ := os.ReadDir(filepath.Join(w.Dir(), ".git", "delegate-ui"))
	if len(ents) != 1 {
		t.Fatalf("a failed save left %v", ents)
	}
}

// TestUnsavedNames: a slot name cannot climb out of the slot folder.
func TestUnsavedNames(t *testing.T) {
	w := storetest.New(t)
	for _, n := range []string{"", "../config", "a/b", "Unsaved", "-x", "x-", "a.b", `..\x`} {
		u := w.Unsaved(n)
		if err := u.Save([]byte("x")); !errors.Is(err, store.ErrBadUnsavedName) {
			t.Errorf("Save(%q): %v", n, err)
		}
		if _, err := u.Load(); !errors.Is(err, store.ErrBadUnsavedName) {
			t.Errorf("Load(%q): %v", n, err)
		}
		if err := u.Discard(); !errors.Is(err, store.ErrBadUnsavedName) {
			t.Errorf("Discard(%q): %v", n, err)
		}
	}
	if _, err := os.Stat(filepath.Join(w.Dir(), ".git", "config")); err != nil {
		t.Fatalf("git config: %v", err)
	}
	if err := w.Unsaved("unsaved-2").Save([]byte("x")); err != nil {
		t.Fatalf("good name refused: %v", err)
	}
}
