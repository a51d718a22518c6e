package ui

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
)

// approveFirst approves the first n sample comments in the draft's order,
// as a coordinator would, and returns their IDs.
func approveFirst(t *testing.T, s *Session, n int) []string {
	t.Helper()
	var ids []string
	for _, sc := range sampleComments[:n] {
		c := commentOn(t, s, sc.para)
		for _, st := range []item.Status{item.StatusReady, item.StatusApproved} {
			c.Review, _ = c.Review.Move(st, "")
			if err := s.work.ws.SaveComment(&c, "review"); err != nil {
				t.Fatal(err)
			}
		}
		ids = append(ids, c.ID)
	}
	if err := s.work.loadComments(); err != nil {
		t.Fatal(err)
	}
	return ids
}

func commentOn(t *testing.T, s *Session, para string) item.Comment {
	t.Helper()
	for _, c := range s.work.comments {
		if c.Anchor.ParagraphID == para {
			return c
		}
	}
	t.Fatalf("no comment on %s", para)
	return item.Comment{}
}

// openWizard opens the export wizard with a recording opener and no
// LibreOffice, so the preview is the structured one.
func openWizard(t *testing.T, s *Session) (*exportWizard, *[]*url.URL) {
	t.Helper()
	x := s.showExport()
	if x == nil {
		t.Fatal("the export wizard did not open")
	}
	var opened []*url.URL
	x.open = func(u *url.URL) error { opened = append(opened, u); return nil }
	x.render = nil
	return x, &opened
}

func overlay(s *Session) fyne.CanvasObject { return s.win.Canvas().Overlays().Top() }

func findCheck(t *testing.T, o fyne.CanvasObject, text string) *widget.Check {
	t.Helper()
	var found *widget.Check
	walk(t, o, func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok && c.Text == text && found == nil {
			found = c
		}
	})
	if found == nil {
		t.Fatalf("no %q check", text)
	}
	return found
}

// fillCover types a complete cover, as the user would.
func fillCover(x *exportWizard) {
	x.cover.title.SetText("")
	test.Type(x.cover.title, "Comments of the Republic of Sample on the 2nd draft")
	test.Type(x.cover.summary, "Two comments on connectivity.")
}

func TestExportWizardEndToEnd(t *testing.T) {
	s := newSampleSession(t, "")
	approved := approveFirst(t, s, 2)
	press(s, fyne.KeyE)
	if overlay(s) == nil {
		t.Fatal("Ctrl+E opened nothing")
	}
	overlay(s).Hide()
	x, opened := openWizard(t, s)
	if got := x.pickedIDs(); strings.Join(got, ",") != strings.Join(approved, ",") {
		t.Fatalf("picked by default %v, want the approved %v", got, approved)
	}
	test.Tap(x.next)
	if x.step != stepCover || x.cover.action.Text != defaultAction || x.cover.senderEmail() != sampleUser.Email {
		t.Fatalf("cover step %d: action %q sender %q", x.step, x.cover.action.Text, x.cover.senderEmail())
	}
	fillCover(x)
	test.Tap(x.next)
	if x.step != stepCheck || findingsRefuse(x.findings) {
		t.Fatalf("checks step %d: %+v", x.step, x.findings)
	}
	if !rendersText(t, overlay(s), "The deadline for comments on the 2nd draft was 20 December 2024") {
		t.Fatal("the deadline warning is not shown")
	}
	passChecks(t, s, x)
	if x.step != stepPreview || x.pkg.res == nil || len(x.pkg.res.Manifest.Items) != 2 {
		t.Fatalf("preview step %d: %+v", x.step, x.pkg.res)
	}
	if !rendersText(t, overlay(s), "Two comments on connectivity.") || !rendersText(t, overlay(s), "LibreOffice is not installed") {
		t.Fatal("the structured preview does not show the cover")
	}
	test.Tap(x.next)
	dir := filepath.Join(t.TempDir(), "package")
	x.out.folder.SetText(dir)
	test.Tap(x.next)
	if x.step != stepDone {
		t.Fatalf("after Export: step %d", x.step)
	}
	for _, f := range []string{export.ContributionFile, export.MessageFile, export.ManifestFile, x.pkg.res.ID + ".zip"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	for _, id := range approved {
		if c, _ := s.work.comment(id); c.Review.Status != item.StatusSubmitted || c.Review.Package != x.pkg.res.ID {
			t.Errorf("%s after export: %+v", id, c.Review)
		}
	}
	test.Tap(findButton(t, overlay(s), "Open the e-mail draft"))
	test.Tap(findButton(t, overlay(s), "Show the package folder"))
	if len(*opened) != 2 || (*opened)[0].Scheme != "file" || !strings.HasSuffix((*opened)[0].Path, "/package/message.eml") || !strings.HasSuffix((*opened)[1].Path, "/package") {
		t.Fatalf("opened %v", *opened)
	}
	last := s.app.Preferences().String(prefLastExport)
	if !strings.Contains(last, "Two comments on connectivity.") {
		t.Fatalf("the cover is not remembered: %s", last)
	}
	y, _ := openWizard(t, s)
	if y.cover.summary.Text != "Two comments on connectivity." || y.pickedCount() != 0 {
		t.Fatalf("next wizard: summary %q, %d picked (the sent ones are no longer approved)", y.cover.summary.Text, y.pickedCount())
	}
}

// passChecks acknowledges the warnings and goes on to the preview.
func passChecks(t *testing.T, s *Session, x *exportWizard) {
	t.Helper()
	if findingsWarn(x.findings) {
		if !x.next.Disabled() {
			t.Fatal("warnings must be acknowledged before going on")
		}
		test.Tap(findCheck(t, overlay(s), "I have read the warnings and want to go on"))
	}
	test.Tap(x.next)
}

// rendersText reports whether some label or rich text under o shows text.
func rendersText(t *testing.T, o fyne.CanvasObject, text string) bool {
	found := false
	walk(t, o, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			found = found || strings.Contains(w.Text, text)
		case *widget.RichText:
			found = found || strings.Contains(w.String(), text)
		}
	})
	return found
}

func TestExportWizardRefusesUntilFixed(t *testing.T) {
	s := newSampleSession(t, "")
	approveFirst(t, s, 1)
	x, _ := openWizard(t, s)
	test.Tap(findButton(t, overlay(s), "Choose none"))
	if !x.next.Disabled() {
		t.Fatal("Next must wait for at least one item")
	}
	test.Tap(findButton(t, overlay(s), "Choose the approved ones"))
	x.picked[commentOn(t, s, sampleComments[3].para).ID] = true // a draft comment too
	test.Tap(x.next)
	test.Tap(x.next) // the cover left empty
	if x.step != stepCheck || !x.next.Disabled() {
		t.Fatalf("step %d, next disabled %v", x.step, x.next.Disabled())
	}
	codes := map[string]bool{}
	for _, f := range x.findings {
		codes[f.Code] = f.Level == export.LevelRefuse
	}
	if !codes["title"] || !codes["summary"] || !codes["not-approved"] {
		t.Fatalf("findings %+v", x.findings)
	}
	test.Tap(findCheck(t, overlay(s), "Send items that are not approved yet"))
	if !x.unapproved || x.findings[len(x.findings)-1].Code == "not-approved" {
		t.Fatalf("unapproved allowed: %+v", x.findings)
	}
	test.Tap(x.back)
	fillCover(x)
	test.Tap(x.next)
	if findingsRefuse(x.findings) {
		t.Fatalf("still refused: %+v", x.findings)
	}
}

// pagePNG is a small portrait page image.
func pagePNG(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 60, 85))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	img.Set(10, 10, color.Black)
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestExportPreviewPagesAndCancel(t *testing.T) {
	s := newSampleSession(t, "")
	approveFirst(t, s, 2)
	x, _ := openWizard(t, s)
	var got []byte
	x.render = func(_ context.Context, doc []byte) ([][]byte, error) {
		got = doc
		return [][]byte{pagePNG(t), pagePNG(t)}, nil
	}
	test.Tap(x.next)
	fillCover(x)
	test.Tap(x.next)
	passChecks(t, s, x)
	if !bytes.Equal(got, x.pkg.res.Files[export.ContributionFile]) {
		t.Fatal("the preview must draw the contribution that will be written")
	}
	images := 0
	walk(t, overlay(s), func(o fyne.CanvasObject) {
		if img, ok := o.(*canvas.Image); ok && img.Resource != nil && strings.HasPrefix(img.Resource.Name(), "page-") {
			images++
		}
	})
	if len(x.pkg.pages) != 2 || images != 2 {
		t.Fatalf("pages %d, images shown %d", len(x.pkg.pages), images)
	}
	test.Tap(x.back)
	x.render = func(context.Context, []byte) ([][]byte, error) { return nil, context.Canceled }
	test.Tap(x.next)
	if x.pkg.stopped == "" || !rendersText(t, overlay(s), "Page drawing cancelled") {
		t.Fatalf("cancelled: %q", x.pkg.stopped)
	}
}

func TestNominationWritesAndOpensTheEmail(t *testing.T) {
	s := newSampleSession(t, "")
	s.app.Preferences().SetString(prefExportFolder, t.TempDir())
	n := s.showNomination()
	var opened []*url.URL
	n.open = func(u *url.URL) error { opened = append(opened, u); return nil }
	test.Tap(findButton(t, overlay(s), "Write the e-mail"))
	if n.problem.Text == "" || n.written != "" {
		t.Fatal("an empty nomination must be refused with a message")
	}
	test.Type(n.name, "Zhang Wei")
	test.Type(n.email, "zhang@sample.example")
	test.Tap(findButton(t, overlay(s), "Write the e-mail"))
	b, err := os.ReadFile(n.written)
	if err != nil || !bytes.Contains(b, []byte("X-Unsent: 1")) || !bytes.Contains(b, []byte("Zhang Wei")) {
		t.Fatalf("%v\n%s", err, b)
	}
	test.Tap(findButton(t, overlay(s), "Open the e-mail draft"))
	if len(opened) != 1 || !strings.HasSuffix(opened[0].Path, ".eml") {
		t.Fatalf("opened %v", opened)
	}
}
