package store_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/store/storetest"
)

// TestSyncFolderWithoutGit: two experts and a coordinator share a bare
// repository in a folder, with no git binary on PATH.
func TestSyncFolderWithoutGit(t *testing.T) {
	remote := filepath.Join(t.TempDir(), "usb", "delegation.git")
	ana, ben, coord := person(t, "Ana"), person(t, "Ben"), person(t, "Coord")
	t.Setenv("PATH", t.TempDir())
	for _, w := range []*store.Workspace{ana, ben, coord} {
		addRemote(t, w, "usb", remote)
	}
	shared := addComments(t, coord, 3, "coord")
	mustSync(t, coord, "usb")
	mustSync(t, ana, "")
	mustSync(t, ben, "usb")
	anaIDs := addComments(t, ana, 5, "ana")
	benIDs := addComments(t, ben, 4, "ben")
	editComment(t, ana, shared[0], "Ana's wording.")
	editComment(t, ben, shared[0], "Ben's wording.")
	editComment(t, ben, shared[1], "Only Ben touched this.")
	mustSync(t, ana, "usb")
	rep := mustSync(t, ben, "usb")
	if rep.Conflicts != 1 {
		t.Fatalf("ben should see one conflict: %+v", rep)
	}
	rep = mustSync(t, coord, "usb")
	got := commentIDs(t, coord)
	for _, id := range append(append(anaIDs, benIDs...), shared...) {
		if _, ok := got[id]; !ok {
			t.Errorf("coordinator lacks %s", id)
		}
	}
	if got[shared[1]] != "Only Ben touched this." {
		t.Errorf("one-sided edit not merged: %q", got[shared[1]])
	}
	checkOneConflict(t, coord, shared[0])
	restorePath(t)
	for _, dir := range []string{remote, ana.Dir(), ben.Dir(), coord.Dir()} {
		fsck(t, dir)
	}
	storetest.CheckGit(t, coord.Dir())
}

// restorePath puts back the PATH the test process started with.
func restorePath(t *testing.T) {
	t.Setenv("PATH", origPath)
}

var origPath = os.Getenv("PATH")

func checkOneConflict(t *testing.T, w *store.Workspace, id string) {
	t.Helper()
	cs, err := w.Conflicts()
	if err != nil || len(cs) != 1 {
		t.Fatalf("conflicts: %v %+v", err, cs)
	}
	c := cs[0]
	if c.ItemID != id || len(c.Theirs) != 1 {
		t.Fatalf("conflict: %+v", c)
	}
	both := string(c.Mine) + string(c.Theirs[0].Data)
	if !strings.Contains(both, "Ana's wording.") || !strings.Contains(both, "Ben's wording.") {
		t.Fatalf("conflict lost a version:\n%s", both)
	}
	vs, err := w.History(id)
	if err != nil || len(vs) < 3 {
		t.Fatalf("history of the conflicting item: %v %+v", err, vs)
	}
	if err := w.ResolveConflict(id, c.Theirs[0].Data); err != nil {
		t.Fatal(err)
	}
	if cs, _ := w.Conflicts(); len(cs) != 0 {
		t.Fatalf("conflict not resolved: %+v", cs)
	}
	if got, _ := w.Comment(id); !strings.Contains(string(c.Theirs[0].Data), got.Body) {
		t.Fatalf("resolution not kept: %q", got.Body)
	}
}

// TestSyncUnreachable: an unplugged drive or a closed port is a clear
// error and the workspace stays exactly as it was.
func TestSyncUnreachable(t *testing.T) {
	w := person(t, "Ana")
	addComments(t, w, 2, "ana")
	addRemote(t, w, "usb", filepath.Join(t.TempDir(), "stick"))
	addRemote(t, w, "net", "http://127.0.0.1:1/delegation.git")
	before, _ := w.Head()
	for _, name := range []string{"usb", "net"} {
		t.Run(name, func(t *testing.T) {
			if name == "usb" {
				rs, _ := w.Remotes()
				for _, r := range rs {
					if r.Name == "usb" {
						_ = os.RemoveAll(r.URL)
					}
				}
			}
			_, err := w.Sync(context.Background(), name, store.SyncOptions{})
			if !errors.Is(err, store.ErrUnreachable) {
				t.Fatalf("want ErrUnreachable, got %v", err)
			}
			if after, _ := w.Head(); after != before {
				t.Fatal("a failed sync changed the workspace")
			}
		})
	}
	if _, err := w.Sync(context.Background(), "nope", store.SyncOptions{}); !errors.Is(err, store.ErrNoRemote) {
		t.Fatalf("unknown remote: %v", err)
	}
}
