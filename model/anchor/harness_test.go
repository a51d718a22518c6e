package anchor

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
)

// The accuracy harness mutates the 2nd sample draft (Markdown) the way a
// secretariat edits a report — reword, insert, delete, move, split, merge,
// renumber, incorporate a proposal, change text under a quote — and knows,
// for every synthetic comment, the outcome and place that are right.

// Mutation kinds.
const (
	mutNone = iota // untouched (renumbered by the edits around it)
	mutReword
	mutInsert // a new paragraph inserted before it
	mutDelete
	mutMove
	mutSplit
	mutMerge
	mutIncorporate
	mutUnderQuote
	mutKinds
)

var mutNames = []string{"none", "reword", "insert", "delete", "move", "split", "merge", "incorporate", "under-quote"}

// tok is one word of a chunk and where it came from: chunk*10000+index
// in the original, or -1 for a new word, -2 for a word of a proposal.
type tok struct {
	w       string
	origin  int
	changed bool
	prop    bool // part of an incorporated proposal
}

// chunk is one numbered paragraph of the mutated draft.
type chunk struct {
	toks []tok
	from int // original chunk index, for the paragraph-level truth
}

func (c chunk) text() string {
	ws := make([]string, len(c.toks))
	for i, t := range c.toks {
		ws[i] = t.w
	}
	return strings.Join(ws, " ")
}

// synthetic is a generated comment and its truth.
type synthetic struct {
	c        item.Comment
	chunk    int // original chunk index
	w0, w1   int // quoted words [w0, w1); whole paragraph if w0 == w1 == 0
	mut      int
	want     Outcome
	wantPara string // new block ID ("" for orphans)
	wantS    int    // expected span in the new block (bytes)
	wantE    int
	applied  bool // its proposal was incorporated by the mutation
}

var numberedRe = regexp.MustCompile(`^(\d+)\. (.+)$`)

// corpus is the sample draft cut into Markdown chunks, with the numbered
// body paragraphs whose text imports verbatim marked as usable.
type corpus struct {
	chunks []string
	body   []int // chunk indexes of numbered body paragraphs, in order
	usable map[int]bool
	words  map[int][]string
	old    *report.Draft
	ids    map[int]*report.Block
}

func loadCorpus(t testing.TB) *corpus {
	raw, err := os.ReadFile(filepath.Join(samples, "draft2.md"))
	if err != nil {
		t.Fatal(err)
	}
	old := importSample(t, "draft2.md")
	c := &corpus{chunks: strings.Split(string(raw), "\n\n"), usable: map[int]bool{}, words: map[int][]string{}, old: old, ids: map[int]*report.Block{}}
	for i, ch := range c.chunks {
		if strings.HasPrefix(ch, "# Annex") {
			break
		}
		m := numberedRe.FindStringSubmatch(ch)
		if m == nil {
			continue
		}
		c.body = append(c.body, i)
		b := bodyPara(old, m[1])
		if b != nil && b.Text == m[2] && strings.Join(strings.Fields(m[2]), " ") == m[2] {
			c.usable[i], c.words[i], c.ids[i] = true, strings.Fields(m[2]), b
		}
	}
	return c
}

// fresh words for rewording and inserted paragraphs; none is in the drafts.
var freshWords = strings.Fields(`notably substantially markedly considerably broadly chiefly
particularly increasingly gradually partially vocabulary zephyr quokka lattice meridian
harbinger tessellate pinnacle verdant cobalt`)

func freshText(rng *rand.Rand, n int) []tok {
	out := make([]tok, n)
	for i := range out {
		out[i] = tok{w: freshWords[rng.Intn(len(freshWords))] + fmt.Sprint(rng.Intn(90)+10), origin: -1}
	}
	out[n-1].w += "."
	return out
}
