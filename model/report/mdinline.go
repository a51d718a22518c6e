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

// inlineWalk is one walk over a block's inline nodes: the runs and
// footnote marks collected so far.
type inlineWalk struct {
	r     *mdReader
	runs  []Run
	notes []string
}

// inline collects a block's text as formatted runs, and its footnote marks.
func (r *mdReader) inline(n ast.Node) ([]Run, []string) {
	w := &inlineWalk{r: r}
	w.walk(n, inlineFmt{})
	return w.runs, w.notes
}

func (w *inlineWalk) add(s string, f inlineFmt) {
	if s == "" {
		return
	}
	if k := len(w.runs); k > 0 && w.runs[k-1].Bold == f.bold && w.runs[k-1].Italic == f.italic && w.runs[k-1].Link == f.link {
		w.runs[k-1].Text += s
		return
	}
	w.runs = append(w.runs, Run{Text: s, Bold: f.bold, Italic: f.italic, Link: f.link})
}

func (w *inlineWalk) walk(n ast.Node, f inlineFmt) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.node(c, f)
	}
}

// node adds one inline node with the formatting in force.
func (w *inlineWalk) node(c ast.Node, f inlineFmt) {
	src := w.r.src
	switch v := c.(type) {
	case *ast.Text:
		w.add(string(v.Segment.Value(src)), f)
		if v.SoftLineBreak() || v.HardLineBreak() {
			w.add(" ", f)
		}
	case *ast.String:
		w.add(string(v.Value), f)
	case *ast.Emphasis:
		g := f
		if v.Level >= 2 {
			g.bold = true
		} else {
			g.italic = true
		}
		w.walk(v, g)
	case *ast.Link:
		g := f
		g.link = string(v.Destination)
		w.walk(v, g)
	case *ast.AutoLink:
		g := f
		g.link = string(v.URL(src))
		w.add(string(v.Label(src)), g)
	case *ast.Image:
		w.add(" [image] ", f)
		w.r.d.Placeholders++
	case *extast.FootnoteLink:
		w.notes = append(w.notes, strconv.Itoa(v.Index))
	case *ast.RawHTML:
		// HTML comments and tags carry no report text.
	default: // code spans and every other container: their text, as is
		w.walk(c, f)
	}
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
