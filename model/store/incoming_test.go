package store_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/store/storetest"
)

// TestSyncRefusesHostileWorkOverHTTP: the network path of the incoming
// check (model/hostile covers folder remotes). Eve publishes, with git by
// hand, an item file Delegate cannot read and one named con.md; someone
// adds a branch whose name is no person's (people/nested/Branch: git's
// own server refuses to serve names with "..", which the folder cases in
// model/hostile cover); Ben publishes honest work. Ana's sync over https refuses Eve's work and the bad
// branch in words naming them, and brings Ben's: nothing of Eve's reaches
// her branch, files or items, and no ref is written outside refs/remotes.
func TestSyncRefusesHostileWorkOverHTTP(t *testing.T) {
	t.Setenv(store.EnvToken, "tok")
	url, bare := httpRemote(t, "tok")
	src := t.TempDir()
	mustWrite(t, filepath.Join(src, "items", "comments", "ev-250102-abcde.md"), "+++\nid = \n+++\n")
	mustWrite(t, filepath.Join(src, "items", "comments", "con.md"), "x")
	storetest.Git(t, src, "init", "-q")
	storetest.Git(t, src, "add", ".")
	storetest.Git(t, src, "-c", "user.name=Eve", "-c", "user.email=eve@example.org", "commit", "-qm", "my work")
	storetest.Git(t, src, "push", "-q", bare, "HEAD:refs/heads/people/eve-example-org")
	eve := strings.TrimSpace(storetest.Git(t, src, "rev-parse", "HEAD"))
	storetest.Git(t, bare, "update-ref", "refs/heads/people/nested/Branch", eve)

	ben := person(t, "Ben")
	addComments(t, ben, 1, "Ben's")
	addRemote(t, ben, "origin", url)
	if _, err := ben.Sync(context.Background(), "", store.SyncOptions{}); err != nil {
		t.Fatal(err)
	}

	w := person(t, "Ana")
	c := storetest.Comment("3", "Ana's comment")
	if err := w.SaveComment(&c, "add"); err != nil {
		t.Fatal(err)
	}
	addRemote(t, w, "origin", url)
	rep, err := w.Sync(context.Background(), "", store.SyncOptions{})
	if err != nil {
		t.Fatalf("sync: %v", err)
	}
	refused := rep.UnsafeErr()
	if !errors.Is(refused, store.ErrUnsafeRemote) || !strings.Contains(refused.Error(), "the work of eve-example-org on origin") ||
		!strings.Contains(refused.Error(), "con.md") || !strings.Contains(refused.Error(), "branch name is not one Delegate makes") {
		t.Fatalf("sync with hostile work: %v", refused)
	}
	if len(rep.Unsafe) != 2 || rep.Unsafe[0].Person != `"nested/Branch"` || rep.Unsafe[1].Person != "eve-example-org" {
		t.Fatalf("refused: %+v", rep.Unsafe)
	}
	got := commentIDs(t, w)
	if len(got) != 2 {
		t.Fatalf("items after the sync: %v (want Ana's and Ben's)", got)
	}
	for _, bad := range []string{"items/comments/con.md", "items/comments/ev-250102-abcde.md", ".git/refs/remotes/origin/people/nested"} {
		if _, err := os.Stat(filepath.Join(w.Dir(), bad)); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("%s exists after the sync: %v", bad, err)
		}
	}
	storetest.CheckGit(t, w.Dir())
}

// TestRemoteNames: a remote's name becomes a folder under
// .git/refs/remotes, so only plain names are taken.
func TestRemoteNames(t *testing.T) {
	w := person(t, "Ana")
	for _, name := range []string{"..", ".", "", "a/b", "-x", "a b", "usb:1", "é", strings.Repeat("x", 65)} {
		if _, _, err := w.AddRemote(name, filepath.Join(t.TempDir(), "r")); err == nil || !strings.Contains(err.Error(), "use letters, digits") {
			t.Errorf("remote name %q: %v", name, err)
		}
	}
	for _, name := range []string{"usb", "Team_2", "origin-1"} {
		if _, _, err := w.AddRemote(name, filepath.Join(t.TempDir(), "r")); err != nil {
			t.Errorf("remote name %q refused: %v", name, err)
		}
	}
}

// TestSyncRefusesARemoteInsideTheWorkspace: a folder remote put into
// .git/config by hand (AddRemote refuses it) inside the workspace, or at
// its .git, is refused when syncing, before anything is read or written.
func TestSyncRefusesARemoteInsideTheWorkspace(t *testing.T) {
	w := person(t, "Ana")
	for i, url := range []string{filepath.Join(w.Dir(), ".git"), filepath.Join(w.Dir(), "items"), "./shared"} {
		name := fmt.Sprintf("inside%d", i)
		storetest.Git(t, w.Dir(), "config", "remote."+name+".url", url)
		storetest.Git(t, w.Dir(), "config", "remote."+name+".fetch", "+refs/heads/people/*:refs/remotes/"+name+"/people/*")
		if _, err := w.Sync(context.Background(), name, store.SyncOptions{}); !errors.Is(err, store.ErrRemoteInWorkspace) {
			t.Errorf("sync with %s: %v", url, err)
		}
	}
	storetest.CheckGit(t, w.Dir())
}
