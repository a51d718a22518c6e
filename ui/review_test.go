package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/review"
)

// queueText is the queue as the coordinator reads it: headings and
// "where · author · badge" lines.
func queueText(r *reviewScreen) []string {
	var out []string
	for _, row := range r.rows {
		if row.header {
			out = append(out, fmt.Sprintf("# %s (%d)", laneName(row.lane), row.n))
			continue
		}
		line := placeName(row.it) + " · " + row.it.Author().Name
		if b := badgeText(r.board.Flags(row.it.ID())); b != "" {
			line += " · " + b
		}
		out = append(out, line)
	}
	return out
}

// selectBy selects the queue row of the item by author on a paragraph.
func selectBy(t *testing.T, r *reviewScreen, where, who string) review.Item {
	t.Helper()
	for i, row := range r.rows {
		if !row.header && placeName(row.it) == where && row.it.Author().Name == who {
			r.queue.Select(i)
			if r.sel != row.it.ID() {
				t.Fatalf("selecting row %d did not select %s", i, row.it.ID())
			}
			return row.it
		}
	}
	t.Fatalf("no item by %s on %s in the queue", who, where)
	return review.Item{}
}

func richTexts(t *testing.T, o fyne.CanvasObject) string {
	var b strings.Builder
	walk(t, o, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		}
	})
	return b.String()
}

func TestReviewQueueByStatusWithBadges(t *testing.T) {
	s := newSampleSession(t, "")
	press(s, fyne.Key4)
	r := s.main.review
	if s.main.tabs.Selected() != s.main.reviewTab || s.win.Canvas().Focused() != r.queue {
		t.Fatal("Ctrl+4 must open the Review tab with the keyboard in the queue")
	}
	want := []string{
		"# Ready for review (7)",
		"§1.1 ¶4 · Elena Petrova",
		"§1.2 ¶7 · Li Wei · ≈ duplicate",
		"§2.1 ¶12 · Amina Diallo · ⚠ conflict",
		"§2.1 ¶12 · Elena Petrova · ⚠ conflict",
		"§2.1 ¶14 · Amina Diallo",
		"§2.2 ¶25 · Li Wei",
		"Draft Opinion 1 · Elena Petrova",
		"# Drafts (not sent for review) (6)",
		"§1.1 ¶2 · Sample Expert",
		"§1.1 ¶3 · Sample Expert",
		"§1.2 ¶7 · Sample Expert · ≈ duplicate",
		"§1.2 ¶9 · Sample Expert",
		"§2.1 ¶11 · Sample Expert",
		"§3.1 ¶46 · Sample Expert",
	}
	if got := queueText(r); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("queue:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if r.sel != r.rows[1].it.ID() {
		t.Fatal("the first item ready for review must be selected")
	}
	r.queue.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	r.queue.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if it, _ := r.board.Item(r.sel); it.Where() != "§2.1 ¶12" || it.Author().Name != "Amina Diallo" {
		t.Fatalf("two arrows down selected %s by %s", it.Where(), it.Author().Name)
	}
	panel := richTexts(t, r.detail)
	for _, w := range []string{"§2.1 ¶12 · 2 items side by side", "Conflicts with Elena Petrova's proposal", "Conflicts with Amina Diallo's proposal",
		"women and girls", "Indigenous peoples", "Divides also exist within countries."} {
		if !strings.Contains(panel, w) {
			t.Errorf("the side-by-side panel lacks %q:\n%s", w, panel)
		}
	}
	if len(r.cards.Objects) != 2 {
		t.Fatalf("%d cards side by side, want 2", len(r.cards.Objects))
	}
	r.queue.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if panel := richTexts(t, r.detail); !strings.Contains(panel, "Duplicate of Sample Expert's item") {
		t.Errorf("the ¶7 panel must flag the duplicate:\n%s", panel)
	}
}

func TestReviewRequestChangesTheAuthorSeesTheNote(t *testing.T) {
	s := newSampleSession(t, "review")
	r := s.main.review
	it := selectBy(t, r, "§2.1 ¶12", "Amina Diallo")
	press(s, fyne.KeyR)
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("Request changes must ask for a note")
	}
	var note *textArea
	walk(t, top, func(o fyne.CanvasObject) {
		if a, ok := o.(*textArea); ok && note == nil {
			note = a
		}
	})
	test.Type(note, "Merge with Elena's proposal on the same words.")
	test.Tap(findButton(t, top, "Send back"))

	c, err := s.work.ws.Comment(it.ID())
	if err != nil || c.Review.Status != item.StatusChangesRequested || c.Review.Note != "Merge with Elena's proposal on the same words." {
		t.Fatalf("stored review = %+v, %v", c.Review, err)
	}
	h, _ := s.work.ws.History(it.ID())
	if last := h[len(h)-1]; last.Message != "Comment on §2.1 ¶12: request changes: Merge with Elena's proposal on the same words." {
		t.Fatalf("commit message %q", last.Message)
	}
	if got := queueText(r); got[0] != "# Ready for review (6)" || !slices.Contains(got, "# Changes requested (1)") {
		t.Fatalf("queue after the request:\n%s", strings.Join(got, "\n"))
	}
	// the author opens the item: the note is at the top of the editor
	s.main.items.sel = it.ID()
	s.main.items.onOpen()
	e := s.main.editor
	if !e.note.Visible() || !strings.Contains(e.note.Text, "Merge with Elena's proposal") {
		t.Fatalf("editor note visible=%v %q", e.note.Visible(), e.note.Text)
	}
	other, _ := s.work.comment(r.rows[1].it.ID())
	e.edit(other)
	if e.note.Visible() {
		t.Fatal("an item without a request must not show a note")
	}
}

func TestReviewApproveTheRestAndSeeTheSubmission(t *testing.T) {
	s := newSampleSession(t, "review")
	r := s.main.review
	first := selectBy(t, r, "§1.1 ¶4", "Elena Petrova")
	press(s, fyne.KeyReturn)
	c, _ := s.work.ws.Comment(first.ID())
	h, _ := s.work.ws.History(first.ID())
	if c.Review.Status != item.StatusApproved || h[len(h)-1].Message != "Comment on §1.1 ¶4: approve for submission" {
		t.Fatalf("after approving: %s, commit %q", c.Review.Status, h[len(h)-1].Message)
	}
	if it, _ := r.board.Item(r.sel); it.Where() != "§1.2 ¶7" || it.Status() != item.StatusReady {
		t.Fatalf("the selection must go on to the next item ready for review, not %s (%s)", it.Where(), it.Status())
	}
	for range 6 {
		test.Tap(r.approve)
	}
	got := queueText(r)
	if got[0] != "# Approved (7)" {
		t.Fatalf("queue after approving all:\n%s", strings.Join(got, "\n"))
	}
	ops, _ := s.work.ws.Opinions()
	if len(ops) != 1 || ops[0].Review.Status != item.StatusApproved {
		t.Fatalf("the Opinion proposal must be approved in the store: %+v", ops)
	}
	if h, _ := s.work.ws.History(ops[0].ID); h[len(h)-1].Message != "Opinion proposal on draft Opinion 1: approve for submission" {
		t.Fatalf("Opinion commit message %q", h[len(h)-1].Message)
	}
	if !r.approve.Disabled() || r.changes.Disabled() {
		t.Fatal("an approved item can be sent back but not approved again")
	}
	r.consolidated.SetChecked(true)
	if !r.subScroll.Visible() || r.panel.Visible() {
		t.Fatal("the consolidated view must replace the side-by-side panel")
	}
	text := richTexts(t, r.sub)
	order := []string{"What will be submitted: 7 approved items", "General comments", "§1.1 ¶4 · Elena Petrova",
		"Specific comments", "ROS/1 · §1.2 ¶7 · Li Wei", "ROS/2 · §2.1 ¶12 · Amina Diallo", "ROS/3 · §2.1 ¶12 · Elena Petrova",
		"ROS/4 · §2.1 ¶14 · Amina Diallo", "ROS/5 · §2.2 ¶25 · Li Wei",
		"Proposals on draft Opinions", "ROS/6 · Draft Opinion 1 · Elena Petrova", "disability", "to share good practice on digital skills"}
	if !strings.Contains(text, "Conflicts with Elena Petrova's proposal") || strings.Contains(text, "Duplicate of") {
		t.Errorf("the submission must flag the two approved conflicting proposals, and no duplicate of an unapproved draft:\n%s", text)
	}
	at := 0
	for _, w := range order {
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Fatalf("the submission lacks %q after position %d:\n%s", w, at, text)
		}
		at += i + len(w)
	}
}

func TestReviewRejectWithdrawsWithTheNote(t *testing.T) {
	s := newSampleSession(t, "review")
	r := s.main.review
	it := selectBy(t, r, "§1.2 ¶7", "Li Wei")
	test.Tap(r.reject)
	top := s.win.Canvas().Overlays().Top()
	test.Tap(findButton(t, top, "Reject (withdraw)")) // no note yet
	if c, _ := s.work.ws.Comment(it.ID()); c.Review.Status != item.StatusReady {
		t.Fatalf("rejecting without a note must change nothing, got %s", c.Review.Status)
	}
	test.Tap(r.reject)
	top = s.win.Canvas().Overlays().Top()
	walk(t, top, func(o fyne.CanvasObject) {
		if a, ok := o.(*textArea); ok {
			test.Type(a, "Same point as the ¶7 comment already in.")
		}
	})
	test.Tap(findButton(t, top, "Reject (withdraw)"))
	c, _ := s.work.ws.Comment(it.ID())
	if c.Review.Status != item.StatusWithdrawn || c.Review.Note != "Same point as the ¶7 comment already in." {
		t.Fatalf("rejected item stored as %+v", c.Review)
	}
	if b := badgeText(r.board.Flags(it.ID())); b != "" {
		t.Fatalf("a rejected item is out of play, but it shows %q", b)
	}
}

// A decision on the comment open in the editor must not be undone by the
// next save of the form.
func TestReviewDecisionReachesTheOpenEditor(t *testing.T) {
	s := newSampleSession(t, "")
	r := s.main.review
	s.main.showReview()
	it := selectBy(t, r, "§2.1 ¶14", "Amina Diallo")
	c, _ := s.work.comment(it.ID())
	e := s.main.editor
	e.edit(c)
	test.Type(e.body, " And which year?")
	test.Tap(r.approve)
	if e.cur.Review.Status != item.StatusApproved || e.status.Selected != statusName(item.StatusApproved) {
		t.Fatalf("editor holds %s / %q after approval", e.cur.Review.Status, e.status.Selected)
	}
	e.onSave()
	got, _ := s.work.ws.Comment(it.ID())
	if got.Review.Status != item.StatusApproved || !strings.Contains(got.Body, "And which year?") {
		t.Fatalf("after saving the form: %s, body %q", got.Review.Status, got.Body)
	}
}

// A decision is news in the status line (through Host.SetNews): it says
// what was decided and no longer wears the colour of a warning given when
// the workspace opened.
func TestReviewDecisionIsNewsInTheStatusLine(t *testing.T) {
	s := newSampleSession(t, "")
	r := s.main.review
	s.main.showReview()
	s.main.status.SetText("opening warning")
	s.main.status.Importance = widget.WarningImportance
	selectBy(t, r, "§2.1 ¶14", "Amina Diallo")
	test.Tap(r.approve)
	if got, want := s.main.status.Text, "§2.1 ¶14 (Amina Diallo): approved"; got != want {
		t.Fatalf("status line %q, want %q", got, want)
	}
	if s.main.status.Importance != widget.MediumImportance {
		t.Fatalf("status line importance %v after a decision, want medium", s.main.status.Importance)
	}
}
