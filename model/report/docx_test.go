package report

import (
	"testing"
)

func importRich(t *testing.T) *Draft {
	t.Helper()
	d, err := Import("rich.docx", rawDocx(t, richBody(), germanStyles, testNumbering, testFootnotes), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDocxRich(t *testing.T) {
	d := importRich(t)
	want := []struct{ id, kind, number, text string }{
		{"front-b1", "paragraph", "", "Document S24-WTPF26PREP-R-0003, 3rd draft, 2025-03-31"},
		{"s1", "heading", "1", "Einleitung"},
		{"s1-p1", "paragraph", "1", "First paragraph."},
		{"s1-p2", "paragraph", "2", "See the forum page on page 7 (table 2) in a control."},
		{"s1.1", "heading", "1.1", "Unterkapitel"},
		{"s1.1-a", "list_item", "a)", "letter one"},
		{"s1.1-i", "list_item", "i)", "roman one"},
		{"s1.1-ii", "list_item", "ii)", "roman two"},
		{"s1.1-b", "list_item", "b)", "letter two"},
		{"s1.1-a-fb198b", "list_item", "a)", "restarted letter"},
		{"s1.1-li1", "list_item", "", "a bullet"},
		{"s1.1-p40", "paragraph", "40", "forty"},
		{"s1.1-p3", "paragraph", "3", "Tracked new text"},
		{"s1.1-p4", "paragraph", "4", "Merged first half."},
		{"s1.1-b1", "paragraph", "", "Picture [image] [text box: Boxed note]"},
		{"s1.1-t1", "table", "", "Region | Offline\nAfrica | 62%"},
		{"chapitre-sans-numéro", "heading", "", "Chapitre sans numéro"},
		{"chapitre-sans-numéro-p15", "paragraph", "15", "Typed paragraph number."},
		{"s7.2", "heading", "7.2", "Typed heading number"},
	}
	if len(d.Blocks) < len(want) {
		t.Fatalf("got %d blocks, want at least %d: %+v", len(d.Blocks), len(want), d.Blocks)
	}
	for i, w := range want {
		t.Run(w.id, func(t *testing.T) {
			b := d.Blocks[i]
			if b.ID != w.id || string(b.Kind) != w.kind || b.Number != w.number || b.Text != w.text {
				t.Errorf("block %d = {%s %s %q %q}, want {%s %s %q %q}", i, b.ID, b.Kind, b.Number, b.Text, w.id, w.kind, w.number, w.text)
			}
		})
	}
}

func TestDocxRichDetails(t *testing.T) {
	d := importRich(t)
	if d.DocID != "S24-WTPF26PREP-R-0003" || d.Label != "3rd draft" || d.Version != 3 || d.Published != "2025-03-31" {
		t.Errorf("metadata = %q %q %d %q", d.DocID, d.Label, d.Version, d.Published)
	}
	if !d.HadRevisions || d.RevisionCount != 5 {
		t.Errorf("revisions = %v %d, want true 5", d.HadRevisions, d.RevisionCount)
	}
	if len(d.Footnotes) != 1 || d.Footnotes[0].Text != "The note text." || d.Footnotes[0].Mark != "1" {
		t.Errorf("footnotes = %+v", d.Footnotes)
	}
	if b := d.Block("s1-p2"); b == nil || len(b.Notes) != 1 || b.Runs[1].Link != "https://www.itu.int/wtpf" || !b.Runs[len(b.Runs)-1].Bold {
		t.Errorf("s1-p2 notes/link/bold: %+v", b)
	}
	if b := d.Block("chapitre-sans-numéro"); b == nil || b.Level != 1 {
		t.Errorf("Titre 1 should be a level-1 heading by its name: %+v", b)
	}
	if b := d.Block("chapitre-sans-numéro-p15"); b == nil || len(b.Runs) != 3 || b.Runs[0].Text != "Typed " || !b.Runs[1].Bold {
		t.Errorf("typed number should leave the runs without it: %+v", b)
	}
	if b := d.Block("annex-op4-considering-a"); b == nil || len(b.Runs) != 0 {
		t.Errorf("plain Opinion item keeps no runs: %+v", b)
	}
	if d.Placeholders != 2 {
		t.Errorf("placeholders = %d, want 2", d.Placeholders)
	}
	if len(d.Opinions) != 1 {
		t.Fatalf("opinions = %+v", d.Opinions)
	}
	op := d.Opinions[0]
	if op.Number != 4 || op.Title != "Space connectivity" || len(op.Preamble) != 1 || len(op.Operative) != 1 ||
		op.Preamble[0].Items[1].Label != "b" || op.Preamble[0].Items[1].Text != "that orbits are finite," ||
		op.Operative[0].Items[0].BlockID != "annex-op4-invites-member-states-1" {
		t.Errorf("opinion = %+v", op)
	}
}
