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
