package anchor

import (
	"github.com/delegate-itu/delegate/model/item"
)

// incorporated reports whether the secretariat took the proposal over:
// the proposed text (ADD, MOD) is found at or near the passage, or most of
// its new words are; for SUP, the passage is gone from a paragraph that
// is still there.
func (c *Carrier) incorporated(r Result, p *item.Proposal, tg target, h hit, ms, me int) (Result, bool) {
	r.Outcome, r.Reason = OutcomeIncorporated, "the proposed text is in the new draft"
	switch p.Action {
	case item.ActionSup:
		if h.how != howNone && !(h.how == howMapped && similarity(r.TextThen, tg.text[h.s:h.e]) < 0.3) {
			return r, false
		}
		r.Confidence, r.Reason = 0.8, "the text proposed for deletion is gone"
		return c.placeAt(r, tg, ms, ms, false), true
	case item.ActionAdd, item.ActionMod:
		prop := p.Proposed
		if p.Action == item.ActionMod && h.how == howExact {
			// The quote still reads the same: taken only when the proposal
			// kept the quoted words and added to them, and the whole of it
			// now stands over the quote ("approve design decisions" ->
			// "make or approve design decisions").
			if i := nearestIndex(tg.text, prop, h.s); prop != "" && i >= 0 && i <= h.s && i+len(prop) >= h.e && len(prop) > h.e-h.s {
				r.Confidence = 0.95
				return c.placeAt(r, tg, i, i+len(prop), false), true
			}
			return r, false
		}
		if i := nearestIndex(tg.text, prop, ms); i >= 0 {
			r.Confidence = 0.95
			return c.placeAt(r, tg, i, i+len(prop), false), true
		}
		if p.Action == item.ActionAdd {
			return r, false
		}
		return c.mostlyIncorporated(r, p, tg, h, ms, me)
	}
	return r, false
}

// mostlyIncorporated accepts a MOD proposal whose new words (those not in
// the existing text) are nearly all in the passage now, with confidence
// below Sure so the user confirms it.
func (c *Carrier) mostlyIncorporated(r Result, p *item.Proposal, tg target, h hit, ms, me int) (Result, bool) {
	existing := p.Existing
	if existing == "" {
		existing = r.TextThen
	}
	pw, ew := words(p.Proposed), words(existing)
	fresh := subtract(pw, ew)
	ws, we := window(tg.text, ms, me, len(p.Proposed)/2+20)
	near := words(tg.text[ws:we])
	covP := coverage(pw, near)
	if len(fresh) == 0 || covP < 0.75 || coverage(fresh, near) < 0.75 || covP <= coverage(ew, near) {
		return r, false
	}
	r.Confidence, r.Reason = 0.6+0.25*coverage(fresh, near), "most of the proposed text is in the new draft"
	s, e := ms, me
	if h.how != howNone {
		s, e = h.s, h.e
	}
	if ps, pe, ok := ends(tg.text, p.Proposed, ms, me); ok {
		s, e = ps, pe
	}
	return c.placeAt(r, tg, s, e, false), true
}

// subtract removes b's words from a, counting repetitions.
func subtract(a, b []string) []string {
	have := map[string]int{}
	for _, w := range b {
		have[w]++
	}
	var out []string
	for _, w := range a {
		if have[w] > 0 {
			have[w]--
			continue
		}
		out = append(out, w)
	}
	return out
}
