// Package docxread reads a WordprocessingML package (.docx) as Word shows it
// with every tracked change accepted: the zip opened within limits, old and
// password-protected Office files told apart, styles, numbering, footnotes,
// properties and the body walked once into a typed Document. It knows Word,
// not reports: paragraph identity, the outline and Opinions are model/report's
// business, and this package imports no domain package.
package docxread

// Kind tells a paragraph from a table.
type Kind int

// The kinds of Block in a Document.
const (
	Paragraph Kind = iota
	Table
)

// Document is what a .docx holds, in reading order.
type Document struct {
	Blocks       []Block
	Footnotes    []Footnote // in the order of their marks ("1", "2", …)
	Revisions    int        // tracked changes met (insertions, deletions, moves, formatting)
	Placeholders int        // images, text boxes and objects shown as "[image]"…
	Core         *CoreProps // docProps/core.xml; nil when the package has none
	Custom       []Property // docProps/custom.xml, in file order
}

// Block is one body paragraph or table. A paragraph whose mark was deleted
// is already joined to the next one; table-of-contents paragraphs are left
// out, as they are generated text.
type Block struct {
	Kind    Kind
	Style   string // the paragraph style's name ("heading 1", "Überschrift 1")
	Outline int    // 0..8 for a heading level, from the paragraph or its style; -1 for body text
	Number  Label  // the automatic number Word shows, if any
	Text    string // the runs' text, tabs, breaks and repeated spaces collapsed
	Runs    []Run  // the text as formatted runs, tabs and breaks kept
	Notes   []string
	Rows    [][]string // a table's cell texts; nested tables flattened into their cell
}

// Label is an automatic paragraph number as shown ("2.3", "14.", "a)") and
// its level's number format ("decimal", "lowerLetter", "bullet", …).
type Label struct {
	Text   string
	Format string
}

// Run is text with one formatting.
type Run struct {
	Text         string
	Bold, Italic bool
	Link         string // a hyperlink's target, "#bookmark" for an internal one
}

// Footnote is one footnote's mark in the body and its text.
type Footnote struct {
	Mark string
	Text string
}

// CoreProps is what docProps/core.xml says about the document.
type CoreProps struct {
	Title, Subject, Keywords, Identifier string
	Modified                             string // as written, normally RFC 3339
}

// Property is one custom document property; the value is as written.
type Property struct {
	Name, Value string
}
