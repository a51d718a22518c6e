package export

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/delegate-itu/delegate/model/docx"
)

// markdown parses comment bodies. Experts write them in Markdown (the item
// file format says so), and the secretariat must read emphasis as emphasis,
// not as asterisks.
var markdown = goldmark.New()

// markdownPara turns a comment's Markdown into one Word paragraph: bold and
// italic become run formatting, links stay links, blocks are separated by a
// blank line and list items start on their own line with their marker.
func markdownPara(src string) docx.Paragraph {
	return docx.Paragraph{Content: markdownInlines(strings.TrimSpace(src))}
}

// mdStyle is the formatting in force while walking inline nodes.
type mdStyle struct{ bold, italic bool }

type mdWriter struct {
	src []byte
	out []docx.Inline
}

func markdownInlines(src string) []docx.Inline {
	if src == "" {
		return nil
	}
	b := []byte(src)
	w := &mdWriter{src: b}
	doc := markdown.Parser().Parse(text.NewReader(b))
	first := true
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if !first {
			w.text("\n\n", mdStyle{})
		}
		first = false
		w.block(n, "")
	}
	return w.out
}

// block writes one block node; prefix is the list marker of the item it
// opens, if any.
func (w *mdWriter) block(n ast.Node, prefix string) {
	switch v := n.(type) {
	case *ast.List:
		i := v.Start
		for it := v.FirstChild(); it != nil; it = it.NextSibling() {
			if it != v.FirstChild() {
				w.text("\n", mdStyle{})
			}
			marker := "•\t"
			if v.IsOrdered() {
				marker = strconv.Itoa(i) + string(v.Marker) + "\t"
				i++
			}
			w.listItem(it, marker)
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
		lines := n.Lines()
		var sb strings.Builder
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			sb.Write(seg.Value(w.src))
		}
		w.text(prefix+strings.TrimRight(sb.String(), "\n"), mdStyle{})
	case *ast.ThematicBreak:
		w.text(prefix, mdStyle{})
	default:
		if n.Type() == ast.TypeBlock && n.FirstChild() != nil && n.FirstChild().Type() == ast.TypeBlock {
			// block quotes and other containers: their blocks in order
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if c != n.FirstChild() {
					w.text("\n", mdStyle{})
				}
				w.block(c, prefix)
				prefix = ""
			}
			return
		}
		w.text(prefix, mdStyle{})
		w.inline(n, mdStyle{})
	}
}

func (w *mdWriter) listItem(it ast.Node, marker string) {
	prefix := marker
	for c := it.FirstChild(); c != nil; c = c.NextSibling() {
		if c != it.FirstChild() {
			w.text("\n", mdStyle{})
		}
		w.block(c, prefix)
		prefix = ""
	}
	if it.FirstChild() == nil {
		w.text(marker, mdStyle{})
	}
}

// inline writes the inline children of n with style st.
func (w *mdWriter) inline(n ast.Node, st mdStyle) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch v := c.(type) {
		case *ast.Text:
			w.text(string(v.Segment.Value(w.src)), st)
			switch {
			case v.HardLineBreak():
				w.text("\n", st)
			case v.SoftLineBreak():
				w.text(" ", st)
			}
		case *ast.String:
			w.text(string(v.Value), st)
		case *ast.Emphasis:
			s := st
			if v.Level >= 2 {
				s.bold = true
			} else {
				s.italic = true
			}
			w.inline(v, s)
		case *ast.Link:
			w.link(string(v.Destination), v, st)
		case *ast.AutoLink:
			label := string(v.Label(w.src))
			w.linkText(string(v.URL(w.src)), label, st)
		case *ast.RawHTML:
			segs := v.Segments
			for i := 0; i < segs.Len(); i++ {
				seg := segs.At(i)
				w.text(string(seg.Value(w.src)), st)
			}
		default:
			w.inline(c, st)
		}
	}
}

// link keeps web and mail links as links; anything else (a relative path,
// a script URL) is only its text.
func (w *mdWriter) link(url string, n ast.Node, st mdStyle) {
	if !safeURL(url) {
		w.inline(n, st)
		return
	}
	sub := &mdWriter{src: w.src}
	sub.inline(n, st)
	var runs []docx.Run
	for _, in := range sub.out {
		if r, ok := in.(docx.Run); ok {
			runs = append(runs, r)
		}
	}
	w.out = append(w.out, docx.Link{URL: url, Runs: runs})
}

func (w *mdWriter) linkText(url, label string, st mdStyle) {
	if !safeURL(url) {
		w.text(label, st)
		return
	}
	w.out = append(w.out, docx.Link{URL: url, Runs: []docx.Run{{Text: label, Bold: st.bold, Italic: st.italic}}})
}

func safeURL(u string) bool {
	l := strings.ToLower(u)
	return strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "mailto:")
}

// text appends s, merging it into the previous run when the style matches.
func (w *mdWriter) text(s string, st mdStyle) {
	if s == "" {
		return
	}
	if k := len(w.out); k > 0 {
		if r, ok := w.out[k-1].(docx.Run); ok && r.Bold == st.bold && r.Italic == st.italic {
			r.Text += s
			w.out[k-1] = r
			return
		}
	}
	w.out = append(w.out, docx.Run{Text: s, Bold: st.bold, Italic: st.italic})
}
