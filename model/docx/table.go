package docx

import "strconv"

// Table is a w:tbl. Widths are column widths in twips; rows may have fewer
// cells than columns when a cell spans. HeaderRows repeat on each page.
type Table struct {
	Style      string
	Widths     []int
	HeaderRows int
	// Borders draws single lines around and between all cells, also in
	// readers that ignore the table style.
	Borders bool
	Rows    [][]Cell
}

// Cell is a table cell holding one or more paragraphs.
type Cell struct {
	Paragraphs []Paragraph
	// Span merges this many columns (gridSpan); 0 or 1 is a normal cell.
	Span int
	// Shading is a fill colour as RRGGBB hex, e.g. "D9D9D9".
	Shading string
}

// TextCell is a cell with one Normal paragraph of plain text.
func TextCell(s string) Cell { return Cell{Paragraphs: []Paragraph{{Content: []Inline{Text(s)}}}} }

// BoldCell is a cell with one bold paragraph, for header rows.
func BoldCell(s string) Cell { return Cell{Paragraphs: []Paragraph{{Content: []Inline{Bold(s)}}}} }

// Box is a one-cell bordered table around the given paragraphs: the ITU
// contact box and other boxed blocks that span several paragraphs.
func Box(width int, paras ...Paragraph) Table {
	return Table{Widths: []int{width}, Borders: true, Rows: [][]Cell{{{Paragraphs: paras}}}}
}

func (t Table) writeBlock(w *writer) {
	b := w.b
	style := t.Style
	if style == "" {
		style = StyleTableGrid
	}
	total := 0
	for _, x := range t.Widths {
		total += x
	}
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="` + escString(style) + `"/>`)
	b.WriteString(`<w:tblW w:w="` + strconv.Itoa(total) + `" w:type="dxa"/>`)
	if t.Borders {
		b.WriteString(`<w:tblBorders>` + tblBorder("top") + tblBorder("left") + tblBorder("bottom") +
			tblBorder("right") + tblBorder("insideH") + tblBorder("insideV") + `</w:tblBorders>`)
	}
	b.WriteString(`<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>`)
	b.WriteString(`<w:tblGrid>`)
	for _, x := range t.Widths {
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(x) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	for i, row := range t.Rows {
		t.writeRow(w, row, i < t.HeaderRows)
	}
	b.WriteString(`</w:tbl>`)
}

func (t Table) writeRow(w *writer, row []Cell, header bool) {
	b := w.b
	b.WriteString(`<w:tr>`)
	if header {
		b.WriteString(`<w:trPr><w:tblHeader/></w:trPr>`)
	}
	col := 0
	for _, c := range row {
		span := max(c.Span, 1)
		width := 0
		for k := col; k < col+span && k < len(t.Widths); k++ {
			width += t.Widths[k]
		}
		col += span
		b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(width) + `" w:type="dxa"/>`)
		if span > 1 {
			b.WriteString(`<w:gridSpan w:val="` + strconv.Itoa(span) + `"/>`)
		}
		if c.Shading != "" {
			b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="` + escString(c.Shading) + `"/>`)
		}
		b.WriteString(`</w:tcPr>`)
		paras := c.Paragraphs
		if len(paras) == 0 {
			paras = []Paragraph{{}} // a cell must end with a paragraph
		}
		for _, p := range paras {
			p.writeBlock(w)
		}
		b.WriteString(`</w:tc>`)
	}
	b.WriteString(`</w:tr>`)
}

func tblBorder(edge string) string {
	return `<w:` + edge + ` w:val="single" w:sz="4" w:space="0" w:color="auto"/>`
}
