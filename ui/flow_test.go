package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report/redline"
)

// press triggers a keyboard shortcut on the window's canvas.
func press(s *Session, k fyne.KeyName) {
	s.win.Canvas().(fyne.Shortcutable).TypedShortcut(ctrl(k))
}

// selectPara selects a paragraph in the reader as a click would.
func selectPara(t *testing.T, s *Session, id string) {
	t.Helper()
	row, ok := s.work.row[id]
	if !ok {
		t.Fatalf("no paragraph %s", id)
	}
	s.main.reader.list.Select(row)
	if s.main.editor.block == nil || s.main.editor.block.ID != id {
		t.Fatalf("editor follows %v, want %s", s.main.editor.block, id)
	}
}

func TestFirstRunOpensTheSample(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir() + "/sample"
	s := NewSession(a, testProfile(t), Options{Run: syncRun, SampleDir: dir})
	t.Cleanup(func() { s.closeWork(); s.win.Close() })
	if s.main != nil {
		t.Fatal("a first run must show the chooser")
	}
	test.Tap(findButton(t, s.win.Content(), "Open the sample workspace"))
	if s.main == nil || s.work.cur.Label != "2nd draft" || len(s.work.comments) != len(sampleComments) {
		t.Fatalf("sample not open: main=%v", s.main != nil)
	}
	if got := a.Preferences().String(prefLastWorkspace); got != targetSample {
		t.Fatalf("last workspace remembered as %q", got)
	}
	s.closeWork()
	s2 := NewSession(a, testProfile(t), Options{Run: syncRun, SampleDir: dir})
	t.Cleanup(func() { s2.closeWork(); s2.win.Close() })
	if s2.main == nil {
		t.Fatal("the second run must reopen the last workspace")
	}
}

func TestCommentSaveListHistory(t *testing.T) {
	s := newSampleSession(t, "")
	before := len(s.work.comments)
	selectPara(t, s, "s2.2-p20")
	press(s, fyne.KeyN)
	e := s.main.editor
	if !e.active || e.cur.Anchor.ParagraphID != "s2.2-p20" {
		t.Fatalf("Ctrl+N did not open a comment on ¶14: %+v", e.cur.Anchor)
	}
	e.kind.SetSelected(kindName(item.KindSubstantive))
	test.Type(e.body, "Gender gaps in *skills* matter more than coverage.")
	if !strings.Contains(e.state.Text, "Unsaved") {
		t.Fatalf("state = %q", e.state.Text)
	}
	press(s, fyne.KeyS)
	if len(s.work.comments) != before+1 {
		t.Fatalf("comments = %d, want %d", len(s.work.comments), before+1)
	}
	c := s.work.comments[before]
	if c.ID == "" || c.Anchor.Number != "§2.2 ¶20" || c.Kind != item.KindSubstantive || c.Anchor.Quote == "" {
		t.Fatalf("saved comment = %+v", c)
	}
	if !e.active || e.cur.ID != c.ID || !strings.HasPrefix(e.state.Text, "Saved") {
		t.Fatalf("after saving, the editor must keep the comment: active=%v state=%q", e.active, e.state.Text)
	}
	if !itemsShow(s, c.ID) {
		t.Fatal("the new comment is not in the items list")
	}
	h := s.main.showHistory(c.ID)
	if len(h.versions) != 1 || h.versions[0].Author.Name != sampleUser.Name {
		t.Fatalf("history = %+v", h.versions)
	}
	// §2 holds the sample's ¶11, ¶12 (two), ¶14 and ¶25 comments and the new one
	if s.main.countAt("s2.2-p20") != 1 || s.main.nav.counts[s.work.row["s2"]] != 6 {
		t.Fatalf("counts: ¶20=%d §2=%d", s.main.countAt("s2.2-p20"), s.main.nav.counts[s.work.row["s2"]])
	}
}

func itemsShow(s *Session, id string) bool {
	for _, i := range s.main.items.shown {
		if s.work.comments[i].ID == id {
			return true
		}
	}
	return false
}

func TestProposalPreviewShowsInsertionAndDeletion(t *testing.T) {
	s := newSampleSession(t, "")
	selectPara(t, s, "s1.1-p3")
	press(s, fyne.KeyN)
	e := s.main.editor
	test.Tap(e.propose)
	if !e.propBox.Visible() {
		t.Fatal("the proposal fields stay hidden")
	}
	if e.proposed.Text != e.existing.Text || e.existing.Text == "" {
		t.Fatalf("the proposal must start from the quoted text: %q / %q", e.existing.Text, e.proposed.Text)
	}
	e.existing.SetText("")
	e.proposed.SetText("")
	test.Type(e.existing, "shaped by comments from delegations")
	test.Type(e.proposed, "shaped by written comments from Member States")
	var del, ins []string
	for _, ts := range e.redline.parts {
		switch ts.Style {
		case styleDeleted:
			del = append(del, ts.Text)
		case styleInserted:
			ins = append(ins, ts.Text)
		}
	}
	if !strings.Contains(strings.Join(del, ""), "delegations") || !strings.Contains(strings.Join(ins, ""), "written") || !strings.Contains(strings.Join(ins, ""), "Member States") {
		t.Fatalf("preview: deleted %q inserted %q", del, ins)
	}
	test.Type(e.body, "Say who comments.")
	e.onSave()
	c := s.work.comments[len(s.work.comments)-1]
	if c.Proposal == nil || c.Proposal.Action != item.ActionMod || !redline.Changed(redline.Diff(c.Proposal.Existing, c.Proposal.Proposed)) {
		t.Fatalf("proposal not saved: %+v", c.Proposal)
	}
}

func TestRestoreOldVersion(t *testing.T) {
	s := newSampleSession(t, "")
	var orig item.Comment
	for _, c := range s.work.comments {
		if c.Anchor.ParagraphID == "s1.1-p2" {
			orig = c
		}
	}
	s.main.reader.show(orig.Anchor.ParagraphID)
	e := s.main.editor
	e.edit(orig)
	e.body.SetText("")
	test.Type(e.body, "A second thought.")
	e.onSave()
	if c, _ := s.work.comment(orig.ID); c.Body != "A second thought." {
		t.Fatalf("edit not saved: %q", c.Body)
	}
	h := s.main.showHistory(orig.ID)
	if len(h.versions) != 2 {
		t.Fatalf("versions = %d", len(h.versions))
	}
	h.list.Select(1) // rows are newest first: row 1 is version 1
	if !redline.Changed(opsOf(h.diff)) && h.versions[h.sel].N != 1 {
		t.Fatalf("selected version %d", h.versions[h.sel].N)
	}
	test.Tap(h.restore)
	c, _ := s.work.comment(orig.ID)
	if c.Body != orig.Body || e.body.Text != orig.Body {
		t.Fatalf("after restore: %q (editor %q), want %q", c.Body, e.body.Text, orig.Body)
	}
	if len(h.versions) != 3 {
		t.Fatalf("restore must add a version, have %d", len(h.versions))
	}
}

func opsOf(w *wrappedText) []redline.Op {
	var ops []redline.Op
	for _, ts := range w.parts {
		k := redline.Equal
		switch ts.Style {
		case styleDeleted:
			k = redline.Delete
		case styleInserted:
			k = redline.Insert
		}
		ops = append(ops, redline.Op{Kind: k, Text: ts.Text})
	}
	return ops
}

func TestFilterAndSearch(t *testing.T) {
	s := newSampleSession(t, "items")
	it := s.main.items
	cases := []struct {
		query string
		want  int
	}{
		{"", len(sampleComments)},
		{"AFFORDABILITY", 1},
		{"défïné méaningful", 2}, // accents and case ignored; Li Wei's near-duplicate too
		{"§2.1", 4},
		{"nothing-like-this", 0},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			it.search.SetText("")
			test.Type(it.search, c.query)
			if len(it.shown) != c.want {
				t.Fatalf("%q shows %d, want %d", c.query, len(it.shown), c.want)
			}
		})
	}
	it.search.SetText("")
	nav := s.main.nav
	nav.kind.SetSelected(kindName(item.KindEditorial))
	if len(it.shown) != 2 || s.work.comments[it.shown[0]].Kind != item.KindEditorial {
		t.Fatalf("kind filter shows %d", len(it.shown))
	}
	if nav.shown.Text != "2 of 12 comments" {
		t.Fatalf("navigator says %q", nav.shown.Text)
	}
	nav.kind.SetSelected("All")
	nav.theme.SetSelectedIndex(1)
	if len(it.shown) != 5 {
		t.Fatalf("sub-theme 1 shows %d, want 5", len(it.shown))
	}
}

func TestUnsavedEditsSurviveACrash(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir() + "/sample"
	open := func() *Session {
		s := NewSession(a, testProfile(t), Options{Run: syncRun, Open: targetSample, SampleDir: dir})
		t.Cleanup(func() { s.closeWork(); s.win.Close() })
		return s
	}
	s := open()
	selectPara(t, s, "s3.1-p44")
	press(s, fyne.KeyN)
	test.Type(s.main.editor.body, "Half-written thought")
	_ = s.work.ws.Close() // the process dies: no save, no clean close
	s.work, s.main = nil, nil
	s2 := open()
	e := s2.main.editor
	if !e.active || e.body.Text != "Half-written thought" || !e.dirty {
		t.Fatalf("recovered: active=%v body=%q", e.active, e.body.Text)
	}
	e.onSave()
	s2.closeWork()
	s3 := open()
	if s3.main.editor.active {
		t.Fatal("a saved comment must not come back as unsaved")
	}
}

func TestImportThirdDraftAndCarry(t *testing.T) {
	s := newSampleSession(t, "")
	s.main.onImportSample()
	if s.work.cur.Label != "3rd draft" || len(s.work.drafts) != 2 {
		t.Fatalf("current draft %q of %d", s.work.cur.Label, len(s.work.drafts))
	}
	c := s.main.carry
	var opinionRows []int
	for i, r := range c.rows {
		if r.op != nil {
			opinionRows = append(opinionRows, i)
		}
	}
	if len(c.rows)-len(opinionRows) != len(sampleComments) || len(opinionRows) != 1 || s.main.tabs.Selected() != c.tab {
		t.Fatalf("carry review: %d rows, %d of them Opinion proposals", len(c.rows), len(opinionRows))
	}
	orphans := 0
	var attached, firstCandidate string
	for i := range c.rows {
		c.list.Select(i)
		if r := c.rows[i]; r.op != nil {
			if !strings.Contains(c.title.Text, "Draft Opinion 1") || r.op.Result.NewNumber != 1 || len(r.op.Result.Lines) != 2 {
				t.Fatalf("Opinion row: %q, result %+v", c.title.Text, r.op.Result)
			}
			c.onConfirm()
		} else if c.confirm.Disabled() == r.res.Placed() {
			t.Fatalf("row %d: Confirm disabled=%v for outcome %s", i, c.confirm.Disabled(), r.res.Outcome)
		} else if r.res.Placed() {
			c.onConfirm()
		} else {
			orphans++
			if c.best.Hidden || c.cands.Hidden || len(r.res.Candidates) == 0 || !strings.Contains(c.where.Options[0], oneLine(r.res.Candidates[0].Text, 70)) ||
				!strings.Contains(c.cands.Text, "1. "+r.res.Candidates[0].Ref) || !strings.Contains(c.cands.Text, oneLine(r.res.Candidates[0].Text, 160)) {
				t.Fatalf("orphan: best-candidate button hidden=%v, places %q", c.best.Hidden, c.where.Options)
			}
			attached, firstCandidate = r.res.ItemID, r.res.Candidates[0].BlockID
			s.shortcuts().attachBest.Action() // Ctrl+Shift+A
		}
		if c.rows[i].done == "" {
			t.Fatalf("row %d not marked done", i)
		}
	}
	if cm, _ := s.work.comment(attached); cm.Anchor.ParagraphID != firstCandidate {
		t.Errorf("Ctrl+Shift+A attached the orphan to %s, want its first candidate %s", cm.Anchor.ParagraphID, firstCandidate)
	}
	ops, err := s.work.ws.Opinions()
	if err != nil || len(ops) != 1 || ops[0].Draft != s.work.cur.ID {
		t.Errorf("the carried Opinion proposal: %+v (%v)", ops, err)
	}
	if orphans != 1 {
		t.Errorf("orphans = %d, want 1 (¶9 was deleted)", orphans)
	}
	for _, cm := range s.work.comments {
		withdrawn := cm.Review.Status == item.StatusWithdrawn
		if (cm.Anchor.DraftID != s.work.cur.ID) != withdrawn {
			t.Errorf("%s on %s, status %s", cm.ID, cm.Anchor.DraftID, cm.Review.Status)
		}
	}
	// ¶11 of the 2nd draft is ¶10 of the 3rd (renumbered).
	for _, cm := range s.work.comments {
		if cm.Proposal != nil && strings.HasPrefix(cm.Proposal.Existing, "This usage gap") && cm.Anchor.ParagraphID != "s2.1-p10" {
			t.Errorf("proposal carried to %s, want s2.1-p10", cm.Anchor.ParagraphID)
		}
	}
	if rows, _ := carryPlan(s.work); len(rows) != 0 {
		t.Fatal("nothing should be left to carry")
	}
}

func TestPickPassageAndNewWorkspace(t *testing.T) {
	s := newSampleSession(t, "")
	selectPara(t, s, "s1.1-p4")
	press(s, fyne.KeyN)
	e := s.main.editor
	e.onPickPassage()
	box, ok := s.win.Canvas().Focused().(*widget.Entry)
	if !ok || box.Text != e.block.Text {
		t.Fatal("the passage picker does not show the paragraph")
	}
	test.Type(box, "x")
	if box.Text != e.block.Text {
		t.Fatal("the paragraph text must not be editable in the picker")
	}
	box.TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Tap(findButton(t, s.win.Canvas().Overlays().Top(), "Quote selection"))
	if e.quote.Text != e.block.Text {
		t.Fatalf("quote = %q", e.quote.Text)
	}

	dir, err := createWorkspace(t.TempDir()+"/xyz", item.Profile{Entity: "Republic of Xyz", Category: item.CategoryMemberState,
		Contacts: []item.Contact{{Name: "Ana Pérez", Email: "ana@example.org", Coordinator: true}}})
	if err != nil {
		t.Fatal(err)
	}
	s.onOpen(dir)
	if s.work == nil || s.work.draft != nil || s.work.ws.User().Name != "Ana Pérez" {
		t.Fatal("the new, empty workspace did not open")
	}
	test.Tap(findButton(t, s.win.Content(), "Import the sample 2nd draft"))
	if s.work.draft == nil || s.work.cur.Label != "2nd draft" || s.main.carry.tab != nil {
		t.Fatal("importing the first draft must open it in the reader, with nothing to carry")
	}
	if got := slug("Société Générale d'Équipement"); got != "societe-generale-d-equipement" {
		t.Fatalf("slug = %q", got)
	}
}

func TestUndoTyping(t *testing.T) {
	s := newSampleSession(t, "")
	selectPara(t, s, "s1.1-p4")
	press(s, fyne.KeyN)
	e := s.main.editor
	test.Type(e.body, "first words")
	s.win.Canvas().Focus(e.body)
	s.undo(false) // Fyne undoes typing a word at a time
	if e.body.Text != "first" {
		t.Fatalf("after undo: %q", e.body.Text)
	}
	s.undo(true)
	if e.body.Text != "first words" {
		t.Fatalf("after redo: %q", e.body.Text)
	}
}

func TestWarnsOfASupersededDraft(t *testing.T) {
	s := newSampleSession(t, "") // 1 June 2025: the 3rd draft is current
	if !strings.Contains(s.main.status.Text, "The 3rd draft is out: you are reading the 2nd draft") {
		t.Fatalf("status = %q", s.main.status.Text)
	}
	s.main.onImportSample()
	if strings.Contains(s.main.status.Text, "is out") {
		t.Fatalf("after importing the 3rd draft: %q", s.main.status.Text)
	}
}
