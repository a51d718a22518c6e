package anchor

import (
	"fmt"
	"math/rand"
	"strings"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
)

// mutate edits one paragraph's words in place (reword, change under the
// first quote, incorporate its proposal); structural kinds are done by
// arrange.
func mutate(rng *rand.Rand, kind int, ts []tok, q *synthetic) []tok {
	replace := func(k int) {
		ts[k] = tok{w: freshWords[rng.Intn(len(freshWords))] + fmt.Sprint(rng.Intn(90)+10), origin: ts[k].origin, changed: true}
	}
	switch kind {
	case mutReword:
		for n := 1 + rng.Intn(3); n > 0; n-- {
			replace(rng.Intn(len(ts)))
		}
	case mutUnderQuote:
		if q == nil {
			replace(rng.Intn(len(ts)))
			break
		}
		for n := 1 + rng.Intn(2); n > 0; n-- {
			replace(q.w0 + rng.Intn(q.w1-q.w0))
		}
	case mutIncorporate:
		return incorporate(ts, q)
	case mutSplit:
		if _, _, ok := splitAt(chunk{toks: ts}); !ok {
			panic("pick chose a paragraph that cannot be split")
		}
	}
	return ts
}

func incorporate(ts []tok, q *synthetic) []tok {
	p := q.c.Proposal
	q.applied = true
	var prop []tok
	quoted := map[string]int{}
	for k := q.w0; k < q.w1; k++ {
		quoted[ts[k].w] = ts[k].origin
	}
	for _, w := range strings.Fields(p.Proposed) {
		t := tok{w: w, origin: -2, prop: true}
		if o, ok := quoted[w]; ok && p.Action == item.ActionMod {
			t.origin = o // a word of the quote kept by the proposal
			delete(quoted, w)
		}
		prop = append(prop, t)
	}
	out := append([]tok{}, ts[:q.w0]...)
	switch p.Action {
	case item.ActionMod:
		out = append(out, prop...)
	case item.ActionAdd:
		out = append(append(out, ts[q.w0:q.w1]...), prop...)
	}
	return append(out, ts[q.w1:]...)
}

// arrange lays out the new draft's body: deletions, moves, splits, merges
// and inserted paragraphs.
func (c *corpus) arrange(rng *rand.Rand, sel []int, kind map[int]int, toks map[int][]tok) []any {
	var out []any
	var moved []chunk
	for i := range c.chunks {
		if !c.isBody(i) || !c.usable[i] {
			out = append(out, i)
			continue
		}
		ch := chunk{toks: toks[i], from: i}
		switch kind[i] {
		case -1: // merged into the paragraph before
			continue
		case mutDelete:
			continue
		case mutMove:
			moved = append(moved, ch)
			continue
		case mutInsert:
			out = append(out, chunk{toks: freshText(rng, 12+rng.Intn(20)), from: -1})
		case mutMerge:
			ch.toks = append(append([]tok{}, ch.toks...), toks[i+1]...)
		case mutSplit:
			if a, b, ok := splitAt(ch); ok {
				out = append(out, a, b)
				continue
			}
		}
		out = append(out, ch)
	}
	for _, m := range moved {
		out = insertFar(rng, out, m)
	}
	return out
}

func (c *corpus) isBody(i int) bool {
	for _, b := range c.body {
		if b == i {
			return true
		}
	}
	return false
}

// splitAt cuts a paragraph at the sentence end nearest its middle.
func splitAt(ch chunk) (chunk, chunk, bool) {
	best := -1
	for k := 1; k < len(ch.toks); k++ {
		if strings.HasSuffix(ch.toks[k-1].w, ".") && (best < 0 || abs(k-len(ch.toks)/2) < abs(best-len(ch.toks)/2)) {
			best = k
		}
	}
	if best < 0 {
		return ch, ch, false
	}
	return chunk{toks: ch.toks[:best], from: ch.from}, chunk{toks: ch.toks[best:], from: ch.from}, true
}

// insertFar puts a moved paragraph at least 30 paragraphs away, right
// after another numbered paragraph.
func insertFar(rng *rand.Rand, out []any, m chunk) []any {
	var spots []int
	for k, x := range out {
		if ch, ok := x.(chunk); ok && abs(ch.from-m.from) > 60 {
			spots = append(spots, k+1)
		}
	}
	at := spots[rng.Intn(len(spots))]
	return append(out[:at], append([]any{m}, out[at:]...)...)
}

// render writes the new draft's Markdown, numbering body paragraphs in
// order; nums[k] is the number given to order[k] when it is a chunk.
func (c *corpus) render(order []any) (string, []int) {
	parts, nums := make([]string, 0, len(order)), make([]int, len(order))
	num := 0
	for k, x := range order {
		switch v := x.(type) {
		case int:
			s := c.chunks[v]
			if m := numberedRe.FindStringSubmatch(s); m != nil && c.isBody(v) {
				num++
				s = fmt.Sprintf("%d. %s", num, m[2])
			}
			parts = append(parts, s)
		case chunk:
			num++
			nums[k] = num
			parts = append(parts, fmt.Sprintf("%d. %s", num, v.text()))
		}
	}
	return strings.Join(parts, "\n\n"), nums
}

// place is where a word of the original ended up: which new chunk, which word.
type place struct{ chunk, k int }

// resolve fills in each comment's expected outcome, new paragraph and span.
func resolve(new *report.Draft, order []any, nums []int, comms []synthetic) {
	where := map[int]place{}
	var chunks []chunk
	var paras []*report.Block
	for k, x := range order {
		v, ok := x.(chunk)
		if !ok {
			continue
		}
		for i, t := range v.toks {
			if t.origin >= 0 {
				where[t.origin] = place{len(chunks), i}
			}
		}
		chunks, paras = append(chunks, v), append(paras, bodyPara(new, fmt.Sprint(nums[k])))
	}
	for k := range comms {
		comms[k].truth(where, chunks, paras)
	}
}
