package docx

import (
	"strconv"
	"strings"
	"time"
)

// Inline is anything that can sit inside a paragraph: Run, Ins, Del, Link,
// Field, Footnote. The set is closed so the writer controls all XML.
type Inline interface{ writeInline(w *writer) }

// Run is a stretch of text with one formatting. Tabs and newlines in Text
// become w:tab and w:br; characters XML cannot carry are dropped.
type Run struct {
	Text                    string
	Bold, Italic, Underline bool
	Strike, Superscript     bool
	// Style is an optional character style ID.
	Style string
}

// Revision says who made a tracked change and when; Word shows both in the
// balloon and uses them to accept or reject changes by reviewer.
type Revision struct {
	Author string
	Date   time.Time
}

// Ins is text inserted with Track Changes on.
type Ins struct {
	Revision
	Runs []Run
}

// Del is text deleted with Track Changes on; Word shows it struck through.
type Del struct {
	Revision
	Runs []Run
}

// Link is a hyperlink to an external URL.
type Link struct {
	URL  string
	Runs []Run
}

// Field is a Word field (PAGE, SEQ Table, REF …) with the result Word last
// computed, so readers that do not update fields still show the right text.
type Field struct {
	// Instr is the field code without braces, e.g. `SEQ Table \* ARABIC`.
	Instr string
	// Result is the cached result text.
	Result string
	// Complex writes the w:fldChar begin/separate/end form Word itself
	// saves, instead of the compact w:fldSimple.
	Complex bool
}

// Footnote places a footnote reference mark here; Content is the note's
// text. Footnotes are numbered in order of appearance.
type Footnote struct {
	Content []Inline
}

func (r Run) writeInline(w *writer) { r.write(w, false) }

func (r Run) write(w *writer, deleted bool) {
	b := w.b
	b.WriteString("<w:r>")
	b.WriteString(r.props())
	tag := "w:t"
	if deleted {
		tag = "w:delText"
	}
	writeText(b, tag, r.Text)
	b.WriteString("</w:r>")
}

func (r Run) props() string {
	var p strings.Builder
	if r.Style != "" {
		p.WriteString(`<w:rStyle w:val="` + escString(r.Style) + `"/>`)
	}
	flag := func(on bool, el string) {
		if on {
			p.WriteString(el)
		}
	}
	flag(r.Bold, "<w:b/>")
	flag(r.Italic, "<w:i/>")
	flag(r.Strike, "<w:strike/>")
	flag(r.Underline, `<w:u w:val="single"/>`)
	flag(r.Superscript, `<w:vertAlign w:val="superscript"/>`)
	if p.Len() == 0 {
		return ""
	}
	return "<w:rPr>" + p.String() + "</w:rPr>"
}

// writeText writes s as text elements, turning tabs and line breaks into
// w:tab and w:br so Word shows them rather than collapsing them.
func writeText(b *strings.Builder, tag, s string) {
	start := 0
	flush := func(end int) {
		if end > start {
			b.WriteString("<" + tag + ` xml:space="preserve">`)
			esc(b, s[start:end])
			b.WriteString("</" + tag + ">")
		}
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\t':
			flush(i)
			b.WriteString("<w:tab/>")
			start = i + 1
		case '\n':
			flush(i)
			b.WriteString("<w:br/>")
			start = i + 1
		case '\r':
			flush(i)
			start = i + 1
		}
	}
	flush(len(s))
}

func (in Ins) writeInline(w *writer) {
	w.b.WriteString("<w:ins " + w.revAttrs(in.Revision) + ">")
	for _, r := range in.Runs {
		r.write(w, false)
	}
	w.b.WriteString("</w:ins>")
}

func (d Del) writeInline(w *writer) {
	w.b.WriteString("<w:del " + w.revAttrs(d.Revision) + ">")
	for _, r := range d.Runs {
		r.write(w, true)
	}
	w.b.WriteString("</w:del>")
}

func (l Link) writeInline(w *writer) {
	id := w.addLink(l.URL)
	w.b.WriteString(`<w:hyperlink r:id="` + id + `" w:history="1">`)
	for _, r := range l.Runs {
		if r.Style == "" {
			r.Style = styleHyperlink
		}
		r.write(w, false)
	}
	w.b.WriteString("</w:hyperlink>")
}

func (f Field) writeInline(w *writer) {
	b := w.b
	if !f.Complex {
		b.WriteString(`<w:fldSimple w:instr=" ` + escString(f.Instr) + ` ">`)
		Run{Text: f.Result}.write(w, false)
		b.WriteString("</w:fldSimple>")
		return
	}
	b.WriteString(`<w:r><w:fldChar w:fldCharType="begin"/></w:r>`)
	b.WriteString(`<w:r><w:instrText xml:space="preserve"> `)
	esc(b, f.Instr)
	b.WriteString(` </w:instrText></w:r>`)
	b.WriteString(`<w:r><w:fldChar w:fldCharType="separate"/></w:r>`)
	Run{Text: f.Result}.write(w, false)
	b.WriteString(`<w:r><w:fldChar w:fldCharType="end"/></w:r>`)
}

func (f Footnote) writeInline(w *writer) {
	id := w.addFootnote(f.Content)
	w.b.WriteString(`<w:r><w:rPr><w:rStyle w:val="` + styleFootnoteRef +
		`"/></w:rPr><w:footnoteReference w:id="` + strconv.Itoa(id) + `"/></w:r>`)
}
