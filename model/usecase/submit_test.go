package usecase

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/process"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/store/storetest"
)

// workspace holds a profile, two approved comments and one draft comment.
func workspace(t *testing.T) (*store.Workspace, []string) {
	t.Helper()
	w := storetest.New(t)
	p := item.Profile{Entity: "Republic of Xyz", Category: item.CategoryMemberState,
		Contacts: []item.Contact{{Name: "Ana Ruiz", Email: "ana@xyz.example"}, {Name: storetest.User.Name, Email: storetest.User.Email}}}
	if err := w.SaveProfile(p, "profile"); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for i, body := range []string{"First point.", "Second point.", "Still a draft."} {
		c := storetest.Comment("1", body)
		if err := w.SaveComment(&c, "add"); err != nil {
			t.Fatal(err)
		}
		if i < 2 {
			for _, st := range []item.Status{item.StatusReady, item.StatusApproved} {
				c.Review, _ = c.Review.Move(st, "")
				if err := w.SaveComment(&c, "review"); err != nil {
					t.Fatal(err)
				}
			}
		}
		ids = append(ids, c.ID)
	}
	return w, ids
}

func testProfile(t *testing.T) *process.Profile {
	t.Helper()
	p, err := process.Load("../export/testdata/wtpf-26.toml")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func request(t *testing.T) Request {
	tmpl, err := os.ReadFile("../export/testdata/template.docx")
	if err != nil {
		t.Fatal(err)
	}
	return Request{Process: testProfile(t), Template: tmpl, Anchor: export.DefaultAnchor,
		Cover: item.Cover{Title: "Comments", Summary: "Two comments.", ActionRequired: "The IEG is invited to consider this contribution."},
		Now:   time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)}
}

func TestGatherPicksApprovedAndTheUser(t *testing.T) {
	w, ids := workspace(t)
	in, err := Gather(w, request(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Comments) != 2 || in.Comments[0].ID == ids[2] || in.Comments[1].ID == ids[2] {
		t.Fatalf("picked %d comments: %+v", len(in.Comments), in.Comments)
	}
	if in.Sender.Email != storetest.User.Email || in.Commit == "" || in.Cover.Language != "English" {
		t.Fatalf("sender %+v commit %q language %q", in.Sender, in.Commit, in.Cover.Language)
	}
	if len(in.Versions) != 2 {
		t.Fatalf("versions = %v", in.Versions)
	}
	r := request(t)
	r.Items, r.Sender = []string{ids[2]}, "ana@xyz.example"
	if in, err = Gather(w, r); err != nil || len(in.Comments) != 1 || in.Comments[0].ID != ids[2] || in.Sender.Name != "Ana Ruiz" {
		t.Fatalf("named item: %v %+v", err, in.Comments)
	}
	r.Items = []string{"zz-999"}
	if _, err := Gather(w, r); !errors.Is(err, ErrUnknownItem) {
		t.Fatalf("unknown item: %v", err)
	}
	r.Items, r.Sender = nil, "nobody@example.org"
	if _, err := Gather(w, r); !errors.Is(err, ErrUnknownSender) {
		t.Fatalf("unknown sender: %v", err)
	}
}

func TestWriteRecordAndRefuseTwice(t *testing.T) {
	w, ids := workspace(t)
	in, err := Gather(w, request(t))
	if err != nil {
		t.Fatal(err)
	}
	res, err := export.Build(in)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "pkg")
	if err := Write(dir, res); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{export.ContributionFile, export.MessageFile, export.ManifestFile, ZipName(res)} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	if rec, err := Record(w, res, in); err != nil || rec.Finished || rec.Marked != 2 {
		t.Fatalf("record: %+v %v", rec, err)
	}
	for i, id := range ids {
		c, _ := w.Comment(id)
		want := item.StatusSubmitted
		if i == 2 {
			want = item.StatusDraft
		}
		if c.Review.Status != want || (want == item.StatusSubmitted && c.Review.Package != res.ID) {
			t.Errorf("%s: %+v", id, c.Review)
		}
	}
	if _, err := Record(w, res, in); !errors.Is(err, ErrAlreadyMade) {
		t.Fatalf("second record: %v", err)
	}
}

func TestProfileAppliesWorkspaceCorrections(t *testing.T) {
	w, _ := workspace(t)
	p := testProfile(t)
	id := p.Sorted()[0].ID
	d, _ := process.ParseDate("2024-03-03")
	if err := w.SaveProcessCorrections(p, process.Corrections{Corrections: []process.Correction{{ID: id, Actual: d}}}, "moved"); err != nil {
		t.Fatal(err)
	}
	got, err := Profile(w, p)
	if err != nil {
		t.Fatal(err)
	}
	if m, _ := got.Milestone(id); m.When() != d {
		t.Fatalf("%s is on %v, want %v", id, m.When(), d)
	}
}

func TestNominationInputFallsBackToTheUser(t *testing.T) {
	w := storetest.New(t)
	in, err := NominationInput(w, testProfile(t), item.Nomination{Name: "Zhang Wei", Organization: "Ministry", Email: "z@xyz.example"}, "", time.Now())
	if err != nil || in.Sender.Email != storetest.User.Email {
		t.Fatalf("%v %+v", err, in.Sender)
	}
	eml, err := export.Nomination(in)
	if err != nil || len(eml) == 0 {
		t.Fatal(err)
	}
}

// TestReExportFinishesAStuckExport builds the state an export killed
// between its two steps left before they were one transaction (the
// package tagged, its items still approved, so a re-export was refused
// with ErrAlreadyMade) and checks that exporting again finishes it:
// same package, items submitted in it, the tag on the commit the package
// was made from, and a third attempt refused as before.
func TestReExportFinishesAStuckExport(t *testing.T) {
	w, ids := workspace(t)
	in, err := Gather(w, request(t))
	if err != nil {
		t.Fatal(err)
	}
	res, err := export.Build(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.TagPackage(res.ID, "Submission package "+res.ID); err != nil { // the old first step, then the kill
		t.Fatal(err)
	}
	in2, err := Gather(w, request(t))
	if err != nil {
		t.Fatal(err)
	}
	res2, err := export.Build(in2)
	if err != nil || res2.ID != res.ID {
		t.Fatalf("re-export gives %v %v, want package %s again", res2, err, res.ID)
	}
	dir := filepath.Join(t.TempDir(), "pkg")
	if err := Write(dir, res2); err != nil {
		t.Fatal(err)
	}
	rec, err := Record(w, res2, in2)
	if err != nil || !rec.Finished || rec.Marked != 2 {
		t.Fatalf("re-export of a stuck package: %+v %v", rec, err)
	}
	for _, id := range ids[:2] {
		if c, _ := w.Comment(id); c.Review.Status != item.StatusSubmitted || c.Review.Package != res.ID {
			t.Errorf("%s after the repair: %+v", id, c.Review)
		}
	}
	if _, err := Record(w, res2, in2); !errors.Is(err, ErrAlreadyMade) {
		t.Fatalf("a third record: %v", err)
	}
	storetest.CheckGit(t, w.Dir())
	if storetest.HasGit() {
		if got := storetest.Git(t, w.Dir(), "rev-parse", res.ID+"^{commit}"); strings.TrimSpace(got) != in.Commit {
			t.Fatalf("tag %s points at %s, want the package's commit %s", res.ID, got, in.Commit)
		}
	}
}

// TestWriteReplacesAnInterruptedWrite: a folder left by a killed export
// (a stray temporary file, a truncated file) is rewritten whole.
func TestWriteReplacesAnInterruptedWrite(t *testing.T) {
	w, _ := workspace(t)
	in, err := Gather(w, request(t))
	if err != nil {
		t.Fatal(err)
	}
	res, err := export.Build(in)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	stray := filepath.Join(dir, "."+export.ContributionFile+".delegate-tmp-0a1b2c")
	for p, s := range map[string]string{stray: "half", filepath.Join(dir, export.ManifestFile): "{"} {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := Write(dir, res); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stray); !os.IsNotExist(err) {
		t.Fatalf("the stray temporary file is still there: %v", err)
	}
	if _, err := export.VerifyFile(filepath.Join(dir, ZipName(res))); err != nil {
		t.Fatalf("the rewritten package does not verify: %v", err)
	}
	for name, want := range res.Files {
		if got, err := os.ReadFile(filepath.Join(dir, name)); err != nil || string(got) != string(want) {
			t.Errorf("%s is not the package's (%v)", name, err)
		}
	}
}
