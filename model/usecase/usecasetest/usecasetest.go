// Package usecasetest builds workspaces for the tests of model/usecase and
// of both front ends, so the CLI and the desktop app are tested on the
// very same fixture.
package usecasetest

import (
	"bytes"
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/anchor"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/store/storetest"
	"github.com/delegate-itu/delegate/model/usecase"
)

// Target is the draft CarryWorkspace's comments are carried to.
const Target = "3rd-draft"

// CarryWorkspace creates a closed workspace in dir with three drafts: a
// "1st draft" (draft2 with ¶11 reworded), the "2nd draft" (draft2) and the
// "3rd draft" (draft3), all from the sample Markdown files' bytes. It saves one
// comment on the 1st draft, two on the 2nd (one of them withdrawn) and one
// on the 3rd, and returns the IDs a carry to the 3rd draft must carry: not the withdrawn one (it stays where it
// is), not the one already on the 3rd draft.
func CarryWorkspace(t testing.TB, dir string, draft2, draft3 []byte) []string {
	t.Helper()
	w, err := store.Create(dir, storetest.User)
	if err != nil {
		t.Fatalf("create workspace: %v", err)
	}
	defer func() { _ = w.Close() }()
	first := bytes.Replace(draft2, []byte("The divide is no longer only a question of coverage."), []byte("The divide is no longer a question of coverage alone."), 1)
	if bytes.Equal(first, draft2) {
		t.Fatal("draft2 lacks the ¶11 sentence the 1st draft rewords (pass the sample's Markdown)")
	}
	d1 := importDraft(t, w, "draft1.md", "1st draft", first)
	d2 := importDraft(t, w, "draft2.md", "2nd draft", draft2)
	d3 := importDraft(t, w, "draft3.md", "3rd draft", draft3)
	var want []string
	want = append(want, comment(t, w, d1, "s1.2-p7", "Define the term here.", ""))
	want = append(want, comment(t, w, d2, "s2.1-p11", "Agree with the usage gap.", ""))
	comment(t, w, d2, "s1.1-p2", "Withdrawn: on second thought, fine.", item.StatusWithdrawn)
	comment(t, w, d3, "s1.1-p2", "Already on the 3rd draft.", "")
	return want
}

type stored struct {
	id string
	d  *report.Draft
}

func importDraft(t testing.TB, w *store.Workspace, name, label string, data []byte) stored {
	t.Helper()
	meta, d, err := usecase.ImportDraft(w, usecase.DraftFile{Name: name, Label: label, Data: data})
	if err != nil {
		t.Fatalf("import %s: %v", name, err)
	}
	if meta.ID == "" || d == nil {
		t.Fatalf("import %s: meta %+v, draft %v", name, meta, d)
	}
	return stored{meta.ID, d}
}

func comment(t testing.TB, w *store.Workspace, d stored, para, body string, st item.Status) string {
	t.Helper()
	b := d.d.Block(para)
	if b == nil {
		t.Fatalf("draft %s has no paragraph %s", d.id, para)
	}
	quote := b.Text
	if i := strings.Index(quote, ". "); i > 0 {
		quote = quote[:i+1]
	}
	a, ok := anchor.ForQuote(*b, quote)
	if !ok {
		t.Fatalf("quote %q not in %s", quote, para)
	}
	a.DraftID = d.id
	c := item.Comment{Anchor: a, Kind: item.KindGeneral, Body: body}
	c.Review.Status = st
	if err := w.SaveComment(&c, "test comment"); err != nil {
		t.Fatalf("save comment on %s %s: %v", d.id, para, err)
	}
	return c.ID
}
