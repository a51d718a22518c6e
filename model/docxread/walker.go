package docxread

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
)

// maxDepth caps element nesting; real documents stay far below it.
const maxDepth = 256

// docReader streams document.xml (or footnotes.xml) with RawToken, which is
// several times faster than Token; elements are matched by local name, and
// drawings are skipped as a whole so DrawingML text never mixes in.
type docReader struct {
	dec       *xml.Decoder
	styles    *styleSet
	num       *numbering
	links     map[string]string
	noteMarks map[string]string
	revisions int
	holders   int
	fields    []bool // open complex fields: true once past "separate"
	depth     int
}

// rawPara is one w:p as read: its style, numbering and formatted runs.
type rawPara struct {
	styleID     string
	numID       string
	ilvl        int
	hasNumPr    bool
	outline     int
	runs        []Run
	notes       []string
	markDeleted bool
}

func newDocReader(data []byte, styles *styleSet, num *numbering, links map[string]string) *docReader {
	return &docReader{dec: xml.NewDecoder(bytes.NewReader(data)), styles: styles, num: num,
		links: links, noteMarks: map[string]string{}}
}

// tok returns the next token; a DOCTYPE or entity declaration is refused.
func (r *docReader) tok() (xml.Token, error) {
	t, err := r.dec.RawToken()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, err
		}
		return nil, fmt.Errorf("%w (%v)", ErrCorrupt, err)
	}
	switch v := t.(type) {
	case xml.Directive:
		return nil, ErrUnsafeXML
	case xml.StartElement:
		r.depth++
		if r.depth > maxDepth {
			return nil, fmt.Errorf("%w (elements nested too deeply)", ErrCorrupt)
		}
	case xml.EndElement:
		r.depth--
		_ = v
	}
	return t, nil
}

// visitor is what walk does with the tokens of one element. start returns
// consumed when it read the element's end tag itself (a nested reader).
type visitor struct {
	start func(xml.StartElement) (consumed bool, err error)
	end   func(xml.EndElement)
	text  func(xml.CharData)
	until string // end at the first end tag of this name, not by depth (w:tbl)
	toEOF bool   // walk a whole part: end at the end of the data
}

// walk is the package's one XML walker: every reader (the body, a
// paragraph, its properties, a table, a footnote, a text box) is a visitor
// of the element just started, and walk keeps the depth and the errors.
func (r *docReader) walk(v visitor) error {
	flat := v.toEOF || v.until != "" // the depth does not say where the walk ends
	for d := 1; d > 0; {
		t, err := r.tok()
		if err != nil {
			return v.stopped(err)
		}
		switch e := t.(type) {
		case xml.StartElement:
			consumed, err := v.visitStart(e)
			if err != nil {
				return err
			}
			if !consumed && !flat {
				d++
			}
		case xml.EndElement:
			if v.visitEnd(e) {
				return nil
			}
			if !flat {
				d--
			}
		case xml.CharData:
			if v.text != nil {
				v.text(e)
			}
		}
	}
	return nil
}

// stopped is the walk's result when the data ends or cannot be read: the
// normal end of a whole part, else an error.
func (v visitor) stopped(err error) error {
	if v.toEOF && errors.Is(err, io.EOF) {
		return nil
	}
	return unexpectedEOF(err)
}

func (v visitor) visitStart(e xml.StartElement) (bool, error) {
	if v.start == nil {
		return false, nil
	}
	return v.start(e)
}

// visitEnd handles an end tag and reports whether it ends an until walk.
func (v visitor) visitEnd(e xml.EndElement) bool {
	if v.end != nil {
		v.end(e)
	}
	return v.until != "" && e.Name.Local == v.until
}

// skip consumes the rest of the element just started.
func (r *docReader) skip() error {
	return r.walk(visitor{})
}

func unexpectedEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return fmt.Errorf("%w (the XML ends too early)", ErrCorrupt)
	}
	return err
}

func attr(s xml.StartElement, local string) string {
	for _, a := range s.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// readPPr reads paragraph properties.
func (r *docReader) readPPr(p *rawPara) error {
	return r.walk(visitor{start: func(v xml.StartElement) (bool, error) {
		switch v.Name.Local {
		case "pStyle":
			p.styleID = attr(v, "val")
		case "numId":
			p.numID, p.hasNumPr = attr(v, "val"), true
		case "ilvl":
			p.ilvl = atoiDefault(attr(v, "val"), 0)
		case "outlineLvl":
			p.outline = atoiDefault(attr(v, "val"), 9)
		case "del", "moveFrom":
			p.markDeleted = true
			r.revisions++
		case "ins", "moveTo":
			r.revisions++
		case "pPrChange", "rPrChange":
			r.revisions++
			return true, r.skip()
		}
		return false, nil
	}})
}

// runFmt is the formatting in force for the text being read.
type runFmt struct {
	bold, italic, hidden bool
	link                 string
}

func (r *docReader) readRPr(f *runFmt) error {
	return r.walk(visitor{start: func(v xml.StartElement) (bool, error) {
		val := &xVal{Val: attr(v, "val")}
		switch v.Name.Local {
		case "rStyle":
			st := r.styles.get(val.Val)
			f.bold, f.italic = f.bold || st.bold, f.italic || st.italic
		case "b":
			f.bold = val.on()
		case "i":
			f.italic = val.on()
		case "vanish":
			f.hidden = val.on()
		case "rPrChange":
			r.revisions++
			return true, r.skip()
		}
		return false, nil
	}})
}
