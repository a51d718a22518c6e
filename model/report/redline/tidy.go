package redline

import "strings"

// tidy makes the redline read like a human's: a lone space between two
// changes joins them ("[-the cat-]{+a dog+}" rather than word by word), all
// deletions of a change come before its insertions, and neighbours of the
// same kind merge.
func tidy(ops []Op) []Op {
	for i := 1; i+1 < len(ops); i++ {
		if ops[i].Kind == Equal && strings.TrimSpace(ops[i].Text) == "" && ops[i-1].Kind != Equal && ops[i+1].Kind != Equal {
			t := ops[i].Text
			ops[i] = Op{Delete, t}
			ops = append(ops[:i+1], append([]Op{{Insert, t}}, ops[i+1:]...)...)
		}
	}
	var out []Op
	for i := 0; i < len(ops); {
		if ops[i].Kind == Equal {
			out = appendMerged(out, ops[i])
			i++
			continue
		}
		var del, ins strings.Builder
		for ; i < len(ops) && ops[i].Kind != Equal; i++ {
			if ops[i].Kind == Delete {
				del.WriteString(ops[i].Text)
			} else {
				ins.WriteString(ops[i].Text)
			}
		}
		if del.Len() > 0 {
			out = append(out, Op{Delete, del.String()})
		}
		if ins.Len() > 0 {
			out = append(out, Op{Insert, ins.String()})
		}
	}
	return out
}

func appendMerged(out []Op, op Op) []Op {
	if n := len(out); n > 0 && out[n-1].Kind == op.Kind {
		out[n-1].Text += op.Text
		return out
	}
	return append(out, op)
}

// Old and New rebuild the two texts from a redline.
func Old(ops []Op) string { return join(ops, Delete) }

// New is the text after the change.
func New(ops []Op) string { return join(ops, Insert) }

func join(ops []Op, keep Kind) string {
	var b strings.Builder
	for _, o := range ops {
		if o.Kind == Equal || o.Kind == keep {
			b.WriteString(o.Text)
		}
	}
	return b.String()
}

// Render writes a redline as plain text: [-deleted-]{+inserted+}.
func Render(ops []Op) string {
	var b strings.Builder
	for _, o := range ops {
		switch o.Kind {
		case Delete:
			b.WriteString("[-" + o.Text + "-]")
		case Insert:
			b.WriteString("{+" + o.Text + "+}")
		default:
			b.WriteString(o.Text)
		}
	}
	return b.String()
}

// Changed reports whether the redline has any insertion or deletion.
func Changed(ops []Op) bool {
	for _, o := range ops {
		if o.Kind != Equal {
			return true
		}
	}
	return false
}

// Similarity is the share of words (spaces ignored) the two texts have in
// common, from 0 (nothing) to 1 (same words); alignment uses it to tell a
// modified paragraph from a replaced one.
func Similarity(old, new string) float64 {
	ops := Diff(old, new)
	var same, total int
	for _, o := range ops {
		n := wordCount(o.Text)
		if o.Kind == Equal {
			same += 2 * n
		}
		total += n
	}
	total += same / 2
	if total == 0 {
		return 1
	}
	return float64(same) / float64(total)
}

func wordCount(s string) int {
	n := 0
	for _, t := range Tokens(s) {
		if strings.TrimSpace(t) != "" {
			n++
		}
	}
	return n
}
