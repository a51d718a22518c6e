package docx

import (
	"unicode/utf8"
)

// Rough metrics of 12 pt Times New Roman, single spacing, measured on
// LibreOffice output: average glyph 105 twips wide, a line 276 twips high,
// Normal's 6 pt space before a paragraph.
const (
	avgCharTwips = 105
	lineTwips    = 276
	paraGapTwips = 120
	cellPadTwips = 216
)

// EstimatePages guesses how many pages the document fills, without a
// layout engine. It is good to about ten percent on running text and
// tables, which is enough to warn before a contribution grows past the
// four pages ITU practice prefers.
func (d *Document) EstimatePages() float64 {
	p := d.Page
	textWidth := p.Width - p.Left - p.Right
	textHeight := p.Height - p.Top - p.Bottom
	if textWidth <= 0 || textHeight <= 0 {
		return 0
	}
	total := 0
	for _, bl := range d.blocks {
		switch b := bl.(type) {
		case Paragraph:
			total += paraHeight(b, textWidth)
		case Table:
			total += tableHeight(b)
		}
	}
	return float64(total) / float64(textHeight)
}

func paraHeight(p Paragraph, width int) int {
	width -= p.Indent
	if p.Boxed {
		width -= 2 * cellPadTwips
	}
	scale := 1.0
	switch p.Style {
	case StyleTitle:
		scale = 1.35
	case StyleHeading1, StyleHeading2, StyleAnnexTitle:
		scale = 1.2
	}
	chars := 0
	breaks := 0
	for _, in := range p.Content {
		n, br := inlineChars(in)
		chars, breaks = chars+n, breaks+br
	}
	perLine := max(int(float64(width)/(avgCharTwips*scale)), 10)
	lines := max((chars+perLine-1)/perLine, 1) + breaks
	return int(float64(lines*lineTwips)*scale) + paraGapTwips
}

func inlineChars(in Inline) (chars, breaks int) {
	count := func(runs []Run) {
		for _, r := range runs {
			chars += utf8.RuneCountInString(r.Text)
			for _, c := range r.Text {
				if c == '\n' {
					breaks++
				}
			}
		}
	}
	switch v := in.(type) {
	case Run:
		count([]Run{v})
	case Ins:
		count(v.Runs)
	case Del:
		count(v.Runs)
	case Link:
		count(v.Runs)
	case Field:
		chars += utf8.RuneCountInString(v.Result)
	}
	return chars, breaks
}

func tableHeight(t Table) int {
	total := 0
	for _, row := range t.Rows {
		tallest, col := 0, 0
		for _, c := range row {
			span := max(c.Span, 1)
			width := 0
			for k := col; k < col+span && k < len(t.Widths); k++ {
				width += t.Widths[k]
			}
			col += span
			h := 0
			for _, p := range c.Paragraphs {
				h += paraHeight(p, width-cellPadTwips) - paraGapTwips/2
			}
			tallest = max(tallest, h)
		}
		total += tallest + 80
	}
	return total
}
