package item

import (
	"strconv"
	"strings"
)

// Line is one printed line of an Opinion. Level 0 is a keyword or heading
// (italic in ITU style), 1 an item, 2 a sub-item.
type Line struct {
	Level int    `json:"level"`
	Label string `json:"label,omitempty"` // "a)", "1", "i)"
	Text  string `json:"text"`            // with its computed end punctuation
}

// Lines lays the Opinion out by the ITU rules (wtpf-26.md §4): preambular
// items lettered a), b)..., operative items numbered 1, 2... per block,
// sub-items i), ii)...; every item ends with ";", the last item of a block
// with "," and the last item of the Opinion with ".". An item with
// sub-items ends with ":" and its last sub-item takes the item's ending.
// Punctuation the author typed at the end of an item is replaced.
func (o *Opinion) Lines() []Line {
	var out []Line
	for _, b := range o.Preamble {
		out = append(out, Line{Level: 0, Text: strings.TrimSpace(b.Keyword)})
		for i, it := range b.Items {
			end := blockEnd(i, len(b.Items), false)
			out = append(out, Line{Level: 1, Label: letter(i) + ")", Text: trimEnd(it) + end})
		}
	}
	for bi, b := range o.Operative {
		out = append(out, Line{Level: 0, Text: strings.TrimSpace(strings.TrimSpace(b.Heading) + " " + strings.TrimSpace(b.Addressee))})
		for i, it := range b.Items {
			end := blockEnd(i, len(b.Items), bi == len(o.Operative)-1)
			out = append(out, operativeLines(i, it, end)...)
		}
	}
	return out
}

func operativeLines(i int, it OperativeItem, end string) []Line {
	label := strconv.Itoa(i + 1)
	if len(it.SubItems) == 0 {
		return []Line{{Level: 1, Label: label, Text: trimEnd(it.Text) + end}}
	}
	lines := []Line{{Level: 1, Label: label, Text: strings.TrimRight(trimEnd(it.Text), ":") + ":"}}
	for j, s := range it.SubItems {
		e := ";"
		if j == len(it.SubItems)-1 {
			e = end
		}
		lines = append(lines, Line{Level: 2, Label: roman(j+1) + ")", Text: trimEnd(s) + e})
	}
	return lines
}

func blockEnd(i, n int, lastBlock bool) string {
	switch {
	case i < n-1:
		return ";"
	case lastBlock:
		return "."
	}
	return ","
}

// trimEnd drops the end punctuation an author may have typed.
func trimEnd(s string) string {
	return strings.TrimRight(strings.TrimSpace(s), ";,. ")
}

// letter gives a, b, ... z, aa, ab, ...
func letter(i int) string {
	if i < 26 {
		return string(rune('a' + i))
	}
	return letter(i/26-1) + letter(i%26)
}

// roman gives lower-case roman numerals for sub-items.
func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// Text renders the Opinion as plain text, one line per Line, headed the way
// the SG report heads draft Opinions.
func (o *Opinion) Text() string {
	var b strings.Builder
	if o.Amends > 0 {
		b.WriteString("DRAFT OPINION " + strconv.Itoa(o.Amends) + "\n")
	} else {
		b.WriteString("DRAFT OPINION (new)\n")
	}
	b.WriteString(strings.TrimSpace(o.Title) + "\n")
	b.WriteString("The seventh World Telecommunication/ICT Policy Forum (Geneva, 2026),\n")
	for _, l := range o.Lines() {
		switch l.Level {
		case 0:
			b.WriteString("    " + l.Text + "\n")
		case 1:
			b.WriteString(l.Label + " " + l.Text + "\n")
		default:
			b.WriteString("  " + l.Label + " " + l.Text + "\n")
		}
	}
	return b.String()
}
