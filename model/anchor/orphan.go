package anchor

import (
	"sort"
	"strings"

	"github.com/delegate-itu/delegate/model/item"
)

// maxCandidates is how many places an orphan offers.
const maxCandidates = 3

// searchElsewhere handles a comment whose paragraph the comparison found
// no successor for: a long quote (or the proposed text) found in exactly
// one new paragraph is placed there, but for review; otherwise orphan.
func (c *Carrier) searchElsewhere(r Result, it item.Comment, src source, why string) Result {
	if p := it.Proposal; p != nil && p.Action != item.ActionSup && runeCount(p.Proposed) >= 12 {
		if bi, at, ok := c.uniqueBlock(p.Proposed); ok {
			r.Outcome, r.Confidence, r.Reason = OutcomeIncorporated, 0.8, "the proposed text is in the new draft; "+why
			return c.placeAt(r, c.single(bi), at, at+len(p.Proposed), false)
		}
	}
	if !src.whole && runeCount(src.quote) >= 30 {
		if bi, at, ok := c.uniqueBlock(src.quote); ok {
			r.Outcome, r.Reason = OutcomeMoved, "the passage reads the same in another paragraph; "+why
			if abs(bi-c.standsNear[src.block]) <= 2 {
				r.Outcome, r.Reason = OutcomeUnchanged, "the passage reads the same in the rewritten paragraph"
			}
			r.Confidence = 0.85
			return c.placeAt(r, c.single(bi), at, at+len(src.quote), false)
		}
	}
	return c.orphan(r, it, src.block, why)
}

func (c *Carrier) single(bi int) target {
	return target{text: c.newText[bi], blocks: []int{bi}, starts: []int{0}}
}

// uniqueBlock finds the one new block holding q, looking only at the
// blocks that hold the rarest of its words.
func (c *Carrier) uniqueBlock(q string) (int, int, bool) {
	x := c.index()
	var scan []int
	for i, w := range words(q) {
		if p := x.postings[w]; i == 0 || len(p) < len(scan) {
			scan = p
		}
	}
	found, at := -1, 0
	for _, i := range scan {
		if j := strings.Index(c.newText[i], q); j >= 0 {
			if found >= 0 {
				return 0, 0, false
			}
			found, at = i, j
		}
	}
	return found, at, found >= 0
}

// orphan marks the comment orphaned and ranks candidate places: where its
// paragraph stood, and the paragraphs sharing most of its words.
func (c *Carrier) orphan(r Result, it item.Comment, oldBlock int, why string) Result {
	r.Outcome, r.Reason, r.Confidence = OutcomeOrphaned, why, 0.9
	r.NewBlockID, r.NewRef, r.Anchor = "", "", item.Anchor{}
	a := it.Anchor
	query := words(a.Before + " " + a.Quote + " " + a.After)
	if a.Quote == "" && oldBlock >= 0 {
		query = words(c.oldText[oldBlock])
	}
	seen := map[int]bool{}
	var cands []Place
	add := func(bi int, score float64) {
		if bi < 0 || bi >= len(c.newText) || seen[bi] {
			return
		}
		seen[bi] = true
		cands = append(cands, c.place(bi, 0, len(c.newText[bi]), score))
	}
	if oldBlock >= 0 {
		bi := c.standsNear[oldBlock]
		add(bi, coverageIn(query, c, bi))
	}
	for _, bi := range c.index().best(query, maxCandidates) {
		add(bi, coverageIn(query, c, bi))
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].Score > cands[j].Score })
	r.Candidates = cands[:min(len(cands), maxCandidates)]
	return r
}

func coverageIn(query []string, c *Carrier, bi int) float64 {
	if bi < 0 || bi >= len(c.newText) {
		return 0
	}
	return coverage(query, words(c.newText[bi]))
}

// wordIndex maps each word to the new blocks containing it.
type wordIndex struct {
	postings map[string][]int
	blocks   int
}

func (c *Carrier) index() *wordIndex {
	c.wordsOnce.Do(func() {
		x := &wordIndex{postings: map[string][]int{}, blocks: len(c.newText)}
		for i, t := range c.newText {
			for _, w := range words(t) {
				p := x.postings[w]
				if len(p) == 0 || p[len(p)-1] != i {
					x.postings[w] = append(p, i)
				}
			}
		}
		c.words = x
	})
	return c.words
}

// best ranks blocks by how many of the query's distinct words they hold,
// ignoring words found in more than a tenth of the blocks.
func (x *wordIndex) best(query []string, n int) []int {
	score := map[int]int{}
	done := map[string]bool{}
	common := max(x.blocks/10, 3)
	for _, w := range query {
		if done[w] {
			continue
		}
		done[w] = true
		if p := x.postings[w]; len(p) <= common {
			for _, bi := range p {
				score[bi]++
			}
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
	return ids[:min(len(ids), n)]
}
