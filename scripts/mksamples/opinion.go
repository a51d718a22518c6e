package main

import (
	"fmt"
	"strconv"
	"strings"
)

// opinion is a draft Opinion held as structure, so lettering, numbering and
// end punctuation are computed (wtpf-26.md §4) and amendments stay correct.
type opinion struct {
	Number int
	Title  string // Markdown, e.g. "**Resilience of telecommunications/ICTs**"
	Intro  string
	Blocks []opBlock
}

type opBlock struct {
	Keyword string
	Items   []opItem
}

type opItem struct {
	Text string // without label and end punctuation
	Subs []string
}

func (o *opinion) clone() *opinion {
	c := *o
	c.Blocks = nil
	for _, b := range o.Blocks {
		nb := opBlock{Keyword: b.Keyword}
		for _, it := range b.Items {
			nb.Items = append(nb.Items, opItem{Text: it.Text, Subs: append([]string(nil), it.Subs...)})
		}
		c.Blocks = append(c.Blocks, nb)
	}
	return &c
}

// operative reports whether a keyword opens an operative block.
func operative(kw string) bool {
	for _, p := range []string{"is of the view", "invites", "encourages", "resolves", "instructs"} {
		if strings.HasPrefix(kw, p) {
			return true
		}
	}
	return false
}

// label returns the printed label of item i in a block.
func label(kw string, i int) string {
	if operative(kw) {
		return strconv.Itoa(i + 1)
	}
	return string(rune('a'+i)) + ")"
}

var romans = []string{"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"}

// opLine is one printed paragraph of an Opinion body.
type opLine struct {
	Keyword bool
	Sub     bool
	Label   string
	Text    string // with end punctuation
}

// lines lays out the blocks: ";" inside a block, "," at a block's end, "."
// at the Opinion's end; an item with sub-items ends with ":".
func (o *opinion) lines() []opLine {
	var out []opLine
	for bi, b := range o.Blocks {
		out = append(out, opLine{Keyword: true, Text: b.Keyword})
		for i, it := range b.Items {
			end := ";"
			if i == len(b.Items)-1 {
				end = ","
				if bi == len(o.Blocks)-1 {
					end = "."
				}
			}
			if len(it.Subs) == 0 {
				out = append(out, opLine{Label: label(b.Keyword, i), Text: it.Text + end})
				continue
			}
			out = append(out, opLine{Label: label(b.Keyword, i), Text: it.Text + ":"})
			for j, s := range it.Subs {
				e := ";"
				if j == len(it.Subs)-1 {
					e = end
				}
				out = append(out, opLine{Sub: true, Label: romans[j] + ")", Text: s + e})
			}
		}
	}
	return out
}

// markdown renders the Opinion in the sample Markdown form.
func (o *opinion) markdown() string {
	paras := []string{fmt.Sprintf("## DRAFT OPINION %d", o.Number), o.Title, o.Intro}
	for _, l := range o.lines() {
		if l.Keyword {
			paras = append(paras, "*"+l.Text+"*")
		} else {
			paras = append(paras, l.Label+" "+l.Text)
		}
	}
	return strings.Join(paras, "\n\n")
}

// parseOpinion reads the paragraphs after "## DRAFT OPINION n".
func parseOpinion(num int, paras []string) (*opinion, error) {
	if len(paras) < 3 {
		return nil, fmt.Errorf("draft Opinion %d is too short", num)
	}
	o := &opinion{Number: num, Title: paras[0], Intro: paras[1]}
	for _, p := range paras[2:] {
		if err := o.addParagraph(p); err != nil {
			return nil, fmt.Errorf("draft Opinion %d: %w", num, err)
		}
	}
	return o, nil
}

func (o *opinion) addParagraph(p string) error {
	if strings.HasPrefix(p, "*") && strings.HasSuffix(p, "*") {
		o.Blocks = append(o.Blocks, opBlock{Keyword: strings.Trim(p, "*")})
		return nil
	}
	if len(o.Blocks) == 0 {
		return fmt.Errorf("item before any keyword: %q", p)
	}
	b := &o.Blocks[len(o.Blocks)-1]
	lbl, text, ok := strings.Cut(p, " ")
	if !ok {
		return fmt.Errorf("item without label: %q", p)
	}
	text = strings.TrimRight(text, ";,.:")
	for _, r := range romans {
		if lbl == r+")" && len(b.Items) > 0 {
			last := &b.Items[len(b.Items)-1]
			last.Subs = append(last.Subs, text)
			return nil
		}
	}
	b.Items = append(b.Items, opItem{Text: text})
	return nil
}
