package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"
)

// sample builds a document exercising every feature.
func sample() *Document {
	d := New()
	d.Props = Props{Title: "Sample & <test>", Creator: "Delegate", Created: time.Date(2024, 11, 4, 0, 0, 0, 0, time.UTC)}
	d.Footer = []Inline{Text("Page "), Field{Instr: "PAGE", Result: "1"}}
	d.Add(Paragraph{Style: StyleTitle, Content: []Inline{Text("Report")}})
	d.Heading(1, Text("Introduction"))
	d.NumberedPara(Text("First "), Bold("bold"), Text(" and "), Italic("italic"),
		Footnote{Content: []Inline{Text("A note with "), Link{URL: "https://www.itu.int/wtpf?a=1&b=2", Runs: []Run{Text("a link")}}}})
	d.Heading(2, Text("Scope"))
	when := time.Date(2025, 3, 31, 9, 30, 0, 0, time.UTC)
	d.NumberedPara(Text("Keep "), Del{Revision{"Secretariat", when}, []Run{Text("old")}},
		Ins{Revision{"Secretariat", when}, []Run{Text("new")}}, Text(" words."))
	l := d.LetterList()
	d.ListItem(l, 0, Text("lettered"))
	r := d.RomanList()
	d.ListItem(r, 0, Text("roman"))
	d.Para(Text("See Table "), Field{Instr: `SEQ Table \* ARABIC`, Result: "1", Complex: true},
		Link{URL: "https://www.itu.int/", Runs: []Run{Text("ITU")}})
	d.AddTable(Table{Widths: []int{3000, 3000}, HeaderRows: 1, Borders: true, Rows: [][]Cell{
		{BoldCell("A"), BoldCell("B")}, {TextCell("1"), TextCell("2")}, {{Span: 2, Paragraphs: []Paragraph{{Content: []Inline{Text("both")}}}}},
	}})
	d.Add(Paragraph{Boxed: true, Content: []Inline{Text("boxed")}})
	d.Add(Paragraph{Style: StyleHeading2, NoNumber: true, Content: []Inline{Text("DRAFT OPINION 1")}})
	return d
}

func render(t *testing.T, d *Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	n, err := d.WriteTo(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(buf.Len()) {
		t.Fatalf("WriteTo reported %d bytes, wrote %d", n, buf.Len())
	}
	return buf.Bytes()
}

// unzip returns the package parts by name, in zip order.
func unzip(t *testing.T, data []byte) (map[string]string, []string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	var names []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = string(b)
		names = append(names, f.Name)
	}
	return parts, names
}

func TestWriteToIsDeterministic(t *testing.T) {
	a, b := render(t, sample()), render(t, sample())
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same document differ")
	}
}

func TestAllPartsAreWellFormedXML(t *testing.T) {
	parts, names := unzip(t, render(t, sample()))
	want := []string{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
		"word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml", "word/numbering.xml",
		"word/footnotes.xml", "word/_rels/footnotes.xml.rels", "word/settings.xml", "word/footer1.xml"}
	if strings.Join(names, ",") != strings.Join(want, ",") {
		t.Fatalf("parts = %v\nwant %v", names, want)
	}
	for name, body := range parts {
		t.Run(name, func(t *testing.T) {
			dec := xml.NewDecoder(strings.NewReader(body))
			for {
				if _, err := dec.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
			}
		})
	}
}
