package anchor

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
)

// The speed benchmark uses a 300-page draft shaped like model/report's
// import benchmark: 3,000 numbered paragraphs of ~55 words, 25 to a
// section. Words are drawn at random (fixed seed) so paragraphs differ.
const (
	benchParas      = 3000
	benchParaPerSec = 25
	benchWordsPara  = 55
	benchComments   = 5000
)

var benchVocabulary = strings.Fields(`the forum digital divide connectivity affordable broadband networks Member States
Sector Members policy regulation spectrum satellite resilience climate emissions waste skills women youth
persons with disabilities rural communities investment infrastructure standards innovation ecosystems
entrepreneurship data measurement cooperation developing countries least developed small island`)

func benchText(rng *rand.Rand, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = benchVocabulary[rng.Intn(len(benchVocabulary))]
	}
	return strings.ToUpper(ws[0][:1]) + strings.Join(ws, " ")[1:] + "."
}

// benchDrafts builds the 300-page draft and its successor, changed as in
// model/report's BenchmarkCompare300Pages: every tenth paragraph
// reworded, every fiftieth deleted (so the rest are renumbered). With
// inserted paragraphs as well, report.Compare's search for moves costs
// more than the whole carry (see docs/performance.md).
func benchDrafts() (*report.Draft, *report.Draft) {
	rng := rand.New(rand.NewSource(300))
	old, new := &report.Draft{Label: "old"}, &report.Draft{Label: "new"}
	num := 0
	add := func(d *report.Draft, sec string, n *int, text string) {
		*n++
		id := fmt.Sprintf("s%s-p%d", sec, *n)
		d.Blocks = append(d.Blocks, report.Block{ID: id, Ref: fmt.Sprintf("§%s ¶%d", sec, *n), Kind: report.KindParagraph,
			Number: fmt.Sprint(*n), Section: sec, Text: text})
	}
	for i := 0; i < benchParas; i++ {
		sec := fmt.Sprintf("%d.%d", i/100+1, i/benchParaPerSec%4+1)
		if i%benchParaPerSec == 0 {
			h := report.Block{ID: "s" + sec, Ref: "§" + sec, Kind: report.KindHeading, Level: 2, Number: sec, Section: sec, Text: benchText(rng, 5)}
			old.Blocks, new.Blocks = append(old.Blocks, h), append(new.Blocks, h)
		}
		text := benchText(rng, benchWordsPara)
		n := i
		add(old, sec, &n, text)
		switch {
		case i%50 == 7:
			continue
		case i%10 == 3:
			text = strings.Replace(text, " the ", " a ", 2) + " Added words."
		}
		add(new, sec, &num, text)
	}
	return old, new
}

func benchItems(old *report.Draft, n int) []item.Comment {
	rng := rand.New(rand.NewSource(5000))
	var paras []*report.Block
	for i := range old.Blocks {
		if old.Blocks[i].Kind == report.KindParagraph {
			paras = append(paras, &old.Blocks[i])
		}
	}
	out := make([]item.Comment, n)
	for i := range out {
		b := paras[rng.Intn(len(paras))]
		ws := strings.Fields(b.Text)
		w0 := rng.Intn(len(ws) - 12)
		out[i] = commentWords(fmt.Sprintf("bn-241201-%05d", i), b, ws, w0, w0+3+rng.Intn(9))
	}
	return out
}

func TestBenchDrafts(t *testing.T) {
	old, new := benchDrafts()
	rs := Carry(old, new, benchItems(old, 1000))
	sum := Summarize(rs)
	if sum[OutcomeOrphaned] == 0 || sum[OutcomeBaseChanged] == 0 || sum[OutcomeUnchanged] < 700 {
		t.Errorf("summary %v", sum)
	}
}

// BenchmarkCarry5000 carries 5,000 comments onto the 300-page draft,
// comparing the drafts included.
func BenchmarkCarry5000(b *testing.B) {
	old, new := benchDrafts()
	items := benchItems(old, benchComments)
	b.ResetTimer()
	for b.Loop() {
		rs := Carry(old, new, items)
		if len(rs) != benchComments {
			b.Fatal(len(rs))
		}
	}
}
