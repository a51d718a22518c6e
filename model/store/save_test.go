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

// TestSaveAtTheSyncLimit: the save-time check is the sync's own. A
// comment just under 1 MB is saved and reaches a colleague; one just over
// it is refused where it is made (nothing committed), so the colleague's
// next sync is not blocked by it.
func TestSaveAtTheSyncLimit(t *testing.T) {
	remote := filepath.Join(t.TempDir(), "shared", "delegation.git")
	ana, ben := person(t, "Ana"), person(t, "Ben")
	addRemote(t, ana, "shared", remote)
	addRemote(t, ben, "shared", remote)

	c := storetest.Comment("3", strings.Repeat("x", 1<<20-2048))
	if err := ana.SaveComment(&c, "add"); err != nil {
		t.Fatalf("a comment of 1 MB less 2 KB: %v", err)
	}
	file := filepath.Join(ana.Dir(), "items", "comments", c.ID+".md")
	fi, err := os.Stat(file)
	if err != nil || fi.Size() > 1<<20 || fi.Size() < 1<<20-4096 {
		t.Fatalf("the saved file is %v bytes (%v), want just under 1 MB", fi.Size(), err)
	}
	mustSync(t, ana, "shared")
	mustSync(t, ben, "shared")
	if got := commentIDs(t, ben)[c.ID]; got != c.Body {
		t.Fatalf("Ben did not get the 1 MB comment (%d bytes)", len(got))
	}

	head := readHead(t, ana)
	c.Body += strings.Repeat("y", 4096)
	err = ana.SaveComment(&c, "edit body")
	if !errors.Is(err, store.ErrNotSaved) || !errors.Is(err, store.ErrTooLargeToShare) || !errors.Is(err, store.ErrUnshareable) ||
		!strings.Contains(err.Error(), "the comment is larger than 1 MB") {
		t.Fatalf("a comment over 1 MB: %v", err)
	}
	if readHead(t, ana) != head {
		t.Fatal("the refused save moved the branch")
	}
	if fi2, _ := os.Stat(file); fi2.Size() != fi.Size() {
		t.Fatalf("the refused save changed the file in the folder: %d -> %d bytes", fi.Size(), fi2.Size())
	}
	addComments(t, ana, 1, "after the refusal")
	mustSync(t, ana, "shared")
	mustSync(t, ben, "shared") // not blocked
	if n := len(commentIDs(t, ben)); n != 2 {
		t.Fatalf("Ben has %d comments, want 2", n)
	}
	storetest.CheckGit(t, ana.Dir())
}

func readHead(t *testing.T, w *store.Workspace) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(w.Dir(), ".git", "refs", "heads", "main"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestRemoveItemUnblocksSync: a workspace already holds, from an older
// Delegate (committed here with git by hand), a comment with a NUL byte
// and a comment file that cannot be parsed at all. Every colleague's sync
// refuses Ana's work. RemoveItem takes each out as a commit naming the
// reason, and Ben's next sync brings in the rest of her work.
func TestRemoveItemUnblocksSync(t *testing.T) {
	needGit(t)
	remote := filepath.Join(t.TempDir(), "shared", "delegation.git")
	ana, ben := person(t, "Ana"), person(t, "Ben")
	addRemote(t, ana, "shared", remote)
	addRemote(t, ben, "shared", remote)
	good := addComments(t, ana, 1, "good")[0]

	nul := storetest.Comment("4", "x")
	if err := ana.SaveComment(&nul, "add"); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(ana.Dir(), "items", "comments", nul.ID+".md")
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	mustWrite(t, file, strings.Replace(string(b), "\nx", "\nbinary \x00 paste", 1))
	const broken = "an-241201-zzzzz"
	mustWrite(t, filepath.Join(ana.Dir(), "items", "comments", broken+".md"), "+++\nid = \n+++\n")
	storetest.Git(t, ana.Dir(), "add", ".")
	storetest.Git(t, ana.Dir(), "-c", "user.name=Ana", "-c", "user.email=ana@example.org", "commit", "-qm", "saved by an older Delegate")

	mustSync(t, ana, "shared")
	if rep, err := ben.Sync(context.Background(), "shared", store.SyncOptions{}); err != nil || !errors.Is(rep.UnsafeErr(), store.ErrUnsafeRemote) {
		t.Fatalf("Ben's sync should refuse Ana's work while it holds the bad files: %v %v", err, rep.UnsafeErr())
	}
	if err := ana.RemoveItem(nul.ID, "it holds a NUL byte that blocks everyone's sync"); err != nil {
		t.Fatalf("remove the NUL comment: %v", err)
	}
	if err := ana.RemoveItem(broken, ""); err != nil {
		t.Fatalf("remove the unreadable comment: %v", err)
	}
	if err := ana.RemoveItem(broken, ""); !errors.Is(err, store.ErrNotFound) || !strings.Contains(err.Error(), "nothing was changed") {
		t.Fatalf("removing it again: %v", err)
	}
	if err := ana.RemoveItem("../profile", ""); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("a path as an ID: %v", err)
	}
	log := storetest.Git(t, ana.Dir(), "log", "-1", "--skip=1", "--format=%an%n%B")
	for _, want := range []string{"Ana", "Remove comment " + nul.ID, "it holds a NUL byte that blocks everyone's sync", "Item: " + nul.ID} {
		if !strings.Contains(log, want) {
			t.Errorf("the removal commit does not say %q:\n%s", want, log)
		}
	}
	if got := commentIDs(t, ana); len(got) != 1 || got[good] == "" {
		t.Fatalf("Ana's comments after the removals: %v", got)
	}
	if vs, err := ana.History(nul.ID); err != nil || len(vs) == 0 {
		t.Fatalf("the removed comment's history: %v %v", vs, err)
	}
	mustSync(t, ana, "shared")
	mustSync(t, ben, "shared")
	if got := commentIDs(t, ben); len(got) != 1 || got[good] == "" {
		t.Fatalf("Ben's comments once Ana removed the bad ones: %v", got)
	}
	storetest.CheckGit(t, ana.Dir())
	storetest.CheckGit(t, ben.Dir())
}

// TestRemovedItemSyncs: a removal reaches a colleague who left the item
// alone; one who edited it meanwhile keeps the edit (a deletion never
// wins over an edit).
func TestRemovedItemSyncs(t *testing.T) {
	remote := filepath.Join(t.TempDir(), "shared", "delegation.git")
	ana, ben := person(t, "Ana"), person(t, "Ben")
	addRemote(t, ana, "shared", remote)
	addRemote(t, ben, "shared", remote)
	ids := addComments(t, ana, 2, "shared")
	mustSync(t, ana, "shared")
	mustSync(t, ben, "shared")
	editComment(t, ben, ids[1], "Ben's edit, made while Ana removed it.")
	for _, id := range ids {
		if err := ana.RemoveItem(id, "withdrawn by the delegation"); err != nil {
			t.Fatal(err)
		}
	}
	mustSync(t, ana, "shared")
	mustSync(t, ben, "shared")
	got := commentIDs(t, ben)
	if _, ok := got[ids[0]]; ok {
		t.Errorf("the removal of %s did not reach Ben", ids[0])
	}
	if got[ids[1]] != "Ben's edit, made while Ana removed it." {
		t.Errorf("Ben's edit lost to Ana's removal: %q", got[ids[1]])
	}
	storetest.CheckGit(t, ben.Dir())
}

// TestRemoveItemInConflict: removing an item in conflict takes out its
// conflict copies too, so no conflict is left on a removed item.
func TestRemoveItemInConflict(t *testing.T) {
	remote := filepath.Join(t.TempDir(), "shared", "delegation.git")
	ana, ben := person(t, "Ana"), person(t, "Ben")
	addRemote(t, ana, "shared", remote)
	addRemote(t, ben, "shared", remote)
	id := addComments(t, ana, 1, "shared")[0]
	mustSync(t, ana, "shared")
	mustSync(t, ben, "shared")
	editComment(t, ana, id, "Ana's wording.")
	editComment(t, ben, id, "Ben's wording.")
	mustSync(t, ana, "shared")
	if rep := mustSync(t, ben, "shared"); rep.Conflicts != 1 {
		t.Fatalf("want one conflict: %+v", rep)
	}
	if err := ben.RemoveItem(id, "both wordings dropped"); err != nil {
		t.Fatal(err)
	}
	if cs, err := ben.Conflicts(); err != nil || len(cs) != 0 {
		t.Fatalf("conflicts after removing the item: %v, %d left", err, len(cs))
	}
	if got := commentIDs(t, ben); len(got) != 0 {
		t.Fatalf("comments after the removal: %v", got)
	}
	storetest.CheckGit(t, ben.Dir())
}
