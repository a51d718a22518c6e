package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// Template errors callers test with errors.Is.
var (
	// ErrNoAnchor: the template has neither a bookmark nor a content
	// control (tag) of the given name, so there is nowhere to put content.
	ErrNoAnchor = errors.New("the template has no place marked for the content")
	// ErrBadTemplate: the file is not a Word .docx package.
	ErrBadTemplate = errors.New("the template is not a readable Word .docx file")
)

// maxTemplatePart bounds any one part read from a template (a zip bomb
// guard; real templates are a few hundred kilobytes).
const maxTemplatePart = 64 << 20

// Fill puts d's body into a template .docx at the paragraph holding the
// bookmark named anchor, or in place of the block content control tagged
// anchor, and returns the new .docx. Everything else in the template (page
// setup, headers, footers, logos, its own styles) is kept, so an
// organisation's own template can replace the team's. Styles d uses that
// the template lacks are copied in. d must not use hyperlinks, footnotes
// or its own lists: their parts would have to be merged too.
func Fill(template []byte, anchor string, d *Document) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(template), int64(len(template)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadTemplate, err)
	}
	parts, order, err := readParts(zr)
	if err != nil {
		return nil, err
	}
	doc, ok := parts["word/document.xml"]
	if !ok {
		return nil, fmt.Errorf("%w: it has no word/document.xml", ErrBadTemplate)
	}
	body, err := d.bodyXML()
	if err != nil {
		return nil, err
	}
	start, end, err := anchorSpan(doc, anchor)
	if err != nil {
		return nil, err
	}
	parts["word/document.xml"] = doc[:start] + body + doc[end:]
	if s, ok := parts["word/styles.xml"]; ok {
		parts["word/styles.xml"] = mergeStyles(s, d.stylesXML())
	}
	if _, ok := parts["docProps/core.xml"]; ok {
		parts["docProps/core.xml"] = d.coreXML()
	}
	return writeParts(parts, order)
}

func readParts(zr *zip.Reader) (map[string]string, []string, error) {
	parts := map[string]string{}
	var order []string
	for _, f := range zr.File {
		if f.UncompressedSize64 > maxTemplatePart {
			return nil, nil, fmt.Errorf("%w: part %s is too large", ErrBadTemplate, f.Name)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, nil, fmt.Errorf("%w: %s: %v", ErrBadTemplate, f.Name, err)
		}
		b, err := io.ReadAll(io.LimitReader(rc, maxTemplatePart+1))
		rc.Close()
		if err != nil || len(b) > maxTemplatePart {
			return nil, nil, fmt.Errorf("%w: %s cannot be read", ErrBadTemplate, f.Name)
		}
		if _, dup := parts[f.Name]; !dup {
			order = append(order, f.Name)
		}
		parts[f.Name] = string(b)
	}
	return parts, order, nil
}

func writeParts(parts map[string]string, order []string) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range order {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipTime})
		if err == nil {
			_, err = io.WriteString(f, parts[name])
		}
		if err != nil {
			return nil, fmt.Errorf("writing %s: %w", name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// bodyXML renders the body blocks alone, as they go into a template.
func (d *Document) bodyXML() (string, error) {
	w := newWriter()
	for _, bl := range d.blocks {
		bl.writeBlock(w)
	}
	if len(*w.links) > 0 || len(*w.footnotes) > 0 {
		return "", errors.New("content for a template cannot hold hyperlinks or footnotes")
	}
	return w.b.String(), nil
}

// anchorSpan finds the byte range the content replaces: the block content
// control tagged anchor, else the paragraph holding the bookmark.
func anchorSpan(doc, anchor string) (int, int, error) {
	name := escString(anchor)
	if i := strings.Index(doc, `<w:tag w:val="`+name+`"/>`); i >= 0 {
		if s, e, ok := enclosing(doc, i, "w:sdt"); ok {
			return s, e, nil
		}
	}
	re := regexp.MustCompile(`<w:bookmarkStart\b[^>]*\bw:name="` + regexp.QuoteMeta(name) + `"`)
	if loc := re.FindStringIndex(doc); loc != nil {
		if s, e, ok := enclosing(doc, loc[0], "w:p"); ok && e > loc[0] {
			return s, e, nil
		}
		// a bookmark between paragraphs: insert right after it
		end := loc[0] + strings.Index(doc[loc[0]:], ">") + 1
		return end, end, nil
	}
	return 0, 0, fmt.Errorf("%w: add a bookmark or a content control named %q where the contribution goes", ErrNoAnchor, anchor)
}

// enclosing returns the span of the innermost element <tag> around pos.
func enclosing(doc string, pos int, tag string) (int, int, bool) {
	open := regexp.MustCompile(`<` + tag + `[ >]`)
	start := -1
	for _, loc := range open.FindAllStringIndex(doc[:pos], -1) {
		start = loc[0]
	}
	if start < 0 {
		return 0, 0, false
	}
	depth := 0
	tokens := regexp.MustCompile(`<` + tag + `[ >]|</` + tag + `>`)
	for _, loc := range tokens.FindAllStringIndex(doc[start:], -1) {
		if strings.HasPrefix(doc[start+loc[0]:], "</") {
			depth--
			if depth == 0 {
				return start, start + loc[1], true
			}
		} else {
			depth++
		}
	}
	return 0, 0, false
}

var styleIDRe = regexp.MustCompile(`w:styleId="([^"]*)"`)

// mergeStyles appends to the template's styles those of ours it lacks.
func mergeStyles(tpl, ours string) string {
	have := map[string]bool{}
	for _, m := range styleIDRe.FindAllStringSubmatch(tpl, -1) {
		have[m[1]] = true
	}
	var add strings.Builder
	for _, chunk := range strings.Split(ours, "<w:style ")[1:] {
		chunk = "<w:style " + chunk[:strings.Index(chunk, "</w:style>")+len("</w:style>")]
		m := styleIDRe.FindStringSubmatch(chunk)
		if m != nil && !have[m[1]] {
			add.WriteString(chunk)
		}
	}
	i := strings.LastIndex(tpl, "</w:styles>")
	if i < 0 || add.Len() == 0 {
		return tpl
	}
	return tpl[:i] + add.String() + tpl[i:]
}
