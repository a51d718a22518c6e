package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/store/storetest"
)

// TestStaleRefLockInTheSharedFolder: a publish killed while holding its
// branch's lock in a folder remote (by an older version: an empty file,
// which go-git cannot read as a ref) blocked every colleague's sync. A
// lock older than a minute is now cleared; a fresh one makes only its
// owner's publish wait, with words saying so, and nothing is published.
func TestStaleRefLockInTheSharedFolder(t *testing.T) {
	p := newSyncPair(t)
	ana, err := store.Open(p.a, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ana.Close()
	lock := filepath.Join(p.remote, "refs", "heads", "people", store.PersonID(ana.User())+".lock")
	mustWrite(t, lock, "")
	if n := ageLocks(t, p.remote); n != 1 {
		t.Fatalf("%d locks", n)
	}
	bo, err := store.Open(p.b, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer bo.Close()
	if _, err := bo.Sync(context.Background(), "share", store.SyncOptions{}); err != nil {
		t.Fatalf("a colleague's sync with a stale empty lock in the shared folder: %v", err)
	}
	head, _ := ana.Head()
	mustWrite(t, lock, head+"\n") // a publish in progress, or killed a moment ago
	c := storetest.Comment("3", "Ana's new comment.")
	if err := ana.SaveComment(&c, "add"); err != nil {
		t.Fatal(err)
	}
	rep, err := ana.Sync(context.Background(), "share", store.SyncOptions{})
	if !errors.Is(err, store.ErrRaced) || !strings.Contains(err.Error(), "sync again in a minute") || rep.Published {
		t.Fatalf("publish under a fresh lock: %+v %v", rep, err)
	}
	ageLocks(t, p.remote) // a minute later
	if rep, err := ana.Sync(context.Background(), "share", store.SyncOptions{}); err != nil || !rep.Published {
		t.Fatalf("publish once the lock is stale: %+v %v", rep, err)
	}
	if _, err := bo.Sync(context.Background(), "share", store.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := bo.Comment(c.ID); err != nil {
		t.Fatalf("Bo did not receive Ana's comment: %v", err)
	}
	if storetest.HasGit() {
		fsck(t, p.remote)
	}
}
