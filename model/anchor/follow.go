package anchor

import (
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
)

// target is the joined text of the new blocks a change leads to, with
// where each block starts in it.
type target struct {
	text   string
	blocks []int
	starts []int
}

// locate turns a span of the joined text into a block and a span of that
// block's text; a span crossing blocks is cut to the block holding its
// start (crossed says so).
func (t target) locate(s, e int) (blk, ls, le int, crossed bool) {
	k := 0
	for k+1 < len(t.starts) && t.starts[k+1] <= s {
		k++
	}
	end := len(t.text)
	if k+1 < len(t.starts) {
		end = t.starts[k+1] - 1 // the joining space
	}
	if s > end {
		s = end
	}
	crossed = e > end
	e = min(max(e, s), end)
	return t.blocks[k], s - t.starts[k], e - t.starts[k], crossed
}

// joined concatenates block texts with single spaces.
func joined(texts []string, pos map[string]int, ids []string) (string, []int, []int) {
	var b strings.Builder
	blocks, starts := make([]int, len(ids)), make([]int, len(ids))
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(' ')
		}
		blocks[i], starts[i] = pos[id], b.Len()
		b.WriteString(texts[pos[id]])
	}
	return b.String(), blocks, starts
}

func (c *Carrier) targetOf(ch report.Change) target {
	t, blocks, starts := joined(c.newText, c.newPos, ch.New)
	return target{text: t, blocks: blocks, starts: starts}
}

// sourceOf is the joined old text of a change and where block starts in it.
func (c *Carrier) sourceOf(ch report.Change, block int) (string, int) {
	t, blocks, starts := joined(c.oldText, c.oldPos, ch.Old)
	for i, b := range blocks {
		if b == block {
			return t, starts[i]
		}
	}
	return t, 0
}

// diffOf diffs a change's old and new text once and caches it.
func (c *Carrier) diffOf(k int, old, new string) []diffmatchpatch.Diff {
	c.mu.Lock()
	defer c.mu.Unlock()
	if d, ok := c.diffs[k]; ok {
		return d
	}
	var d []diffmatchpatch.Diff
	if old == new {
		d = []diffmatchpatch.Diff{{Type: diffmatchpatch.DiffEqual, Text: old}}
	} else {
		d = c.dmp.DiffMain(old, new, false)
	}
	c.diffs[k] = d
	return d
}

// follow carries a comment along the change its paragraph went through.
func (c *Carrier) follow(r Result, it item.Comment, src source, ch report.Change, k int) Result {
	old, base := c.sourceOf(ch, src.block)
	tg := c.targetOf(ch)
	diffs := c.diffOf(k, old, tg.text)
	ms, me := mapPos(diffs, base+src.start, false), mapPos(diffs, base+src.end, true)
	ms, me = min(ms, len(tg.text)), min(max(me, ms), len(tg.text))
	if ms == me && src.end > src.start {
		ms, me = replaced(diffs, ms)
	}
	h := find(tg.text, src, ms, me)
	if it.Proposal != nil {
		if res, ok := c.incorporated(r, it.Proposal, tg, h, ms, me); ok {
			return res
		}
	}
	if src.whole {
		return c.wholeParagraph(r, ch, tg, ms, me)
	}
	switch h.how {
	case howExact:
		r.Outcome, r.Reason = OutcomeUnchanged, "the passage reads the same"
		if ch.Kind == report.ChangeMoved {
			r.Outcome, r.Reason = OutcomeMoved, "the passage reads the same; its paragraph moved"
		}
	case howEnds, howMapped:
		r.Outcome, r.Reason = OutcomeBaseChanged, "the passage was edited"
	default:
		if res, ok := c.nearby(r, src, tg); ok {
			return res
		}
		r = c.placeAt(r, tg, ms, ms, false)
		return c.orphan(r, it, src.block, "the passage was deleted from its paragraph")
	}
	r.Confidence = c.spanConfidence(ch, src, tg, h)
	return c.placeAt(r, tg, h.s, h.e, false)
}

// spanConfidence is how sure the carrier is of a quote found by h in the
// target of change ch: the finding's own confidence, lower when the
// paragraph was much edited, and sure when the pairing is unambiguous and
// the words found are the quote's.
func (c *Carrier) spanConfidence(ch report.Change, src source, tg target, h hit) float64 {
	conf := h.conf
	if h.how == howExact || ch.Kind != report.ChangeModified {
		return conf
	}
	if ch.Similarity < 0.7 {
		conf = min(conf, 0.85)
	}
	if c.unambiguous(ch) && (h.how == howEnds || similarity(src.quote, tg.text[h.s:h.e]) >= 0.5) {
		conf = max(conf, 0.9) // the document's order vouches for the paragraph, the words for the span
	}
	return conf
}

// replaced widens an empty mapped span to the text that replaced the
// deleted one at that point (a word swapped for another), if any.
func replaced(diffs []diffmatchpatch.Diff, at int) (int, int) {
	n := 0
	for i, d := range diffs {
		if n > at {
			break
		}
		if d.Type == diffmatchpatch.DiffInsert && n == at && i > 0 && diffs[i-1].Type == diffmatchpatch.DiffDelete {
			return at, at + len(d.Text)
		}
		if d.Type != diffmatchpatch.DiffDelete {
			n += len(d.Text)
		}
	}
	return at, at
}

// placeAt records the place [s, e) of the joined target text as the
// result's new anchor.
func (c *Carrier) placeAt(r Result, tg target, s, e int, whole bool) Result {
	u, ls, le, crossed := tg.locate(s, e)
	of := c.newOf[u]
	b, t := c.newDraft.Blocks[of.block], c.newReal[of.block]
	r.NewBlockID, r.NewRef = b.ID, b.Ref
	if whole {
		r.TextNow, r.Anchor = t, Whole(b)
	} else {
		r.TextNow, r.Anchor = t[of.off+ls:of.off+le], Span(b, t, of.off+ls, of.off+le)
	}
	if crossed && !whole {
		r.Confidence = min(r.Confidence, 0.8)
		r.Reason += "; the passage now runs over two paragraphs"
	}
	r.Confidence = round2(r.Confidence)
	return r
}

// contextRunes is how much text either side of a quote a new anchor keeps,
// as when the comment was written (see Span).
const contextRunes = 60

// wholeParagraph carries a comment on a whole paragraph (no quote).
func (c *Carrier) wholeParagraph(r Result, ch report.Change, tg target, ms, me int) Result {
	switch ch.Kind {
	case report.ChangeUnchanged, report.ChangeRenumbered:
		r.Outcome, r.Confidence, r.Reason = OutcomeUnchanged, 0.98, "the paragraph reads the same"
	case report.ChangeMoved:
		r.Outcome, r.Confidence, r.Reason = OutcomeMoved, 0.97, "the paragraph moved"
	case report.ChangeSplit:
		r.Outcome, r.Confidence, r.Reason = OutcomeBaseChanged, 0.7, "the paragraph was split; attached to its first part"
		for _, u := range tg.blocks {
			r.Candidates = append(r.Candidates, c.place(u, 0, len(c.newText[u]), 0.5))
		}
	case report.ChangeMerged:
		r.Outcome, r.Confidence, r.Reason = OutcomeBaseChanged, 0.85, "the paragraph was merged with another"
	default:
		r.Outcome, r.Reason = OutcomeBaseChanged, "the paragraph was edited"
		r.Confidence = min(0.95, 0.45+0.5*ch.Similarity)
		if ch.Kind == report.ChangeModified && c.unambiguous(ch) {
			r.Confidence = max(r.Confidence, 0.92)
		}
	}
	return c.placeAt(r, tg, ms, me, true)
}

// Ways a quote was found again, from the surest.
const (
	howNone = iota
	howExact
	howEnds
	howMapped
)

type hit struct {
	s, e int
	how  int
	conf float64
}

// find looks for the quote in the joined new text: at the mapped span,
// then exactly near it, then by its two ends, then it takes the mapped span
// when that still resembles the quote.
func find(t string, src source, ms, me int) hit {
	q := src.quote
	if src.whole {
		return hit{ms, me, howMapped, 0.9}
	}
	if ms < me && t[ms:me] == q {
		return hit{ms, me, howExact, 0.98}
	}
	if i := nearestIndex(t, q, ms); i >= 0 {
		conf := 0.95
		if abs(i-ms) > len(q)+40 {
			conf = 0.75
			if runeCount(q) >= 20 && countIndex(t, q, 2) == 1 {
				conf = 0.9
			}
		}
		return hit{i, i + len(q), howExact, conf}
	}
	if s, e, ok := ends(t, q, ms, me); ok {
		return hit{s, e, howEnds, 0.9}
	}
	if me > ms {
		if sim := similarity(q, t[ms:me]); sim > 0 || 4*(me-ms) >= len(q) {
			return hit{ms, me, howMapped, min(0.95, 0.7+0.25*sim)}
		}
	}
	return hit{ms, ms, howNone, 0}
}

// ends finds a changed quote by its first and last few characters near
// the mapped place, accepting a span of similar length. Plain search, so
// unlike Bitap it has no 64-byte limit.
func ends(t, q string, ms, me int) (int, int, bool) {
	n := runeCount(q)
	if n < 16 {
		return 0, 0, false
	}
	k := min(max(n/4, 6), 24)
	pre, suf := firstRunes(q, k), lastRunes(q, k)
	ws, we := window(t, ms, me, len(q)+40)
	s := nearestIndex(t[ws:we], pre, ms-ws)
	if s < 0 {
		return 0, 0, false
	}
	s += ws
	e := nearestIndex(t[s:we], suf, me-len(suf)-s)
	if e < 0 || e < len(pre) {
		return 0, 0, false
	}
	e += s + len(suf)
	if l := e - s; 2*l < len(q) || l > 2*len(q) {
		return 0, 0, false
	}
	return s, e, true
}
