package report

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

// bodyBuilder turns the paragraphs and tables of document.xml into blocks.
type bodyBuilder struct {
	r       *docReader
	d       *Draft
	pending []Run // runs of paragraphs whose mark was deleted (merged forward)
}

func readBody(d *Draft, data []byte, styles *styleSet, num *numbering, links map[string]string, notes map[string]string) error {
	if err := checkXML(data); err != nil {
		return err
	}
	b := &bodyBuilder{r: newDocReader(data, styles, num, links), d: d}
	for {
		t, err := b.r.tok()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		s, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		if err := b.start(s); err != nil {
			return err
		}
	}
	d.RevisionCount = b.r.revisions
	d.HadRevisions = b.r.revisions > 0
	d.Placeholders = b.r.holders
	d.Footnotes = footnoteList(b.r.noteMarks, notes)
	return nil
}

func (b *bodyBuilder) start(s xml.StartElement) error {
	switch s.Name.Local {
	case "p":
		p, err := b.r.readPara()
		if err != nil {
			return err
		}
		b.para(p)
	case "tbl":
		rows, err := b.r.readTable()
		if err != nil {
			return err
		}
		if len(rows) > 0 {
			b.d.Blocks = append(b.d.Blocks, Block{Kind: KindTable, Table: &Table{Rows: rows}, Text: tableText(rows)})
		}
	case "sectPr", "sdtPr", "sdtEndPr":
		return b.r.skip()
	case "del", "moveFrom":
		b.r.revisions++
		return b.r.skip()
	case "ins", "moveTo":
		b.r.revisions++
	}
	return nil
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
	text := cleanText(runsText(runs))
	if text == "" {
		return
	}
	blk := Block{Kind: KindParagraph, Text: text, Runs: keepRuns(runs), Notes: p.notes, Style: st.name}
	outline := st.outline
	if p.outline >= 0 && p.outline < 9 {
		outline = p.outline
	}
	num := strings.TrimSuffix(strings.TrimSpace(label.text), ".")
	if num == "" && label.format != "bullet" {
		num, blk.Text = typedNumber(text, outline >= 0)
		blk.Runs = trimRuns(blk.Runs, text, utf8.RuneCountInString(text)-utf8.RuneCountInString(blk.Text))
		label.format = "decimal"
	}
	switch {
	case outline >= 0:
		blk.Kind, blk.Level, blk.Number = KindHeading, outline+1, num
	case strings.Contains(strings.ToLower(st.name), "annex") && strings.HasPrefix(strings.ToLower(text), "annex"):
		blk.Kind, blk.Level = KindHeading, 1
	case label.format == "bullet":
		blk.Kind = KindListItem
	case num != "" && (label.format == "decimal" || label.format == ""):
		blk.Number = num
	case num != "":
		blk.Kind, blk.Number = KindListItem, strings.TrimSpace(label.text)
	}
	b.d.Blocks = append(b.d.Blocks, blk)
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
	plain := true
	for _, r := range runs {
		if r.Bold || r.Italic || r.Link != "" {
			plain = false
		}
	}
	if plain {
		return nil
	}
	out := make([]Run, 0, len(runs))
	for _, r := range runs {
		r.Text = breaksToSpace.Replace(r.Text)
		if r.Text != "" {
			out = append(out, r)
		}
	}
	return out
}

// readTable reads a w:tbl (start consumed) into rows of cell texts; nested
// tables are flattened into their cell.
func (r *docReader) readTable() ([][]string, error) {
	var rows [][]string
	for {
		t, err := r.tok()
		if err != nil {
			return nil, unexpectedEOF(err)
		}
		switch v := t.(type) {
		case xml.EndElement:
			if v.Name.Local == "tbl" {
				return rows, nil
			}
		case xml.StartElement:
			if err := r.tableStart(v, &rows); err != nil {
				return nil, err
			}
		}
	}
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
		addCell(strings.TrimSpace(label.text + " " + cleanText(runsText(p.runs))))
	case "tbl":
		inner, err := r.readTable()
		if err != nil {
			return err
		}
		addCell(tableText(inner))
	case "tblPr", "trPr", "tcPr", "tblGrid", "sdtPr":
		return r.skip()
	case "del", "moveFrom":
		r.revisions++
		return r.skip()
	}
	return nil
}

func tableText(rows [][]string) string {
	lines := make([]string, len(rows))
	for i, row := range rows {
		lines[i] = strings.Join(row, " | ")
	}
	return strings.Join(lines, "\n")
}
