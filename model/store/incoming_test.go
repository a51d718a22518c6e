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

// TestSyncRefusesHostileWorkOverHTTP: the network path of the incoming
// check (model/hostile covers folder remotes). Eve publishes, with git by
// hand, an item file Delegate cannot read and one named con.md; Ana's sync
// over https refuses it in words, and her branch, files and items are as
// before: the fetched objects stay inert, nothing is merged.
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

	w := person(t, "Ana")
	c := storetest.Comment("3", "Ana's comment")
	if err := w.SaveComment(&c, "add"); err != nil {
		t.Fatal(err)
	}
	addRemote(t, w, "origin", url)
	headFile := filepath.Join(w.Dir(), ".git", "refs", "heads", "main")
	before, err := os.ReadFile(headFile)
	if err != nil || len(before) == 0 {
		t.Fatalf("the branch ref: %v", err)
	}
	_, err = w.Sync(context.Background(), "", store.SyncOptions{})
	if !errors.Is(err, store.ErrUnsafeRemote) || !strings.Contains(err.Error(), "eve-example-org") {
		t.Fatalf("sync with hostile work: %v", err)
	}
	if after, _ := os.ReadFile(headFile); string(after) != string(before) {
		t.Fatalf("the branch moved: %s -> %s", before, after)
	}
	if cs, err := w.Comments(); err != nil || len(cs) != 1 || cs[0].Body != "Ana's comment" {
		t.Fatalf("items after the refused sync: %v %+v", err, cs)
	}
	if _, err := os.Stat(filepath.Join(w.Dir(), "items", "comments", "con.md")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a hostile file reached the folder: %v", err)
	}
	storetest.CheckGit(t, w.Dir())
}
