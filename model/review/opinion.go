package review

import (
	"strings"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/report/redline"
)

// Base is draft Opinion n of the report as an Opinion proposal that
// changes nothing. Laid out by the same rules as a proposal (item.Lines),
// the two differ only where the author changed something, so an amendment
// can be reviewed as revision marks.
func Base(r *report.Draft, n int) (item.Opinion, bool) {
	if r == nil || n <= 0 {
		return item.Opinion{}, false
	}
	for _, ro := range r.Opinions {
		if ro.Number != n {
			continue
		}
		o := item.Opinion{Amends: n, Title: strings.TrimSpace(ro.Title)}
		for _, p := range ro.Preamble {
			b := item.PreambularBlock{Keyword: strings.TrimSpace(p.Keyword)}
			for _, it := range p.Items {
				b.Items = append(b.Items, strings.TrimSpace(it.Text))
			}
			o.Preamble = append(o.Preamble, b)
		}
		for _, p := range ro.Operative {
			b := item.OperativeBlock{Heading: strings.TrimSpace(p.Keyword)}
			for _, it := range p.Items {
				oi := item.OperativeItem{Text: strings.TrimSpace(it.Text)}
				for _, s := range it.SubItems {
					oi.SubItems = append(oi.SubItems, strings.TrimSpace(s.Text))
				}
				b.Items = append(b.Items, oi)
			}
			o.Operative = append(o.Operative, b)
		}
		return o, true
	}
	return item.Opinion{}, false
}

// Revision is an Opinion proposal as revision marks: against the draft
// Opinion it amends when the report being read has it, else (a new
// Opinion, or a draft Opinion this report lacks) all inserted.
func (b *Board) Revision(o item.Opinion) []redline.Op {
	base, ok := Base(b.in.Report, o.Amends)
	if !ok {
		return []redline.Op{{Kind: redline.Insert, Text: strings.TrimSpace(o.Text())}}
	}
	return redline.Diff(strings.TrimSpace(base.Text()), strings.TrimSpace(o.Text()))
}

// Elided marks the unchanged lines Compact leaves out.
const Elided = "…"

// Compact keeps the lines of a revision that change, with context lines
// around them, and puts one Elided line for each run left out: a reviewer
// of a long draft Opinion sees the amendment, not the whole text again.
func Compact(ops []redline.Op, context int) []redline.Op {
	lines := [][]redline.Op{nil}
	for _, op := range ops {
		for i, part := range strings.Split(op.Text, "\n") {
			if i > 0 {
				lines = append(lines, nil)
			}
			if part != "" {
				lines[len(lines)-1] = append(lines[len(lines)-1], redline.Op{Kind: op.Kind, Text: part})
			}
		}
	}
	keep := make([]bool, len(lines))
	for i, l := range lines {
		if redline.Changed(l) {
			for j := max(0, i-context); j <= min(len(lines)-1, i+context); j++ {
				keep[j] = true
			}
		}
	}
	var out []redline.Op
	for i := 0; i < len(lines); i++ {
		if len(out) > 0 {
			out = append(out, redline.Op{Kind: redline.Equal, Text: "\n"})
		}
		if keep[i] {
			out = append(out, lines[i]...)
			continue
		}
		out = append(out, redline.Op{Kind: redline.Equal, Text: Elided})
		for i+1 < len(lines) && !keep[i+1] {
			i++
		}
	}
	return out
}
