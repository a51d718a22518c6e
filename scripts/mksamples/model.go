package main

// Kinds of block in a sample draft.
const (
	kindFront   = "front"   // unnumbered paragraph before the first heading
	kindHeading = "heading" // numbered heading, or the annex heading
	kindPara    = "para"    // document-wide numbered paragraph
	kindPlain   = "plain"   // unnumbered body paragraph (table captions)
	kindBullets = "bullets" // a bullet list
	kindTable   = "table"   // a GFM pipe table, kept as its source lines
	kindOpinion = "opinion" // one draft Opinion in the annex
)

// block is one element of a draft, in reading order. ID is stable across
// drafts (derived from the 2nd-draft number or the edit's name) so the edit
// script can address blocks and the ground truth can map numbers.
type block struct {
	ID      string
	Kind    string
	Level   int      // heading level
	Num     string   // displayed number (headings, paragraphs), recomputed
	Text    string   // Markdown inline text
	Lines   []string // bullet items or table rows
	Opinion *opinion
	Annex   bool // heading of the annex (not numbered)
}

// draft is a parsed sample draft.
type draft struct {
	Meta      string // first-line HTML comment
	Blocks    []block
	Footnotes []footnote // definitions in source order
}

type footnote struct{ Label, Text string }

// index returns the position of the block with the given ID, or -1.
func (d *draft) index(id string) int {
	for i, b := range d.Blocks {
		if b.ID == id {
			return i
		}
	}
	return -1
}

// clone deep-copies the draft so edits never touch the original.
func (d *draft) clone() *draft {
	c := &draft{Meta: d.Meta, Footnotes: append([]footnote(nil), d.Footnotes...)}
	for _, b := range d.Blocks {
		b.Lines = append([]string(nil), b.Lines...)
		if b.Opinion != nil {
			b.Opinion = b.Opinion.clone()
		}
		c.Blocks = append(c.Blocks, b)
	}
	return c
}
