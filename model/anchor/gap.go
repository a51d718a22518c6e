package anchor

import (
	"unicode/utf8"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
)

// gapWindow bounds how far around the place a deleted paragraph stood the
// carrier looks for its successor.
const gapWindow = 8

// Evidence floors for a successor found in the gap.
const (
	gapQuoteMin = 0.6  // share of the quote's content words the successor holds
	gapSureMin  = 0.85 // ... from which, with a clear margin, it is sure
)

// gapSuccessor looks for the successor of an old paragraph the comparison
// calls deleted among the new paragraphs standing between its surviving
// neighbours: the one holding most of the quote's content words (and of
// its paragraph's). A heavily reworded bullet, a paragraph split in two
// or into a list, and two bullets merged all leave the words in the gap
// though no single pair is alike enough for the comparison. It returns
// the change to follow and a ceiling for the confidence.
func (c *Carrier) gapSuccessor(src source) (report.Change, float64, bool) {
	lo, hi := c.gapOf(src.block)
	q := c.inNewTerms(content(words(src.quote)))
	par := c.inNewTerms(content(words(c.oldText[src.block])))
	if len(q) == 0 {
		return report.Change{}, 0, false
	}
	kind := c.old.Blocks[src.block].Kind
	best, second, bestPar, at := 0.0, 0.0, 0.0, -1
	for u := lo; u < hi; u++ {
		if (c.new.Blocks[u].Kind == report.KindHeading) != (kind == report.KindHeading) {
			continue
		}
		nw := words(c.newText[u])
		cq := coverage(q, nw)
		cp := coverage(par, nw)
		score := 0.7*cq + 0.3*cp
		switch {
		case score > best:
			best, second, bestPar, at = score, best, cp, u
		case score > second:
			second = score
		}
	}
	if at < 0 || best < gapQuoteMin || coverage(q, words(c.newText[at])) < gapQuoteMin || bestPar < 0.35 {
		return report.Change{}, 0, false
	}
	if len(q) < 3 && bestPar < 0.6 { // a word or two is no evidence alone
		return report.Change{}, 0, false
	}
	ceiling := 0.8
	if best >= gapSureMin && best-second >= 0.2 && bestPar >= 0.5 {
		ceiling = 0.92
	}
	ch := report.Change{Kind: report.ChangeModified, Old: []string{c.old.Blocks[src.block].ID}, New: []string{c.new.Blocks[at].ID}, Similarity: 1}
	return ch, ceiling, true
}

// gapOf is the stretch of new units between the successors of the old
// block's nearest surviving neighbours, widened by one on each side (a
// merge lands on a neighbour's successor) and bounded by gapWindow.
func (c *Carrier) gapOf(block int) (lo, hi int) {
	lo = max(c.standsNear[block]-1, 0)
	hi = len(c.new.Blocks)
	for i := block + 1; i < len(c.old.Blocks); i++ {
		if k := c.changeOf[i]; k >= 0 && len(c.cmp.Changes[k].New) > 0 {
			hi = min(c.newPos[c.cmp.Changes[k].New[0]]+1, len(c.new.Blocks))
			break
		}
	}
	hi = min(hi, c.standsNear[block]+gapWindow)
	lo = max(lo, hi-2*gapWindow)
	return lo, hi
}

// content keeps the words that carry meaning: four letters or more, or
// any digit, so "the", "of" and "and" are no evidence.
func content(ws []string) []string {
	out := ws[:0:0]
	for _, w := range ws {
		if utf8.RuneCountInString(w) >= 4 || (w[0] >= '0' && w[0] <= '9') || w[0] >= 0x80 {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return ws
	}
	return out
}

// followGap carries a comment whose paragraph the comparison deleted onto
// the successor gapSuccessor found, no surer than its evidence.
func (c *Carrier) followGap(r Result, it item.Comment, src source) (Result, bool) {
	ch, ceiling, ok := c.gapSuccessor(src)
	if !ok {
		return r, false
	}
	r.Change = report.ChangeModified
	res := c.follow(r, it, src, ch, len(c.cmp.Changes)+len(c.old.Blocks)+src.block)
	if res.Outcome == OutcomeOrphaned {
		return r, false
	}
	res.Confidence = min(res.Confidence, ceiling)
	return res, true
}
