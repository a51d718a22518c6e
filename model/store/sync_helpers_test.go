package store_test

import (
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/store/storetest"
)

// person creates a workspace for name in a fresh folder.
func person(t testing.TB, name string) *store.Workspace {
	t.Helper()
	user := item.Person{Name: name, Email: strings.ToLower(name) + "@example.org"}
	w, err := store.Create(filepath.Join(t.TempDir(), strings.ToLower(name)), user)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = w.Close() })
	return w
}

// addComments saves n new comments and returns their IDs.
func addComments(t testing.TB, w *store.Workspace, n int, label string) []string {
	t.Helper()
	ids := make([]string, n)
	for i := range ids {
		c := storetest.Comment(fmt.Sprint(i%100+1), fmt.Sprintf("%s comment %d.", label, i))
		if err := w.SaveComment(&c, "add"); err != nil {
			t.Fatal(err)
		}
		ids[i] = c.ID
	}
	return ids
}

// editComment saves a new body for an existing comment.
func editComment(t testing.TB, w *store.Workspace, id, body string) {
	t.Helper()
	c, err := w.Comment(id)
	if err != nil {
		t.Fatal(err)
	}
	c.Body = body
	if err := w.SaveComment(&c, "edit body"); err != nil {
		t.Fatal(err)
	}
}

func mustSync(t testing.TB, w *store.Workspace, remote string) store.SyncReport {
	t.Helper()
	rep, err := w.Sync(context.Background(), remote, store.SyncOptions{})
	if err != nil {
		t.Fatalf("sync %s: %v", w.User().Name, err)
	}
	return rep
}

func addRemote(t testing.TB, w *store.Workspace, name, url string) {
	t.Helper()
	if _, _, err := w.AddRemote(name, url); err != nil {
		t.Fatal(err)
	}
}

// commentIDs lists the comments a workspace holds.
func commentIDs(t testing.TB, w *store.Workspace) map[string]string {
	t.Helper()
	cs, err := w.Comments()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, c := range cs {
		out[c.ID] = c.Body
	}
	return out
}

// fsck runs git fsck --strict on a repository (needs the git binary).
func fsck(t testing.TB, dir string) {
	t.Helper()
	out, err := exec.Command("git", "-C", dir, "fsck", "--strict", "--no-dangling").CombinedOutput()
	if err != nil {
		t.Fatalf("git fsck %s: %v\n%s", dir, err, out)
	}
}

// gitBare makes an empty bare repository with the git binary, so the
// servers under test serve a repository git itself created.
func gitBare(t testing.TB, dir string) {
	t.Helper()
	for _, args := range [][]string{{"init", "-q", "--bare", dir}, {"-C", dir, "config", "http.receivepack", "true"}} {
		if out, err := exec.Command("git", args...).CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
}

func needGit(t testing.TB) {
	t.Helper()
	if !storetest.HasGit() {
		t.Fatal("this test starts git servers and needs the git binary")
	}
}
