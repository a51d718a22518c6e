package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/appinfo"
)

// The About dialog names the build, the licence and every place the user's
// data lives, and its button opens the third-party notices.
func TestAboutSaysVersionLicenceAndWhereDataLives(t *testing.T) {
	s := newSampleSession(t, "")
	s.onAbout()
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("About shows no dialog")
	}
	text := strings.Join(labels(t, top), "\n")
	for _, want := range []string{
		appinfo.Name, "Version " + appinfo.Version(), "Apache License, Version 2.0",
		"Where your data lives", s.work.ws.Dir(), s.opt.SampleDir,
		filepath.Join(s.app.Storage().RootURI().Path(), "preferences.json"),
	} {
		if !strings.Contains(text, want) {
			t.Errorf("About does not say %q; it says:\n%s", want, text)
		}
	}
	test.Tap(findButton(t, top, "Third-party notices…"))
	notices := s.win.Canvas().Overlays().Top()
	var list *widget.List
	walk(t, notices, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.List); ok {
			list = l
		}
	})
	if list == nil || list.Length() < 1000 {
		t.Fatalf("the notices dialog shows no list of the licences")
	}
}

// A release build shows a short commit; a build from a dirty tree says so.
func TestVersionTextShortensTheCommit(t *testing.T) {
	for _, c := range []struct{ v, commit, want string }{
		{"0.1.0", "", "Version 0.1.0"},
		{"0.1.0", "dc4d2fe33ee7a3099b6ace6e6b96ebd123a75b72", "Version 0.1.0 (commit dc4d2fe33ee7)"},
		{"0.1.0", "dc4d2fe33ee7a3099b6ace6e6b96ebd123a75b72-dirty", "Version 0.1.0 (commit dc4d2fe33ee7-dirty)"},
	} {
		if got := versionText(c.v, c.commit); got != c.want {
			t.Errorf("versionText(%q, %q) = %q, want %q", c.v, c.commit, got, c.want)
		}
	}
}
