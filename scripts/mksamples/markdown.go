package main

import (
	"strconv"
	"strings"
)

// renumber recomputes heading numbers (1, 1.1, …) and the document-wide
// paragraph numbers from the order of blocks, as Word would.
func (d *draft) renumber() {
	var counters [3]int
	para := 0
	for i := range d.Blocks {
		b := &d.Blocks[i]
		switch {
		case b.Kind == kindHeading && !b.Annex:
			counters[b.Level-1]++
			for k := b.Level; k < 3; k++ {
				counters[k] = 0
			}
			parts := make([]string, b.Level)
			for k := range parts {
				parts[k] = strconv.Itoa(counters[k])
			}
			b.Num = strings.Join(parts, ".")
		case b.Kind == kindPara:
			para++
			b.Num = strconv.Itoa(para)
		}
	}
}

// markdown renders the draft back to its Markdown form.
func (d *draft) markdown() string {
	var out []string
	if d.Meta != "" {
		out = append(out, d.Meta)
	}
	for _, b := range d.Blocks {
		out = append(out, b.markdown())
	}
	var defs []string
	for _, f := range d.Footnotes {
		defs = append(defs, "[^"+f.Label+"]: "+f.Text)
	}
	if len(defs) > 0 {
		out = append(out, strings.Join(defs, "\n"))
	}
	return strings.Join(out, "\n\n") + "\n"
}

func (b block) markdown() string {
	switch b.Kind {
	case kindHeading:
		h := strings.Repeat("#", b.Level) + " "
		if b.Annex {
			return h + b.Text
		}
		return h + b.Num + " " + b.Text
	case kindPara:
		return b.Num + ". " + b.Text
	case kindBullets:
		return "- " + strings.Join(b.Lines, "\n- ")
	case kindTable:
		return strings.Join(b.Lines, "\n")
	case kindOpinion:
		return b.Opinion.markdown()
	}
	return b.Text
}
