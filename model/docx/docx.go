// Package docx writes WordprocessingML (.docx) files with the standard
// library only, because no available Go library keeps tracked changes
// (w:ins/w:del) intact. It covers what report drafts and submissions need:
// auto-numbered headings and paragraphs, styled runs, revision marks, lists,
// tables, footnotes, hyperlinks, fields and A4 page setup. Output is
// deterministic: the same calls give a byte-identical file.
package docx

import "time"

// Document is a .docx under construction. Build it with New, add blocks in
// reading order, then call WriteTo. A Document is not safe for concurrent use.
type Document struct {
	// Props are the core properties (title, author) shown by Word's File > Info.
	Props Props
	// Page is the single section's page setup; New sets A4 portrait.
	Page Page
	// Footer, when not empty, is one centred footer paragraph on every page
	// (typically text plus a PAGE Field).
	Footer []Inline
	// TrackRevisions switches Word's "Track Changes" on when the file opens,
	// so reviewers' edits to a submission are recorded too.
	TrackRevisions bool

	blocks []block
	lists  []list
}

// Props are the document's core and extended properties. Zero times are
// omitted, which keeps output deterministic unless the caller sets them.
type Props struct {
	Title, Subject, Creator, Description string
	Created, Modified                    time.Time
	Application                          string
}

// Page is the page size and margins in twentieths of a point (twips).
type Page struct {
	Width, Height                            int
	Top, Bottom, Left, Right, Header, Footer int
}

// A4 is ITU's page: 210 × 297 mm with 2 cm margins.
var A4 = Page{Width: 11906, Height: 16838, Top: 1134, Bottom: 1134, Left: 1134, Right: 1134, Header: 567, Footer: 567}

// Style identifiers of the built-in styles every Document carries. Use them
// in Paragraph.Style and Table.Style.
const (
	StyleNormal        = "Normal"
	StyleTitle         = "Title"
	StyleHeading1      = "Heading1"
	StyleHeading2      = "Heading2"
	StyleHeading3      = "Heading3"
	StyleParaNumbered  = "ParaNumbered"
	StyleCall          = "Call"
	StyleAnnexTitle    = "AnnexTitle"
	StyleListParagraph = "ListParagraph"
	StyleCaption       = "Caption"
	StyleFootnoteText  = "FootnoteText"
	StyleTableGrid     = "TableGrid"
	styleFootnoteRef   = "FootnoteReference"
	styleHyperlink     = "Hyperlink"
	headingListNumID   = 1
	paragraphListNumID = 2
	firstUserListNumID = 3
)

// New returns an empty A4 document with the built-in styles and the two
// document-wide lists: multi-level heading numbers (1, 1.1, 1.1.1) and
// continuous paragraph numbers (1., 2., …).
func New() *Document {
	d := &Document{Page: A4, Props: Props{Application: "Delegate"}}
	d.lists = []list{headingList(), paragraphList()}
	return d
}

// block is one body-level element: a paragraph or a table.
type block interface{ writeBlock(w *writer) }

// Add appends a paragraph as it is.
func (d *Document) Add(p Paragraph) { d.blocks = append(d.blocks, p) }

// Heading appends a heading of level 1–3. Word numbers it from the heading
// list (1, 1.1, 1.1.1); the number is not part of the text.
func (d *Document) Heading(level int, content ...Inline) {
	level = min(max(level, 1), 3)
	d.Add(Paragraph{Style: headingStyles[level-1], Content: content})
}

var headingStyles = [...]string{StyleHeading1, StyleHeading2, StyleHeading3}

// NumberedPara appends a body paragraph that Word numbers continuously
// through the whole document (UN/ITU report style).
func (d *Document) NumberedPara(content ...Inline) {
	d.Add(Paragraph{Style: StyleParaNumbered, Content: content})
}

// Para appends a plain Normal paragraph.
func (d *Document) Para(content ...Inline) { d.Add(Paragraph{Content: content}) }

// ListItem appends an item of a list made with NewList (or a helper such as
// BulletList), at level 0–8.
func (d *Document) ListItem(l List, level int, content ...Inline) {
	d.Add(Paragraph{Style: StyleListParagraph, List: l, Level: level, Content: content})
}

// AddTable appends a table.
func (d *Document) AddTable(t Table) { d.blocks = append(d.blocks, t) }
