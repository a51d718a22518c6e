package report

import (
	"strings"

	"github.com/delegate-itu/delegate/model/report/redline"
)

// maxPairs bounds the similarity comparisons in one gap or one move search,
// so two unrelated documents still compare in well under a second.
const maxPairs = 40000

func comparable(o, n Block) bool {
	return (o.Kind == KindHeading) == (n.Kind == KindHeading) && (o.Kind == KindTable) == (n.Kind == KindTable)
}

// pairInGap matches leftovers between two anchors in order, as modified:
// of all the ways to pair them without crossing, the one whose pairs are
// most alike in sum. Taking each old block's best match in turn instead
// let a deleted row or item take its successor's place ("(b) fees 120"
// paired with the next "(b) fees 95" because it came first).
func (a *aligner) pairInGap(g gap) {
	no, nn := g.o1-g.o0, g.n1-g.n0
	if no == 0 || nn == 0 || no*nn > maxPairs {
		return
	}
	sim := a.gapSimilarities(g)
	// best[i][j]: the best sum pairing old[i:] with new[j:].
	best := make([]float64, (no+1)*(nn+1))
	at := func(i, j int) *float64 { return &best[i*(nn+1)+j] }
	for i := no - 1; i >= 0; i-- {
		for j := nn - 1; j >= 0; j-- {
			v := max(*at(i+1, j), *at(i, j+1))
			if s := sim[i*nn+j]; s > 0 {
				v = max(v, s+*at(i+1, j+1))
			}
			*at(i, j) = v
		}
	}
	for i, j := 0, 0; i < no && j < nn; {
		switch s := sim[i*nn+j]; {
		case s > 0 && *at(i, j) == s+*at(i+1, j+1):
			a.pair(ChangeModified, []int{g.o0 + i}, []int{g.n0 + j})
			i, j = i+1, j+1
		case *at(i, j) == *at(i+1, j):
			i++
		default:
			j++
		}
	}
}

// renamedHeading pairs the one heading left open on each side of a gap,
// at the same level: a section retitled between the same neighbours is
// the same section, however different its title.
func (a *aligner) renamedHeading(g gap) {
	oi, nj := -1, -1
	for i := g.o0; i < g.o1; i++ {
		if !a.oldDone[i] && a.old[i].Kind == KindHeading {
			if oi >= 0 {
				return
			}
			oi = i
		}
	}
	for j := g.n0; j < g.n1; j++ {
		if !a.newDone[j] && a.new[j].Kind == KindHeading {
			if nj >= 0 {
				return
			}
			nj = j
		}
	}
	if oi >= 0 && nj >= 0 && a.old[oi].Level == a.new[nj].Level {
		a.pair(ChangeModified, []int{oi}, []int{nj})
	}
}

// gapSimilarities gives the similarity of every open pair of the gap
// that may be paired (0 for the others), row by old block.
func (a *aligner) gapSimilarities(g gap) []float64 {
	nn := g.n1 - g.n0
	sim := make([]float64, (g.o1-g.o0)*nn)
	for i := g.o0; i < g.o1; i++ {
		for j := g.n0; j < g.n1; j++ {
			if a.oldDone[i] || a.newDone[j] || !comparable(a.old[i], a.new[j]) {
				continue
			}
			if s, ok := a.similarAtLeast(i, j, modifiedMin); ok {
				sim[(i-g.o0)*nn+j-g.n0] = s
			}
		}
	}
	return sim
}

// splitsAndMerges finds one old block that became several consecutive new
// ones (split), or the reverse (merged).
func (a *aligner) splitsAndMerges(g gap) {
	for i := g.o0; i < g.o1; i++ {
		for j := g.n0; j+1 < g.n1; j++ {
			if k := a.run(a.old[i], a.new, a.newDone, j, g.n1); k > 0 && !a.oldDone[i] {
				a.pair(ChangeSplit, []int{i}, seq(j, k))
			}
		}
	}
	for j := g.n0; j < g.n1; j++ {
		for i := g.o0; i+1 < g.o1; i++ {
			if k := a.run(a.new[j], a.old, a.oldDone, i, g.o1); k > 0 && !a.newDone[j] {
				a.pair(ChangeMerged, seq(i, k), []int{j})
			}
		}
	}
}

// run returns how many blocks from start (at least two) join into one text
// like b's, or 0.
func (a *aligner) run(b Block, bs []Block, done []bool, start, end int) int {
	whole := unlabelled(b.Text)
	if done[start] || b.Kind == KindHeading || !strings.HasPrefix(whole, firstWords(unlabelled(bs[start].Text))) {
		return 0
	}
	joined := unlabelled(bs[start].Text)
	for k := start + 1; k < end && k-start < 6 && !done[k]; k++ {
		joined += " " + unlabelled(bs[k].Text)
		if len(joined) > len(whole)*5/4+20 {
			return 0
		}
		if redline.Similarity(whole, joined) >= splitMin {
			return k - start + 1
		}
	}
	return 0
}

func firstWords(s string) string {
	f := strings.Fields(s)
	if len(f) > 3 {
		f = f[:3]
	}
	return strings.Join(f, " ")
}

func seq(from, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = from + i
	}
	return out
}

// exactMoves pairs blocks whose same text stands elsewhere.
func (a *aligner) exactMoves() {
	olds, news := a.open()
	byKey := map[string][]int{}
	for _, j := range news {
		byKey[blockKey(a.new[j])] = append(byKey[blockKey(a.new[j])], j)
	}
	for _, i := range olds {
		for _, j := range byKey[blockKey(a.old[i])] {
			if !a.newDone[j] {
				a.pair(ChangeMoved, []int{i}, []int{j})
				break
			}
		}
	}
}

// fuzzyMoves pairs leftovers anywhere that share most of their words.
func (a *aligner) fuzzyMoves() {
	olds, news := a.open()
	if len(olds)*len(news) > maxPairs {
		return
	}
	for _, i := range olds {
		best, bestSim := -1, movedMin
		for _, j := range news {
			if a.oldDone[i] || a.newDone[j] || !comparable(a.old[i], a.new[j]) {
				continue
			}
			if s, ok := a.similarAtLeast(i, j, bestSim); ok {
				best, bestSim = j, s
			}
		}
		if best >= 0 {
			a.pair(ChangeMoved, []int{i}, []int{best})
		}
	}
}

// open lists the blocks not yet aligned on either side.
func (a *aligner) open() (olds, news []int) {
	for i, d := range a.oldDone {
		if !d {
			olds = append(olds, i)
		}
	}
	for j, d := range a.newDone {
		if !d {
			news = append(news, j)
		}
	}
	return olds, news
}

func (a *aligner) leftovers() {
	for i, d := range a.oldDone {
		if !d {
			a.pair(ChangeDeleted, []int{i}, nil)
		}
	}
	for j, d := range a.newDone {
		if !d {
			a.pair(ChangeInserted, nil, []int{j})
		}
	}
}

// similarAtLeast returns the similarity of old[i] and new[j] when it is at
// least min. The word-bag bound rules most pairs out without a diff, which
// keeps the move search fast when a draft inserts many paragraphs.
func (a *aligner) similarAtLeast(i, j int, min float64) (float64, bool) {
	if a.oldBags == nil {
		a.oldBags, a.newBags = map[int]redline.Bag{}, map[int]redline.Bag{}
	}
	bo, ok := a.oldBags[i]
	if !ok {
		bo = redline.NewBag(unlabelled(a.old[i].Text))
		a.oldBags[i] = bo
	}
	bn, ok := a.newBags[j]
	if !ok {
		bn = redline.NewBag(unlabelled(a.new[j].Text))
		a.newBags[j] = bn
	}
	if redline.Bound(bo, bn) < min {
		return 0, false
	}
	s := redline.Similarity(unlabelled(a.old[i].Text), unlabelled(a.new[j].Text))
	return s, s >= min
}
