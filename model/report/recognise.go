package report

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// opWalker recognises the draft Opinions in the annex, block by block.
type opWalker struct {
	d       *Draft
	op      *Opinion
	opSec   string
	part    *OpinionPart
	partSec string
	kwSeen  map[string]int
}

func recogniseOpinions(d *Draft) {
	w := &opWalker{d: d}
	for i := range d.Blocks {
		b := &d.Blocks[i]
		if !b.Annex {
			continue
		}
		if n, ok := opinionNumber(b.Text); ok {
			w.startOpinion(i, n)
			continue
		}
		if b.Kind == KindHeading && b.Level <= 1 {
			w.flush()
			continue
		}
		if w.op != nil {
			w.block(i)
		}
	}
	w.flush()
}

func (w *opWalker) flush() {
	if w.op != nil {
		w.d.Opinions = append(w.d.Opinions, *w.op)
	}
	w.op, w.part = nil, nil
}

func (w *opWalker) startOpinion(i, n int) {
	w.flush()
	b := &w.d.Blocks[i]
	w.opSec = strings.SplitN(b.Section, "/", 2)[0] + "/op" + strconv.Itoa(n)
	b.Section = w.opSec
	w.op = &Opinion{Number: n, blockIdx: i}
	w.kwSeen = map[string]int{}
	m := opinionRe.FindStringIndex(b.Text)
	w.op.Title = strings.Trim(b.Text[m[1]:], " –—-:")
}

func (w *opWalker) block(i int) {
	b := &w.d.Blocks[i]
	b.Section = w.opSec
	lower := strings.ToLower(b.Text)
	switch {
	case w.part == nil && strings.HasPrefix(lower, "the ") && strings.Contains(lower, "forum"):
		w.op.Forum, b.role = b.Text, "forum"
		return
	case w.part == nil && w.op.Title == "" && w.op.Forum == "":
		w.op.Title, b.role = b.Text, "title"
		return
	}
	if k := keywordKind(*b); k != 0 {
		w.startPart(i, k)
		return
	}
	if w.part != nil {
		w.item(i)
	}
}

func (w *opWalker) startPart(i, kind int) {
	b := &w.d.Blocks[i]
	kw := strings.TrimRight(strings.TrimSpace(b.Text), ",:")
	s := slug(kw)
	w.kwSeen[s]++
	if n := w.kwSeen[s]; n > 1 {
		s += "-" + strconv.Itoa(n)
	}
	w.partSec = w.opSec + "/" + s
	b.Section, b.role = w.partSec, "keyword"
	part := OpinionPart{Keyword: kw, idx: i}
	if kind == 2 || len(w.op.Operative) > 0 {
		w.op.Operative = append(w.op.Operative, part)
		w.part = &w.op.Operative[len(w.op.Operative)-1]
		return
	}
	w.op.Preamble = append(w.op.Preamble, part)
	w.part = &w.op.Preamble[len(w.op.Preamble)-1]
}

func (w *opWalker) item(i int) {
	b := &w.d.Blocks[i]
	label, text := itemLabel(*b)
	if label != "" {
		b.Runs = trimRuns(b.Runs, b.Text, utf8.RuneCountInString(b.Text)-utf8.RuneCountInString(text))
		b.Text = text
	}
	b.Section = w.partSec
	b.Number = displayLabel(label)
	it := OpinionItem{Label: label, Text: text, idx: i}
	if n := len(w.part.Items); n > 0 && isRoman(label) && label != nextLetter(w.part) {
		parent := &w.part.Items[n-1]
		b.Section = w.partSec + "/" + parent.Label
		parent.SubItems = append(parent.SubItems, it)
		return
	}
	w.part.Items = append(w.part.Items, it)
}

func displayLabel(l string) string {
	if l == "" || (l[0] >= '0' && l[0] <= '9') {
		return l
	}
	return l + ")"
}

// trimRuns drops a typed label (the text's first n characters) from the
// runs; spaces are skipped on both sides because the text was collapsed.
func trimRuns(runs []Run, text string, n int) []Run {
	want := 0
	for _, c := range []rune(text)[:n] {
		if !unicode.IsSpace(c) {
			want++
		}
	}
	for len(runs) > 0 && want > 0 {
		r := []rune(runs[0].Text)
		i := 0
		for ; i < len(r) && want > 0; i++ {
			if !unicode.IsSpace(r[i]) {
				want--
			}
		}
		if i < len(r) {
			runs[0].Text = strings.TrimLeftFunc(string(r[i:]), unicode.IsSpace)
			break
		}
		runs = runs[1:]
	}
	if len(runs) > 0 && runs[0].Text == "" {
		runs = runs[1:]
	}
	return runs
}

// fillOpinionIDs copies block IDs into the recognised Opinions.
func fillOpinionIDs(d *Draft) {
	id := func(i int) string { return d.Blocks[i].ID }
	for oi := range d.Opinions {
		o := &d.Opinions[oi]
		o.BlockID = id(o.blockIdx)
		for _, parts := range [][]OpinionPart{o.Preamble, o.Operative} {
			for pi := range parts {
				parts[pi].BlockID = id(parts[pi].idx)
				for ii := range parts[pi].Items {
					it := &parts[pi].Items[ii]
					it.BlockID = id(it.idx)
					for si := range it.SubItems {
						it.SubItems[si].BlockID = id(it.SubItems[si].idx)
					}
				}
			}
		}
	}
}
