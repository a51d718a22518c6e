package anchor

import (
	"strings"
	"unicode/utf8"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
)

// gapWindow bounds how far around the place a deleted paragraph stood the
// carrier looks for its successor.
const gapWindow = 8

// Evidence floors for a successor found in the gap.
const (
	gapQuoteMin = 0.45 // score (mostly the share of the quote's content words the successor holds)
	gapSureMin  = 0.7  // ... from which, with a clear margin, it is sure
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
	if len(q) == 0 || len(par) < 2 {
		return report.Change{}, 0, false
	}
	best, second, bestPar, at, at2 := c.gapBest(src.block, lo, hi, q, par)
	if at >= 0 && best-second < 0.15 && !c.pieces(par, at, at2) {
		return report.Change{}, 0, false // rivals as good: no evidence which (unless they are pieces of one split)
	}
	if at < 0 || best < gapQuoteMin || bestPar < 0.2 {
		return report.Change{}, 0, false
	}
	if len(q) < 3 && bestPar < 0.6 { // a word or two is no evidence alone
		return report.Change{}, 0, false
	}
	ceiling := 0.8
	if best >= gapSureMin && best-second >= 0.25 && bestPar >= 0.4 {
		ceiling = 0.92
	}
	ch := report.Change{Kind: report.ChangeModified, Old: []string{c.old.Blocks[src.block].ID}, New: []string{c.new.Blocks[at].ID}, Similarity: 1}
	return ch, ceiling, true
}

// gapBest scores the new units [lo, hi) as the successor of old unit
// block: mostly by the quote's words q they hold, partly by the
// paragraph's par. It returns the best two scores, the best's share of
// par, and both units (-1 when none).
func (c *Carrier) gapBest(block, lo, hi int, q, par []string) (best, second, bestPar float64, at, at2 int) {
	heading := c.old.Blocks[block].Kind == report.KindHeading
	at, at2 = -1, -1
	for u := lo; u < hi; u++ {
		if (c.new.Blocks[u].Kind == report.KindHeading) != heading {
			continue
		}
		nw := words(c.newText[u])
		cp := coverage(par, nw)
		score := 0.7*coverage(q, nw) + 0.3*cp
		switch {
		case score > best:
			best, second, bestPar, at, at2 = score, best, cp, u, at
		case score > second:
			second, at2 = score, u
		}
	}
	return best, second, bestPar, at, at2
}

// pieces says whether new units a and b, side by side, are pieces of one
// paragraph split in two: together they hold far more of its words than
// either alone.
func (c *Carrier) pieces(par []string, a, b int) bool {
	if b < 0 || abs(a-b) != 1 {
		return false
	}
	wa, wb := words(c.newText[a]), words(c.newText[b])
	return coverage(par, append(append([]string(nil), wa...), wb...)) >= max(coverage(par, wa), coverage(par, wb))+0.2
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

// sandwiched says whether the pair of change k (one old unit, one new)
// sits between neighbours that were paired with the new unit's own
// neighbours (or the ends of the drafts): the order of the document
// itself vouches for the pairing, however much the text was edited.
func (c *Carrier) sandwiched(ch report.Change) bool {
	if len(ch.Old) != 1 || len(ch.New) != 1 {
		return false
	}
	i, ok1 := c.oldPos[ch.Old[0]]
	j, ok2 := c.newPos[ch.New[0]]
	if !ok1 || !ok2 {
		return false
	}
	return c.pairedWith(i-1, j-1) && c.pairedWith(i+1, j+1)
}

// pairedWith says whether old unit i was paired with new unit j, both
// past an end of their drafts counting as paired.
func (c *Carrier) pairedWith(i, j int) bool {
	outOld, outNew := i < 0 || i >= len(c.old.Blocks), j < 0 || j >= len(c.new.Blocks)
	if outOld || outNew {
		return outOld && outNew
	}
	k := c.changeOf[i]
	if k < 0 {
		return false
	}
	for _, id := range c.cmp.Changes[k].New {
		if c.newPos[id] == j {
			return true
		}
	}
	return false
}

// pairMargin is how much more alike a pair must be than any rival pairing
// around it to be unambiguous.
const pairMargin = 0.15

// unambiguous says whether the pair of change k (one old unit, one new)
// stands out from its surroundings: no other new unit near the successor
// is nearly as like the old one, and no other old unit near it nearly as
// like the new one. Sandwiched pairs are unambiguous by their order.
func (c *Carrier) unambiguous(ch report.Change) bool {
	if c.sandwiched(ch) {
		return true
	}
	if len(ch.Old) != 1 || len(ch.New) != 1 {
		return false
	}
	i, j := c.oldPos[ch.Old[0]], c.newPos[ch.New[0]]
	ow, nw := words(c.oldText[i]), words(c.newText[j])
	s := min(coverage(ow, nw), coverage(nw, ow))
	rival := func(a, b []string) bool { // b alike to a, or a piece of it (a split or a merge)
		return min(coverage(a, b), coverage(b, a)) > s-pairMargin || (len(b) >= 4 && coverage(b, a) >= 0.8)
	}
	for d := -3; d <= 3; d++ {
		if d == 0 {
			continue
		}
		if jj := j + d; jj >= 0 && jj < len(c.newText) && rival(ow, words(c.newText[jj])) {
			return false
		}
		if ii := i + d; ii >= 0 && ii < len(c.oldText) && rival(nw, words(c.oldText[ii])) {
			return false
		}
	}
	return true
}

// nearbyReach is how many units on each side of a change's target the
// carrier searches for a quote its paragraph no longer holds.
const nearbyReach = 3

// nearby looks for a quote that left its paragraph (split off into the
// next one, moved into a list item just after it) in the units around
// the change's target: the quote itself, read the same, or most of its
// content words together. Found, it is placed for the user to confirm
// unless it reads the same in exactly one unit.
func (c *Carrier) nearby(r Result, src source, tg target) (Result, bool) {
	if len(tg.blocks) == 0 {
		return r, false
	}
	lo, hi := max(tg.blocks[0]-nearbyReach, 0), min(tg.blocks[len(tg.blocks)-1]+nearbyReach+1, len(c.newText))
	q := c.inNewTerms(content(words(src.quote)))
	exact, at, best, bestAt := 0, -1, 0.0, -1
	for u := lo; u < hi; u++ {
		if i := strings.Index(c.newText[u], src.quote); i >= 0 && runeCount(src.quote) >= 12 {
			exact, at = exact+1, u
			continue
		}
		if len(q) >= 4 {
			if cv := coverage(q, words(c.newText[u])); cv > best {
				best, bestAt = cv, u
			}
		}
	}
	switch {
	case exact == 1:
		i := strings.Index(c.newText[at], src.quote)
		r.Outcome, r.Confidence, r.Reason = OutcomeUnchanged, 0.9, "the passage reads the same in the next paragraphs"
		return c.placeAt(r, c.single(at), i, i+len(src.quote), false), true
	case exact == 0 && best >= 0.75:
		r.Outcome, r.Confidence, r.Reason = OutcomeBaseChanged, 0.8, "the passage was edited"
		return c.placeAt(r, c.single(bestAt), 0, len(c.newText[bestAt]), false), true
	}
	return r, false
}
