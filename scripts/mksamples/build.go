package main

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/delegate-itu/delegate/model/docx"
)

// listFormats chooses an automatic lettered or roman list for some bullet
// lists (by the ID of the paragraph they follow), so the .docx exercises
// lowerLetter and lowerRoman numbering; the rest stay bullets.
var listFormats = map[string]string{"l7": "letter", "l91": "roman"}

// revisionLeft is the tracked change the secretariat forgot to accept.
var revisionLeft = docx.Revision{Author: "Secretariat (sample)", Date: time.Date(2025, 3, 28, 10, 0, 0, 0, time.UTC)}

var reCaption = regexp.MustCompile(`^\*\*Table (\d+) – (.*)\*\*$`)

// textWidth is the A4 text width in twips (page minus 2 cm margins).
const textWidth = 11906 - 2*1134

// buildDocx renders a draft in the secretariat's Word form.
func buildDocx(d *draft, title string, published time.Time, tracked map[string]edit) ([]byte, error) {
	doc := docx.New()
	doc.Props = docx.Props{Title: title, Creator: "Delegate sample generator", Description: "Sample text, not an ITU document",
		Created: published, Modified: published}
	doc.Footer = []docx.Inline{docx.Text("SAMPLE TEXT — NOT AN ITU DOCUMENT – page "), docx.Field{Instr: "PAGE", Result: "1"}}
	notes := map[string]string{}
	for _, f := range d.Footnotes {
		notes[f.Label] = f.Text
	}
	for _, b := range d.Blocks {
		addBlock(doc, b, notes, tracked)
	}
	var buf bytes.Buffer
	_, err := doc.WriteTo(&buf)
	return buf.Bytes(), err
}

func addBlock(doc *docx.Document, b block, notes map[string]string, tracked map[string]edit) {
	switch b.Kind {
	case kindFront:
		addFront(doc, b)
	case kindHeading:
		if b.Annex {
			doc.Add(docx.Paragraph{Style: docx.StyleAnnexTitle, Content: inlines(b.Text, notes)})
			return
		}
		doc.Heading(b.Level, inlines(b.Text, notes)...)
	case kindPara:
		if e, ok := tracked[b.ID]; ok {
			doc.NumberedPara(trackedRuns(b.Text, e)...)
			return
		}
		doc.NumberedPara(inlines(b.Text, notes)...)
	case kindPlain:
		if m := reCaption.FindStringSubmatch(b.Text); m != nil {
			doc.Add(docx.Paragraph{Style: docx.StyleCaption, Content: []docx.Inline{docx.Text("Table "),
				docx.Field{Instr: `SEQ Table \* ARABIC`, Result: m[1], Complex: true}, docx.Text(" – " + m[2])}})
			return
		}
		doc.Para(inlines(b.Text, notes)...)
	case kindBullets:
		addList(doc, b, notes)
	case kindTable:
		doc.AddTable(table(b.Lines, notes))
	case kindOpinion:
		addOpinion(doc, b.Opinion, notes)
	}
}

func addFront(doc *docx.Document, b block) {
	switch {
	case strings.HasPrefix(b.Text, "SAMPLE TEXT"):
		doc.Add(docx.Paragraph{Align: "center", Boxed: true, Content: []docx.Inline{docx.Bold(b.Text)}})
	case strings.HasPrefix(b.Text, "Sample report"):
		doc.Add(docx.Paragraph{Style: docx.StyleTitle, Content: []docx.Inline{docx.Text(b.Text)}})
	case strings.HasSuffix(b.Text, "(sample)"):
		doc.Add(docx.Paragraph{Align: "center", Content: []docx.Inline{docx.Bold(b.Text)}})
	default:
		doc.Add(docx.Paragraph{Content: []docx.Inline{docx.Italic(b.Text)}})
	}
}

// trackedRuns shows a reworded paragraph with the old words deleted and the
// new ones inserted, as a tracked change nobody accepted.
func trackedRuns(text string, e edit) []docx.Inline {
	k := strings.Index(text, e.New)
	return []docx.Inline{docx.Text(text[:k]),
		docx.Del{Revision: revisionLeft, Runs: []docx.Run{docx.Text(e.Old)}},
		docx.Ins{Revision: revisionLeft, Runs: []docx.Run{docx.Text(e.New)}},
		docx.Text(text[k+len(e.New):])}
}

func addList(doc *docx.Document, b block, notes map[string]string) {
	var l docx.List
	switch listFormats[b.ID] {
	case "letter":
		l = doc.LetterList()
	case "roman":
		l = doc.RomanList()
	default:
		l = doc.BulletList()
	}
	for _, it := range b.Lines {
		doc.ListItem(l, 0, inlines(it, notes)...)
	}
}

// table converts GFM pipe rows: the first row is the header, the second the
// delimiter row; column widths follow the longest cell of each column.
func table(lines []string, notes map[string]string) docx.Table {
	var rows [][]string
	for i, l := range lines {
		if i == 1 {
			continue
		}
		cells := strings.Split(strings.Trim(l, "|"), "|")
		for k := range cells {
			cells[k] = strings.TrimSpace(cells[k])
		}
		rows = append(rows, cells)
	}
	t := docx.Table{HeaderRows: 1, Borders: true, Widths: widths(rows)}
	for i, r := range rows {
		var cells []docx.Cell
		for _, c := range r {
			content := inlines(c, notes)
			cell := docx.Cell{Paragraphs: []docx.Paragraph{{Content: content}}}
			if i == 0 {
				cell = docx.BoldCell(c)
				cell.Shading = "D9D9D9"
			}
			cells = append(cells, cell)
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}

func widths(rows [][]string) []int {
	longest := make([]int, len(rows[0]))
	total := 0
	for k := range longest {
		for _, r := range rows {
			if k < len(r) {
				longest[k] = max(longest[k], len(r[k]))
			}
		}
		longest[k] = min(max(longest[k], 8), 60)
		total += longest[k]
	}
	w := make([]int, len(longest))
	for k, n := range longest {
		w[k] = textWidth * n / total
	}
	return w
}

func addOpinion(doc *docx.Document, o *opinion, notes map[string]string) {
	doc.Add(docx.Paragraph{Style: docx.StyleHeading2, NoNumber: true, Align: "center", KeepNext: true,
		Content: []docx.Inline{docx.Text("DRAFT OPINION " + strconv.Itoa(o.Number))}})
	doc.Add(docx.Paragraph{Align: "center", KeepNext: true, Content: inlines(o.Title, notes)})
	doc.Add(docx.Paragraph{KeepNext: true, Content: inlines(o.Intro, notes)})
	for _, l := range o.lines() {
		switch {
		case l.Keyword:
			doc.Add(docx.Paragraph{Style: docx.StyleCall, Content: []docx.Inline{docx.Text(l.Text)}})
		case l.Sub:
			doc.Add(docx.Paragraph{Indent: 1588, Hanging: 794, Content: []docx.Inline{docx.Text(l.Label + "\t" + l.Text)}})
		default:
			doc.Add(docx.Paragraph{Indent: 794, Hanging: 794, Content: []docx.Inline{docx.Text(l.Label + "\t" + l.Text)}})
		}
	}
}
