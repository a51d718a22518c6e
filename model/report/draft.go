// Package report holds the Secretary-General's report drafts as plain values:
// importing them from .docx, Markdown or plain text, giving every paragraph a
// stable, readable ID, recognising the draft Opinions in the annex, and
// comparing two drafts paragraph by paragraph.
package report

import (
	"fmt"
	"strings"
)

// BlockKind says what a block is; the JSON values are stable.
type BlockKind string

// Kinds of block. A heading opens a section; an annex heading also opens the
// annex; everything else is content of the current section.
const (
	KindHeading   BlockKind = "heading"
	KindParagraph BlockKind = "paragraph"
	KindListItem  BlockKind = "list_item"
	KindTable     BlockKind = "table"
)

// Draft is one imported version of the SG report. Its JSON form is what the
// workspace stores, so field names never change.
type Draft struct {
	Label         string     `json:"label,omitempty"`
	Version       int        `json:"version,omitempty"`
	DocID         string     `json:"doc_id,omitempty"`
	Published     string     `json:"published,omitempty"`
	SourceName    string     `json:"source_name"`
	SourceFormat  string     `json:"source_format"`
	SHA256        string     `json:"sha256"`
	HadRevisions  bool       `json:"had_revisions"`
	RevisionCount int        `json:"revision_count"`
	Blocks        []Block    `json:"blocks"`
	Footnotes     []Footnote `json:"footnotes,omitempty"`
	Opinions      []Opinion  `json:"opinions,omitempty"`
	Placeholders  int        `json:"placeholders,omitempty"`
}

// Block is one heading, paragraph, list item or table, in document order.
type Block struct {
	ID      string    `json:"id"`
	Ref     string    `json:"ref"`
	Kind    BlockKind `json:"kind"`
	Level   int       `json:"level,omitempty"`
	Number  string    `json:"number,omitempty"`
	Section string    `json:"section"`
	Text    string    `json:"text"`
	Runs    []Run     `json:"runs,omitempty"`
	Table   *Table    `json:"table,omitempty"`
	Notes   []string  `json:"notes,omitempty"`
	Annex   bool      `json:"annex,omitempty"`
	Style   string    `json:"style,omitempty"`
	role    string    // set by Opinion recognition: "title", "forum", "keyword"
}

// Run is a stretch of text with one formatting, kept so keyword lines
// (italic) and Opinion titles (bold) survive import.
type Run struct {
	Text   string `json:"text"`
	Bold   bool   `json:"bold,omitempty"`
	Italic bool   `json:"italic,omitempty"`
	Link   string `json:"link,omitempty"`
}

// Table is a grid of cell texts; the first row is usually the header.
type Table struct {
	Rows [][]string `json:"rows"`
}

// Footnote is a note's displayed mark and its text.
type Footnote struct {
	Mark string `json:"mark"`
	Text string `json:"text"`
}

// cite is how a person cites the block: "§3.2 ¶14", "§2.3", "Annex, Opinion 3, considering a)".
func (b Block) cite() string {
	sec := b.Section
	switch {
	case b.Kind == KindHeading && b.Number != "":
		return "§" + b.Number
	case strings.HasPrefix(sec, "annex"):
		return annexRef(b)
	case b.Number != "" && b.Kind == KindParagraph:
		return fmt.Sprintf("§%s ¶%s", sec, b.Number)
	case sec == "" || sec == "front":
		return "front matter"
	}
	return "§" + sec
}

// ituTerms restores the capitals of ITU terms that section slugs lower-case,
// so a citation reads "invites Member States", as in the text.
var ituTerms = strings.NewReplacer(
	"member states", "Member States", "sector members", "Sector Members",
	"secretary general", "Secretary-General", "directors of the bureaux", "Directors of the Bureaux",
)

func annexRef(b Block) string {
	parts := strings.Split(b.Section, "/")
	out := []string{"Annex"}
	for _, p := range parts[1:] {
		if strings.HasPrefix(p, "op") {
			out = append(out, "Opinion "+strings.TrimPrefix(p, "op"))
			continue
		}
		out = append(out, ituTerms.Replace(strings.ReplaceAll(p, "-", " ")))
	}
	if b.Number != "" {
		out[len(out)-1] += " " + b.Number
	}
	return strings.Join(out, ", ")
}

// Block returns the block with the given ID, or nil.
func (d *Draft) Block(id string) *Block {
	for i := range d.Blocks {
		if d.Blocks[i].ID == id {
			return &d.Blocks[i]
		}
	}
	return nil
}

// Paragraphs counts the numbered body paragraphs (the ones with ¶ numbers).
func (d *Draft) Paragraphs() int {
	n := 0
	for _, b := range d.Blocks {
		if b.Kind == KindParagraph && b.Number != "" && !b.Annex {
			n++
		}
	}
	return n
}
