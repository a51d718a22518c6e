package docxread

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// xVal is any WordprocessingML element whose meaning is its w:val attribute.
type xVal struct {
	Val string `xml:"val,attr"`
}

// on reads a toggle property (<w:b/>, <w:b w:val="0"/>).
func (v *xVal) on() bool {
	return v != nil && v.Val != "0" && v.Val != "false" && v.Val != "off"
}

type xNumPr struct {
	Ilvl  *xVal `xml:"ilvl"`
	NumID *xVal `xml:"numId"`
}

type xRPr struct {
	B      *xVal `xml:"b"`
	I      *xVal `xml:"i"`
	Vanish *xVal `xml:"vanish"`
}

type xStyle struct {
	Type    string `xml:"type,attr"`
	ID      string `xml:"styleId,attr"`
	Default string `xml:"default,attr"`
	Name    xVal   `xml:"name"`
	BasedOn xVal   `xml:"basedOn"`
	PPr     struct {
		Outline *xVal   `xml:"outlineLvl"`
		NumPr   *xNumPr `xml:"numPr"`
	} `xml:"pPr"`
	RPr xRPr `xml:"rPr"`
}

// style is a paragraph or character style with its basedOn chain resolved.
type style struct {
	name    string
	outline int // 0..8 heading outline level; -1 body text
	numID   string
	ilvl    int
	bold    bool
	italic  bool
}

// styleSet resolves style IDs; localised names do not matter because outline
// levels are inherited through basedOn, and names are only a fallback.
type styleSet struct {
	byID      map[string]style
	defaultID string
}

func parseStyles(data []byte) (*styleSet, error) {
	set := &styleSet{byID: map[string]style{}}
	if data == nil {
		return set, nil
	}
	var doc struct {
		Styles []xStyle `xml:"style"`
	}
	if err := decodeXML(data, &doc); err != nil {
		return nil, fmt.Errorf("styles: %w", err)
	}
	raw := map[string]xStyle{}
	for _, s := range doc.Styles {
		raw[s.ID] = s
		if s.Type == "paragraph" && s.Default == "1" {
			set.defaultID = s.ID
		}
	}
	for id := range raw {
		set.byID[id] = resolveStyle(raw, id)
	}
	return set, nil
}

func resolveStyle(raw map[string]xStyle, id string) style {
	chain := []xStyle{}
	seen := map[string]bool{}
	for cur := id; cur != "" && !seen[cur] && len(chain) < 32; {
		s, ok := raw[cur]
		if !ok {
			break
		}
		seen[cur] = true
		chain = append(chain, s)
		cur = s.BasedOn.Val
	}
	out := style{outline: -1}
	if len(chain) > 0 {
		out.name = chain[0].Name.Val
	}
	// Walk from the root so nearer styles override.
	for i := len(chain) - 1; i >= 0; i-- {
		s := chain[i]
		if s.PPr.Outline != nil {
			out.outline = atoiDefault(s.PPr.Outline.Val, 9)
		}
		if np := s.PPr.NumPr; np != nil {
			if np.NumID != nil {
				out.numID = np.NumID.Val
			}
			if np.Ilvl != nil {
				out.ilvl = atoiDefault(np.Ilvl.Val, 0)
			}
		}
		if s.RPr.B != nil {
			out.bold = s.RPr.B.on()
		}
		if s.RPr.I != nil {
			out.italic = s.RPr.I.on()
		}
	}
	if out.outline > 8 {
		out.outline = -1
	}
	if out.outline < 0 {
		out.outline = headingLevelByName(out.name) - 1
	}
	return out
}

// headingNameRe is the fallback for files whose heading styles carry no
// outline level: Word's built-in names and common localised ones.
var headingNameRe = regexp.MustCompile(`(?i)^(heading|überschrift|titre|título|titulo|titolo|kop|nagłówek|заголовок|标题|標題|見出し|제목|عنوان)\s*([1-9])$`)

func headingLevelByName(name string) int {
	m := headingNameRe.FindStringSubmatch(strings.TrimSpace(name))
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[2])
	return n
}

func (s *styleSet) get(id string) style {
	if id == "" {
		id = s.defaultID
	}
	if st, ok := s.byID[id]; ok {
		return st
	}
	return style{outline: -1}
}

func atoiDefault(s string, d int) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return d
	}
	return n
}

// checkXML refuses what real Word parts never contain: DOCTYPE and entity
// declarations (billion laughs, external entities), and invalid UTF-8.
func checkXML(data []byte) error {
	head := bytes.ToUpper(data[:min(len(data), 4096)])
	if bytes.Contains(head, []byte("<!DOCTYPE")) || bytes.Contains(head, []byte("<!ENTITY")) ||
		bytes.Contains(data, []byte("<!DOCTYPE")) || bytes.Contains(data, []byte("<!ENTITY")) {
		return ErrUnsafeXML
	}
	if !utf8.Valid(data) {
		return fmt.Errorf("%w (a part of the Word file holds invalid UTF-8 text)", ErrInvalidText)
	}
	return nil
}

func decodeXML(data []byte, v any) error {
	if err := checkXML(data); err != nil {
		return err
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%w (%v)", ErrCorrupt, err)
	}
	return nil
}
