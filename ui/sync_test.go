package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/store"
)

// syncWalk visits every object under o.
func syncWalk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, k := range c.Objects {
			syncWalk(k, f)
		}
	case fyne.Widget:
		for _, k := range test.WidgetRenderer(c).Objects() {
			syncWalk(k, f)
		}
	}
}

// topText joins the texts of the labels in the top dialog.
func topText(s *Session) string {
	var b strings.Builder
	syncWalk(s.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	})
	return b.String()
}

// tapTop taps the button with that text in the top dialog.
func tapTop(t *testing.T, s *Session, text string) {
	t.Helper()
	var found *widget.Button
	syncWalk(s.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q in:\n%s", text, topText(s))
	}
	test.Tap(found)
}

// TestSyncFlow: the sample workspace and a colleague's sync through a
// shared folder made by the test. Without a remote the Sync action offers
// to add one; items from both reach each other; the same comment edited on
// both sides shows as a conflict with both texts and authors; keeping
// theirs leaves one version and both stay in the history.
func TestSyncFlow(t *testing.T) {
	s := newSampleSession(t, "")
	ws := s.work.ws
	s.main.onSync()
	if txt := topText(s); !strings.Contains(txt, "no delegation remote yet") {
		t.Fatalf("sync without a remote:\n%s", txt)
	}
	s.win.Canvas().Overlays().Top().Hide()
	usb := filepath.Join(t.TempDir(), "usb", "delegation.git")
	s.main.addRemote("usb", usb, "") // what the form's "Add and sync" does
	tapTop(t, s, "Close")

	ana, err := store.Create(filepath.Join(t.TempDir(), "ana"), item.Person{Name: "Ana Lima", Email: "ana@example.org"})
	if err != nil {
		t.Fatal(err)
	}
	defer ana.Close()
	if _, _, err := ana.AddRemote("usb", usb); err != nil {
		t.Fatal(err)
	}
	mustSyncUI(t, ana)
	sample := s.work.comments
	if got, _ := ana.Comments(); len(got) != len(sample) {
		t.Fatalf("Ana received %d of the sample's %d comments", len(got), len(sample))
	}
	shared := sample[0]
	theirs, mine := shared, shared
	theirs.Body, mine.Body = "Ana's wording of the point.", "The sample user's wording."
	extra := item.Comment{Anchor: shared.Anchor, Kind: item.KindEditorial, Body: "A new point from Ana."}
	for _, c := range []*item.Comment{&theirs, &extra} {
		if err := ana.SaveComment(c, "edit"); err != nil {
			t.Fatal(err)
		}
	}
	mustSyncUI(t, ana)
	if err := ws.SaveComment(&mine, "edit"); err != nil {
		t.Fatal(err)
	}

	s.main.runSync("usb")
	rep := topText(s)
	for _, want := range []string{"ana-example-org: 2 files received", "Conflict: items/comments/" + shared.ID + ".md", "1 open conflict: choose"} {
		if !strings.Contains(rep, want) {
			t.Errorf("sync report lacks %q:\n%s", want, rep)
		}
	}
	if _, err := s.work.ws.Comment(extra.ID); err != nil {
		t.Errorf("Ana's new comment did not reach the screens' workspace: %v", err)
	}
	tapTop(t, s, "Show conflicts")
	view := topText(s)
	for _, want := range []string{"Ana's wording of the point.", "The sample user's wording.", "From ana-example-org", "Yours (" + ws.User().Name + ")"} {
		if !strings.Contains(view, want) {
			t.Errorf("conflicts view lacks %q:\n%s", want, view)
		}
	}
	tapTop(t, s, "Keep this version")
	if cs, _ := ws.Conflicts(); len(cs) != 0 {
		t.Fatalf("conflicts left: %d", len(cs))
	}
	if c, _ := ws.Comment(shared.ID); c.Body != theirs.Body {
		t.Fatalf("kept %q", c.Body)
	}
	vs, err := ws.History(shared.ID)
	if err != nil {
		t.Fatal(err)
	}
	var bodies []string
	for _, v := range vs {
		if b, err := ws.VersionBytes(shared.ID, v.N); err == nil {
			bodies = append(bodies, string(b))
		}
	}
	all := strings.Join(bodies, "|")
	if !strings.Contains(all, mine.Body) || !strings.Contains(all, theirs.Body) {
		t.Errorf("history lost a version: %q", all)
	}
	s.main.runSync("usb") // publish the resolution
	tapTop(t, s, "Close")
	mustSyncUI(t, ana)
	if cs, _ := ana.Conflicts(); len(cs) != 0 {
		t.Errorf("Ana still has %d conflicts", len(cs))
	}
	if c, _ := ana.Comment(shared.ID); c.Body != theirs.Body {
		t.Errorf("Ana sees %q after the resolution", c.Body)
	}
}

func mustSyncUI(t *testing.T, w *store.Workspace) {
	t.Helper()
	if _, err := w.Sync(t.Context(), "", store.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
}

// TestGoldenConflicts: the conflicts view on a fixed conflict (the sync
// flow's item IDs carry the day and a random part).
func TestGoldenConflicts(t *testing.T) {
	s := newSampleSession(t, "")
	c := item.Comment{ID: "se-250601-gold1", Anchor: item.Anchor{DraftID: "sg-2", ParagraphID: "p1", Number: "1", Quote: "digital divides"},
		Kind: item.KindSubstantive, Author: s.work.ws.User(), Body: "Replace \"digital divides\" with \"the digital divide\" throughout."}
	mine, _ := store.FormatComment(c)
	c.Body = "Keep \"digital divides\" but name the gender digital divide in this paragraph."
	c.Proposal = &item.Proposal{Action: item.ActionMod, Existing: "digital divides", Proposed: "digital divides, including the gender digital divide"}
	theirs, _ := store.FormatComment(c)
	s.main.openConflicts([]store.Conflict{{ItemID: c.ID, Path: "items/comments/" + c.ID + ".md", Mine: mine,
		Theirs: []store.ConflictCopy{{From: "ana-example-org", Path: "conflicts/items/comments/" + c.ID + ".from-ana-example-org.md", Data: theirs}}}})
	test.AssertObjectRendersToMarkup(t, "sync-conflicts.xml", s.win.Canvas().Overlays().Top())
}

// TestSyncReportNamesRefusedWork: on the shared folder, Ana publishes
// honest work and Eve a branch holding con.md (a Windows device name).
// The sync brings Ana's comments, and the report names Eve as the one
// whose work was not brought in, with what was found.
func TestSyncReportNamesRefusedWork(t *testing.T) {
	s := newSampleSession(t, "")
	usb := filepath.Join(t.TempDir(), "usb", "delegation.git")
	s.main.addRemote("usb", usb, "")
	tapTop(t, s, "Close")
	ana, err := store.Create(filepath.Join(t.TempDir(), "ana"), item.Person{Name: "Ana Lima", Email: "ana@example.org"})
	if err != nil {
		t.Fatal(err)
	}
	defer ana.Close()
	if _, _, err := ana.AddRemote("usb", usb); err != nil {
		t.Fatal(err)
	}
	extra := item.Comment{Anchor: s.work.comments[0].Anchor, Kind: item.KindEditorial, Body: "A new point from Ana."}
	if err := ana.SaveComment(&extra, "add"); err != nil {
		t.Fatal(err)
	}
	mustSyncUI(t, ana)
	eveBranch(t, usb, "con.md")

	s.main.runSync("usb")
	rep := topText(s)
	for _, want := range []string{"ana-example-org: ", "The work of eve-example-org was not brought in", `"con.md" is a device name on Windows`} {
		if !strings.Contains(rep, want) {
			t.Errorf("sync report lacks %q:\n%s", want, rep)
		}
	}
	if _, err := s.work.ws.Comment(extra.ID); err != nil {
		t.Errorf("Ana's comment did not arrive beside the refused work: %v", err)
	}
}

// eveBranch publishes people/eve-example-org on the bare repository at
// dir: one commit whose tree holds a file of that name.
func eveBranch(t *testing.T, dir, name string) {
	t.Helper()
	repo, err := git.PlainOpen(dir)
	if err != nil {
		t.Fatal(err)
	}
	put := func(o interface {
		Encode(plumbing.EncodedObject) error
	}) plumbing.Hash {
		obj := repo.Storer.NewEncodedObject()
		if err := o.Encode(obj); err != nil {
			t.Fatal(err)
		}
		h, err := repo.Storer.SetEncodedObject(obj)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	blob := repo.Storer.NewEncodedObject()
	blob.SetType(plumbing.BlobObject)
	w, _ := blob.Writer()
	_, _ = w.Write([]byte("x"))
	_ = w.Close()
	bh, err := repo.Storer.SetEncodedObject(blob)
	if err != nil {
		t.Fatal(err)
	}
	tree := put(&object.Tree{Entries: []object.TreeEntry{{Name: name, Mode: filemode.Regular, Hash: bh}}})
	sig := object.Signature{Name: "Eve", Email: "eve@example.org", When: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)}
	c := put(&object.Commit{Author: sig, Committer: sig, Message: "my work\n", TreeHash: tree})
	if err := repo.Storer.SetReference(plumbing.NewHashReference(store.PeoplePrefix+"eve-example-org", c)); err != nil {
		t.Fatal(err)
	}
}
