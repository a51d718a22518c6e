package anchor

import (
	"sort"
	"strings"
	"unicode"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
)

// Baselines the accuracy table compares with. None of them grades its
// confidence, so every placement they make counts as sure.

func oldPassage(old *report.Draft, c item.Comment) (*report.Block, string) {
	b := old.Block(c.Anchor.ParagraphID)
	if c.Anchor.Quote != "" || b == nil {
		return b, c.Anchor.Quote
	}
	return b, b.Text
}

func placed(r Result, b report.Block, s, e int, exact bool, old *report.Block) Result {
	r.NewBlockID, r.NewRef, r.Confidence = b.ID, b.Ref, 1
	r.Anchor = item.Anchor{ParagraphID: b.ID, Start: s, End: e}
	r.Outcome = OutcomeBaseChanged
	if exact {
		r.Outcome = OutcomeUnchanged
		if old != nil && old.Section != b.Section {
			r.Outcome = OutcomeMoved
		}
	}
	return r
}

// exactBaseline searches the quote (or the whole paragraph) verbatim.
func exactBaseline(old, new *report.Draft, cs []item.Comment) []Result {
	out := make([]Result, len(cs))
	for i, c := range cs {
		ob, q := oldPassage(old, c)
		out[i] = Result{ItemID: c.ID, Outcome: OutcomeOrphaned}
		for _, b := range new.Blocks {
			if j := strings.Index(b.Text, q); j >= 0 && q != "" {
				out[i] = placed(out[i], b, j, j+len(q), true, ob)
				break
			}
		}
	}
	return out
}

// numberBaseline trusts the paragraph ID (which carries its number).
func numberBaseline(old, new *report.Draft, cs []item.Comment) []Result {
	out := make([]Result, len(cs))
	for i, c := range cs {
		ob, q := oldPassage(old, c)
		out[i] = Result{ItemID: c.ID, Outcome: OutcomeOrphaned}
		b := new.Block(c.Anchor.ParagraphID)
		if b == nil {
			continue
		}
		s, e := min(c.Anchor.Start, len(b.Text)), min(c.Anchor.End, len(b.Text))
		if c.Anchor.Quote == "" {
			s, e = 0, len(b.Text)
		}
		out[i] = placed(out[i], *b, s, e, b.Text[s:e] == q, ob)
	}
	return out
}

// wordPos is a word of a text with its byte span.
type wordPos struct {
	w    string
	s, e int
}

func wordsAt(t string) []wordPos {
	var out []wordPos
	start := -1
	for i, r := range t + " " {
		if unicode.IsSpace(r) {
			if start >= 0 {
				out = append(out, wordPos{strings.ToLower(t[start:i]), start, i})
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	return out
}

func plain(ws []wordPos) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.w
	}
	return out
}

// fuzzyBaseline is a web-annotation-style matcher (as Hypothesis does):
// the best approximate match of the quote, scored with the prefix and
// suffix context and the position hint (weights 50, 20, 20, 2), accepted
// when at least half the quote matches.
func fuzzyBaseline(old, new *report.Draft, cs []item.Comment) []Result {
	idx := map[string][]int{}
	nw := make([][]wordPos, len(new.Blocks))
	for i, b := range new.Blocks {
		nw[i] = wordsAt(b.Text)
		for _, w := range nw[i] {
			if p := idx[w.w]; len(p) == 0 || p[len(p)-1] != i {
				idx[w.w] = append(p, i)
			}
		}
	}
	oldPos := map[string]int{}
	for i, b := range old.Blocks {
		oldPos[b.ID] = i
	}
	out := make([]Result, len(cs))
	for i, c := range cs {
		ob, q := oldPassage(old, c)
		out[i] = Result{ItemID: c.ID, Outcome: OutcomeOrphaned}
		qw := plain(wordsAt(q))
		if len(qw) == 0 {
			continue
		}
		best, bestScore, bs, be, exact := -1, 0.0, 0, 0, false
		for _, bi := range topBlocks(idx, qw, 5) {
			ws := nw[bi]
			for k := 0; k+len(qw) <= len(ws) || (k == 0 && len(ws) > 0); k++ {
				e := min(k+len(qw), len(ws))
				qs := coverage(qw, plain(ws[k:e]))
				if qs < 0.5 {
					continue
				}
				ps := coverage(lastWords(c.Anchor.Before, 6), plain(ws[max(0, k-6):k]))
				ss := coverage(firstWords(c.Anchor.After, 6), plain(ws[e:min(len(ws), e+6)]))
				pos := 1 - float64(abs(bi*len(old.Blocks)-oldPos[c.Anchor.ParagraphID]*len(new.Blocks)))/float64(len(old.Blocks)*len(new.Blocks)+1)
				if sc := 50*qs + 20*ps + 20*ss + 2*pos; sc > bestScore {
					t := new.Blocks[bi].Text
					best, bestScore, bs, be = bi, sc, ws[k].s, ws[e-1].e
					exact = t[bs:be] == q
				}
			}
		}
		if best >= 0 {
			out[i] = placed(out[i], new.Blocks[best], bs, be, exact, ob)
		}
	}
	return out
}

func topBlocks(idx map[string][]int, qw []string, n int) []int {
	score := map[int]int{}
	for _, w := range qw {
		for _, bi := range idx[w] {
			score[bi]++
		}
	}
	ids := make([]int, 0, len(score))
	for bi := range score {
		ids = append(ids, bi)
	}
	sort.Slice(ids, func(i, j int) bool {
		if score[ids[i]] != score[ids[j]] {
			return score[ids[i]] > score[ids[j]]
		}
		return ids[i] < ids[j]
	})
	return ids[:min(n, len(ids))]
}

func lastWords(s string, n int) []string {
	ws := plain(wordsAt(s))
	return ws[max(0, len(ws)-n):]
}

func firstWords(s string, n int) []string {
	ws := plain(wordsAt(s))
	return ws[:min(n, len(ws))]
}
