package report

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// inlineFmt is the formatting in force while walking inline nodes.
type inlineFmt struct {
	bold, italic bool
	link         string
}

// inline collects a block's text as formatted runs, and its footnote marks.
func (r *mdReader) inline(n ast.Node) ([]Run, []string) {
	var runs []Run
	var notes []string
	var walk func(n ast.Node, f inlineFmt)
	add := func(s string, f inlineFmt) {
		if s == "" {
			return
		}
		if k := len(runs); k > 0 && runs[k-1].Bold == f.bold && runs[k-1].Italic == f.italic && runs[k-1].Link == f.link {
			runs[k-1].Text += s
			return
		}
		runs = append(runs, Run{Text: s, Bold: f.bold, Italic: f.italic, Link: f.link})
	}
	walk = func(n ast.Node, f inlineFmt) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch v := c.(type) {
			case *ast.Text:
				add(string(v.Segment.Value(r.src)), f)
				if v.SoftLineBreak() || v.HardLineBreak() {
					add(" ", f)
				}
			case *ast.String:
				add(string(v.Value), f)
			case *ast.CodeSpan:
				walk(v, f)
			case *ast.Emphasis:
				g := f
				if v.Level >= 2 {
					g.bold = true
				} else {
					g.italic = true
				}
				walk(v, g)
			case *ast.Link:
				g := f
				g.link = string(v.Destination)
				walk(v, g)
			case *ast.AutoLink:
				g := f
				g.link = string(v.URL(r.src))
				add(string(v.Label(r.src)), g)
			case *ast.Image:
				add(" [image] ", f)
				r.d.Placeholders++
			case *extast.FootnoteLink:
				notes = append(notes, strconv.Itoa(v.Index))
			case *ast.RawHTML:
				// HTML comments and tags carry no report text.
			default:
				walk(c, f)
			}
		}
	}
	walk(n, inlineFmt{})
	return runs, notes
}

// footnotes lists the GFM footnotes in the order goldmark numbered them.
func (r *mdReader) footnotes(doc ast.Node) []Footnote {
	var out []Footnote
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		fn, ok := n.(*extast.Footnote)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		var parts []string
		for c := fn.FirstChild(); c != nil; c = c.NextSibling() {
			runs, _ := r.inline(c)
			parts = append(parts, cleanText(runsText(runs)))
		}
		if fn.Index > 0 {
			out = append(out, Footnote{Mark: strconv.Itoa(fn.Index), Text: strings.TrimSpace(strings.Join(parts, " "))})
		}
		return ast.WalkSkipChildren, nil
	})
	return out
}
