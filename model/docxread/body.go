package docxread

import (
	"encoding/xml"
	"strings"
)

// bodyBuilder turns the paragraphs and tables of document.xml into blocks.
type bodyBuilder struct {
	r       *docReader
	doc     *Document
	pending []Run // runs of paragraphs whose mark was deleted (merged forward)
}

func readBody(doc *Document, data []byte, styles *styleSet, num *numbering, links map[string]string, notes map[string]string) error {
	if err := checkXML(data); err != nil {
		return err
	}
	b := &bodyBuilder{r: newDocReader(data, styles, num, links), doc: doc}
	if err := b.r.walk(visitor{toEOF: true, start: b.start}); err != nil {
		return err
	}
	doc.Revisions = b.r.revisions
	doc.Placeholders = b.r.holders
	doc.Footnotes = footnoteList(b.r.noteMarks, notes)
	return nil
}

// start reads one element of the body: a paragraph or a table as a whole,
// a revision's content inline.
func (b *bodyBuilder) start(s xml.StartElement) (bool, error) {
	switch s.Name.Local {
	case "p":
		p, err := b.r.readPara()
		if err != nil {
			return true, err
		}
		b.para(p)
		return true, nil
	case "tbl":
		rows, err := b.r.readTable()
		if err != nil {
			return true, err
		}
		if len(rows) > 0 {
			b.doc.Blocks = append(b.doc.Blocks, Block{Kind: Table, Outline: -1, Rows: rows})
		}
		return true, nil
	case "sectPr", "sdtPr", "sdtEndPr":
		return true, b.r.skip()
	case "del", "moveFrom":
		b.r.revisions++
		return true, b.r.skip()
	case "ins", "moveTo":
		b.r.revisions++
	}
	return false, nil
}

func footnoteList(marks map[string]string, notes map[string]string) []Footnote {
	out := make([]Footnote, len(marks))
	for id, m := range marks {
		i := atoiDefault(m, 1) - 1
		out[i] = Footnote{Mark: m, Text: notes[id]}
	}
	return out
}

// number computes the paragraph's automatic number, if any.
func (r *docReader) number(p rawPara, st style) numLabel {
	numID, ilvl := st.numID, st.ilvl
	if p.hasNumPr {
		numID = p.numID
	}
	if p.ilvl > 0 {
		ilvl = p.ilvl
	}
	if r.num == nil || numID == "" || numID == "0" {
		return numLabel{}
	}
	l, _ := r.num.next(numID, ilvl)
	return l
}

// para adds one body paragraph, numbered in document order; a paragraph
// whose mark was deleted waits to be joined to the next one, and a table
// of contents is left out (it neither shows as text nor counts).
func (b *bodyBuilder) para(p rawPara) {
	st := b.r.styles.get(p.styleID)
	if strings.HasPrefix(strings.ToLower(st.name), "toc") {
		return
	}
	if p.markDeleted {
		// Accepting the deleted mark joins this text to the next paragraph,
		// which keeps its own properties and number.
		b.pending = append(b.pending, p.runs...)
		return
	}
	label := b.r.number(p, st)
	runs := append(b.pending, p.runs...)
	b.pending = nil
	outline := st.outline
	if p.outline >= 0 && p.outline < 9 {
		outline = p.outline
	}
	b.doc.Blocks = append(b.doc.Blocks, Block{Kind: Paragraph, Style: st.name, Outline: outline,
		Number: Label{Text: label.text, Format: label.format}, Text: CleanText(runsText(runs)), Runs: runs, Notes: p.notes})
}

// readTable reads a w:tbl (start consumed) into rows of cell texts; nested
// tables are flattened into their cell.
func (r *docReader) readTable() ([][]string, error) {
	var rows [][]string
	err := r.walk(visitor{until: "tbl", start: func(v xml.StartElement) (bool, error) {
		return false, r.tableStart(v, &rows)
	}})
	if err != nil {
		return nil, err
	}
	return rows, nil
}

func (r *docReader) tableStart(v xml.StartElement, rows *[][]string) error {
	addCell := func(text string) {
		if n := len(*rows); n > 0 && len((*rows)[n-1]) > 0 {
			row := (*rows)[n-1]
			row[len(row)-1] = strings.TrimSpace(row[len(row)-1] + " " + text)
		}
	}
	switch v.Name.Local {
	case "tr":
		*rows = append(*rows, nil)
	case "tc":
		if n := len(*rows); n > 0 {
			(*rows)[n-1] = append((*rows)[n-1], "")
		}
	case "p":
		p, err := r.readPara()
		if err != nil {
			return err
		}
		st := r.styles.get(p.styleID)
		label := r.number(p, st)
		addCell(strings.TrimSpace(label.text + " " + CleanText(runsText(p.runs))))
	case "tbl":
		inner, err := r.readTable()
		if err != nil {
			return err
		}
		addCell(TableText(inner))
	case "tblPr", "trPr", "tcPr", "tblGrid", "sdtPr":
		return r.skip()
	case "del", "moveFrom":
		r.revisions++
		return r.skip()
	}
	return nil
}

// TableText is a table's text, a line per row, " | " between cells.
func TableText(rows [][]string) string {
	lines := make([]string, len(rows))
	for i, row := range rows {
		lines[i] = strings.Join(row, " | ")
	}
	return strings.Join(lines, "\n")
}
