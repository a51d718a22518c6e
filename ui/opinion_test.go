package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/delegate-itu/delegate/model/item"

	"github.com/delegate-itu/delegate/model/process"
)

// newSampleSessionOn is newSampleSession on another day.
func newSampleSessionOn(t *testing.T, day, show string) *Session {
	t.Helper()
	a := test.NewTempApp(t)
	d, err := process.ParseDate(day)
	if err != nil {
		t.Fatal(err)
	}
	at := d.Start(time.UTC).Add(12 * time.Hour)
	s := NewSession(a, testProfile(t), Options{Now: func() time.Time { return at }, Run: syncRun,
		Open: targetSample, SampleDir: t.TempDir() + "/sample", Show: show})
	s.win.Resize(fyne.NewSize(1240, 780))
	t.Cleanup(func() { s.closeWork(); s.win.Close() })
	if s.main == nil {
		t.Fatal("the sample workspace did not open")
	}
	return s
}

// previewText is the preview as plain lines: "label text" per line.
func previewText(ed *opinionEditor) []string {
	var out []string
	for _, l := range ed.preview.lines {
		if l.level < 0 {
			continue
		}
		out = append(out, strings.TrimSpace(segText(l.label)+" "+segText(l.text)))
	}
	return out
}

func segText(segs []*widget.TextSegment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Text)
	}
	return b.String()
}

// marks collects the preview's deleted and inserted text.
func marks(ed *opinionEditor) (del, ins string) {
	for _, l := range ed.preview.lines {
		for _, s := range append(append([]*widget.TextSegment{}, l.label...), l.text...) {
			switch {
			case s.Style.ColorName == styleDeleted.ColorName:
				del += s.Text + "|"
			case s.Style.ColorName == styleInserted.ColorName:
				ins += s.Text + "|"
			}
		}
	}
	return del, ins
}

func wantPreview(t *testing.T, ed *opinionEditor, want ...string) {
	t.Helper()
	got := previewText(ed)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("preview:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// field returns the editor's text field at p.
func field(t *testing.T, ed *opinionEditor, p opPos) *opEntry {
	t.Helper()
	e, ok := ed.at[p].(*opEntry)
	if !ok {
		t.Fatalf("no item field at %+v", p)
	}
	return e
}

// pressMenu does what the window does with a key that a main menu item
// carries: it runs that item.
func pressMenu(t *testing.T, s *Session, sc fyne.Shortcut) {
	t.Helper()
	for _, m := range s.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() {
				it.Action()
				return
			}
		}
	}
	t.Fatalf("no menu item carries %s", sc.ShortcutName())
}

func enter(e *opEntry) { e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }

func TestOpinionKeyboardLettersAndPunctuation(t *testing.T) {
	s := newSampleSession(t, "")
	press(s, fyne.Key5)
	sc := s.main.opinions
	if s.main.tabs.Selected() != sc.tab {
		t.Fatal("Ctrl+5 does not show the Opinions")
	}
	sc.onNew()
	ed := sc.ed
	if s.win.Canvas().Focused() != ed.title {
		t.Fatal("a new draft Opinion starts in its title")
	}
	test.Type(ed.title, "Digital skills")
	a := field(t, ed, opPos{part: partPreItem})
	test.Type(a, "that skills matter")
	enter(a) // Enter adds b) and puts the cursor in it
	b := field(t, ed, opPos{part: partPreItem, i: 1})
	if s.win.Canvas().Focused() != b {
		t.Fatal("Enter must move to the new item")
	}
	test.Type(b, "that many adults lack them")
	one := field(t, ed, opPos{part: partOpItem})
	test.Type(one, "that training pays")
	wantPreview(t, ed, "considering", "a) that skills matter;", "b) that many adults lack them,",
		"is of the view", "1 that training pays.")

	s.win.Canvas().Focus(b)
	pressMenu(t, s, opShortcuts[actUp]) // Alt+Up through the Edit menu
	wantPreview(t, ed, "considering", "a) that many adults lack them;", "b) that skills matter,",
		"is of the view", "1 that training pays.")
	if s.win.Canvas().Focused() != ed.at[opPos{part: partPreItem, i: 0}] {
		t.Fatal("the moved item must keep the focus")
	}

	enter(field(t, ed, opPos{part: partOpItem}))
	two := field(t, ed, opPos{part: partOpItem, i: 1})
	test.Type(two, "that mentors help")
	two.TypedShortcut(opShortcuts[actIndent]) // Alt+Right in the field: 2 becomes i) of 1
	wantPreview(t, ed, "considering", "a) that many adults lack them;", "b) that skills matter,",
		"is of the view", "1 that training pays:", "i) that mentors help.")
	sub := field(t, ed, opPos{part: partOpSub})
	enter(sub)
	test.Type(field(t, ed, opPos{part: partOpSub, s: 1}), "that libraries help")
	field(t, ed, opPos{part: partOpSub, s: 1}).TypedShortcut(opShortcuts[actUp])
	wantPreview(t, ed, "considering", "a) that many adults lack them;", "b) that skills matter,",
		"is of the view", "1 that training pays:", "i) that libraries help;", "ii) that mentors help.")
	field(t, ed, opPos{part: partOpSub, s: 1}).TypedShortcut(opShortcuts[actOutdent])
	field(t, ed, opPos{part: partPreItem}).TypedShortcut(opShortcuts[actRemove])
	wantPreview(t, ed, "considering", "a) that skills matter,",
		"is of the view", "1 that training pays:", "i) that libraries help;", "2 that mentors help.")
	if got := ed.labels[opPos{part: partOpItem, i: 1}]; got != "2" {
		t.Fatalf("the form labels the outdented item %q", got)
	}
}

// toolButton finds the button with icon beside the field at p.
func toolButton(t *testing.T, ed *opinionEditor, p opPos, icon fyne.Resource) *widget.Button {
	t.Helper()
	f := ed.at[p].(fyne.CanvasObject)
	var found *widget.Button
	walk(t, ed.blocks, func(o fyne.CanvasObject) {
		row, ok := o.(*fyne.Container)
		if !ok || len(row.Objects) < 2 || !holds(row.Objects[0], f) {
			return
		}
		tools, ok := row.Objects[len(row.Objects)-1].(*fyne.Container)
		if !ok {
			return
		}
		for _, b := range tools.Objects {
			if btn, ok := b.(*widget.Button); ok && btn.Icon == icon {
				found = btn
			}
		}
	})
	if found == nil {
		t.Fatalf("no %s button beside %+v", icon.Name(), p)
	}
	return found
}

// holds says whether o is f or a container with f inside.
func holds(o, f fyne.CanvasObject) bool {
	if o == f {
		return true
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, x := range c.Objects {
			if holds(x, f) {
				return true
			}
		}
	}
	return false
}

func TestOpinionButtonsReorderAndRelabel(t *testing.T) {
	s := newSampleSession(t, "")
	sc := s.main.opinions
	sc.onNew()
	ed := sc.ed
	test.Type(field(t, ed, opPos{part: partOpItem}), "to share data;") // typed punctuation is replaced
	test.Tap(findButton(t, ed.blocks, "Item"))                         // + Item under considering
	test.Tap(findButton(t, ed.blocks, "Operative block"))
	test.Type(field(t, ed, opPos{part: partPreItem}), "that data is scarce")
	test.Type(field(t, ed, opPos{part: partPreItem, i: 1}), "that data helps")
	test.Type(field(t, ed, opPos{part: partOpItem, b: 1}), "to publish statistics")
	wantPreview(t, ed, "considering", "a) that data is scarce;", "b) that data helps,",
		"is of the view", "1 to share data,", "invites Member States", "1 to publish statistics.")
	test.Tap(toolButton(t, ed, opPos{part: partPreItem}, theme.MoveDownIcon()))
	test.Tap(toolButton(t, ed, opPos{part: partOpHeading, b: 1}, theme.MoveUpIcon()))
	wantPreview(t, ed, "considering", "a) that data helps;", "b) that data is scarce,",
		"invites Member States", "1 to publish statistics,", "is of the view", "1 to share data.")
	test.Tap(toolButton(t, ed, opPos{part: partOpItem, b: 1}, theme.ContentAddIcon())) // + sub-item
	test.Type(field(t, ed, opPos{part: partOpSub, b: 1}), "iii) by region.")           // typed label is dropped
	field(t, ed, opPos{part: partOpSub, b: 1}).FocusLost()
	test.Tap(toolButton(t, ed, opPos{part: partPreItem, i: 1}, theme.DeleteIcon()))
	wantPreview(t, ed, "considering", "a) that data helps,",
		"invites Member States", "1 to publish statistics,", "is of the view", "1 to share data:", "i) by region.")
	if got := field(t, ed, opPos{part: partOpSub, b: 1}).Text; got != "by region" {
		t.Fatalf("the typed label and full stop stay in the field: %q", got)
	}
}

func TestOpinionAmendmentShowsRevisionMarks(t *testing.T) {
	s := newSampleSession(t, "")
	sc := s.main.opinions
	sc.onAmend()
	if s.win.Canvas().Overlays().Top() == nil {
		t.Fatal("Amend must ask which draft Opinion")
	}
	s.win.Canvas().Overlays().Top().Hide()
	sc.amend(3)
	ed := sc.ed
	if !ed.active || ed.base == nil || ed.cur.Amends != 3 || ed.title.Text != "Resilience of telecommunications/ICTs" {
		t.Fatalf("amendment not prefilled: %+v", ed.cur)
	}
	if del, ins := marks(ed); del != "" || ins != "" {
		t.Fatalf("an untouched amendment shows changes: -%q +%q", del, ins)
	}
	var pass *wheelPass
	walk(t, ed.blocks, func(o fyne.CanvasObject) {
		if w, ok := o.(*wheelPass); ok && pass == nil {
			pass = w
		}
	})
	pass.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -120)})
	if ed.scroll.Offset.Y <= 0 {
		t.Fatal("the wheel over a field must scroll the form")
	}
	inv := opPos{part: partOpItem, b: 1}
	e := field(t, ed, inv)
	e.SetText("")
	test.Type(e, "to develop or update national emergency telecommunication plans with backup power")
	last := field(t, ed, opPos{part: partOpItem, b: 1, i: 2})
	last.SetText(last.Text + " and landing stations")
	if ed.preview.scroll.Offset.Y <= 0 {
		t.Fatal("the preview must follow the item being typed, at its end")
	}
	test.Tap(toolButton(t, ed, opPos{part: partOpItem, b: 1, i: 1}, theme.DeleteIcon()))
	del, ins := marks(ed)
	if !strings.Contains(ins, "with backup power") || !strings.Contains(del, "submarine cables") {
		t.Fatalf("preview: deleted %q, inserted %q", del, ins)
	}
	if !strings.Contains(del, "3|") || !strings.Contains(ins, "2|") {
		t.Fatalf("the last item is renumbered 3 → 2 with revision marks: -%q +%q", del, ins)
	}
	before := len(sc.props)
	ed.onSave()
	ops, err := s.work.ws.Opinions()
	ops = ownOpinions(s, ops)
	if err != nil || len(ops) != 1 || ops[0].Amends != 3 || len(ops[0].Operative[1].Items) != 2 {
		t.Fatalf("saved: %+v, %v", ops, err)
	}
	if len(sc.props) != before+1 || ed.dirty || !strings.HasPrefix(ed.state.Text, "Saved") {
		t.Fatalf("after saving: %d in the list, dirty=%v, %q", len(sc.props), ed.dirty, ed.state.Text)
	}
	sc.amend(3) // the delegation's proposal opens again instead of a second one
	if ed.cur.ID != ops[0].ID {
		t.Fatal("amending draft Opinion 3 again must open the existing proposal")
	}
}

func TestNewOpinionClosedAfterCutoff(t *testing.T) {
	s := newSampleSessionOn(t, "2026-01-10", "")
	sc := s.main.opinions
	if !sc.newBtn.Disabled() || !sc.closed.Visible() {
		t.Fatal("New draft Opinion must be disabled after the cut-off")
	}
	for _, want := range []string{"19 December 2025", "Resolution 2", "amend"} {
		if !strings.Contains(sc.closed.Text, want) {
			t.Fatalf("the explanation %q lacks %q", sc.closed.Text, want)
		}
	}
	file := s.win.MainMenu().Items[0]
	var item *fyne.MenuItem
	for _, it := range file.Items {
		if strings.HasPrefix(it.Label, "New draft Opinion") {
			item = it
		}
	}
	if item == nil || !item.Disabled || !strings.Contains(item.Label, "19 December 2025") {
		t.Fatalf("File menu item: %+v", item)
	}
	sc.onNew()
	if sc.ed.active {
		t.Fatal("no new draft Opinion after the cut-off")
	}
	sc.amend(1)
	if !sc.ed.active || sc.ed.cur.Amends != 1 {
		t.Fatal("amendments stay open after the cut-off")
	}
	before := newSampleSession(t, "")
	if before.main.opinions.newBtn.Disabled() || before.main.opinions.closed.Visible() {
		t.Fatal("before the cut-off New draft Opinion is open")
	}
}

func TestOpinionSaveSaysWhatIsMissing(t *testing.T) {
	s := newSampleSession(t, "")
	sc := s.main.opinions
	sc.onNew()
	ed := sc.ed
	ed.onSave()
	if ed.state.Text != "Give the Opinion a title." || s.win.Canvas().Focused() != ed.title {
		t.Fatalf("state %q", ed.state.Text)
	}
	test.Type(ed.title, "Skills")
	test.Type(field(t, ed, opPos{part: partPreItem}), "that skills matter")
	enter(field(t, ed, opPos{part: partPreItem}))
	test.Type(field(t, ed, opPos{part: partOpItem}), "that training pays")
	ed.onSave()
	if want := "Item b) under “considering” is empty: write it or remove it (Alt+Delete)."; ed.state.Text != want {
		t.Fatalf("state %q, want %q", ed.state.Text, want)
	}
	if s.win.Canvas().Focused() != ed.at[opPos{part: partPreItem, i: 1}] {
		t.Fatal("the empty item must get the focus")
	}
	pressMenu(t, s, opShortcuts[actRemove])
	press(s, fyne.KeyS) // Ctrl+S saves the Opinion on the Opinions tab
	ops, _ := s.work.ws.Opinions()
	ops = ownOpinions(s, ops)
	if len(ops) != 1 || ops[0].Amends != 0 || len(ops[0].Preamble[0].Items) != 1 {
		t.Fatalf("saved %+v", ops)
	}
}

func TestUnsavedOpinionSurvivesACrash(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir() + "/sample"
	open := func() *Session {
		s := NewSession(a, testProfile(t), Options{Run: syncRun, Open: targetSample, SampleDir: dir})
		t.Cleanup(func() { s.closeWork(); s.win.Close() })
		return s
	}
	s := open()
	s.main.opinions.amend(2)
	e := field(t, s.main.opinions.ed, opPos{part: partOpItem})
	e.SetText(e.Text + " in every country")
	_ = s.work.ws.Close() // the process dies
	s.work, s.main = nil, nil
	s2 := open()
	ed := s2.main.opinions.ed
	if !ed.active || !ed.dirty || ed.cur.Amends != 2 || !strings.HasSuffix(field(t, ed, opPos{part: partOpItem}).Text, "in every country") {
		t.Fatalf("not recovered: active=%v %+v", ed.active, ed.cur.Operative)
	}
	if _, ins := marks(ed); !strings.Contains(ins, "every country") {
		t.Fatalf("recovered preview inserts %q", ins)
	}
}

// TestGoldenOpinionEditor is the markup golden of the Opinion editor on
// the sample amendment of draft Opinion 3 (unsaved, so no clock time).
func TestGoldenOpinionEditor(t *testing.T) {
	s := newSampleSession(t, "")
	sc := s.main.opinions
	o, ok := sampleAmendment(s.work.draft)
	if !ok {
		t.Fatal("the sample report has no draft Opinion 3")
	}
	sc.show()
	sc.ed.load(o, sc.baseOf(o.Amends))
	s.win.Resize(fyne.NewSize(1000, 700))
	test.AssertRendersToMarkup(t, "opinion.xml", s.win.Canvas())
}

// ownOpinions keeps the Opinion proposals the session's user wrote: the
// sample also holds an expert's proposal for the review screens.
func ownOpinions(s *Session, ops []item.Opinion) []item.Opinion {
	var out []item.Opinion
	for _, o := range ops {
		if o.Author.Email == s.work.ws.User().Email {
			out = append(out, o)
		}
	}
	return out
}
