package docxread

import (
	"encoding/xml"
	"fmt"
	"path"
	"strings"
)

// docxParts names the parts of a .docx that the reader reads.
type docxParts struct {
	main, styles, numbering, footnotes string
	links                              map[string]string
}

// Read reads a .docx package within the limits. Its errors wrap this
// package's sentinels (ErrNotDocx, ErrZipBomb, ErrCorrupt, …).
func Read(data []byte, lim Limits) (*Document, error) {
	p, err := openPackage(data, lim)
	if err != nil {
		return nil, err
	}
	parts, err := findParts(p)
	if err != nil {
		return nil, err
	}
	body, err := p.read(parts.main)
	if err != nil {
		return nil, err
	}
	if body == nil {
		return nil, fmt.Errorf("%w (it has no main document part; is it a Word file?)", ErrCorrupt)
	}
	styles, num, err := readStylesNumbering(p, parts)
	if err != nil {
		return nil, err
	}
	notes, err := readFootnotes(p, parts.footnotes, styles)
	if err != nil {
		return nil, err
	}
	doc := &Document{}
	if err := readBody(doc, body, styles, num, parts.links, notes); err != nil {
		return nil, err
	}
	if err := readProperties(p, doc); err != nil {
		return nil, err
	}
	return doc, nil
}

type xRels struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
		Mode   string `xml:"TargetMode,attr"`
	} `xml:"Relationship"`
}

func readRels(p *pkg, name string) (*xRels, error) {
	data, err := p.read(name)
	if err != nil || data == nil {
		return &xRels{}, err
	}
	var rels xRels
	return &rels, decodeXML(data, &rels)
}

// findParts follows the package relationships to the main document and its
// styles, numbering and footnotes, falling back to Word's usual names.
func findParts(p *pkg) (docxParts, error) {
	parts := docxParts{main: "word/document.xml", links: map[string]string{}}
	root, err := readRels(p, "_rels/.rels")
	if err != nil {
		return parts, err
	}
	for _, r := range root.Rels {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			parts.main = strings.TrimPrefix(r.Target, "/")
		}
	}
	dir := path.Dir(parts.main)
	rels, err := readRels(p, path.Join(dir, "_rels", path.Base(parts.main)+".rels"))
	if err != nil {
		return parts, err
	}
	parts.styles, parts.numbering, parts.footnotes = path.Join(dir, "styles.xml"), path.Join(dir, "numbering.xml"), path.Join(dir, "footnotes.xml")
	for _, r := range rels.Rels {
		target := path.Join(dir, r.Target)
		if strings.HasPrefix(r.Target, "/") {
			target = strings.TrimPrefix(r.Target, "/")
		}
		switch {
		case strings.HasSuffix(r.Type, "/hyperlink"):
			parts.links[r.ID] = r.Target
		case strings.HasSuffix(r.Type, "/styles"):
			parts.styles = target
		case strings.HasSuffix(r.Type, "/numbering"):
			parts.numbering = target
		case strings.HasSuffix(r.Type, "/footnotes"):
			parts.footnotes = target
		}
	}
	return parts, nil
}

func readStylesNumbering(p *pkg, parts docxParts) (*styleSet, *numbering, error) {
	sdata, err := p.read(parts.styles)
	if err != nil {
		return nil, nil, err
	}
	styles, err := parseStyles(sdata)
	if err != nil {
		return nil, nil, err
	}
	ndata, err := p.read(parts.numbering)
	if err != nil {
		return nil, nil, err
	}
	num, err := parseNumbering(ndata, styles)
	return styles, num, err
}

// readFootnotes returns each footnote's text by its w:id.
func readFootnotes(p *pkg, name string, styles *styleSet) (map[string]string, error) {
	data, err := p.read(name)
	if err != nil || data == nil {
		return nil, err
	}
	if err := checkXML(data); err != nil {
		return nil, err
	}
	r := newDocReader(data, styles, nil, nil)
	notes := map[string]string{}
	err = r.walk(visitor{toEOF: true, start: func(s xml.StartElement) (bool, error) {
		if s.Name.Local != "footnote" {
			return false, nil
		}
		text, err := r.readNote()
		notes[attr(s, "id")] = text
		return true, err
	}})
	if err != nil {
		return nil, err
	}
	return notes, nil
}

func (r *docReader) readNote() (string, error) {
	texts, err := r.innerParas()
	if err != nil {
		return "", err
	}
	for i, t := range texts {
		texts[i] = CleanText(t)
	}
	return strings.TrimSpace(strings.Join(texts, " ")), nil
}

// innerParas reads to the end of the current element and returns the text
// of every paragraph inside it: a footnote's, a text box's.
func (r *docReader) innerParas() ([]string, error) {
	var texts []string
	err := r.walk(visitor{start: func(v xml.StartElement) (bool, error) {
		if v.Name.Local != "p" {
			return false, nil
		}
		p, err := r.readPara()
		if err != nil {
			return true, err
		}
		texts = append(texts, runsText(p.runs))
		return true, nil
	}})
	return texts, err
}

// CleanText collapses tabs, line breaks and runs of spaces into one space
// and trims the ends: the text of a paragraph as a reader sees it. The
// Markdown and plain-text readers of model/report use it too, so every
// format normalises alike.
func CleanText(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, c := range s {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(c)
	}
	return b.String()
}

// isClean reports text that CleanText would return unchanged: no tabs or
// breaks, no double, leading or trailing spaces (most paragraphs).
func isClean(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\t', '\n', '\r':
			return false
		case ' ':
			if s[i+1] == ' ' {
				return false
			}
		}
	}
	return true
}
