package anchor

import (
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/report"
)

func TestForQuote(t *testing.T) {
	long := strings.Repeat("数字", 40) // 80 runes, 240 bytes
	b := report.Block{ID: "s1-p3", Ref: "§1 ¶3", Text: long + " bridging the divide " + long}
	a, ok := ForQuote(b, "  bridging the divide ")
	if !ok || a.Quote != "bridging the divide" || b.Text[a.Start:a.End] != a.Quote || a.ParagraphID != "s1-p3" || a.Number != "§1 ¶3" {
		t.Fatalf("found: %v %+v", ok, a)
	}
	// Context is counted in runes, so Chinese keeps as much text as English.
	if n := len([]rune(a.Before)); n != contextRunes {
		t.Fatalf("before = %d runes, want %d", n, contextRunes)
	}
	if a, ok := ForQuote(b, "e\u0301quité"); ok || a.Quote != "équité" || a.Start != 0 || a.Before != "" {
		t.Fatalf("missing quote: %v %+v (want NFC quote kept, no offsets)", ok, a)
	}
	if a, ok := ForQuote(b, ""); !ok || a.Quote != "" || a.ParagraphID != "s1-p3" {
		t.Fatalf("whole paragraph: %v %+v", ok, a)
	}
}
