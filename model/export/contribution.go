package export

import (
	"bytes"
	"sort"
	"strconv"
	"strings"

	"github.com/delegate-itu/delegate/model/docx"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
)

// Text width of an A4 page with 2 cm margins, in twips.
const textWidth = 9638

// plainTable is a table style no template defines, so the first-page block
// falls back to Word's borderless "Normal Table".
const plainTable = "DelegatePlainTable"

// contribution lays out one contribution; render makes the tracked or the
// clean .docx from it.
type contribution struct {
	in       Input
	code     string
	general  []item.Comment
	specific []item.Comment
	pages    float64
}

func newContribution(in Input) *contribution {
	c := &contribution{in: in, code: sourceCode(in.Delegation.Entity)}
	comments := append([]item.Comment(nil), in.Comments...)
	sortComments(comments, in.Report)
	for _, cm := range comments {
		if cm.Kind == item.KindGeneral && cm.Proposal == nil {
			c.general = append(c.general, cm)
		} else {
			c.specific = append(c.specific, cm)
		}
	}
	return c
}

// sortComments puts comments in the report's reading order (then by number
// and creation) so the table follows the document.
func sortComments(cs []item.Comment, r *report.Draft) {
	pos := map[string]int{}
	if r != nil {
		for i, b := range r.Blocks {
			pos[b.ID] = i + 1
		}
	}
	key := func(c item.Comment) int {
		if p, ok := pos[c.Anchor.ParagraphID]; ok {
			return p
		}
		return len(pos) + 1
	}
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if ka, kb := key(a), key(b); ka != kb {
			return ka < kb
		}
		if a.Anchor.Number != b.Anchor.Number {
			return a.Anchor.Number < b.Anchor.Number
		}
		if !a.Created.Equal(b.Created) {
			return a.Created.Before(b.Created)
		}
		return a.ID < b.ID
	})
}

// render builds the document and fills the template with it.
func (c *contribution) render(clean bool) ([]byte, error) {
	m := marks{rev: docx.Revision{Author: c.in.Delegation.Entity, Date: c.in.Made.UTC()}, clean: clean}
	d := docx.New()
	d.Props = docx.Props{Title: c.in.Cover.Title, Subject: c.in.Draft.Label, Creator: c.in.Delegation.Entity,
		Created: c.in.Made, Modified: c.in.Made, Application: "Delegate"}
	c.frontPage(d)
	c.generalComments(d)
	c.commentTable(d, m)
	c.opinions(d, m)
	if !clean {
		c.pages = d.EstimatePages()
	}
	if len(c.in.Template) == 0 {
		var buf bytes.Buffer
		_, err := d.WriteTo(&buf)
		return buf.Bytes(), err
	}
	anchor := c.in.Anchor
	if anchor == "" {
		anchor = DefaultAnchor
	}
	return docx.Fill(c.in.Template, anchor, d)
}

// DefaultAnchor is the bookmark the team's template carries.
const DefaultAnchor = "DelegateContent"

func (c *contribution) frontPage(d *docx.Document) {
	in := c.in
	forum, lang := "WTPF", "English"
	if in.Process != nil {
		forum, lang = in.Process.Name, in.Process.Language
	}
	if in.Cover.Language != "" {
		lang = in.Cover.Language
	}
	para := func(runs ...docx.Inline) docx.Paragraph { return docx.Paragraph{Content: runs} }
	right := func(runs ...docx.Inline) docx.Paragraph { return docx.Paragraph{Align: "right", Content: runs} }
	d.AddTable(docx.Table{Style: plainTable, Widths: []int{6238, 3400}, Rows: [][]docx.Cell{
		{{Paragraphs: []docx.Paragraph{para(docx.Bold(forum))}},
			{Paragraphs: []docx.Paragraph{right(docx.Bold("Document "), docx.Italic("(number to be assigned by the secretariat)"))}}},
		{{Paragraphs: []docx.Paragraph{para(docx.Text(subjectLine(in)))}},
			{Paragraphs: []docx.Paragraph{right(docx.Text(humanDate(in)))}}},
		{{Paragraphs: []docx.Paragraph{para()}}, {Paragraphs: []docx.Paragraph{right(docx.Text("Original: " + lang))}}},
	}})
	labelled := func(label, value string) {
		d.Add(docx.Paragraph{KeepNext: true, Indent: 1134, Hanging: 1134, Content: []docx.Inline{docx.Bold(label + "\t"), docx.Text(value)}})
	}
	labelled("Source:", in.Delegation.Entity)
	labelled("Title:", in.Cover.Title)
	if in.Cover.RevisionOf != "" {
		labelled("Revises:", in.Cover.RevisionOf)
	}
	refs := in.Cover.References
	if len(refs) == 0 && in.Draft.Label != "" {
		refs = []string{draftReference(in)}
	}
	box := []docx.Paragraph{
		{Content: []docx.Inline{docx.Bold("Summary:")}}, textPara(in.Cover.Summary),
		{Content: []docx.Inline{docx.Bold("Action required:")}}, textPara(in.Cover.ActionRequired),
		{Content: []docx.Inline{docx.Bold("References:")}},
	}
	for _, r := range refs {
		box = append(box, textPara(r))
	}
	d.Para()
	d.AddTable(docx.Box(textWidth, box...))
	c.contactBox(d)
}

func (c *contribution) contactBox(d *docx.Document) {
	s := c.in.Sender
	lines := []string{"Name: " + s.Name}
	add := func(label, v string) {
		if strings.TrimSpace(v) != "" {
			lines = append(lines, label+v)
		}
	}
	add("Organization: ", firstNonEmpty(s.Organization, c.in.Delegation.Entity))
	add("Country: ", firstNonEmpty(s.Country, c.in.Delegation.Country))
	add("Tel: ", s.Phone)
	add("E-mail: ", s.Email)
	d.Para()
	d.AddTable(docx.Table{Widths: []int{1800, textWidth - 1800}, Borders: true, Rows: [][]docx.Cell{{
		{Paragraphs: []docx.Paragraph{{Content: []docx.Inline{docx.Bold("Contact:")}}}},
		{Paragraphs: []docx.Paragraph{{Content: []docx.Inline{docx.Text(strings.Join(lines, "\n"))}}}},
	}}})
}

func (c *contribution) generalComments(d *docx.Document) {
	if len(c.general) == 0 {
		return
	}
	d.Add(docx.Paragraph{Style: docx.StyleHeading1, NoNumber: true, Content: []docx.Inline{docx.Text("General comments")}})
	for _, cm := range c.general {
		p := markdownPara(cm.Body)
		if where := cite(cm.Anchor); where != "" {
			p.Content = append([]docx.Inline{docx.Bold(where + ": ")}, p.Content...)
		}
		d.Add(p)
		if strings.TrimSpace(cm.Reasons) != "" {
			d.Add(reasonsPara(cm.Reasons))
		}
	}
}

var commentColumns = []struct {
	title string
	width int
}{{"No.", 580}, {"Section / ¶", 1100}, {"Type", 1270}, {"Existing text", 2200}, {"Proposed text", 2600}, {"Reasons / comment", 1888}}

func (c *contribution) commentTable(d *docx.Document, m marks) {
	if len(c.specific) == 0 {
		return
	}
	d.Add(docx.Paragraph{Style: docx.StyleHeading1, NoNumber: true, KeepNext: true, Content: []docx.Inline{docx.Text("Specific comments")}})
	t := docx.Table{HeaderRows: 1, Borders: true}
	var head []docx.Cell
	for _, col := range commentColumns {
		t.Widths = append(t.Widths, col.width)
		head = append(head, docx.Cell{Shading: "D9D9D9", Paragraphs: []docx.Paragraph{{Content: []docx.Inline{docx.Bold(col.title)}}}})
	}
	t.Rows = append(t.Rows, head)
	for i, cm := range c.specific {
		t.Rows = append(t.Rows, c.commentRow(i+1, cm, m))
	}
	d.AddTable(t)
}

func (c *contribution) commentRow(n int, cm item.Comment, m marks) []docx.Cell {
	existing, proposed := cm.Anchor.Quote, []docx.Paragraph{{Content: []docx.Inline{docx.Text("—")}}}
	if p := cm.Proposal; p != nil {
		existing = firstNonEmpty(p.Existing, existing)
		var change []docx.Inline
		switch p.Action {
		case item.ActionAdd:
			change = m.ins(p.Proposed, false)
		case item.ActionSup:
			change = m.del(p.Existing, false)
		default:
			change = m.redline(p.Existing, p.Proposed)
		}
		marker := docx.Paragraph{Content: []docx.Inline{docx.Bold(string(p.Action) + "\t" + c.code + "/" + strconv.Itoa(n))}}
		proposed = []docx.Paragraph{marker, {Content: change}}
	}
	reasons := []docx.Paragraph{markdownPara(cm.Body)}
	if strings.TrimSpace(cm.Reasons) != "" {
		reasons = append(reasons, reasonsPara(cm.Reasons))
	}
	return []docx.Cell{
		docx.TextCell(strconv.Itoa(n)), docx.TextCell(cite(cm.Anchor)), docx.TextCell(kindLabel(cm.Kind)),
		{Paragraphs: []docx.Paragraph{textPara(existing)}}, {Paragraphs: proposed}, {Paragraphs: reasons},
	}
}

func kindLabel(k item.Kind) string {
	if k == "" {
		return ""
	}
	return strings.ToUpper(string(k[:1])) + string(k[1:])
}

// cite is where a comment applies, as people quote it: "§3.2 ¶14".
func cite(a item.Anchor) string {
	n := strings.TrimSpace(a.Number)
	if n != "" && strings.IndexFunc(n, func(r rune) bool { return r < '0' || r > '9' }) < 0 {
		return "¶" + n
	}
	return n
}

// textPara is a paragraph of plain text; blank lines split paragraphs in
// Markdown, so they become line breaks here.
func textPara(s string) docx.Paragraph {
	s = strings.TrimSpace(s)
	for strings.Contains(s, "\n\n\n") {
		s = strings.ReplaceAll(s, "\n\n\n", "\n\n")
	}
	return docx.Paragraph{Content: []docx.Inline{docx.Text(s)}}
}

func reasonsPara(s string) docx.Paragraph {
	return docx.Paragraph{Content: append([]docx.Inline{docx.Bold("Reasons: ")}, markdownInlines(strings.TrimSpace(s))...)}
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

func humanDate(in Input) string {
	t := in.Made
	if in.Process != nil {
		t = t.In(in.Process.Location())
	}
	return t.Format("2 January 2006")
}

// subjectLine says what the contribution answers, under the forum's name.
func subjectLine(in Input) string {
	if in.Draft.Label == "" {
		return "Contribution to the preparation of " + forumShort(in.Process)
	}
	return "Comments on the " + in.Draft.Label + " of the Secretary-General's report"
}

func draftReference(in Input) string {
	s := "Secretary-General's report, " + in.Draft.Label
	if in.Report != nil && in.Report.DocID != "" {
		s += " (" + in.Report.DocID + ")"
	}
	return s
}
