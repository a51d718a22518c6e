package report

import (
	"strings"
	"testing"
)

func richBody() string {
	return strings.Join([]string{
		p("", "Document S24-WTPF26PREP-R-0003, 3rd draft, 2025-03-31"),
		p("TOC1", "Einleitung 1"),
		p("berschrift1", "Einleitung"),
		p("Absatz", "First paragraph."),
		`<w:p><w:pPr><w:pStyle w:val="Absatz"/></w:pPr><w:r><w:t xml:space="preserve">See </w:t></w:r>` +
			`<w:hyperlink r:id="rIdL"><w:r><w:t>the forum page</w:t></w:r></w:hyperlink>` +
			`<w:r><w:t xml:space="preserve"> on page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>` +
			`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
			`<w:fldSimple w:instr="SEQ Table"><w:r><w:t xml:space="preserve"> (table 2)</w:t></w:r></w:fldSimple>` +
			`<w:sdt><w:sdtPr><w:alias w:val="Secret"/></w:sdtPr><w:sdtContent><w:r><w:t xml:space="preserve"> in a control</w:t></w:r></w:sdtContent></w:sdt>` +
			`<w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>.</w:t></w:r></w:p>`,
		p("MeinKapitel", "Unterkapitel"),
		numbered("3", "0", "letter one"), numbered("3", "1", "roman one"), numbered("3", "1", "roman two"), numbered("3", "0", "letter two"),
		numbered("4", "0", "restarted letter"),
		numbered("5", "0", "a bullet"),
		numbered("6", "0", "forty"),
		`<w:p><w:pPr><w:pStyle w:val="Absatz"/></w:pPr><w:r><w:t xml:space="preserve">Tracked </w:t></w:r><w:ins w:id="1" w:author="S"><w:r><w:t xml:space="preserve">new </w:t></w:r></w:ins>` +
			`<w:del w:id="2" w:author="S"><w:r><w:delText xml:space="preserve">old </w:delText></w:r></w:del><w:moveFrom w:id="3"><w:r><w:t>gone </w:t></w:r></w:moveFrom>` +
			`<w:moveTo w:id="4"><w:r><w:t>text</w:t></w:r></w:moveTo></w:p>`,
		`<w:p><w:pPr><w:pStyle w:val="Absatz"/><w:rPr><w:del w:id="5" w:author="S"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">Merged first </w:t></w:r></w:p>`,
		p("Absatz", "half."),
		`<w:p><w:r><w:t xml:space="preserve">Picture </w:t></w:r><w:r><w:drawing><wp:inline><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"/></wp:inline></w:drawing></w:r>` +
			`<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Boxed note</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>` +
			`<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Boxed note</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
		`<w:tbl><w:tblPr/><w:tr><w:tc><w:tcPr/>` + p("", "Region") + `</w:tc><w:tc>` + p("", "Offline") + `</w:tc></w:tr>` +
			`<w:tr><w:tc>` + p("", "Africa") + `</w:tc><w:tc>` + p("", "62%") + `</w:tc></w:tr></w:tbl>`,
		p("Titre1", "Chapitre sans numéro"),
		`<w:p><w:r><w:t>15.</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">Typed </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>paragraph</w:t></w:r><w:r><w:t xml:space="preserve"> number.</w:t></w:r></w:p>`,
		p("Titre1", "7.2 Typed heading number"),
		p("AnnexTitle", "Annex – Draft Opinions"),
		p("", "DRAFT OPINION 4"),
		`<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Space connectivity</w:t></w:r></w:p>`,
		p("", "The seventh World Telecommunication/ICT Policy Forum (Geneva, 2026),"),
		p("Call", "considering"),
		`<w:p><w:r><w:t>a)</w:t></w:r><w:r><w:tab/><w:t>that satellites matter;</w:t></w:r></w:p>`,
		`<w:p><w:r><w:t>b)</w:t></w:r><w:r><w:tab/><w:t>that orbits are finite,</w:t></w:r></w:p>`,
		p("Call", "invites Member States"),
		`<w:p><w:r><w:t>1</w:t></w:r><w:r><w:tab/><w:t>to cooperate.</w:t></w:r></w:p>`,
		`<w:sectPr><w:pgSz w:w="11906"/></w:sectPr>`,
	}, "")
}

const testFootnotes = `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> The note text.</w:t></w:r></w:p></w:footnote>`

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
