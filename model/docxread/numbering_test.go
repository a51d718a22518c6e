package docxread

import "testing"

// A crafted start value on a letter level must not build a label of
// billions of letters (it ran the importer out of memory); beyond Word's
// own ceiling the counter is written in digits.
func TestLetterLabelsBounded(t *testing.T) {
	for _, tc := range []struct {
		v    int
		want string
	}{{1, "a"}, {26, "z"}, {27, "aa"}, {53, "aaa"}, {0, "0"}, {99999999999, "99999999999"}} {
		if got := formatNumber(tc.v, "lowerLetter"); got != tc.want {
			t.Errorf("formatNumber(%d) = %q, want %q", tc.v, got, tc.want)
		}
	}
	if got := len(formatNumber(maxLetterCount, "upperLetter")); got != (maxLetterCount-1)/26+1 {
		t.Errorf("largest letter label is %d letters", got)
	}
}
