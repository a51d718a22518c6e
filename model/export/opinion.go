package export

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/delegate-itu/delegate/model/docx"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/report/redline"
)

const forumLine = "The seventh World Telecommunication/ICT Policy Forum (Geneva, 2026),"

// opinions writes the Opinion proposals: a new draft Opinion as an ADD in
// full, an amendment as MOD with tracked changes against the draft
// Opinion's text in the report (NOC when nothing changes).
func (c *contribution) opinions(d *docx.Document, m marks) {
	if len(c.in.Opinions) == 0 {
		return
	}
	d.Add(docx.Paragraph{Style: docx.StyleHeading1, NoNumber: true, KeepNext: true, Content: []docx.Inline{docx.Text("Proposals on draft Opinions")}})
	n := len(c.specific)
	for _, o := range c.in.Opinions {
		n++
		ref := c.code + "/" + strconv.Itoa(n)
		if old, ok := existingOpinion(c.in.Report, o.Amends); ok {
			c.amendment(d, m, o, old, ref)
		} else {
			c.newOpinion(d, m, o, ref)
		}
		if strings.TrimSpace(o.Reasons) != "" {
			d.Add(reasonsPara(o.Reasons))
		}
	}
}

func existingOpinion(r *report.Draft, n int) (report.Opinion, bool) {
	if r == nil || n <= 0 {
		return report.Opinion{}, false
	}
	for _, o := range r.Opinions {
		if o.Number == n {
			return o, true
		}
	}
	return report.Opinion{}, false
}

func marker(action, ref string) docx.Paragraph {
	return docx.Paragraph{KeepNext: true, Content: []docx.Inline{docx.Bold(action + "\t" + ref)}}
}

func heading(text []docx.Inline, bold bool) docx.Paragraph {
	if bold {
		for i, in := range text {
			if r, ok := in.(docx.Run); ok {
				r.Bold = true
				text[i] = r
			}
		}
	}
	return docx.Paragraph{Align: "center", KeepNext: true, Content: text}
}

// newOpinion writes a proposal for a new draft Opinion (or an amendment
// whose draft Opinion is not in the imported report) as inserted text.
func (c *contribution) newOpinion(d *docx.Document, m marks, o item.Opinion, ref string) {
	action, title := "ADD", "DRAFT OPINION (new)"
	if o.Amends > 0 {
		action, title = "MOD", "DRAFT OPINION "+strconv.Itoa(o.Amends)
	}
	d.Add(marker(action, ref))
	if o.Amends > 0 {
		d.Para(docx.Italic(fmt.Sprintf("The imported draft has no text of draft Opinion %d; the proposed text follows in full.", o.Amends)))
	}
	d.Add(m.insertedPara(heading(m.ins(title, false), false)))
	d.Add(m.insertedPara(heading(m.ins(strings.TrimSpace(o.Title), false), true)))
	d.Add(m.insertedPara(docx.Paragraph{Content: m.ins(forumLine, false)}))
	for _, l := range o.Lines() {
		p := lineParagraph(l.Level)
		if l.Label != "" {
			p.Content = append(m.ins(l.Label, false), m.ins("\t", false)...)
		}
		p.Content = append(p.Content, m.ins(l.Text, false)...)
		d.Add(m.insertedPara(p))
	}
}

// amendment writes the draft Opinion with the proposed changes tracked.
func (c *contribution) amendment(d *docx.Document, m marks, o item.Opinion, old report.Opinion, ref string) {
	oldLines, newLines := existingLines(old), o.Lines()
	pairs := alignLines(oldLines, newLines)
	changed := strings.TrimSpace(old.Title) != strings.TrimSpace(o.Title)
	for _, p := range pairs {
		if p.old < 0 || p.new < 0 || oldLines[p.old] != newLines[p.new] {
			changed = true
		}
	}
	action := "MOD"
	if !changed {
		action = "NOC"
	}
	d.Add(marker(action, ref))
	d.Add(heading([]docx.Inline{docx.Text("DRAFT OPINION " + strconv.Itoa(old.Number))}, false))
	d.Add(heading(m.redline(strings.TrimSpace(old.Title), strings.TrimSpace(o.Title)), true))
	d.Para(docx.Text(firstNonEmpty(old.Forum, forumLine)))
	for _, p := range pairs {
		switch {
		case p.old < 0:
			d.Add(m.insertedPara(lineWith(newLines[p.new], m.ins)))
		case p.new < 0:
			if dp, ok := m.deletedPara(lineWith(oldLines[p.old], m.del)); ok {
				d.Add(dp)
			}
		default:
			d.Add(changedLine(m, oldLines[p.old], newLines[p.new]))
		}
	}
}

func lineParagraph(level int) docx.Paragraph {
	switch level {
	case 0:
		return docx.Paragraph{Style: docx.StyleCall}
	case 1:
		return docx.Paragraph{Indent: 567, Hanging: 567}
	}
	return docx.Paragraph{Indent: 1134, Hanging: 567}
}

// lineWith writes a whole line as inserted or deleted text.
func lineWith(l item.Line, mark func(string, bool) []docx.Inline) docx.Paragraph {
	p := lineParagraph(l.Level)
	if l.Label != "" {
		p.Content = mark(l.Label+"\t", false)
	}
	p.Content = append(p.Content, mark(l.Text, false)...)
	return p
}

func changedLine(m marks, old, new item.Line) docx.Paragraph {
	p := lineParagraph(new.Level)
	switch {
	case old.Label == new.Label && new.Label != "":
		p.Content = []docx.Inline{docx.Text(new.Label + "\t")}
	case old.Label != new.Label:
		p.Content = append(m.del(old.Label, false), m.ins(new.Label, false)...)
		p.Content = append(p.Content, docx.Text("\t"))
	}
	p.Content = append(p.Content, m.redline(old.Text, new.Text)...)
	return p
}

// existingLines lays out a draft Opinion from the report the way
// item.Opinion.Lines does, so the two can be compared line by line.
func existingLines(o report.Opinion) []item.Line {
	var out []item.Line
	for _, part := range append(append([]report.OpinionPart(nil), o.Preamble...), o.Operative...) {
		out = append(out, item.Line{Level: 0, Text: strings.TrimSpace(part.Keyword)})
		for _, it := range part.Items {
			out = append(out, item.Line{Level: 1, Label: labelOf(it.Label), Text: strings.TrimSpace(it.Text)})
			for _, s := range it.SubItems {
				out = append(out, item.Line{Level: 2, Label: labelOf(s.Label), Text: strings.TrimSpace(s.Text)})
			}
		}
	}
	return out
}

// labelOf writes a report label as item.Lines does: "a" → "a)", "1" → "1".
func labelOf(l string) string {
	l = strings.TrimRight(strings.TrimSpace(l), ").")
	if l == "" {
		return ""
	}
	if _, err := strconv.Atoi(l); err == nil {
		return l
	}
	return l + ")"
}

// linePair matches an old line to a new one; -1 on one side is a line
// only the other has.
type linePair struct{ old, new int }

// alignLines pairs lines by a longest common subsequence where two lines
// match when they are at the same level and mostly the same words, so an
// edited item shows as a word-level change, not a deletion and insertion.
func alignLines(a, b []item.Line) []linePair {
	same := func(i, j int) bool {
		return a[i].Level == b[j].Level && (a[i].Text == b[j].Text || redline.Similarity(a[i].Text, b[j].Text) >= 0.5)
	}
	n, k := len(a), len(b)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, k+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := k - 1; j >= 0; j-- {
			if same(i, j) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []linePair
	i, j := 0, 0
	for i < n && j < k {
		switch {
		case same(i, j) && lcs[i][j] == lcs[i+1][j+1]+1:
			out = append(out, linePair{i, j})
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			out = append(out, linePair{i, -1})
			i++
		default:
			out = append(out, linePair{-1, j})
			j++
		}
	}
	for ; i < n; i++ {
		out = append(out, linePair{i, -1})
	}
	for ; j < k; j++ {
		out = append(out, linePair{-1, j})
	}
	return out
}

// checkAmendments warns when an amended draft Opinion is not in the
// imported draft, so its changes cannot be shown as revisions.
func checkAmendments(in Input) []Finding {
	var out []Finding
	for _, o := range in.Opinions {
		if o.Amends > 0 {
			if _, ok := existingOpinion(in.Report, o.Amends); !ok {
				out = append(out, Finding{Level: LevelWarn, Code: "no-base-text", Item: o.ID,
					Message: fmt.Sprintf("%s amends draft Opinion %d, which the imported draft does not contain: its text goes in full, without revision marks against the original", o.ID, o.Amends)})
			}
		}
	}
	return out
}
