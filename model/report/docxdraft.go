package report

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/delegate-itu/delegate/model/docxread"
)

// readDocx reads a .docx with model/docxread and makes a draft of it: the
// blocks' kinds, levels and numbers, and the metadata its properties give.
func readDocx(data []byte, opt ImportOptions) (*Draft, error) {
	doc, err := docxread.Read(data, docxread.Limits{MaxUnpackedBytes: opt.MaxUnpackedBytes,
		MaxEntryBytes: opt.MaxEntryBytes, MaxEntries: opt.MaxEntries, MaxRatio: opt.MaxRatio})
	if err != nil {
		return nil, err
	}
	d := &Draft{SourceFormat: "docx", RevisionCount: doc.Revisions, HadRevisions: doc.Revisions > 0,
		Placeholders: doc.Placeholders, Blocks: make([]Block, 0, len(doc.Blocks))}
	for _, b := range doc.Blocks {
		if b.Kind == docxread.Table {
			d.Blocks = append(d.Blocks, Block{Kind: KindTable, Table: &Table{Rows: b.Rows}, Text: tableText(b.Rows)})
		} else if blk, ok := docxBlock(b); ok {
			d.Blocks = append(d.Blocks, blk)
		}
	}
	d.Footnotes = make([]Footnote, len(doc.Footnotes))
	for i, f := range doc.Footnotes {
		d.Footnotes[i] = Footnote{Mark: f.Mark, Text: f.Text}
	}
	docxProperties(doc, d)
	return d, nil
}

// docxBlock makes a draft block of a .docx paragraph: a heading by its
// outline level (or an annex title), a list item by its bullet or letter,
// a numbered paragraph by its decimal number, typed by hand or automatic.
// An empty paragraph gives no block.
func docxBlock(b docxread.Block) (Block, bool) {
	text := b.Text
	if text == "" {
		return Block{}, false
	}
	blk := Block{Kind: KindParagraph, Text: text, Runs: draftRuns(b.Runs), Notes: b.Notes, Style: b.Style}
	label := b.Number
	num := strings.TrimSuffix(strings.TrimSpace(label.Text), ".")
	if num == "" && label.Format != "bullet" {
		num, blk.Text = typedNumber(text, b.Outline >= 0)
		blk.Runs = trimRuns(blk.Runs, text, utf8.RuneCountInString(text)-utf8.RuneCountInString(blk.Text))
		label.Format = "decimal"
	}
	switch {
	case b.Outline >= 0:
		blk.Kind, blk.Level, blk.Number = KindHeading, b.Outline+1, num
	case strings.Contains(strings.ToLower(b.Style), "annex") && strings.HasPrefix(strings.ToLower(text), "annex"):
		blk.Kind, blk.Level = KindHeading, 1
	case label.Format == "bullet":
		blk.Kind = KindListItem
	case num != "" && (label.Format == "decimal" || label.Format == ""):
		blk.Number = num
	case num != "":
		blk.Kind, blk.Number = KindListItem, strings.TrimSpace(label.Text)
	}
	return blk, true
}

// draftRuns is keepRuns for the reader's runs, converted on the way.
func draftRuns(runs []docxread.Run) []Run {
	return keepFormatted(runs, func(r docxread.Run) Run { return Run(r) })
}

// docxProperties takes what docProps/core.xml and custom.xml say about the
// draft; the text of the front matter is consulted later, in finish.
func docxProperties(doc *docxread.Document, d *Draft) {
	if core := doc.Core; core != nil {
		d.DocID = firstMatch(docIDRe, core.Identifier, core.Keywords, core.Subject, core.Title)
		d.Label = labelFrom(core.Subject + " " + core.Title + " " + core.Keywords)
		// The last save is the best date a Word file gives for publication.
		if m := core.Modified; len(m) >= 10 && isoDateRe.MatchString(m[:10]) {
			d.Published = m[:10]
		}
	}
	for _, pr := range doc.Custom {
		setMeta(d, strings.ToLower(pr.Name), strings.TrimSpace(pr.Value))
	}
}

// setMeta sets one metadata field named in custom properties or in the
// Markdown metadata comment.
func setMeta(d *Draft, key, val string) {
	key = strings.TrimPrefix(strings.TrimPrefix(key, "delegate-"), "delegate.")
	switch key {
	case "label":
		d.Label = val
	case "version":
		if n, err := strconv.Atoi(strings.TrimSpace(val)); err == nil {
			d.Version = n
		}
	case "docid", "doc_id", "doc-id", "documentid", "document id":
		d.DocID = val
	case "published", "date", "publication date":
		d.Published = val
	}
}

var breaksToSpace = strings.NewReplacer("\t", " ", "\n", " ")

// typedNumber splits a number typed by hand ("14.\tText", "2.3\tTitle")
// from the text, for files made without automatic numbering.
func typedNumber(text string, heading bool) (string, string) {
	re := txtParaRe
	if heading {
		re = headingNumRe
	}
	if m := re.FindStringSubmatch(text); m != nil {
		return m[1], m[2]
	}
	return "", text
}

// keepRuns keeps formatting only where there is some, to keep JSON small.
func keepRuns(runs []Run) []Run {
	return keepFormatted(runs, func(r Run) Run { return r })
}

// keepFormatted is keepRuns over any run type: nil when no run has
// formatting, else the non-empty runs with tabs and breaks as spaces.
func keepFormatted[R any](runs []R, run func(R) Run) []Run {
	plain := true
	for _, r := range runs {
		if f := run(r); f.Bold || f.Italic || f.Link != "" {
			plain = false
			break
		}
	}
	if plain {
		return nil
	}
	out := make([]Run, 0, len(runs))
	for _, r := range runs {
		f := run(r)
		f.Text = breaksToSpace.Replace(f.Text)
		if f.Text != "" {
			out = append(out, f)
		}
	}
	return out
}

func runsText(runs []Run) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// cleanText collapses tabs, breaks and repeated spaces as the .docx reader
// does, so every format normalises alike.
func cleanText(s string) string { return docxread.CleanText(s) }

// tableText is a table's text as the .docx reader gives it.
func tableText(rows [][]string) string { return docxread.TableText(rows) }
