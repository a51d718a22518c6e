package docxread

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// paraState is what readPara tracks while walking one w:p.
type paraState struct {
	p     rawPara
	base  runFmt
	cur   runFmt
	links []string
	inT   bool
}

// readPara reads one w:p (its start tag already consumed) as Word shows it
// with all tracked changes accepted.
func (r *docReader) readPara() (rawPara, error) {
	s := &paraState{p: rawPara{outline: -1}}
	err := r.walk(visitor{
		start: func(v xml.StartElement) (bool, error) { return r.paraStart(s, v) },
		end: func(v xml.EndElement) {
			switch v.Name.Local {
			case "t":
				s.inT = false
			case "hyperlink":
				if len(s.links) > 0 {
					s.links = s.links[:len(s.links)-1]
				}
			}
		},
		text: func(v xml.CharData) {
			if s.inT {
				r.addText(s, string(v))
			}
		},
	})
	return s.p, err
}

// paraStart handles one start tag inside a paragraph; consumed says whether
// the element's end tag was already read.
func (r *docReader) paraStart(s *paraState, v xml.StartElement) (bool, error) {
	if text, ok := charElement(v); ok {
		r.addText(s, text)
		return false, nil
	}
	switch v.Name.Local {
	case "pPr":
		return true, r.paraProps(s)
	case "r":
		s.cur = s.base
	case "rPr":
		return true, r.readRPr(&s.cur)
	case "t":
		s.inT = true
	case "footnoteReference":
		s.p.notes = append(s.p.notes, r.noteMark(attr(v, "id")))
	case "fldChar":
		r.fieldChar(attr(v, "fldCharType"))
	case "ins", "moveTo":
		r.revisions++
	case "del", "moveFrom":
		r.revisions++
		return true, r.skip()
	case "hyperlink":
		s.links = append(s.links, r.linkTarget(v))
	case "drawing", "pict", "object":
		text, err := r.readDrawing(v.Name.Local)
		r.holders++
		r.addText(s, text)
		return true, err
	case "delText", "instrText", "delInstrText", "Fallback", "sdtPr", "sdtEndPr", "pPrChange", "rPrChange":
		return true, r.skip()
	}
	return false, nil
}

// paraProps reads w:pPr; the paragraph style's bold and italic become the
// base formatting of its runs.
func (r *docReader) paraProps(s *paraState) error {
	if err := r.readPPr(&s.p); err != nil {
		return err
	}
	st := r.styles.get(s.p.styleID)
	s.base = runFmt{bold: st.bold, italic: st.italic}
	return nil
}

// charElement gives the text of an element that stands for a character
// (a tab, a break, a non-breaking hyphen, a symbol); ok is false for any
// other element. A symbol from a private-use symbol font gives "".
func charElement(v xml.StartElement) (text string, ok bool) {
	switch v.Name.Local {
	case "tab", "ptab":
		return "\t", true
	case "br", "cr":
		return "\n", true
	case "noBreakHyphen":
		return "-", true
	case "sym":
		if c, err := strconv.ParseUint(attr(v, "char"), 16, 32); err == nil && c >= 0x20 && (c < 0xF000 || c > 0xF0FF) {
			return string(rune(c)), true
		}
		return "", true
	}
	return "", false
}

func (r *docReader) linkTarget(v xml.StartElement) string {
	if id := attr(v, "id"); id != "" {
		return r.links[id]
	}
	if a := attr(v, "anchor"); a != "" {
		return "#" + a
	}
	return ""
}

// fieldChar tracks complex fields so only their shown result is kept.
func (r *docReader) fieldChar(kind string) {
	switch kind {
	case "begin":
		r.fields = append(r.fields, false)
	case "separate":
		if n := len(r.fields); n > 0 {
			r.fields[n-1] = true
		}
	case "end":
		if n := len(r.fields); n > 0 {
			r.fields = r.fields[:n-1]
		}
	}
}

func (r *docReader) inFieldCode() bool {
	for _, res := range r.fields {
		if !res {
			return true
		}
	}
	return false
}

func (r *docReader) noteMark(id string) string {
	if m, ok := r.noteMarks[id]; ok {
		return m
	}
	m := strconv.Itoa(len(r.noteMarks) + 1)
	r.noteMarks[id] = m
	return m
}

func (r *docReader) addText(s *paraState, text string) {
	if text == "" || s.cur.hidden || r.inFieldCode() {
		return
	}
	f := s.cur
	if len(s.links) > 0 {
		f.link = s.links[len(s.links)-1]
	}
	runs := s.p.runs
	if n := len(runs); n > 0 && runs[n-1].Bold == f.bold && runs[n-1].Italic == f.italic && runs[n-1].Link == f.link {
		runs[n-1].Text += text
		return
	}
	s.p.runs = append(runs, Run{Text: text, Bold: f.bold, Italic: f.italic, Link: f.link})
}

// readDrawing turns an image, text box or embedded object into a visible
// placeholder, so nothing disappears silently.
func (r *docReader) readDrawing(kind string) (string, error) {
	texts, err := r.innerParas()
	if err != nil {
		return "", err
	}
	var boxes []string
	for _, t := range texts {
		if t = strings.TrimSpace(t); t != "" {
			boxes = append(boxes, t)
		}
	}
	switch {
	case len(boxes) > 0:
		return " [text box: " + strings.Join(boxes, " / ") + "] ", nil
	case kind == "object":
		return " [embedded object] ", nil
	}
	return " [image] ", nil
}

func runsText(runs []Run) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.Text)
	}
	return b.String()
}
