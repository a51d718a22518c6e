package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

// templateDoc is a template made the way scripts/mktemplate makes one.
func templateDoc(t testing.TB) []byte {
	t.Helper()
	d := New()
	d.Footer = []Inline{Field{Instr: "PAGE", Result: "1"}}
	d.Para(Text("Before"))
	d.Para(Bookmark{ID: 1, Name: "Content"}, Text("Contribution goes here"))
	d.Para(Text("After"))
	var buf bytes.Buffer
	if _, err := d.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sdtTemplate is a template whose place is a block content control, as
// Word's Developer tab inserts it.
func sdtTemplate(t testing.TB) []byte {
	t.Helper()
	tpl := templateDoc(t)
	parts, order, err := readPartsBytes(tpl)
	if err != nil {
		t.Fatal(err)
	}
	doc := parts["word/document.xml"]
	start, end, _ := anchorSpan(doc, "Content")
	parts["word/document.xml"] = doc[:start] + `<w:sdt><w:sdtPr><w:tag w:val="Body"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Click here</w:t></w:r></w:p></w:sdtContent></w:sdt>` + doc[end:]
	out, err := writeParts(parts, order)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func readPartsBytes(b []byte) (map[string]string, []string, error) {
	zr, err := zipReader(b)
	if err != nil {
		return nil, nil, err
	}
	return readParts(zr)
}

func content() *Document {
	d := New()
	d.Props.Title = "Filled"
	when := time.Date(2025, 6, 1, 10, 0, 0, 0, time.UTC)
	d.Add(Paragraph{Style: StyleCall, Content: []Inline{Text("considering")}})
	d.Para(Text("keep "), Del{Revision{"Xyz", when}, []Run{Text("old")}}, Ins{Revision{"Xyz", when}, []Run{Text("new")}})
	d.AddTable(Box(5000, Paragraph{Content: []Inline{Text("boxed")}}))
	return d
}

func TestFill(t *testing.T) {
	cases := []struct {
		name, anchor string
		tpl          func(testing.TB) []byte
	}{
		{"bookmark", "Content", templateDoc},
		{"content control", "Body", sdtTemplate},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, err := Fill(tc.tpl(t), tc.anchor, content())
			if err != nil {
				t.Fatal(err)
			}
			parts, _ := unzip(t, out)
			doc := parts["word/document.xml"]
			wellFormed(t, "document.xml", doc)
			for _, want := range []string{"Before", "After", `<w:del w:id="1" w:author="Xyz"`, `<w:ins w:id="2"`, "boxed", `<w:footerReference`} {
				if !strings.Contains(doc, want) {
					t.Errorf("document.xml lacks %q", want)
				}
			}
			for _, gone := range []string{"Contribution goes here", "Click here"} {
				if strings.Contains(doc, gone) {
					t.Errorf("placeholder %q was kept", gone)
				}
			}
			if !strings.Contains(parts["docProps/core.xml"], "Filled") {
				t.Error("core properties not replaced")
			}
			again, _ := Fill(tc.tpl(t), tc.anchor, content())
			if !bytes.Equal(out, again) {
				t.Error("Fill is not deterministic")
			}
		})
	}
}

func TestFillErrors(t *testing.T) {
	if _, err := Fill(templateDoc(t), "Nowhere", content()); !errors.Is(err, ErrNoAnchor) {
		t.Errorf("missing anchor: got %v", err)
	}
	if _, err := Fill([]byte("not a zip"), "Content", content()); !errors.Is(err, ErrBadTemplate) {
		t.Errorf("not a zip: got %v", err)
	}
	d := New()
	d.Para(Link{URL: "https://itu.int", Runs: []Run{Text("x")}})
	if _, err := Fill(templateDoc(t), "Content", d); err == nil {
		t.Error("a hyperlink in template content should be refused")
	}
}

func TestMergeStylesAddsOnlyMissing(t *testing.T) {
	tpl := `<w:styles><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Mine"/></w:style></w:styles>`
	got := mergeStyles(tpl, New().stylesXML())
	if strings.Count(got, `w:styleId="Normal"`) != 1 || !strings.Contains(got, `w:val="Mine"`) {
		t.Error("the template's own Normal style must win")
	}
	if !strings.Contains(got, `w:styleId="Call"`) {
		t.Error("the missing Call style was not copied")
	}
	wellFormed(t, "styles", got)
}

func TestBookmarkBetweenParagraphs(t *testing.T) {
	doc := `<w:body><w:p><w:r><w:t>a</w:t></w:r></w:p><w:bookmarkStart w:id="0" w:name="X"/><w:bookmarkEnd w:id="0"/></w:body>`
	s, e, err := anchorSpan(doc, "X")
	if err != nil || s != e || !strings.HasPrefix(doc[s:], "<w:bookmarkEnd") {
		t.Errorf("got %d..%d %v", s, e, err)
	}
}

func TestEstimatePages(t *testing.T) {
	short := New()
	short.Para(Text("One line."))
	if p := short.EstimatePages(); p <= 0 || p > 0.1 {
		t.Errorf("one line = %.2f pages", p)
	}
	long := New()
	para := strings.Repeat("word ", 144) // 720 characters: 8 lines
	for range 40 {
		long.Para(Text(para))
	}
	if p := long.EstimatePages(); p < 5 || p > 9 {
		t.Errorf("40 eight-line paragraphs = %.2f pages, want about 6-7", p)
	}
	tbl := New()
	rows := [][]Cell{}
	for range 30 {
		rows = append(rows, []Cell{TextCell(strings.Repeat("x ", 100)), TextCell("y")})
	}
	tbl.AddTable(Table{Widths: []int{3000, 6000}, Rows: rows})
	if p := tbl.EstimatePages(); p < 4 || p > 6 { // 9 lines a row
		t.Errorf("30 rows of narrow 200-char cells = %.2f pages", p)
	}
}

func FuzzFill(f *testing.F) {
	f.Add(templateDoc(f), "Content")
	f.Add(sdtTemplate(f), "Body")
	f.Add([]byte("PK\x03\x04"), "x")
	f.Fuzz(func(t *testing.T, tpl []byte, anchor string) {
		out, err := Fill(tpl, anchor, content())
		if err == nil && len(out) == 0 {
			t.Fatal("no error and no output")
		}
	})
}

func zipReader(b []byte) (*zip.Reader, error) {
	return zip.NewReader(bytes.NewReader(b), int64(len(b)))
}

// wellFormed fails the test when s is not well-formed XML.
func wellFormed(t *testing.T, name, s string) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(s))
	for {
		if _, err := dec.Token(); err == io.EOF {
			return
		} else if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
}
