package report

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// mdReader walks goldmark's AST into blocks, following the sample-draft
// conventions: headings carry typed numbers, numbered paragraphs are
// ordered-list items whose literal number (not Markdown's renumbering) is
// the paragraph number.
type mdReader struct {
	src   []byte
	d     *Draft
	notes map[int]string
}

var (
	metaCommentRe = regexp.MustCompile(`^\s*<!--\s*delegate-draft\b([^>]*)-->`)
	metaAttrRe    = regexp.MustCompile(`([A-Za-z_-]+)="([^"]*)"`)
	headingNumRe  = regexp.MustCompile(`^(\d+(?:\.\d+)*)\.?\s+(\S.*)$`)
)

func readMarkdown(src []byte) (*Draft, error) {
	exts := []goldmark.Extender{extension.Table, extension.Footnote, extension.Strikethrough}
	front := hasFrontMatter(src)
	if front {
		exts = append(exts, meta.Meta)
	}
	pc := parser.NewContext()
	doc := goldmark.New(goldmark.WithExtensions(exts...)).Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	r := &mdReader{src: src, d: &Draft{SourceFormat: "markdown"}, notes: map[int]string{}}
	if front {
		r.frontMatter(doc, pc)
	}
	if m := metaCommentRe.FindSubmatch(src); m != nil {
		for _, kv := range metaAttrRe.FindAllSubmatch(m[1], -1) {
			setMeta(r.d, strings.ToLower(string(kv[1])), string(kv[2]))
		}
	}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		r.block(n, false)
	}
	r.d.Footnotes = r.footnotes(doc)
	return r.d, nil
}

// frontMatterRe is YAML front matter as static-site generators and
// pandoc write it: "---" on the first line and a closing "---" or "...".
var frontMatterRe = regexp.MustCompile(`\A(?:\xEF\xBB\xBF)?---[ \t]*\r?\n(?s:.*?)\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\z)`)

// hasFrontMatter says whether the file opens with closed YAML front
// matter. An opening "---" with no closing line is a thematic break, and
// the metadata parser would otherwise read the whole draft as metadata.
func hasFrontMatter(src []byte) bool { return frontMatterRe.Match(src) }

// frontMatter takes the draft's label, version, document ID and date from
// the front matter; the front matter is never read as a heading and a
// paragraph of the draft, also when its YAML is broken.
func (r *mdReader) frontMatter(doc ast.Node, pc parser.Context) {
	m, err := meta.TryGet(pc)
	if err != nil {
		if first := doc.FirstChild(); first != nil && first.Kind() == ast.KindTextBlock {
			doc.RemoveChild(doc, first)
		}
		return
	}
	for k, v := range m {
		switch v.(type) {
		case string, int, float64, bool:
			setMeta(r.d, strings.ToLower(k), fmt.Sprint(v))
		}
	}
}

func (r *mdReader) block(n ast.Node, inBullet bool) {
	switch v := n.(type) {
	case *ast.Heading:
		r.heading(v)
	case *ast.Paragraph, *ast.TextBlock:
		r.para(n, KindParagraph, "")
	case *ast.List:
		r.list(v)
	case *extast.Table:
		r.table(v)
	case *ast.Blockquote:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			r.block(c, inBullet)
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		r.code(n)
	}
}

func (r *mdReader) heading(h *ast.Heading) {
	runs, notes := r.inline(h)
	t := cleanText(runsText(runs))
	b := Block{Kind: KindHeading, Level: h.Level, Text: t, Notes: notes}
	if m := headingNumRe.FindStringSubmatch(t); m != nil {
		b.Number, b.Text = m[1], m[2]
	}
	r.d.Blocks = append(r.d.Blocks, b)
}

func (r *mdReader) para(n ast.Node, kind BlockKind, number string) {
	runs, notes := r.inline(n)
	t := cleanText(runsText(runs))
	if t == "" {
		return
	}
	r.d.Blocks = append(r.d.Blocks, Block{Kind: kind, Number: number, Text: t, Runs: keepRuns(runs), Notes: notes})
}

// list: ordered items are numbered paragraphs with the number typed in the
// source; bullet items are list items.
func (r *mdReader) list(l *ast.List) {
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		num := ""
		if l.IsOrdered() {
			num = r.literalNumber(it)
		}
		first := true
		for c := it.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				switch {
				case l.IsOrdered() && first:
					r.para(c, KindParagraph, num)
				case l.IsOrdered():
					r.para(c, KindParagraph, "")
				default:
					r.para(c, KindListItem, "")
				}
				first = false
			default:
				r.block(c, !l.IsOrdered())
			}
		}
	}
}

// literalNumber reads the number typed before an ordered item's text.
func (r *mdReader) literalNumber(it ast.Node) string {
	c := it.FirstChild()
	if c == nil || c.Lines().Len() == 0 {
		return ""
	}
	start := c.Lines().At(0).Start
	ls := start
	for ls > 0 && r.src[ls-1] != '\n' {
		ls--
	}
	line := strings.TrimLeft(string(r.src[ls:start]), " \t>")
	end := 0
	for end < len(line) && line[end] >= '0' && line[end] <= '9' {
		end++
	}
	if end == 0 {
		return ""
	}
	n, _ := strconv.Atoi(line[:end])
	return strconv.Itoa(n)
}

func (r *mdReader) table(t *extast.Table) {
	var rows [][]string
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []string
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			runs, _ := r.inline(c)
			cells = append(cells, cleanText(runsText(runs)))
		}
		rows = append(rows, cells)
	}
	if len(rows) > 0 {
		r.d.Blocks = append(r.d.Blocks, Block{Kind: KindTable, Table: &Table{Rows: rows}, Text: tableText(rows)})
	}
}

func (r *mdReader) code(n ast.Node) {
	var b strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b.Write(seg.Value(r.src))
	}
	r.d.Blocks = append(r.d.Blocks, Block{Kind: KindParagraph, Text: cleanText(b.String())})
}
