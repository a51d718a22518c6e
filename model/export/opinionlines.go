package export

import (
	"strings"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
)

// AmendedLine is one line of an amended draft Opinion as the contribution
// writes it: Old is the report's line, New the proposal's; one of them is
// nil for a line only the other side has. Screens use it so their
// revision marks are the ones the exported document carries.
type AmendedLine struct {
	Old, New *item.Line
}

// AmendedLines lays out the report's draft Opinion and the proposal and
// pairs their lines the way the export does.
func AmendedLines(old report.Opinion, o item.Opinion) []AmendedLine {
	a, b := existingLines(old), o.Lines()
	pairs := alignLines(a, b)
	out := make([]AmendedLine, len(pairs))
	for i, p := range pairs {
		if p.old >= 0 {
			out[i].Old = &a[p.old]
		}
		if p.new >= 0 {
			out[i].New = &b[p.new]
		}
	}
	return out
}

// FindOpinion returns draft Opinion n of the report, if the report has it.
func FindOpinion(r *report.Draft, n int) (report.Opinion, bool) {
	return existingOpinion(r, n)
}

// operativeHeadings are the verbs that open operative blocks, longest
// first so "further invites" wins over "invites".
var operativeHeadings = []string{"is of the view", "further invites", "further encourages", "calls upon", "calls on",
	"encourages", "invites", "requests", "instructs", "urges", "resolves", "decides", "recommends", "supports"}

// OpinionToAmend turns draft Opinion old of the report into a proposal
// that amends it and, unedited, changes nothing: items lose the typed
// labels and end punctuation that Lines computes, and an operative
// keyword is split into its heading and addressee.
func OpinionToAmend(old report.Opinion) item.Opinion {
	o := item.Opinion{Amends: old.Number, Title: strings.TrimSpace(old.Title)}
	for _, p := range old.Preamble {
		b := item.PreambularBlock{Keyword: strings.TrimSpace(p.Keyword)}
		for _, it := range p.Items {
			b.Items = append(b.Items, bareText(it.Text))
		}
		o.Preamble = append(o.Preamble, b)
	}
	for _, p := range old.Operative {
		h, addr := SplitOperative(p.Keyword)
		b := item.OperativeBlock{Heading: h, Addressee: addr}
		for _, it := range p.Items {
			oi := item.OperativeItem{Text: strings.TrimRight(bareText(it.Text), ":")}
			for _, s := range it.SubItems {
				oi.SubItems = append(oi.SubItems, bareText(s.Text))
			}
			b.Items = append(b.Items, oi)
		}
		o.Operative = append(o.Operative, b)
	}
	return o
}

// SplitOperative splits an operative keyword ("invites Member States")
// into its heading ("invites") and addressee ("Member States").
func SplitOperative(kw string) (heading, addressee string) {
	kw = strings.TrimSpace(kw)
	lower := strings.ToLower(kw)
	for _, h := range operativeHeadings {
		if lower == h || strings.HasPrefix(lower, h+" ") {
			return kw[:len(h)], strings.TrimSpace(kw[len(h):])
		}
	}
	return kw, ""
}

// bareText drops the end punctuation Lines computes.
func bareText(s string) string {
	return strings.TrimRight(strings.TrimSpace(s), ";,. ")
}
