package docxread

import "testing"

func TestNumberFormats(t *testing.T) {
	cases := []struct {
		v      int
		format string
		want   string
	}{
		{1, "decimal", "1"}, {3, "lowerLetter", "c"}, {27, "lowerLetter", "aa"}, {2, "upperLetter", "B"},
		{4, "lowerRoman", "iv"}, {14, "upperRoman", "XIV"}, {7, "decimalZero", "07"}, {5, "bullet", ""}, {9, "ordinalText", "9"},
	}
	for _, c := range cases {
		t.Run(c.format, func(t *testing.T) {
			if got := formatNumber(c.v, c.format); got != c.want {
				t.Errorf("formatNumber(%d, %s) = %q, want %q", c.v, c.format, got, c.want)
			}
		})
	}
}

func TestCleanText(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "a b": "a b", " a": "a", "a ": "a", "a  b": "a b", "a\tb": "a b", "a\n\nb": "a b", " ": "", "\t\n": "", "a\u00a0b": "a\u00a0b",
	} {
		if got := CleanText(in); got != want {
			t.Errorf("CleanText(%q) = %q, want %q", in, got, want)
		}
	}
}
