package usecase_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/review"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/store/storetest"
	"github.com/delegate-itu/delegate/model/usecase"
)

// TestImportDraftRoundTrip: an imported draft reads back through Draft as
// the same typed draft (the store keeps the source's file name); importing the same bytes again returns the stored
// draft with store.ErrDraftExists; a file model/report refuses is
// ErrBadDraft and keeps model/report's own sentinel and message.
func TestImportDraftRoundTrip(t *testing.T) {
	w := storetest.New(t)
	d2, _ := samples(t)
	meta, d, err := usecase.ImportDraft(w, usecase.DraftFile{Source: "/somewhere/draft2.md", Name: "draft2.md", Label: "2nd draft", Data: d2})
	if err != nil {
		t.Fatal(err)
	}
	if meta.Source != "draft2.md" || meta.Label != "2nd draft" || meta.Paragraphs != d.Paragraphs() || meta.Paragraphs == 0 {
		t.Errorf("meta %+v (draft has %d paragraphs)", meta, d.Paragraphs())
	}
	back, err := usecase.Draft(w, meta.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Blocks) != len(d.Blocks) || back.Block("s2.1-p11") == nil || back.Block("s2.1-p11").Text != d.Block("s2.1-p11").Text {
		t.Errorf("read back %d blocks, imported %d", len(back.Blocks), len(d.Blocks))
	}
	again, d, err := usecase.ImportDraft(w, usecase.DraftFile{Name: "copy.md", Data: d2})
	if !errors.Is(err, store.ErrDraftExists) || again.ID != meta.ID || d == nil {
		t.Errorf("second import: %v, %+v", err, again)
	}
	_, _, err = usecase.ImportDraft(w, usecase.DraftFile{Name: "empty.md", Data: []byte("   \n")})
	if !errors.Is(err, usecase.ErrBadDraft) || !errors.Is(err, report.ErrEmpty) || !strings.Contains(err.Error(), report.ErrEmpty.Error()) || strings.Contains(err.Error(), usecase.ErrBadDraft.Error()) {
		t.Errorf("empty file: %v", err)
	}
	if _, err := usecase.Draft(w, "no-such-draft"); err == nil {
		t.Error("Draft of an unknown ID succeeded")
	}
}

// TestDecideAndSave: a decision the review state machine refuses is not
// made; an allowed one is saved as one commit named by the action.
func TestDecideAndSave(t *testing.T) {
	w := storetest.New(t)
	c := storetest.Comment("3", "Shorter, please.")
	c.Review.Status = item.StatusReady
	if err := w.SaveComment(&c, "ready"); err != nil {
		t.Fatal(err)
	}
	it := review.Items([]item.Comment{c}, nil)[0]
	if _, err := usecase.Decide(it, review.RequestChanges, ""); !errors.Is(err, review.ErrNoteRequired) {
		t.Errorf("request changes without a note: %v", err)
	}
	d, err := usecase.Decide(it, review.RequestChanges, "Name the groups.")
	if err != nil {
		t.Fatal(err)
	}
	if it.Comment.Review.Status != item.StatusReady {
		t.Error("Decide changed the item it was given")
	}
	if err := d.Save(w); err != nil {
		t.Fatal(err)
	}
	got, err := w.Comment(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Review.Status != item.StatusChangesRequested || got.Review.Note != "Name the groups." {
		t.Errorf("saved review %+v", got.Review)
	}
	vs, err := w.History(c.ID)
	if err != nil || len(vs) != 2 || !strings.HasSuffix(vs[len(vs)-1].Message, d.Message) {
		t.Errorf("history %+v (%v), want the decision %q last", vs, err, d.Message)
	}
}
