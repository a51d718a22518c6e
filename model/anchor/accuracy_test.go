package anchor

import (
	"flag"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
)

var (
	harnessScenarios = flag.Int("carry.scenarios", 12, "accuracy harness: how many mutated drafts")
	harnessSeed      = flag.Int64("carry.seed", 1, "accuracy harness: random seed")
	harnessTable     = flag.Bool("carry.table", false, "accuracy harness: print the Markdown table for docs/performance.md")
	harnessVerbose   = flag.Bool("carry.v", false, "accuracy harness: log every wrong result")
)

// method is one way of carrying comments, Delegate's or a baseline's.
type method struct {
	name  string
	carry func(old, new *report.Draft, cs []item.Comment) []Result
}

var methods = []method{
	{"Delegate", Carry},
	{"exact quote search", exactBaseline},
	{"same paragraph number", numberBaseline},
	{"fuzzy quote + prefix/suffix (web-annotation style)", fuzzyBaseline},
}

// tally counts one method's results.
type tally struct {
	n, correct, silent, review int
	byMut                      map[int][2]int // mutation -> correct, total
}

func overlaps(s1, e1, s2, e2 int) bool {
	if s1 == e1 || s2 == e2 { // an empty span (text deleted): allow the space beside it
		return s1 <= e2+1 && s2 <= e1+1
	}
	return max(s1, s2) < min(e1, e2)
}

// judge says whether r is the right outcome and place for s, and whether
// it is a silent misplacement: placed with confidence in the wrong passage.
func judge(s synthetic, r Result) (correct, silent bool) {
	placeOK := s.want != OutcomeOrphaned && r.NewBlockID == s.wantPara &&
		(s.w0 == s.w1 || overlaps(r.Anchor.Start, r.Anchor.End, s.wantS, s.wantE))
	correct = r.Outcome == s.want && (s.want == OutcomeOrphaned || placeOK)
	silent = r.Placed() && r.Confidence >= Sure && !placeOK
	return correct, silent
}

// runHarness mutates the sample draft n times and scores every method.
func runHarness(t *testing.T, seed int64, n int) (map[string]*tally, int) {
	c := loadCorpus(t)
	rng := rand.New(rand.NewSource(seed))
	out := map[string]*tally{}
	for _, m := range methods {
		out[m.name] = &tally{byMut: map[int][2]int{}}
	}
	total := 0
	for k := 0; k < n; k++ {
		new, comms, err := c.build(rng, 24, 4, total)
		if err != nil {
			t.Fatal(err)
		}
		total += len(comms)
		items := make([]item.Comment, len(comms))
		for i := range comms {
			items[i] = comms[i].c
		}
		for _, m := range methods {
			rs, tl := m.carry(c.old, new, items), out[m.name]
			for i, r := range rs {
				ok, silent := judge(comms[i], r)
				tl.add(comms[i].mut, ok, silent, r.NeedsReview())
				if m.name == "Delegate" && (!ok || silent) && *harnessVerbose {
					s := comms[i]
					t.Logf("%s [%s] %q: got %s %.2f %s %d-%d (%s); want %s %s %d-%d", mutNames[s.mut], s.c.ID, oneLine(s.c.Anchor.Quote), r.Outcome, r.Confidence,
						r.NewBlockID, r.Anchor.Start, r.Anchor.End, r.Reason, s.want, s.wantPara, s.wantS, s.wantE)
				}
			}
		}
	}
	return out, total
}

func oneLine(s string) string {
	if runeCount(s) > 50 {
		return firstRunes(s, 50) + "…"
	}
	return s
}

func (tl *tally) add(mut int, ok, silent, review bool) {
	tl.n++
	c := tl.byMut[mut]
	c[1]++
	if ok {
		tl.correct++
		c[0]++
	}
	if silent {
		tl.silent++
	}
	if review {
		tl.review++
	}
	tl.byMut[mut] = c
}

func pct(a, b int) string { return fmt.Sprintf("%.1f %%", 100*float64(a)/float64(max(b, 1))) }

// TestAccuracy asserts the goal on a fixed seed: at least 99 %
// correct outcomes and no silent misplacement.
func TestAccuracy(t *testing.T) {
	res, total := runHarness(t, *harnessSeed, *harnessScenarios)
	if total < 1000 {
		t.Fatalf("only %d synthetic comments", total)
	}
	d := res["Delegate"]
	if float64(d.correct) < 0.99*float64(d.n) || d.silent > 0 {
		t.Errorf("Delegate: %d/%d correct (%s), %d silent misplacements", d.correct, d.n, pct(d.correct, d.n), d.silent)
	}
	for _, m := range methods[1:] {
		if b := res[m.name]; b.correct >= d.correct {
			t.Errorf("baseline %s is as good as Delegate: %d vs %d", m.name, b.correct, d.correct)
		}
	}
	if *harnessTable {
		t.Log("\n" + table(res, total))
	}
}

// table renders the results as Markdown for docs/performance.md.
func table(res map[string]*tally, total int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "| method (%d comments) | correct outcome and place | silent misplacements | asks the user |", total)
	for k := 1; k < mutKinds; k++ {
		fmt.Fprintf(&b, " %s |", mutNames[k])
	}
	b.WriteString(" untouched |\n|---|---|---|---|" + strings.Repeat("---|", mutKinds) + "\n")
	for _, m := range methods {
		tl := res[m.name]
		fmt.Fprintf(&b, "| %s | %s | %d | %s |", m.name, pct(tl.correct, tl.n), tl.silent, pct(tl.review, tl.n))
		for k := 1; k <= mutKinds; k++ {
			c := tl.byMut[k%mutKinds]
			fmt.Fprintf(&b, " %s |", pct(c[0], c[1]))
		}
		b.WriteString("\n")
	}
	return b.String()
}
