package store_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report/redline"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/store/storetest"
)

func TestSaveEditHistoryRestore(t *testing.T) {
	w := storetest.New(t)
	c := storetest.Comment("14", "First thoughts.")
	if err := w.SaveComment(&c, "add"); err != nil {
		t.Fatal(err)
	}
	for _, body := range []string{"Second thoughts.", "Third thoughts, final."} {
		c.Body = body
		if err := w.SaveComment(&c, "edit body"); err != nil {
			t.Fatal(err)
		}
	}
	vs, err := w.History(c.ID)
	if err != nil || len(vs) != 3 {
		t.Fatalf("history: %v %+v", err, vs)
	}
	if vs[0].Message != "Comment on ¶14: add" || vs[2].Message != "Comment on ¶14: edit body" || vs[2].Author != storetest.User {
		t.Fatalf("unexpected versions %+v", vs)
	}
	ops, err := w.Diff(c.ID, 1, 3)
	if err != nil {
		t.Fatal(err)
	}
	if d := redline.Render(ops); !strings.Contains(d, "[-First-]{+Third+}") || !strings.Contains(d, "{+, final+}") {
		t.Fatalf("diff:\n%s", d)
	}
	if err := w.Restore(c.ID, 1); err != nil {
		t.Fatal(err)
	}
	got, err := w.Comment(c.ID)
	if err != nil || got.Body != "First thoughts." {
		t.Fatalf("after restore: %v %q", err, got.Body)
	}
	vs, _ = w.History(c.ID)
	if len(vs) != 4 || !strings.HasPrefix(vs[3].Message, "Comment on ¶14: restore version 1 (") {
		t.Fatalf("restore not a new version: %+v", vs)
	}
	storetest.CheckGit(t, w.Dir())
	if storetest.HasGit() {
		log := storetest.Git(t, w.Dir(), "log", "--format=%an|%s", "--", "items/comments/"+c.ID+".md")
		if n := strings.Count(log, "Test Expert|Comment on ¶14"); n != 4 {
			t.Fatalf("git log sees %d versions:\n%s", n, log)
		}
	}
}

func TestListAndValidation(t *testing.T) {
	w := storetest.New(t)
	for _, n := range []string{"3", "4", "5"} {
		c := storetest.Comment(n, "Body "+n)
		if err := w.SaveComment(&c, "add"); err != nil {
			t.Fatal(err)
		}
	}
	o := storetest.Opinion(3)
	if err := w.SaveOpinion(&o, "add"); err != nil {
		t.Fatal(err)
	}
	bad := storetest.Comment("6", "")
	err := w.SaveComment(&bad, "add")
	var fe *item.FieldError
	if !errors.As(err, &fe) || fe.Field != "body" {
		t.Fatalf("want a body error, got %v", err)
	}
	cs, err := w.Comments()
	if err != nil || len(cs) != 3 {
		t.Fatalf("comments: %v %d", err, len(cs))
	}
	os2, err := w.Opinions()
	if err != nil || len(os2) != 1 || os2[0].Title != o.Title {
		t.Fatalf("opinions: %v %+v", err, os2)
	}
	if _, err := w.Comment("xx-000000-zzzzz"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("want ErrNotFound, got %v", err)
	}
	vs, err := w.History(o.ID)
	if err != nil || len(vs) != 1 || vs[0].Message != "Opinion proposal on draft Opinion 3: add" {
		t.Fatalf("opinion history: %v %+v", err, vs)
	}
	storetest.CheckGit(t, w.Dir())
}

func TestProfileAndDrafts(t *testing.T) {
	w := storetest.New(t)
	if _, err := w.Profile(); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("fresh workspace has no profile, got %v", err)
	}
	p := item.Profile{Entity: "Republic of Xyz", Category: item.CategoryMemberState,
		Contacts: []item.Contact{{Name: "Coord", Email: "coord@xyz.gov", Coordinator: true}}}
	if err := w.SaveProfile(p, "set up"); err != nil {
		t.Fatal(err)
	}
	if got, err := w.Profile(); err != nil || got.Entity != p.Entity {
		t.Fatalf("profile: %v %+v", err, got)
	}
	src := []byte("PK\x03\x04 pretend docx")
	d, err := w.ImportDraft(store.DraftImport{Source: "/tmp/x/draft2.docx", Data: src, Label: "2nd draft"})
	if err != nil || d.ID != "2nd-draft" {
		t.Fatalf("import: %v %+v", err, d)
	}
	if _, err := w.ImportDraft(store.DraftImport{Source: "again.docx", Data: src}); !errors.Is(err, store.ErrDraftExists) {
		t.Fatalf("want ErrDraftExists, got %v", err)
	}
	d2, err := w.ImportDraft(store.DraftImport{Source: "other.docx", Data: []byte("other"), Label: "2nd draft", Parsed: []byte(`{"paragraphs":[]}`)})
	if err != nil || d2.ID != "2nd-draft-2" {
		t.Fatalf("second import: %v %+v", err, d2)
	}
	if b, err := w.DraftSource("2nd-draft"); err != nil || string(b) != string(src) {
		t.Fatalf("source: %v", err)
	}
	if _, err := w.DraftParsed("2nd-draft"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("want no parsed draft, got %v", err)
	}
	if ds, err := w.Drafts(); err != nil || len(ds) != 2 {
		t.Fatalf("drafts: %v %d", err, len(ds))
	}
	storetest.CheckGit(t, w.Dir())
}

func TestLock(t *testing.T) {
	w := storetest.New(t)
	_, err := store.Open(w.Dir(), store.Options{})
	var le *store.LockedError
	if !errors.Is(err, store.ErrLocked) || !errors.As(err, &le) {
		t.Fatalf("second open: want ErrLocked, got %v", err)
	}
	for _, want := range []string{"in use by Test Expert on ", "(pid ", ") since "} {
		if !strings.Contains(err.Error(), want) {
			t.Fatalf("message %q lacks %q", err, want)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	// A lock left by a process that is gone is cleared.
	host, _ := os.Hostname()
	stale := `{"user":"Ghost","host":"` + host + `","pid":2147483000,"since":"2024-01-01T00:00:00Z"}`
	if err := os.WriteFile(filepath.Join(w.Dir(), ".git", "delegate", "lock"), []byte(stale), 0o644); err != nil {
		t.Fatal(err)
	}
	w2, err := store.Open(w.Dir(), store.Options{})
	if err != nil {
		t.Fatalf("stale lock not cleared: %v", err)
	}
	defer w2.Close()
	if r := w2.Recovered(); len(r) != 1 || !strings.Contains(r[0], "no longer running") {
		t.Fatalf("recovered: %v", r)
	}
}

func TestOpenErrors(t *testing.T) {
	if _, err := store.Open(t.TempDir(), store.Options{}); !errors.Is(err, store.ErrNotWorkspace) {
		t.Fatalf("want ErrNotWorkspace, got %v", err)
	}
	w := storetest.New(t)
	if _, err := store.Create(w.Dir(), storetest.User); !errors.Is(err, store.ErrExists) {
		t.Fatalf("want ErrExists, got %v", err)
	}
	if _, err := store.Create(t.TempDir(), item.Person{}); !errors.Is(err, store.ErrNoUser) {
		t.Fatalf("want ErrNoUser, got %v", err)
	}
}

func TestDir(t *testing.T) {
	t.Setenv(store.EnvWorkspace, "/env/ws")
	if got := store.Dir("/explicit", "x"); got != "/explicit" {
		t.Fatal(got)
	}
	if got := store.Dir("", "x"); got != "/env/ws" {
		t.Fatal(got)
	}
	t.Setenv(store.EnvWorkspace, "")
	if got := store.Dir("", ""); !strings.HasSuffix(got, filepath.Join("delegate", "workspaces", "default")) {
		t.Fatal(got)
	}
}

func TestTagPackage(t *testing.T) {
	w := storetest.New(t)
	c := storetest.Comment("2", "x")
	if err := w.SaveComment(&c, "add"); err != nil {
		t.Fatal(err)
	}
	if err := w.TagPackage("pkg-2024-12-20", "Comments on the 2nd draft"); err != nil {
		t.Fatal(err)
	}
	if err := w.TagPackage("pkg-2024-12-20", "again"); !errors.Is(err, store.ErrTagExists) {
		t.Fatalf("want ErrTagExists, got %v", err)
	}
	if err := w.TagPackage("bad name", ""); err == nil {
		t.Fatal("a name with a space must be refused")
	}
	if storetest.HasGit() {
		head, _ := w.Head()
		out := storetest.Git(t, w.Dir(), "rev-parse", "pkg-2024-12-20^{commit}")
		if strings.TrimSpace(out) != head {
			t.Fatalf("tag points at %s, head %s", out, head)
		}
	}
	storetest.CheckGit(t, w.Dir())
}
