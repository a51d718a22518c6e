package anchor

import (
	"fmt"
	"math/rand"
	"strings"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
)

// build makes one scenario: muts paragraphs mutated (kinds in turn),
// untouched ones too, perPara comments on each.
func (c *corpus) build(rng *rand.Rand, muts, perPara int, idBase int) (*report.Draft, []synthetic, error) {
	sel, kind := c.pick(rng, muts)
	toks := map[int][]tok{}
	for _, i := range c.body {
		if c.usable[i] {
			ws := c.words[i]
			ts := make([]tok, len(ws))
			for k, w := range ws {
				ts[k] = tok{w: w, origin: i*10000 + k}
			}
			toks[i] = ts
		}
	}
	var comms []synthetic
	for _, i := range sel {
		for k := 0; k < perPara; k++ {
			comms = append(comms, c.comment(rng, i, kind[i], fmt.Sprintf("hx-241201-%05d", idBase+len(comms)), k == 0))
		}
	}
	firstQuoted := map[int]*synthetic{}
	for k := range comms {
		if s := &comms[k]; s.w1 > s.w0 && firstQuoted[s.chunk] == nil {
			firstQuoted[s.chunk] = s
		}
	}
	for _, i := range sel {
		toks[i] = mutate(rng, kind[i], toks[i], firstQuoted[i])
	}
	order := c.arrange(rng, sel, kind, toks)
	md, nums := c.render(order)
	new, err := report.Import("mutated.md", []byte(md), report.ImportOptions{})
	if err != nil {
		return nil, nil, err
	}
	resolve(new, order, nums, comms)
	return new, comms, nil
}

// pick chooses the mutated and untouched paragraphs; a merge takes the
// paragraph after it too, which gets no comments of its own.
func (c *corpus) pick(rng *rand.Rand, muts int) ([]int, map[int]int) {
	kind := map[int]int{}
	taken := map[int]bool{}
	var sel []int
	perm := rng.Perm(len(c.body))
	for n, p := range perm {
		i := c.body[p]
		if len(sel) >= muts || !c.usable[i] || taken[i] {
			continue
		}
		k := n % mutKinds
		if _, _, ok := splitAt(chunk{toks: wordToks(c.words[i])}); k == mutSplit && !ok {
			k = mutReword
		}
		if k == mutMerge {
			if p+1 >= len(c.body) || c.body[p+1] != i+1 || !c.usable[i+1] || taken[i+1] {
				k = mutReword
			} else {
				taken[i+1], kind[i+1] = true, -1
			}
		}
		taken[i], kind[i] = true, k
		sel = append(sel, i)
	}
	return sel, kind
}

// comment makes one comment on chunk i: whole paragraph, a sentence or a
// few words; the first quoted comment of an incorporate paragraph (and
// some others) carries a proposal.
func (c *corpus) comment(rng *rand.Rand, i, mut int, id string, first bool) synthetic {
	ws := c.words[i]
	s := synthetic{chunk: i, mut: mut}
	switch r := rng.Float64(); {
	case r < 0.15 && !(first && mut == mutIncorporate):
	case r < 0.5:
		s.w0, s.w1 = sentenceAt(ws, rng.Intn(len(ws)))
	default:
		s.w0 = rng.Intn(len(ws))
		s.w1 = min(len(ws), s.w0+2+rng.Intn(11))
	}
	s.c = commentWords(id, c.ids[i], ws, s.w0, s.w1)
	if s.w1 > s.w0 && (first && mut == mutIncorporate || rng.Float64() < 0.2) {
		s.c.Proposal = proposalFor(rng, s.c.Anchor.Quote)
	}
	return s
}

func sentenceAt(ws []string, k int) (int, int) {
	a := k
	for a > 0 && !strings.HasSuffix(ws[a-1], ".") {
		a--
	}
	b := k
	for b < len(ws) && !strings.HasSuffix(ws[b], ".") {
		b++
	}
	return a, min(b+1, len(ws))
}

func proposalFor(rng *rand.Rand, quote string) *item.Proposal {
	fresh := make([]string, 3+rng.Intn(5))
	for i := range fresh {
		fresh[i] = freshWords[rng.Intn(len(freshWords))] + fmt.Sprint(rng.Intn(90)+10)
	}
	switch rng.Intn(4) {
	case 0:
		return &item.Proposal{Action: item.ActionAdd, Existing: quote, Proposed: strings.Join(fresh, " ")}
	case 1:
		return &item.Proposal{Action: item.ActionSup, Existing: quote}
	}
	qw := strings.Fields(quote)
	k := rng.Intn(len(qw))
	prop := append(append(append([]string{}, qw[:k]...), fresh...), qw[min(len(qw), k+1):]...)
	return &item.Proposal{Action: item.ActionMod, Existing: quote, Proposed: strings.Join(prop, " ")}
}

// commentWords anchors a comment on words [w0, w1) of block b.
func commentWords(id string, b *report.Block, ws []string, w0, w1 int) item.Comment {
	c := commentOn(id, b, "")
	if w1 > w0 {
		start := len(strings.Join(ws[:w0], " "))
		if w0 > 0 {
			start++
		}
		q := strings.Join(ws[w0:w1], " ")
		a := &c.Anchor
		a.Quote, a.Start, a.End = q, start, start+len(q)
		a.Before, a.After = lastRunes(b.Text[:start], contextRunes), firstRunes(b.Text[start+len(q):], contextRunes)
	}
	return c
}

func wordToks(ws []string) []tok {
	out := make([]tok, len(ws))
	for i, w := range ws {
		out[i] = tok{w: w}
	}
	return out
}
