package docx

import (
	"archive/zip"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsW       = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	relBase   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
)

// zipTime is the fixed timestamp of every zip entry, so identical input
// gives identical bytes.
var zipTime = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// writer accumulates one XML part and the IDs handed out while rendering.
type writer struct {
	b         *strings.Builder
	nextRevID *int
	links     *[]string // hyperlink targets of the part being written
	fnLinks   *[]string // hyperlink targets inside footnotes.xml
	footnotes *[]string
}

func newWriter() *writer {
	return &writer{b: &strings.Builder{}, nextRevID: new(int), links: new([]string), fnLinks: new([]string), footnotes: new([]string)}
}

// sub returns a writer to another buffer that shares the ID counters.
func (w *writer) sub() *writer {
	return &writer{b: &strings.Builder{}, nextRevID: w.nextRevID, links: w.links, fnLinks: w.fnLinks, footnotes: w.footnotes}
}

// revAttrs returns w:id, w:author and w:date attributes; ids are unique
// across the document as Word requires.
func (w *writer) revAttrs(r Revision) string {
	*w.nextRevID++
	s := `w:id="` + strconv.Itoa(*w.nextRevID) + `" w:author="` + escString(r.Author) + `"`
	if !r.Date.IsZero() {
		s += ` w:date="` + r.Date.UTC().Format("2006-01-02T15:04:05Z") + `"`
	}
	return s
}

func (w *writer) addLink(url string) string {
	*w.links = append(*w.links, url)
	return "rIdLink" + strconv.Itoa(len(*w.links))
}

// addFootnote renders the note's paragraph and returns its id (from 1; -1
// and 0 are Word's separator notes).
func (w *writer) addFootnote(content []Inline) int {
	id := len(*w.footnotes) + 1
	s := w.sub()
	s.links = w.fnLinks
	s.b.WriteString(`<w:footnote w:id="` + strconv.Itoa(id) + `"><w:p><w:pPr><w:pStyle w:val="` + StyleFootnoteText + `"/></w:pPr>`)
	s.b.WriteString(`<w:r><w:rPr><w:rStyle w:val="` + styleFootnoteRef + `"/></w:rPr><w:footnoteRef/></w:r><w:r><w:tab/></w:r>`)
	// reserve the id before rendering, in case the note itself nests one
	*w.footnotes = append(*w.footnotes, "")
	for _, in := range content {
		in.writeInline(s)
	}
	s.b.WriteString(`</w:p></w:footnote>`)
	(*w.footnotes)[id-1] = s.b.String()
	return id
}

// part is one file inside the package.
type part struct{ name, body string }

// WriteTo writes the complete .docx package to out.
func (d *Document) WriteTo(out io.Writer) (int64, error) {
	cw := &countWriter{w: out}
	zw := zip.NewWriter(cw)
	for _, p := range d.parts() {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return cw.n, fmt.Errorf("writing %s: %w", p.name, err)
		}
		if _, err := io.WriteString(f, p.body); err != nil {
			return cw.n, fmt.Errorf("writing %s: %w", p.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return cw.n, fmt.Errorf("finishing the .docx: %w", err)
	}
	return cw.n, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// parts renders every part in a fixed order.
func (d *Document) parts() []part {
	w := newWriter()
	body := d.documentXML(w)
	ps := []part{
		{"[Content_Types].xml", d.contentTypesXML()},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", d.coreXML()},
		{"docProps/app.xml", d.appXML()},
		{"word/document.xml", body},
		{"word/_rels/document.xml.rels", d.documentRels(*w.links)},
		{"word/styles.xml", d.stylesXML()},
		{"word/numbering.xml", d.numberingXML()},
		{"word/footnotes.xml", footnotesXML(*w.footnotes)},
	}
	if len(*w.fnLinks) > 0 {
		ps = append(ps, part{"word/_rels/footnotes.xml.rels", relsXML(nil, *w.fnLinks)})
	}
	ps = append(ps, part{"word/settings.xml", d.settingsXML()})
	if len(d.Footer) > 0 {
		fw := w.sub()
		fw.links = new([]string)
		ps = append(ps, part{"word/footer1.xml", d.footerXML(fw)})
		if len(*fw.links) > 0 {
			ps = append(ps, part{"word/_rels/footer1.xml.rels", relsXML(nil, *fw.links)})
		}
	}
	return ps
}

func (d *Document) documentXML(w *writer) string {
	b := w.b
	b.WriteString(xmlHeader + `<w:document ` + nsW + `><w:body>`)
	for _, bl := range d.blocks {
		bl.writeBlock(w)
	}
	p := d.Page
	b.WriteString(`<w:sectPr>`)
	if len(d.Footer) > 0 {
		b.WriteString(`<w:footerReference w:type="default" r:id="rIdFooter1"/>`)
	}
	fmt.Fprintf(b, `<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`,
		p.Width, p.Height, p.Top, p.Right, p.Bottom, p.Left, p.Header, p.Footer)
	b.WriteString(`</w:sectPr></w:body></w:document>`)
	return b.String()
}

func (d *Document) footerXML(w *writer) string {
	w.b.WriteString(xmlHeader + `<w:ftr ` + nsW + `>`)
	Paragraph{Align: "center", Content: d.Footer}.writeBlock(w)
	w.b.WriteString(`</w:ftr>`)
	return w.b.String()
}

func footnotesXML(notes []string) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:footnotes ` + nsW + `>`)
	b.WriteString(`<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>`)
	b.WriteString(`<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>`)
	for _, n := range notes {
		b.WriteString(n)
	}
	b.WriteString(`</w:footnotes>`)
	return b.String()
}
