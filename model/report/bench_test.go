package report

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/delegate-itu/delegate/model/docx"
)

var benchOut = flag.String("out", "", "TestWriteBenchDocx writes the 300-page benchmark .docx here")

// Shape of the benchmark document: about ten numbered paragraphs of ~55
// words per A4 page, like an SG report.
const (
	benchParas       = 3000
	benchParaPerSec  = 25
	benchTableEvery  = 100
	benchFNoteEvery  = 50
	benchWordsInPara = 55
)

var benchWords = strings.Fields(`the forum digital divide connectivity affordable broadband networks Member States
Sector Members policy regulation spectrum satellite resilience climate emissions waste skills women youth
persons with disabilities rural communities investment infrastructure standards innovation ecosystems
entrepreneurship data measurement cooperation developing countries least developed small island`)

func benchSentence(seed, words int) string {
	out := make([]string, words)
	for i := range out {
		out[i] = benchWords[(seed*7+i*13+i*i)%len(benchWords)]
	}
	return strings.ToUpper(out[0][:1]) + strings.Join(out, " ")[1:] + "."
}

// benchDocx builds the 300-page, 3,000-paragraph draft with model/docx.
func benchDocx(tb testing.TB) []byte {
	tb.Helper()
	d := docx.New()
	d.Props = docx.Props{Title: "Benchmark report, 3rd draft", Created: time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC)}
	d.Add(docx.Paragraph{Style: docx.StyleTitle, Content: []docx.Inline{docx.Text("Benchmark report (3rd draft)")}})
	for i := 0; i < benchParas; i++ {
		if i%(benchParaPerSec*4) == 0 {
			d.Heading(1, docx.Text(fmt.Sprintf("Chapter about %s", benchWords[i/100%len(benchWords)])))
		}
		if i%benchParaPerSec == 0 {
			d.Heading(2, docx.Text(benchSentence(i, 5)))
		}
		content := []docx.Inline{docx.Text(benchSentence(i, benchWordsInPara/2) + " "), docx.Bold("Key point: "),
			docx.Italic(benchSentence(i+1, benchWordsInPara/2))}
		if i%benchFNoteEvery == 0 {
			content = append(content, docx.Footnote{Content: []docx.Inline{docx.Text(benchSentence(i+2, 12))}})
		}
		d.NumberedPara(content...)
		if i%benchTableEvery == 99 {
			d.AddTable(docx.Table{Widths: []int{3000, 3000, 3000}, HeaderRows: 1, Rows: [][]docx.Cell{
				{docx.BoldCell("Indicator"), docx.BoldCell("Group A"), docx.BoldCell("Group B")},
				{docx.TextCell("Coverage"), docx.TextCell("96%"), docx.TextCell("78%")},
				{docx.TextCell("Usage"), docx.TextCell("88%"), docx.TextCell("41%")},
			}})
		}
	}
	var buf bytes.Buffer
	if _, err := d.WriteTo(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// TestWriteBenchDocx checks the benchmark document imports completely and,
// with -args -out FILE, writes it for scripts/bench-import.sh.
func TestWriteBenchDocx(t *testing.T) {
	data := benchDocx(t)
	path := *benchOut
	if path == "" {
		path = filepath.Join(t.TempDir(), "bench.docx")
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	d := importPath(t, path)
	o := d.Outline()
	if o.Paragraphs != benchParas || o.Tables != benchParas/benchTableEvery || o.Footnotes != benchParas/benchFNoteEvery {
		t.Errorf("imported %d paragraphs, %d tables, %d footnotes", o.Paragraphs, o.Tables, o.Footnotes)
	}
	if b := d.Block("s30.4-p3000"); b == nil || !strings.Contains(b.Text, "Key point:") {
		t.Errorf("last paragraph: %+v", b)
	}
	if b := d.Block("s2.1"); b == nil || b.Level != 2 {
		t.Errorf("heading 2.1: %+v", b)
	}
}

func BenchmarkImportDocx300Pages(b *testing.B) {
	data := benchDocx(b)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := Import("bench.docx", data, ImportOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompare300Pages compares the benchmark draft with a copy in which
// every tenth paragraph was reworded and every fiftieth deleted.
func BenchmarkCompare300Pages(b *testing.B) { benchCompare(b, false) }

// BenchmarkCompare300PagesInserts also inserts a new paragraph every 100,
// which makes the move search compare every deleted block with every
// inserted one.
func BenchmarkCompare300PagesInserts(b *testing.B) { benchCompare(b, true) }

func benchCompare(b *testing.B, inserts bool) {
	old, err := Import("bench.docx", benchDocx(b), ImportOptions{})
	if err != nil {
		b.Fatal(err)
	}
	new := *old
	new.Blocks = nil
	for i, blk := range old.Blocks {
		switch {
		case i%50 == 7:
			continue
		case i%10 == 3:
			blk.Text = strings.Replace(blk.Text, "the", "a", 2) + " Added words."
		}
		new.Blocks = append(new.Blocks, blk)
		if inserts && i%100 == 42 {
			ins := blk
			ins.ID += "-new"
			ins.Text = fmt.Sprintf("A new paragraph %d on spectrum sharing, rural backhaul and community networks in landlocked countries.", i)
			new.Blocks = append(new.Blocks, ins)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		c := Compare(old, &new)
		if c.Summary[ChangeDeleted] == 0 || c.Summary[ChangeModified] == 0 {
			b.Fatalf("summary %v", c.Summary)
		}
	}
}
