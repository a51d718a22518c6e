package redline

import (
	"strings"
	"testing"
)

var cases = []struct {
	name, old, new, want string
}{
	{"same", "The forum meets.", "The forum meets.", "The forum meets."},
	{"word replaced", "The cat sat.", "The dog sat.", "The [-cat-]{+dog+} sat."},
	{"two words replaced join", "the big cat sat", "a small dog sat", "[-the big cat-]{+a small dog+} sat"},
	{"insert", "Forum in Geneva", "Forum in Geneva, Switzerland", "Forum in Geneva{+, Switzerland+}"},
	{"delete", "a very old text", "a old text", "a [-very -]old text"},
	{"punctuation", "that ...;", "that ...,", "that ...[-;-]{+,+}"},
	{"chinese by character", "数字技能与网络同样重要。", "数字技能与网络更加重要。", "数字技能与网络[-同样-]{+更加+}重要。"},
	{"empty old", "", "new text", "{+new text+}"},
	{"empty new", "old text", "", "[-old text-]"},
	{"accents", "déjà vu", "déjà vue", "déjà [-vu-]{+vue+}"},
}

func TestDiff(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ops := Diff(c.old, c.new)
			if got := Render(ops); got != c.want {
				t.Errorf("Render(Diff(%q, %q)) = %q, want %q", c.old, c.new, got, c.want)
			}
			if Old(ops) != c.old || New(ops) != c.new {
				t.Errorf("round trip: old %q new %q", Old(ops), New(ops))
			}
		})
	}
}

func TestTokensCJKAndWords(t *testing.T) {
	got := strings.Join(Tokens("ITU 报告 v2.3"), "|")
	if want := "ITU| |报|告| |v2|.|3"; got != want {
		t.Fatalf("Tokens = %q, want %q", got, want)
	}
}

func TestSimilarity(t *testing.T) {
	if s := Similarity("a b c d", "a b c d"); s != 1 {
		t.Errorf("identical: %v", s)
	}
	if s := Similarity("a b c d", "w x y z"); s != 0 {
		t.Errorf("disjoint: %v", s)
	}
	if s := Similarity("a b c d", "a b c e"); s != 0.75 {
		t.Errorf("one word of four: %v", s)
	}
}

func TestManyDistinctTokens(t *testing.T) {
	// Past the surrogate range the token encoding must still round-trip.
	var a, b strings.Builder
	for i := 0; i < 60000; i++ {
		a.WriteString(" w")
		a.WriteString(strings.Repeat("x", i%7) + string(rune('a'+i%26)) + itoa(i))
		if i%1000 != 0 {
			b.WriteString(" w" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + itoa(i))
		}
	}
	ops := Diff(a.String(), b.String())
	if Old(ops) != a.String() || New(ops) != b.String() {
		t.Fatal("round trip failed with many tokens")
	}
}

func itoa(i int) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + i%10)}, b...)
		i /= 10
		if i == 0 {
			return string(b)
		}
	}
}

func FuzzDiff(f *testing.F) {
	for _, c := range cases {
		f.Add(c.old, c.new)
	}
	f.Fuzz(func(t *testing.T, old, new string) {
		ops := Diff(old, new)
		if Old(ops) != old || New(ops) != new {
			t.Fatalf("round trip failed for %q -> %q: %v", old, new, ops)
		}
		if s := Similarity(old, new); s < 0 || s > 1 {
			t.Fatalf("similarity %v out of range", s)
		}
	})
}
