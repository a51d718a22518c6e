package docx

import (
	"strconv"
	"strings"
)

// Paragraph is one w:p. The zero value is an empty Normal paragraph.
type Paragraph struct {
	// Style is a style ID (StyleNormal when empty).
	Style string
	// List numbers the paragraph from a list made with NewList; Level is
	// its level there. A zero List keeps the style's own numbering.
	List  List
	Level int
	// NoNumber removes numbering the style would otherwise give, e.g. an
	// unnumbered Heading 2 in an annex (w:numId 0).
	NoNumber bool
	// Align is "", "left", "center", "right" or "both" (justified).
	Align string
	// Indent and Hanging set the left and hanging indents in twips when
	// non-zero.
	Indent, Hanging int
	// KeepNext keeps the paragraph on the same page as the next one.
	KeepNext bool
	// Boxed draws a single-line border around the paragraph (ITU boxed
	// Summary, Action required).
	Boxed bool
	// PageBreakBefore starts the paragraph on a new page.
	PageBreakBefore bool
	// InsertedMark and DeletedMark record a tracked insertion or deletion
	// of the paragraph mark itself (a whole paragraph added or removed).
	InsertedMark, DeletedMark *Revision
	// Content are the runs, revisions, links, fields and footnotes.
	Content []Inline
}

func (p Paragraph) writeBlock(w *writer) {
	b := w.b
	b.WriteString("<w:p>")
	p.writeProps(w)
	for _, in := range p.Content {
		in.writeInline(w)
	}
	b.WriteString("</w:p>")
}

func (p Paragraph) writeProps(w *writer) {
	var b strings.Builder
	if p.Style != "" && p.Style != StyleNormal {
		b.WriteString(`<w:pStyle w:val="` + escString(p.Style) + `"/>`)
	}
	if p.KeepNext {
		b.WriteString("<w:keepNext/>")
	}
	if p.PageBreakBefore {
		b.WriteString("<w:pageBreakBefore/>")
	}
	p.writeNumPr(&b)
	if p.Boxed {
		b.WriteString(`<w:pBdr>` + border("top") + border("left") + border("bottom") + border("right") + `</w:pBdr>`)
	}
	if p.Indent != 0 || p.Hanging != 0 {
		b.WriteString(`<w:ind w:left="` + strconv.Itoa(p.Indent) + `" w:hanging="` + strconv.Itoa(p.Hanging) + `"/>`)
	}
	if p.Align != "" {
		b.WriteString(`<w:jc w:val="` + escString(p.Align) + `"/>`)
	}
	p.writeMarkRevisions(&b, w)
	if b.Len() > 0 {
		w.b.WriteString("<w:pPr>" + b.String() + "</w:pPr>")
	}
}

// writeNumPr writes the paragraph's list membership, or its explicit
// opt-out of a numbered style.
func (p Paragraph) writeNumPr(b *strings.Builder) {
	switch {
	case p.NoNumber:
		b.WriteString(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>`)
	case p.List != 0:
		b.WriteString(`<w:numPr><w:ilvl w:val="` + strconv.Itoa(min(max(p.Level, 0), 8)) +
			`"/><w:numId w:val="` + strconv.Itoa(int(p.List)) + `"/></w:numPr>`)
	}
}

// writeMarkRevisions writes a tracked insertion or deletion of the
// paragraph mark itself (a paragraph split or joined).
func (p Paragraph) writeMarkRevisions(b *strings.Builder, w *writer) {
	if p.InsertedMark == nil && p.DeletedMark == nil {
		return
	}
	b.WriteString("<w:rPr>")
	if r := p.InsertedMark; r != nil {
		b.WriteString("<w:ins " + w.revAttrs(*r) + "/>")
	}
	if r := p.DeletedMark; r != nil {
		b.WriteString("<w:del " + w.revAttrs(*r) + "/>")
	}
	b.WriteString("</w:rPr>")
}

// border is one single-line border edge used by boxed paragraphs and tables.
func border(edge string) string {
	return `<w:` + edge + ` w:val="single" w:sz="4" w:space="4" w:color="auto"/>`
}

// Text is a shorthand for a plain run.
func Text(s string) Run { return Run{Text: s} }

// Bold is a shorthand for a bold run.
func Bold(s string) Run { return Run{Text: s, Bold: true} }

// Italic is a shorthand for an italic run.
func Italic(s string) Run { return Run{Text: s, Italic: true} }
