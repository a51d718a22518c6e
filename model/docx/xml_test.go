package docx

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"
)

// node is a generic parsed XML element for assertions.
type node struct {
	Name  string
	Attrs map[string]string
	Text  string
	Kids  []*node
}

func parseXML(t *testing.T, s string) *node {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(s))
	root := &node{}
	stack := []*node{root}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return root
		}
		if err != nil {
			t.Fatal(err)
		}
		top := stack[len(stack)-1]
		switch tk := tok.(type) {
		case xml.StartElement:
			n := &node{Name: tk.Name.Local, Attrs: map[string]string{}}
			for _, a := range tk.Attr {
				n.Attrs[a.Name.Local] = a.Value
			}
			top.Kids = append(top.Kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.Text += string(tk)
		}
	}
}

// all returns every descendant element with the given local name.
func (n *node) all(name string) []*node {
	var out []*node
	for _, k := range n.Kids {
		if k.Name == name {
			out = append(out, k)
		}
		out = append(out, k.all(name)...)
	}
	return out
}

// text concatenates t and delText contents below n.
func (n *node) text() string {
	var b strings.Builder
	for _, k := range n.Kids {
		if k.Name == "t" || k.Name == "delText" || k.Name == "instrText" {
			b.WriteString(k.Text)
		}
		b.WriteString(k.text())
	}
	return b.String()
}

func TestDocumentXML(t *testing.T) {
	parts, _ := unzip(t, render(t, sample()))
	doc := parseXML(t, parts["word/document.xml"])
	cases := []struct {
		name string
		got  int
		want int
	}{
		{"paragraphs in body and cells", len(doc.all("p")), 15},
		{"insertions", len(doc.all("ins")), 1},
		{"deletions", len(doc.all("del")), 1},
		{"deleted text elements", len(doc.all("delText")), 1},
		{"footnote references", len(doc.all("footnoteReference")), 1},
		{"hyperlinks", len(doc.all("hyperlink")), 1},
		{"simple fields", len(doc.all("fldSimple")), 0},
		{"complex field chars", len(doc.all("fldChar")), 3},
		{"tables", len(doc.all("tbl")), 1},
		{"boxed paragraphs", len(doc.all("pBdr")), 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("got %d, want %d", c.got, c.want)
			}
		})
	}
	ids := map[string]bool{}
	for _, r := range append(doc.all("ins"), doc.all("del")...) {
		if ids[r.Attrs["id"]] || r.Attrs["author"] != "Secretariat" || r.Attrs["date"] != "2025-03-31T09:30:00Z" {
			t.Errorf("revision attrs %v (ids so far %v)", r.Attrs, ids)
		}
		ids[r.Attrs["id"]] = true
	}
	if got := doc.all("sectPr")[0].all("pgSz")[0].Attrs; got["w"] != "11906" || got["h"] != "16838" {
		t.Errorf("page size %v, want A4", got)
	}
	if got := doc.all("numId"); got[len(got)-1].Attrs["val"] != "0" {
		t.Error("NoNumber paragraph should carry numId 0")
	}
}

func TestFootnotesAndLinks(t *testing.T) {
	parts, _ := unzip(t, render(t, sample()))
	notes := parseXML(t, parts["word/footnotes.xml"]).all("footnote")
	if len(notes) != 3 || notes[2].Attrs["id"] != "1" || !strings.Contains(notes[2].text(), "A note with a link") {
		t.Fatalf("footnotes: %d, last %+v", len(notes), notes[len(notes)-1].Attrs)
	}
	rels := parseXML(t, parts["word/_rels/footnotes.xml.rels"]).all("Relationship")
	if len(rels) != 1 || rels[0].Attrs["Target"] != "https://www.itu.int/wtpf?a=1&b=2" || rels[0].Attrs["TargetMode"] != "External" {
		t.Fatalf("footnote link rels %+v", rels)
	}
	docRels := parseXML(t, parts["word/_rels/document.xml.rels"]).all("Relationship")
	found := false
	for _, r := range docRels {
		found = found || (r.Attrs["Id"] == "rIdLink1" && r.Attrs["Target"] == "https://www.itu.int/")
	}
	if !found {
		t.Fatal("document hyperlink relationship missing")
	}
}

func TestNumberingAndStyles(t *testing.T) {
	parts, _ := unzip(t, render(t, sample()))
	num := parseXML(t, parts["word/numbering.xml"])
	var texts, fmts []string
	for _, l := range num.all("lvl") {
		texts = append(texts, l.all("lvlText")[0].Attrs["val"])
		fmts = append(fmts, l.all("numFmt")[0].Attrs["val"])
	}
	if got := strings.Join(texts, " "); got != "%1 %1.%2 %1.%2.%3 %1. %1) %1)" {
		t.Errorf("level texts %q", got)
	}
	if got := strings.Join(fmts, " "); got != "decimal decimal decimal decimal lowerLetter lowerRoman" {
		t.Errorf("formats %q", got)
	}
	styles := parseXML(t, parts["word/styles.xml"])
	names := map[string]string{}
	for _, s := range styles.all("style") {
		names[s.Attrs["styleId"]] = s.all("name")[0].Attrs["val"]
	}
	for id, name := range map[string]string{"Heading1": "heading 1", "ParaNumbered": "Numbered paragraph", "Call": "Call",
		"AnnexTitle": "Annex title", "FootnoteText": "footnote text", "TableGrid": "Table Grid", "Title": "Title"} {
		if names[id] != name {
			t.Errorf("style %s named %q, want %q", id, names[id], name)
		}
	}
}

func TestEscapingAndInvalidCharacters(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"markup", `a < b & c > "d" 'e'`, `a < b & c > "d" 'e'`},
		{"control characters dropped", "x\x01y\x0Bz\uFFFEw", "xyzw"},
		{"non-ASCII kept", "Genève — 日内瓦 🌍", "Genève — 日内瓦 🌍"},
		{"tab and newline become elements", "a\tb\nc", "abc"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := New()
			d.Props.Title = c.in
			d.Para(Text(c.in))
			d.Add(Paragraph{Content: []Inline{Link{URL: "https://x/?q=" + c.in, Runs: []Run{Text("l")}}}})
			parts, _ := unzip(t, render(t, d))
			doc := parseXML(t, parts["word/document.xml"])
			if got := doc.all("p")[0].text(); got != c.want {
				t.Errorf("text %q, want %q", got, c.want)
			}
			if got := parseXML(t, parts["docProps/core.xml"]).all("title")[0].Text; got != Clean(c.in) {
				t.Errorf("title %q, want %q", got, Clean(c.in))
			}
			parseXML(t, parts["word/_rels/document.xml.rels"])
		})
	}
}

func TestFieldForms(t *testing.T) {
	d := New()
	d.Para(Field{Instr: "PAGE", Result: "7"}, Field{Instr: `REF _Ref1 \r`, Result: "14", Complex: true})
	d.TrackRevisions = true
	d.Props.Created = time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	parts, _ := unzip(t, render(t, d))
	doc := parseXML(t, parts["word/document.xml"])
	if f := doc.all("fldSimple"); len(f) != 1 || f[0].Attrs["instr"] != " PAGE " || f[0].text() != "7" {
		t.Errorf("fldSimple %+v", f)
	}
	if got := doc.all("p")[0].text(); got != "7 REF _Ref1 \\r 14" {
		t.Errorf("paragraph text incl. instrText %q", got)
	}
	if len(parseXML(t, parts["word/settings.xml"]).all("trackRevisions")) != 1 {
		t.Error("trackRevisions not set")
	}
	if !strings.Contains(parts["docProps/core.xml"], "2025-01-02T03:04:05Z") {
		t.Error("created date missing")
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"plain", "<&>\"'", "x\x01\x0B\uFFFE", "a\tb\nc\r", "日本"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := New()
		d.Para(Run{Text: s, Bold: true}, Del{Runs: []Run{Text(s)}}, Link{URL: s, Runs: []Run{Text(s)}})
		d.Props.Title = s
		parts, _ := unzip(t, render(t, d))
		for name, body := range parts {
			dec := xml.NewDecoder(strings.NewReader(body))
			for {
				_, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("%s not well-formed for %q: %v", name, s, err)
				}
			}
		}
	})
}
