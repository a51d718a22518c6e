package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/review"
)

// The coordinator's own amendment goes through review like any item: the
// editor sends it for review, the Review tab approves it, and saving the
// still-open editor afterwards keeps it approved.
func TestOpinionSentForReviewThenApproved(t *testing.T) {
	s := newSampleSession(t, "")
	sc := s.main.opinions
	sc.show()
	sc.amend(3)
	ed := sc.ed
	if ed.status.sel.Selected != "Draft" || !slices.Contains(ed.status.sel.Options, "Ready for review") || slices.Contains(ed.status.sel.Options, "Approved") {
		t.Fatalf("a new amendment offers %q from %q", ed.status.sel.Options, ed.status.sel.Selected)
	}
	e := field(t, ed, opPos{part: partOpItem, b: 0, i: 0})
	e.SetText(e.Text + " and on regular exercises")
	ed.status.sel.SetSelected("Ready for review")
	ed.onSave()
	saved := ownOpinion(t, s, 3)
	if saved.Review.Status != item.StatusReady {
		t.Fatalf("saved as %q, want ready for review", saved.Review.Status)
	}

	r := s.main.review
	s.main.showReview()
	selectBy(t, r, "Draft Opinion 3", saved.Author.Name)
	r.onApprove()
	if ed.status.sel.Selected != "Approved" {
		t.Fatalf("the open editor still says %q after the approval", ed.status.sel.Selected)
	}
	for _, o := range sc.props {
		if o.ID == saved.ID && o.Review.Status != item.StatusApproved {
			t.Fatalf("the Opinions list still has it %q", o.Review.Status)
		}
	}
	sc.show()
	ed.reasons.SetText("Exercises show whether plans work.")
	ed.onSave()
	if got := ownOpinion(t, s, 3).Review.Status; got != item.StatusApproved {
		t.Fatalf("saving the open editor after the approval made it %q", got)
	}
}

// An author whose Opinion proposal was sent back sees the reviewer's note
// in the editor and can send it for review again.
func TestOpinionShowsTheReviewersNote(t *testing.T) {
	s := newSampleSession(t, "")
	r := s.main.review
	s.main.showReview()
	it := selectBy(t, r, "Draft Opinion 1", "Elena Petrova")
	r.decide(review.RequestChanges, "Keep the list of groups short.")
	sc := s.main.opinions
	sc.open(*mustOpinion(t, s, it.ID()))
	ed := sc.ed
	if !ed.status.note.Visible() || !strings.Contains(ed.status.note.Text, "Keep the list of groups short.") {
		t.Fatalf("the editor does not show the reviewer's note: %q", ed.status.note.Text)
	}
	ed.status.sel.SetSelected("Ready for review")
	ed.onSave()
	if got := mustOpinion(t, s, it.ID()).Review.Status; got != item.StatusReady {
		t.Fatalf("sent back for review as %q", got)
	}
}

// ownOpinion is the session's one proposal amending draft Opinion n.
func ownOpinion(t *testing.T, s *Session, n int) item.Opinion {
	t.Helper()
	ops, err := s.work.ws.Opinions()
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range ops {
		if o.Amends == n && o.Author.Email == s.work.ws.User().Email {
			return o
		}
	}
	t.Fatalf("no proposal of ours on draft Opinion %d", n)
	return item.Opinion{}
}

func mustOpinion(t *testing.T, s *Session, id string) *item.Opinion {
	t.Helper()
	ops, err := s.work.ws.Opinions()
	if err != nil {
		t.Fatal(err)
	}
	for i := range ops {
		if ops[i].ID == id {
			return &ops[i]
		}
	}
	t.Fatalf("no Opinion proposal %s", id)
	return nil
}
