package export

import (
	"github.com/delegate-itu/delegate/model/docx"
	"github.com/delegate-itu/delegate/model/report/redline"
)

// marks writes proposed changes either as tracked revisions authored by
// the delegation (the copy the secretariat reviews) or, for the clean
// copy, with every change accepted.
type marks struct {
	rev   docx.Revision
	clean bool
}

// ins is inserted text.
func (m marks) ins(s string, italic bool) []docx.Inline {
	if s == "" {
		return nil
	}
	r := docx.Run{Text: s, Italic: italic}
	if m.clean {
		return []docx.Inline{r}
	}
	return []docx.Inline{docx.Ins{Revision: m.rev, Runs: []docx.Run{r}}}
}

// del is deleted text; the clean copy drops it.
func (m marks) del(s string, italic bool) []docx.Inline {
	if s == "" || m.clean {
		return nil
	}
	return []docx.Inline{docx.Del{Revision: m.rev, Runs: []docx.Run{{Text: s, Italic: italic}}}}
}

// redline shows old turned into new word by word (CJK by character).
func (m marks) redline(old, new string) []docx.Inline {
	var out []docx.Inline
	for _, op := range redline.Diff(old, new) {
		switch op.Kind {
		case redline.Insert:
			out = append(out, m.ins(op.Text, false)...)
		case redline.Delete:
			out = append(out, m.del(op.Text, false)...)
		default:
			out = append(out, docx.Text(op.Text))
		}
	}
	return out
}

// insertedPara marks a whole new paragraph, mark included, as inserted.
func (m marks) insertedPara(p docx.Paragraph) docx.Paragraph {
	if !m.clean {
		r := m.rev
		p.InsertedMark = &r
	}
	return p
}

// deletedPara marks a whole paragraph as deleted; ok is false for the
// clean copy, which leaves it out.
func (m marks) deletedPara(p docx.Paragraph) (docx.Paragraph, bool) {
	if m.clean {
		return p, false
	}
	r := m.rev
	p.DeletedMark = &r
	return p, true
}
