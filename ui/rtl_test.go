package ui

import (
	"testing"

	"fyne.io/fyne/v2/lang"
	"golang.org/x/text/language"
)

// TestRTLLineOrder: the runs of a mixed Arabic line come out in
// right-to-left order for Fyne to draw left to right; all-Arabic and
// all-Latin lines are untouched.
func TestRTLLineOrder(t *testing.T) {
	cases := [][2]string{
		{"انقر فقرة ثم اضغط Ctrl+N", "\u200fCtrl+Nانقر فقرة ثم اضغط "},
		{"6 من 12 تعليق", "\u200f تعليق12 من 6"},
		{"§1.1 ¶3 · المشروع الثاني", "\u200f · المشروع الثاني§1.1 ¶3"},
		{"دون تغيير · 98%", "\u200f98%دون تغيير · "},
		{"المشروع الثاني", "المشروع الثاني"},
		{"Second draft", "Second draft"},
		{"سطر Ab\nسطر", "\u200fAbسطر \nسطر"},
	}
	for _, c := range cases {
		if got := rtlText(c[0]); got != c[1] {
			t.Errorf("rtlText(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

// TestRTLOnlyForArabic: lang.L reorders in Arabic and not after leaving it.
func TestRTLOnlyForArabic(t *testing.T) {
	t.Cleanup(func() { SetLanguage(language.English) })
	SetLanguage(language.Arabic)
	got := lang.N("{{.N}} of {{.All}} comments", 12, map[string]any{"N": "6", "All": "12"})
	if want := "\u200f تعليقًا12 من 6"; got != want {
		t.Errorf("Arabic count line = %q, want %q", got, want)
	}
	SetLanguage(language.French)
	if got := lang.N("{{.N}} of {{.All}} comments", 12, map[string]any{"N": "6", "All": "12"}); got != "6 commentaires sur 12" {
		t.Errorf("French after Arabic = %q", got)
	}
}
