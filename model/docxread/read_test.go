package docxread

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/docxread/docxtest"
)

// testLimits are model/report's default limits.
var testLimits = Limits{MaxUnpackedBytes: 200 << 20, MaxEntryBytes: 100 << 20, MaxEntries: 5000, MaxRatio: 200}

func readRich(t *testing.T) *Document {
	t.Helper()
	doc, err := Read(docxtest.Package(t, docxtest.RichBody(), docxtest.GermanStyles, docxtest.Numbering, docxtest.Footnotes), testLimits)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// blockByText finds the block whose text starts with prefix.
func blockByText(t *testing.T, doc *Document, prefix string) Block {
	t.Helper()
	for _, b := range doc.Blocks {
		if strings.HasPrefix(b.Text, prefix) {
			return b
		}
	}
	t.Fatalf("no block starts with %q", prefix)
	return Block{}
}

// TestReadHeadingsAndNumbers proves styles resolve through basedOn with
// localised names, outline levels come from the style or the paragraph,
// and automatic numbers are counted as Word shows them.
func TestReadHeadingsAndNumbers(t *testing.T) {
	doc := readRich(t)
	for _, c := range []struct {
		prefix, style string
		outline       int
		number        Label
	}{
		{"Einleitung", "Überschrift 1", 0, Label{"1", "decimal"}},
		{"Unterkapitel", "Mein Kapitel", 1, Label{"1.1", "decimal"}}, // inherits level and list through basedOn
		{"First paragraph.", "Nummerierter Absatz", -1, Label{"1.", "decimal"}},
		{"letter one", "Normal", -1, Label{"a)", "lowerLetter"}},
		{"roman two", "Normal", -1, Label{"ii)", "lowerRoman"}},
		{"letter two", "Normal", -1, Label{"b)", "lowerLetter"}}, // the deeper level restarted, not this one
		{"restarted letter", "Normal", -1, Label{"a)", "lowerLetter"}},
		{"a bullet", "Normal", -1, Label{"", "bullet"}},
		{"forty", "Normal", -1, Label{"40.", "decimal"}},
		{"Chapitre sans numéro", "Titre 1", 0, Label{}}, // heading by its name only
		{"Annex – Draft Opinions", "Annex title", -1, Label{}},
	} {
		b := blockByText(t, doc, c.prefix)
		if b.Kind != Paragraph || b.Style != c.style || b.Outline != c.outline || b.Number != c.number {
			t.Errorf("%q: kind %d style %q outline %d number %+v; want style %q outline %d number %+v",
				c.prefix, b.Kind, b.Style, b.Outline, b.Number, c.style, c.outline, c.number)
		}
	}
	for _, b := range doc.Blocks {
		if strings.HasPrefix(b.Text, "Einleitung 1") {
			t.Errorf("the table of contents was read: %+v", b)
		}
	}
}

// TestReadInline proves a paragraph reads as Word shows it: hyperlinks
// resolved, a field's result without its code, content controls' text,
// character styles' bold, footnote marks, tabs kept in the runs only.
func TestReadInline(t *testing.T) {
	doc := readRich(t)
	b := blockByText(t, doc, "See ")
	if b.Text != "See the forum page on page 7 (table 2) in a control." {
		t.Errorf("text = %q", b.Text)
	}
	want := []Run{{Text: "See "}, {Text: "the forum page", Link: "https://www.itu.int/wtpf"},
		{Text: " on page 7 (table 2) in a control"}, {Text: ".", Bold: true}}
	if !reflect.DeepEqual(b.Runs, want) || !reflect.DeepEqual(b.Notes, []string{"1"}) {
		t.Errorf("runs %+v notes %v", b.Runs, b.Notes)
	}
	typed := blockByText(t, doc, "15. Typed")
	if typed.Runs[0].Text != "15.\tTyped " || !typed.Runs[1].Bold || typed.Number != (Label{}) {
		t.Errorf("typed number paragraph: %+v", typed)
	}
	if call := blockByText(t, doc, "considering"); len(call.Runs) != 1 || !call.Runs[0].Italic {
		t.Errorf("a paragraph style's italic is its runs' base: %+v", call.Runs)
	}
}

// TestReadRevisionsAndPlaceholders proves tracked changes are accepted
// (insertions and moves kept, deletions dropped, a deleted paragraph mark
// joins two paragraphs) and counted, and that images and text boxes become
// visible placeholders, the text box once though it has a fallback.
func TestReadRevisionsAndPlaceholders(t *testing.T) {
	doc := readRich(t)
	if b := blockByText(t, doc, "Tracked"); b.Text != "Tracked new text" {
		t.Errorf("tracked changes: %q", b.Text)
	}
	if b := blockByText(t, doc, "Merged"); b.Text != "Merged first half." || b.Number.Text != "4." {
		t.Errorf("deleted mark: %+v", b)
	}
	if b := blockByText(t, doc, "Picture"); b.Text != "Picture [image] [text box: Boxed note]" {
		t.Errorf("placeholders: %q", b.Text)
	}
	if doc.Revisions != 5 || doc.Placeholders != 2 {
		t.Errorf("revisions %d placeholders %d, want 5 and 2", doc.Revisions, doc.Placeholders)
	}
	if !reflect.DeepEqual(doc.Footnotes, []Footnote{{Mark: "1", Text: "The note text."}}) {
		t.Errorf("footnotes = %+v", doc.Footnotes)
	}
	var tables [][][]string
	for _, b := range doc.Blocks {
		if b.Kind == Table {
			tables = append(tables, b.Rows)
		}
	}
	if !reflect.DeepEqual(tables, [][][]string{{{"Region", "Offline"}, {"Africa", "62%"}}}) {
		t.Errorf("tables = %v", tables)
	}
	if doc.Core != nil || doc.Custom != nil {
		t.Errorf("properties of a package without docProps: %+v %+v", doc.Core, doc.Custom)
	}
}

// TestReadNestedTable proves a table inside a cell is flattened into that
// cell, numbered paragraphs in cells keep their number, and an empty table
// gives no block.
func TestReadNestedTable(t *testing.T) {
	inner := `<w:tbl><w:tr><w:tc>` + docxtest.P("", "in") + `</w:tc><w:tc>` + docxtest.P("", "ner") + `</w:tc></w:tr></w:tbl>`
	body := `<w:tbl><w:tr><w:tc>` + docxtest.Numbered("2", "0", "cell") + inner + `</w:tc></w:tr></w:tbl><w:tbl><w:tblPr/></w:tbl>`
	doc, err := Read(docxtest.Package(t, body, docxtest.GermanStyles, docxtest.Numbering, ""), testLimits)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Blocks) != 1 || !reflect.DeepEqual(doc.Blocks[0].Rows, [][]string{{"1. cell in | ner"}}) {
		t.Errorf("blocks = %+v", doc.Blocks)
	}
}

// TestReadProperties proves core and custom properties come as written,
// custom ones in file order.
func TestReadProperties(t *testing.T) {
	data := docxtest.Zip(t, map[string]string{
		"word/document.xml": `<w:document ` + docxtest.NS + `><w:body>` + docxtest.P("", "x") + `</w:body></w:document>`,
		"docProps/core.xml": `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">` +
			`<dc:title>Report</dc:title><dc:subject>3rd draft</dc:subject><cp:keywords>k</cp:keywords><dc:identifier>ID-1</dc:identifier><dcterms:modified>2025-03-31T10:00:00Z</dcterms:modified></cp:coreProperties>`,
		"docProps/custom.xml": `<Properties xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
			`<property name="Delegate-Version"><vt:lpwstr> 3 </vt:lpwstr></property><property name="Label"><vt:lpwstr>x</vt:lpwstr></property></Properties>`,
	})
	doc, err := Read(data, testLimits)
	if err != nil {
		t.Fatal(err)
	}
	if want := (CoreProps{Title: "Report", Subject: "3rd draft", Keywords: "k", Identifier: "ID-1", Modified: "2025-03-31T10:00:00Z"}); doc.Core == nil || *doc.Core != want {
		t.Errorf("core = %+v", doc.Core)
	}
	if want := []Property{{"Delegate-Version", " 3 "}, {"Label", "x"}}; !reflect.DeepEqual(doc.Custom, want) {
		t.Errorf("custom = %+v", doc.Custom)
	}
}

// TestReadFollowsRelationships proves the main part, styles, numbering and
// footnotes are found through the package relationships, not by name.
func TestReadFollowsRelationships(t *testing.T) {
	data := docxtest.Zip(t, map[string]string{
		"_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/doc/main.xml"/></Relationships>`,
		"doc/_rels/main.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="st.xml"/>` +
			`<Relationship Id="n" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="/doc/num.xml"/>` +
			`<Relationship Id="f" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="fn.xml"/></Relationships>`,
		"doc/main.xml": `<w:document ` + docxtest.NS + `><w:body>` + docxtest.P("Absatz", "Para<w:footnoteReference w:id=\"2\"/>") + `</w:body></w:document>`,
		"doc/st.xml":   `<w:styles ` + docxtest.NS + `>` + docxtest.GermanStyles + `</w:styles>`,
		"doc/num.xml":  `<w:numbering ` + docxtest.NS + `>` + docxtest.Numbering + `</w:numbering>`,
		"doc/fn.xml":   `<w:footnotes ` + docxtest.NS + `>` + docxtest.Footnotes + `</w:footnotes>`,
	})
	doc, err := Read(data, testLimits)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Blocks) != 1 || doc.Blocks[0].Number.Text != "1." || len(doc.Footnotes) != 1 || doc.Footnotes[0].Text != "The note text." {
		t.Errorf("blocks %+v footnotes %+v", doc.Blocks, doc.Footnotes)
	}
}

// TestReadRefusals proves every hostile or broken package is refused with
// the reader's sentinel, before it costs more than the limits allow.
func TestReadRefusals(t *testing.T) {
	doc := func(t testing.TB, body string) []byte {
		return docxtest.Zip(t, map[string]string{"word/document.xml": `<w:document ` + docxtest.NS + `><w:body>` + body + `</w:body></w:document>`})
	}
	small := Limits{MaxUnpackedBytes: 1 << 20, MaxEntryBytes: 1 << 20, MaxEntries: 10, MaxRatio: 200}
	for _, c := range []struct {
		name string
		data func(t testing.TB) []byte
		lim  Limits
		want error
		msg  string
	}{
		{"not a zip", func(testing.TB) []byte { return []byte("PK\x03\x04 not really") }, testLimits, ErrNotDocx, "not a zip"},
		{"too many parts", func(t testing.TB) []byte { return docxtest.Bomb(t, 11, 0) }, small, ErrZipBomb, "11 parts"},
		{"ratio", func(t testing.TB) []byte { return docxtest.Bomb(t, 1, 20<<20) }, testLimits, ErrZipBomb, "compressed more than"},
		{"declared total", docxtest.DeclaredBomb, testLimits, ErrZipBomb, "declares"},
		{"part over the limit", func(t testing.TB) []byte { return docxtest.Bomb(t, 1, 2<<20) }, Limits{MaxUnpackedBytes: 8 << 20, MaxEntryBytes: 1 << 20, MaxEntries: 10, MaxRatio: 1 << 20}, ErrZipBomb, "is 2 MB"},
		{"lying header", docxtest.LyingZip, testLimits, ErrZipBomb, "past the limit"},
		{"zip slip", func(t testing.TB) []byte { return docxtest.Zip(t, map[string]string{"../evil.xml": "x"}) }, testLimits, ErrCorrupt, "outside the document"},
		{"doctype", func(t testing.TB) []byte {
			return docxtest.Zip(t, map[string]string{"word/document.xml": `<!DOCTYPE x [<!ENTITY a "b">]><w:document/>`})
		}, testLimits, ErrUnsafeXML, "DOCTYPE"},
		{"doctype in styles", func(t testing.TB) []byte {
			return docxtest.Zip(t, map[string]string{"word/document.xml": `<w:document/>`, "word/styles.xml": `<!DOCTYPE x><w:styles/>`})
		}, testLimits, ErrUnsafeXML, "DOCTYPE"},
		{"invalid utf-8", func(t testing.TB) []byte { return doc(t, docxtest.P("", "caf\xe9")) }, testLimits, ErrInvalidText, "UTF-8"},
		{"no main part", func(t testing.TB) []byte { return docxtest.Zip(t, map[string]string{"a.txt": "a"}) }, testLimits, ErrCorrupt, "no main document part"},
		{"cut short", func(t testing.TB) []byte { return doc(t, docxtest.P("", "x"))[:60] }, testLimits, ErrNotDocx, "not a zip"},
		{"ends early", func(t testing.TB) []byte {
			return docxtest.Zip(t, map[string]string{"word/document.xml": `<w:document><w:body><w:p><w:r><w:t>x`})
		}, testLimits, ErrCorrupt, "ends too early"},
		{"too deep", func(t testing.TB) []byte { return doc(t, strings.Repeat("<w:sdt>", 300)) }, testLimits, ErrCorrupt, "nested too deeply"},
		{"broken styles", func(t testing.TB) []byte {
			return docxtest.Zip(t, map[string]string{"word/document.xml": `<w:document/>`, "word/styles.xml": `<w:styles><w:style>`})
		}, testLimits, ErrCorrupt, "styles"},
		{"broken footnotes", func(t testing.TB) []byte {
			return docxtest.Zip(t, map[string]string{"word/document.xml": `<w:document/>`, "word/footnotes.xml": `<w:footnotes><w:footnote w:id="1"><w:p>`})
		}, testLimits, ErrCorrupt, "ends too early"},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc, err := Read(c.data(t), c.lim)
			if !errors.Is(err, c.want) || doc != nil {
				t.Fatalf("Read = %v, %v; want %v", doc, err, c.want)
			}
			if !strings.Contains(err.Error(), c.msg) {
				t.Errorf("message %q should say %q", err, c.msg)
			}
		})
	}
}

// TestClassifyOLE proves an OLE compound file is told apart by its streams.
func TestClassifyOLE(t *testing.T) {
	for _, c := range []struct {
		streams []string
		want    error
		msg     string
	}{
		{[]string{"EncryptionInfo", "EncryptedPackage"}, ErrEncrypted, "password"},
		{[]string{"WordDocument", "1Table"}, ErrLegacyDoc, "97–2003"},
		{[]string{"Workbook"}, ErrUnsupported, "Excel or PowerPoint"},
		{[]string{"Something"}, ErrUnsupported, "not a Word document"},
	} {
		err := ClassifyOLE(docxtest.OLE(c.streams...))
		if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%v: %v, want %v saying %q", c.streams, err, c.want, c.msg)
		}
	}
}

var sentinels = []error{ErrNotDocx, ErrEncrypted, ErrLegacyDoc, ErrUnsupported, ErrZipBomb, ErrUnsafeXML, ErrInvalidText, ErrCorrupt}

// FuzzRead: any input gives a document or one of the reader's sentinels,
// never a panic; footnote marks run 1..n and outline levels stay in range.
func FuzzRead(f *testing.F) {
	f.Add(docxtest.Package(f, docxtest.RichBody(), docxtest.GermanStyles, docxtest.Numbering, docxtest.Footnotes))
	f.Add(docxtest.Package(f, docxtest.P("", "x"), "", "", ""))
	f.Add(docxtest.LyingZip(f))
	lim := Limits{MaxUnpackedBytes: 1 << 20, MaxEntryBytes: 256 << 10, MaxEntries: 100, MaxRatio: 200}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(data, lim)
		if err != nil {
			for _, s := range sentinels {
				if errors.Is(err, s) {
					return
				}
			}
			t.Fatalf("error wraps no sentinel: %v", err)
		}
		for i, n := range doc.Footnotes {
			if n.Mark != strconv.Itoa(i+1) {
				t.Fatalf("footnote %d has mark %q", i, n.Mark)
			}
		}
		for _, b := range doc.Blocks {
			if b.Outline < -1 || b.Outline > 8 {
				t.Fatalf("outline %d: %+v", b.Outline, b)
			}
		}
	})
}
