package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/store"
)

// bigDraft writes a Markdown report of about 300 pages: 60 sections of 5
// subsections of 10 paragraphs of ~90 words (2,700 words a section).
func bigDraft() []byte {
	var b strings.Builder
	b.WriteString("Large sample report\n\n")
	words := strings.Fields("the forum may wish to consider how policies on connectivity skills and affordability could be aligned with measures on resilience and innovation so that")
	n := 0
	for s := 1; s <= 60; s++ {
		fmt.Fprintf(&b, "# %d Section %d\n\n", s, s)
		for ss := 1; ss <= 5; ss++ {
			fmt.Fprintf(&b, "## %d.%d Subsection\n\n", s, ss)
			for p := 0; p < 10; p++ {
				n++
				fmt.Fprintf(&b, "%d. ", n)
				for w := 0; w < 90; w++ {
					b.WriteString(words[(w*7+n)%len(words)])
					b.WriteByte(' ')
				}
				b.WriteString("end.\n\n")
			}
		}
	}
	return []byte(b.String())
}

// bigWorkspace is a workspace with the 300-page draft and n comments
// spread over its paragraphs, saved in one commit.
func bigWorkspace(tb testing.TB, n int) string {
	tb.Helper()
	dir := tb.TempDir() + "/big"
	ws, err := store.Create(dir, sampleUser)
	if err != nil {
		tb.Fatal(err)
	}
	defer ws.Close()
	meta, d, err := importDraft(ws, "big.md", "2nd draft", bigDraft())
	if err != nil {
		tb.Fatal(err)
	}
	var paras []int
	for i, b := range d.Blocks {
		if b.Number != "" && b.Kind == "paragraph" {
			paras = append(paras, i)
		}
	}
	now := time.Now()
	cs := make([]item.Comment, n)
	for i := range cs {
		b := d.Blocks[paras[(i*37)%len(paras)]]
		cs[i] = item.Comment{ID: fmt.Sprintf("bx-%06d", i), Kind: item.Kinds[i%len(item.Kinds)], Author: sampleUser,
			Created: now, Updated: now, Body: fmt.Sprintf("Comment %d on %s.", i, b.Ref),
			Anchor: anchorFor(meta.ID, b, firstSentence(b.Text))}
	}
	if err := ws.ImportItems(sampleUser, "bench", cs, nil); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// openBig opens the big workspace in a 1240×780 window and lays it out.
func openBig(tb testing.TB, a fyne.App, dir string) *Session {
	s := NewSession(a, testProfile(tb), Options{Run: syncRun, Open: dir})
	s.win.Resize(fyne.NewSize(1240, 780))
	if s.main == nil {
		tb.Fatal("the workspace did not open")
	}
	return s
}

// BenchmarkOpenLargeWorkspace: start to a laid-out main window with 5,000
// comments and a 300-page draft (issue 7: under 2 s).
func BenchmarkOpenLargeWorkspace(b *testing.B) {
	dir := bigWorkspace(b, 5000)
	a := test.NewTempApp(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := openBig(b, a, dir)
		b.StopTimer()
		if len(s.work.comments) != 5000 || s.work.draft.Paragraphs() < 3000 {
			b.Fatalf("comments %d paragraphs %d", len(s.work.comments), s.work.draft.Paragraphs())
		}
		s.closeWork()
		s.win.Close()
		b.StartTimer()
	}
}

// BenchmarkSwitchParagraph: moving to the next paragraph (Ctrl+Down) in
// that workspace: reader selection, scroll and editor (issue 7: < 50 ms).
func BenchmarkSwitchParagraph(b *testing.B) {
	dir := bigWorkspace(b, 5000)
	s := openBig(b, test.NewTempApp(b), dir)
	defer func() { s.closeWork(); s.win.Close() }()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		press(s, fyne.KeyDown)
	}
}
