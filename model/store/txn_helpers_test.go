package store_test

// Helpers the kill and disk-fault harnesses of export, package import and
// sync share. They drive the same public calls the app and delegatectl
// make: usecase.Gather, export.Build, usecase.Write, usecase.Record;
// export.VerifyFile and Workspace.ImportItems; Workspace.Sync with a
// folder remote.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/process"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/store/storetest"
	"github.com/delegate-itu/delegate/model/usecase"
)

// exportFixture is the process profile and Word template the export
// tests use (model/export/testdata; no LibreOffice, no embedded assets).
var exportFixture = sync.OnceValues(func() (usecase.Request, error) {
	p, err := process.Load("../export/testdata/wtpf-26.toml")
	if err != nil {
		return usecase.Request{}, err
	}
	tmpl, err := os.ReadFile("../export/testdata/template.docx")
	if err != nil {
		return usecase.Request{}, err
	}
	return usecase.Request{Process: p, Template: tmpl, Anchor: export.DefaultAnchor,
		Cover: item.Cover{Title: "Comments", Summary: "Comments on the draft.", ActionRequired: "The IEG is invited to consider this contribution."},
		Now:   time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)}, nil
})

// delegationProfile is what an exporting workspace needs besides items.
func delegationProfile(w *store.Workspace) error {
	u := w.User()
	return w.SaveProfile(item.Profile{Entity: "Republic of Xyz", Category: item.CategoryMemberState,
		Contacts: []item.Contact{{Name: u.Name, Email: u.Email}}}, "profile")
}

// exportWorkspace is a closed workspace with a delegation profile and two
// approved comments, ready to export.
func exportWorkspace(t testing.TB) string {
	t.Helper()
	w := storetest.New(t)
	if err := delegationProfile(w); err != nil {
		t.Fatal(err)
	}
	if _, err := approveNew(w, 2, "first"); err != nil {
		t.Fatal(err)
	}
	dir := w.Dir()
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// approveNew saves n new comments already approved (a save does not
// replay the review steps, and one save each keeps the harnesses cheap).
func approveNew(w *store.Workspace, n int, label string) ([]string, error) {
	var ids []string
	for i := 0; i < n; i++ {
		c := storetest.Comment(fmt.Sprint(i+1), fmt.Sprintf("%s point %d.", label, i))
		c.Review = item.Review{Status: item.StatusApproved}
		if err := w.SaveComment(&c, "add"); err != nil {
			return ids, err
		}
		ids = append(ids, c.ID)
	}
	return ids, nil
}

// exportOnce is one export as delegatectl export makes it: gather, build,
// write the package folder under outRoot/<package ID>, record it.
func exportOnce(w *store.Workspace, outRoot string) (string, store.Recorded, error) {
	r, err := exportFixture()
	if err != nil {
		return "", store.Recorded{}, err
	}
	in, err := usecase.Gather(w, r)
	if err != nil {
		return "", store.Recorded{}, err
	}
	res, err := export.Build(in)
	if err != nil {
		return "", store.Recorded{}, err
	}
	if err := usecase.Write(filepath.Join(outRoot, res.ID), res); err != nil {
		return res.ID, store.Recorded{}, err
	}
	rec, err := usecase.Record(w, res, in)
	return res.ID, rec, err
}

// tags lists the workspace's package tags (loose refs: the store never
// packs them).
func tags(t testing.TB, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(filepath.Join(dir, ".git", "refs", "tags"))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		if !strings.Contains(e.Name(), ".delegate-tmp-") {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out
}

// checkExported asserts the export transaction's invariant on an open
// workspace: every tagged package has its whole folder under outRoot
// (verified like a received package) and every item of its manifest
// submitted in it; every submitted item's package is tagged; nothing is
// half-recorded. It returns how many items are still approved. Packages
// in seen were checked before (a package's folder and statuses do not
// change once recorded) and are not verified again.
func checkExported(t testing.TB, w *store.Workspace, outRoot string, seen map[string]bool) (approved int) {
	t.Helper()
	tagged := map[string]bool{}
	for _, name := range tags(t, w.Dir()) {
		tagged[name] = true
		if seen[name] {
			continue
		}
		seen[name] = true
		p, err := export.VerifyFile(filepath.Join(outRoot, name, name+".zip"))
		if err != nil {
			t.Fatalf("package %s is tagged but its folder is not whole: %v", name, err)
		}
		for _, it := range p.Manifest.Items {
			c, err := w.Comment(it.ID)
			if err != nil || c.Review.Status != item.StatusSubmitted || c.Review.Package != name {
				t.Fatalf("package %s is tagged but %s is %+v (%v): recorded by half", name, it.ID, c.Review, err)
			}
		}
	}
	cs, err := w.Comments()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		switch c.Review.Status {
		case item.StatusSubmitted:
			if !tagged[c.Review.Package] {
				t.Fatalf("%s is submitted in package %s, which is not tagged: recorded by half", c.ID, c.Review.Package)
			}
		case item.StatusApproved:
			approved++
		}
	}
	if _, err := os.Stat(filepath.Join(w.Dir(), ".git", "delegate", "recording")); err == nil {
		t.Fatal("a recording is still pending after Open")
	}
	return approved
}

// leftovers lists temporary files under the given folders.
func leftovers(t testing.TB, dirs ...string) []string {
	t.Helper()
	var out []string
	for _, d := range dirs {
		out = append(out, tempFiles(t, d)...)
	}
	return out
}

// folderRemote makes an empty bare repository for a folder remote
// without the git binary (AddRemote creates it).
func folderRemote(t testing.TB) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "remote.git")
}

// syncPair is two colleagues sharing a folder remote, both closed.
type syncPair struct{ a, b, remote string }

func newSyncPair(t testing.TB) syncPair {
	t.Helper()
	p := syncPair{remote: folderRemote(t)}
	for i, name := range []string{"Ana", "Bo"} {
		user := item.Person{Name: name, Email: strings.ToLower(name) + "@example.org"}
		dir := filepath.Join(t.TempDir(), strings.ToLower(name))
		w, err := store.Create(dir, user)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := w.AddRemote("share", p.remote); err != nil {
			t.Fatal(err)
		}
		c := storetest.Comment(fmt.Sprint(i+1), name+"'s first comment.")
		if err := w.SaveComment(&c, "add"); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Sync(context.Background(), "share", store.SyncOptions{}); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			p.a = dir
		} else {
			p.b = dir
		}
	}
	return p
}
