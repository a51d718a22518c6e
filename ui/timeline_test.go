package ui

import (
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/process"
)

func testProfile(t testing.TB) *process.Profile {
	t.Helper()
	data, err := os.ReadFile("../assets/profiles/wtpf-26.toml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := process.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func newTestSession(t *testing.T, day string) *Session {
	t.Helper()
	a := test.NewTempApp(t)
	d, err := process.ParseDate(day)
	if err != nil {
		t.Fatal(err)
	}
	at := d.Start(time.UTC).Add(12 * time.Hour)
	s := NewSession(a, testProfile(t), Options{Now: func() time.Time { return at }})
	t.Cleanup(s.win.Close)
	return s
}

// walk visits o and everything inside it, widgets' rendered parts included.
func walk(t *testing.T, o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	visit(o)
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			walk(t, c, visit)
		}
	case fyne.Widget:
		for _, c := range test.TempWidgetRenderer(t, w).Objects() {
			walk(t, c, visit)
		}
	}
}

// labels collects the text of every label in the window, in order.
func labels(t *testing.T, o fyne.CanvasObject) []string {
	var out []string
	walk(t, o, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	})
	return out
}

func TestDashboardShowsTheDay(t *testing.T) {
	s := newTestSession(t, "2025-06-01")
	tl := s.timeline
	if tl.draft.Text != "3rd draft" {
		t.Errorf("draft card = %q", tl.draft.Text)
	}
	if tl.deadline.Text != "16 June 2025: 15 days left (3rd draft)" {
		t.Errorf("deadline card = %q", tl.deadline.Text)
	}
	if !strings.Contains(tl.opinions.Text, "accepted until 19 December 2025") {
		t.Errorf("opinions card = %q", tl.opinions.Text)
	}
	all := strings.Join(labels(t, s.win.Content()), "\n")
	for _, want := range []string{"7–8 October 2024", "Comments on the 3rd draft, including draft Opinions; consultation input"} {
		if !strings.Contains(all, want) {
			t.Errorf("window lacks %q", want)
		}
	}
}

func TestDashboardAnotherDay(t *testing.T) {
	s := newTestSession(t, "2025-06-01")
	tl := s.timeline
	test.Type(tl.day, "2026-05-01")
	test.Tap(findButton(t, s.win.Content(), "Show"))
	if tl.draft.Text != "The final report is out" || tl.deadline.Text != "No further comment deadline" {
		t.Fatalf("after Show: %q / %q", tl.draft.Text, tl.deadline.Text)
	}
	if !strings.Contains(tl.opinions.Text, "Closed to new draft Opinions") || !strings.Contains(tl.ruleNotice.Text, "Resolution 2") {
		t.Fatalf("Resolution 2 notice missing: %q / %q", tl.opinions.Text, tl.ruleNotice.Text)
	}
	tl.day.SetText("31/12/2025")
	test.Tap(findButton(t, s.win.Content(), "Show"))
	if tl.dayErr.Text == "" || tl.draft.Text != "The final report is out" {
		t.Fatalf("a bad day must show an error and keep the view: err=%q draft=%q", tl.dayErr.Text, tl.draft.Text)
	}
	test.Tap(findButton(t, s.win.Content(), "Today"))
	if tl.draft.Text != "3rd draft" || tl.dayErr.Text != "" {
		t.Fatalf("Today: %q err=%q", tl.draft.Text, tl.dayErr.Text)
	}
}

func TestDeadlineDayClosesToday(t *testing.T) {
	s := newTestSession(t, "2025-12-19")
	if got := s.timeline.deadline.Text; got != "19 December 2025: closes today (4th draft)" {
		t.Fatalf("deadline card = %q", got)
	}
}

func findButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(t, o, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no %q button", text)
	}
	return found
}
