package anchor

import (
	"strings"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report/redline"
)

// OpinionResult is where an Opinion proposal lands in the next draft: the
// draft Opinion it now amends (renumbered, retitled or reordered by the
// secretariat) and, item by item, what became of each line it changes.
type OpinionResult struct {
	ItemID     string       `json:"item_id"`
	OldNumber  int          `json:"old_number,omitempty"` // the draft Opinion amended; 0 for a new Opinion
	NewNumber  int          `json:"new_number,omitempty"` // its successor; 0 when none
	NewTitle   string       `json:"new_title,omitempty"`
	Outcome    Outcome      `json:"outcome"`
	Confidence float64      `json:"confidence"`
	Reason     string       `json:"reason"`
	Lines      []LineResult `json:"lines,omitempty"`
}

// LineResult is one line the proposal changes: the report's line then
// (empty for a line the proposal adds), the proposed line (empty for one
// it deletes) and the successor's line now.
type LineResult struct {
	Then     string  `json:"then,omitempty"`
	Proposed string  `json:"proposed,omitempty"`
	Now      string  `json:"now,omitempty"`
	Outcome  Outcome `json:"outcome"`
}

// NeedsReview says whether the user must look before the carry is applied.
func (r OpinionResult) NeedsReview() bool {
	return r.Outcome == OutcomeOrphaned || r.Confidence < Sure
}

// Similarity floors for Opinions and their lines.
const (
	opinionMin  = 0.5  // a draft Opinion and its successor
	lineMin     = 0.5  // an item and its successor
	adoptedMin  = 0.85 // a proposed line and the draft's line that took it
	newAdoptMin = 0.8  // a new-Opinion proposal and the draft Opinion made of it
)

// CarryOpinion carries Opinion proposal p. base is the draft Opinion it
// amends in the draft it was written on (nil when that draft lacks it, or
// for a new Opinion); next lists the next draft's Opinions, as proposals
// that change nothing (so lines compare as laid out by the same rules).
func CarryOpinion(p item.Opinion, base *item.Opinion, next []item.Opinion) OpinionResult {
	r := OpinionResult{ItemID: p.ID, OldNumber: p.Amends}
	if p.Amends == 0 {
		return carryNewOpinion(r, p, next)
	}
	if base == nil {
		r.Outcome, r.Reason = OutcomeOrphaned, "the draft it was written on lacks the draft Opinion it amends"
		return r
	}
	k, sim := successorOpinion(*base, next)
	if k < 0 {
		r.Outcome, r.Confidence, r.Reason = OutcomeOrphaned, 0.9, "the new draft has no draft Opinion like the one it amends"
		return r
	}
	succ := next[k]
	r.NewNumber, r.NewTitle = succ.Amends, strings.TrimSpace(succ.Title)
	r.Lines = carryLines(base.Lines(), p.Lines(), succ.Lines())
	r.Outcome, r.Reason = opinionOutcome(r)
	r.Confidence = round2(min(1, 0.5+sim/2))
	if sim >= 0.9 {
		r.Confidence = max(r.Confidence, 0.95)
	}
	return r
}

// carryNewOpinion: a new-Opinion proposal whose text the secretariat made
// a draft Opinion is incorporated; otherwise it stays a proposal.
func carryNewOpinion(r OpinionResult, p item.Opinion, next []item.Opinion) OpinionResult {
	best, bestSim := -1, newAdoptMin
	for i, o := range next {
		if s := redline.Similarity(body(p), body(o)); s >= bestSim {
			best, bestSim = i, s
		}
	}
	if best < 0 {
		r.Outcome, r.Confidence, r.Reason = OutcomeUnchanged, 1, "the new draft has no draft Opinion made of its text"
		return r
	}
	r.NewNumber, r.NewTitle = next[best].Amends, strings.TrimSpace(next[best].Title)
	r.Outcome, r.Confidence = OutcomeIncorporated, round2(bestSim)
	r.Reason = "the new draft has a draft Opinion made of its text"
	return r
}

// body is an Opinion's title and lines without labels or its number, so
// renumbering is not a difference.
func body(o item.Opinion) string {
	var b strings.Builder
	b.WriteString(strings.TrimSpace(o.Title))
	for _, l := range o.Lines() {
		b.WriteString("\n" + bare(l.Text))
	}
	return b.String()
}

// bare drops the end punctuation that an item's place in its block gives.
func bare(s string) string { return strings.TrimRight(strings.TrimSpace(s), ";,.: ") }

// successorOpinion picks the next draft's Opinion most like base, by its
// title and items; its number is no evidence (Opinions are renumbered).
func successorOpinion(base item.Opinion, next []item.Opinion) (int, float64) {
	best, bestSim := -1, opinionMin
	b := body(base)
	for i, o := range next {
		if s := redline.Similarity(b, body(o)); s > bestSim || (s == bestSim && o.Amends == base.Amends) {
			best, bestSim = i, s
		}
	}
	return best, bestSim
}

// carryLines follows every line the proposal changes (then → proposed)
// into the successor (then → now).
func carryLines(then, prop, now []item.Line) []LineResult {
	toNow := successorLines(then, now)
	var out []LineResult
	for _, pr := range pairLines(then, prop) {
		i, j := pr[0], pr[1]
		switch {
		case i >= 0 && j >= 0 && bare(then[i].Text) == bare(prop[j].Text):
			continue // a line the proposal keeps
		case i >= 0:
			lr := LineResult{Then: then[i].Text}
			if j >= 0 {
				lr.Proposed = prop[j].Text
			}
			if k, ok := toNow[i]; ok {
				lr.Now = now[k].Text
			}
			lr.Outcome = lineOutcome(lr, now)
			out = append(out, lr)
		default:
			lr := LineResult{Proposed: prop[j].Text}
			lr.Outcome = lineOutcome(lr, now)
			out = append(out, lr)
		}
	}
	return out
}

// successorLines maps each line of then to its line in now: in order
// first, then a line moved elsewhere (items reordered) by best likeness.
func successorLines(then, now []item.Line) map[int]int {
	toNow, taken := map[int]int{}, map[int]bool{}
	var open []int
	for _, pr := range pairLines(then, now) {
		switch {
		case pr[0] >= 0 && pr[1] >= 0:
			toNow[pr[0]], taken[pr[1]] = pr[1], true
		case pr[0] >= 0:
			open = append(open, pr[0])
		}
	}
	for _, i := range open {
		best, bestSim := -1, lineMin
		for j := range now {
			if s := redline.Similarity(bare(then[i].Text), bare(now[j].Text)); !taken[j] && now[j].Level == then[i].Level && s >= bestSim {
				best, bestSim = j, s
			}
		}
		if best >= 0 {
			toNow[i], taken[best] = best, true
		}
	}
	return toNow
}

// lineOutcome: incorporated when the successor reads as proposed (or,
// for a deletion, the line is gone); unchanged when it reads as then;
// base-changed when it was edited otherwise; orphaned when the line the
// proposal changes is gone and its proposal is not in the draft.
func lineOutcome(lr LineResult, now []item.Line) Outcome {
	switch {
	case lr.Then == "": // an added line
		if adopted(lr.Proposed, now) {
			return OutcomeIncorporated
		}
		return OutcomeUnchanged
	case lr.Proposed == "": // a deleted line
		switch {
		case lr.Now == "":
			return OutcomeIncorporated
		case bare(lr.Now) == bare(lr.Then):
			return OutcomeUnchanged
		}
		return OutcomeBaseChanged
	case lr.Now == "" && adopted(lr.Proposed, now):
		return OutcomeIncorporated
	case lr.Now == "":
		return OutcomeOrphaned
	case bare(lr.Now) == bare(lr.Then):
		return OutcomeUnchanged
	case closer(lr.Now, lr.Proposed, lr.Then):
		return OutcomeIncorporated
	}
	return OutcomeBaseChanged
}

// closer says whether line now reads as proposed rather than as then:
// alike enough to the proposal, and more alike to it than to the old text.
func closer(now, proposed, then string) bool {
	sp := redline.Similarity(bare(now), bare(proposed))
	return sp >= adoptedMin && sp > redline.Similarity(bare(now), bare(then))
}

func adopted(proposed string, now []item.Line) bool {
	for _, l := range now {
		if redline.Similarity(bare(l.Text), bare(proposed)) >= adoptedMin {
			return true
		}
	}
	return false
}

// opinionOutcome sums the lines up: incorporated when every change was
// taken, base-changed when any line it changes was edited or is gone (or
// only some were taken), moved when the Opinion was renumbered, else
// unchanged.
func opinionOutcome(r OpinionResult) (Outcome, string) {
	n := map[Outcome]int{}
	for _, l := range r.Lines {
		n[l.Outcome]++
	}
	renum := ""
	if r.NewNumber != r.OldNumber {
		renum = "; the draft Opinion was renumbered"
	}
	switch {
	case len(r.Lines) > 0 && n[OutcomeIncorporated] == len(r.Lines):
		return OutcomeIncorporated, "the new draft reads as proposed" + renum
	case n[OutcomeIncorporated] > 0:
		return OutcomeBaseChanged, "some of the changes proposed are in the new draft" + renum
	case n[OutcomeBaseChanged]+n[OutcomeOrphaned] > 0:
		return OutcomeBaseChanged, "the lines it changes were edited or removed" + renum
	case renum != "":
		return OutcomeMoved, "the lines it changes read the same" + renum
	}
	return OutcomeUnchanged, "the lines it changes read the same"
}

// lineLikeness is the likeness of every pair of lines of a and b, by
// rows of a: 2 for the same text, the similarity when at least lineMin
// and at the same level, else 0 (may not pair).
func lineLikeness(a, b []item.Line) []float64 {
	k := len(b)
	s := make([]float64, len(a)*k)
	for i := range a {
		for j := range b {
			if a[i].Level != b[j].Level {
				continue
			}
			x, y := bare(a[i].Text), bare(b[j].Text)
			if x == y {
				s[i*k+j] = 2
			} else if v := redline.Similarity(x, y); v >= lineMin {
				s[i*k+j] = v
			}
		}
	}
	return s
}

// pairLines pairs lines of a and b in order (a longest common subsequence
// of lines alike enough, at the same level), returning [i, j] pairs with
// -1 for a line only one side has. Labels are not compared: items are
// relettered when one is added before them.
func pairLines(a, b []item.Line) [][2]int {
	n, k := len(a), len(b)
	s := lineLikeness(a, b)
	best := make([]float64, (n+1)*(k+1))
	at := func(i, j int) float64 { return best[i*(k+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := k - 1; j >= 0; j-- {
			v := max(at(i+1, j), at(i, j+1))
			if x := s[i*k+j]; x > 0 {
				v = max(v, x+at(i+1, j+1))
			}
			best[i*(k+1)+j] = v
		}
	}
	var out [][2]int
	i, j := 0, 0
	for i < n && j < k {
		switch x := s[i*k+j]; {
		case x > 0 && at(i, j) == x+at(i+1, j+1):
			out, i, j = append(out, [2]int{i, j}), i+1, j+1
		case at(i, j) == at(i+1, j):
			out, i = append(out, [2]int{i, -1}), i+1
		default:
			out, j = append(out, [2]int{-1, j}), j+1
		}
	}
	for ; i < n; i++ {
		out = append(out, [2]int{i, -1})
	}
	for ; j < k; j++ {
		out = append(out, [2]int{-1, j})
	}
	return out
}
