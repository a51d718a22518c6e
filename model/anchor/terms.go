package anchor

import (
	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/report/redline"
)

// termMin is how many edited paragraphs must make the same one-word swap
// before the carrier takes it for a term replaced throughout the draft.
const termMin = 2

// learnTerms finds the words the new draft replaces consistently
// ("member" -> "lead" in paragraph after paragraph): one word deleted
// and one inserted in its place, in at least termMin paragraphs the
// comparison paired. A passage whose term was replaced keeps its other
// words, and with the term mapped its words are evidence again.
func learnTerms(cmp *report.Comparison) map[string]string {
	count := map[[2]string]int{}
	for _, ch := range cmp.Changes {
		if len(ch.Old) > 0 && len(ch.New) > 0 {
			for p := range swaps(ch) {
				count[p]++
			}
		}
	}
	best := map[string]int{}
	out := map[string]string{}
	for p, n := range count {
		if n >= termMin && (n > best[p[0]] || (n == best[p[0]] && p[1] < out[p[0]])) {
			best[p[0]], out[p[0]] = n, p[1]
		}
	}
	return out
}

// inNewTerms maps old words through the terms the new draft replaced.
func (c *Carrier) inNewTerms(ws []string) []string {
	c.termsOnce.Do(func() { c.terms = learnTerms(c.cmp) })
	if len(c.terms) == 0 {
		return ws
	}
	out := make([]string, len(ws))
	for i, w := range ws {
		if t, ok := c.terms[w]; ok {
			w = t
		}
		out[i] = w
	}
	return out
}

// swaps lists the one-word swaps of a change's redline: a word deleted
// and one inserted in its place.
func swaps(ch report.Change) map[[2]string]bool {
	out := map[[2]string]bool{}
	for i := 0; i+1 < len(ch.Redline); i++ {
		d, n := ch.Redline[i], ch.Redline[i+1]
		if d.Kind != redline.Delete || n.Kind != redline.Insert {
			continue
		}
		if dw, nw := words(d.Text), words(n.Text); len(dw) == 1 && len(nw) == 1 && dw[0] != nw[0] {
			out[[2]string{dw[0], nw[0]}] = true
		}
	}
	return out
}
