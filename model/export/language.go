package export

import (
	"strings"
	"unicode"
)

// englishWords are frequent English function words. Running English has
// about one in four words from this list; French, Spanish or Russian
// written in Latin letters has almost none.
var englishWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the of and to in a is that for on with as be by are this it or from
		at an should which not its their will can all has have we more other such these those into
		through between including also been was were our they there than may shall would could
		would must any each per about further well being both where how what when who`) {
		englishWords[w] = true
	}
}

// notEnglish says why text does not look English ("written in Cyrillic
// script", "like another language"), or "" when it does or is too short
// to tell. x/text has no language detector; this heuristic (script of the
// letters, share of English function words) is enough to catch a comment
// left in the delegation's own language.
func notEnglish(text string) string {
	latin, letters := 0, 0
	var other *unicode.RangeTable
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if unicode.Is(unicode.Latin, r) {
			latin++
		} else if other == nil {
			other = scriptOf(r)
		}
	}
	if letters < 20 {
		return ""
	}
	if float64(latin) < 0.7*float64(letters) {
		return "written in " + scriptName(other) + " script"
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	if len(words) < 8 {
		return ""
	}
	hits := 0
	for _, w := range words {
		if englishWords[w] {
			hits++
		}
	}
	if float64(hits) < 0.1*float64(len(words)) {
		return "like another language than English"
	}
	return ""
}

var scripts = []struct {
	name  string
	table *unicode.RangeTable
}{
	{"Arabic", unicode.Arabic}, {"Cyrillic", unicode.Cyrillic}, {"Chinese", unicode.Han},
	{"Japanese", unicode.Hiragana}, {"Japanese", unicode.Katakana}, {"Korean", unicode.Hangul},
	{"Greek", unicode.Greek}, {"Hebrew", unicode.Hebrew}, {"Devanagari", unicode.Devanagari}, {"Thai", unicode.Thai},
}

func scriptOf(r rune) *unicode.RangeTable {
	for _, s := range scripts {
		if unicode.Is(s.table, r) {
			return s.table
		}
	}
	return nil
}

func scriptName(t *unicode.RangeTable) string {
	for _, s := range scripts {
		if s.table == t {
			return s.name
		}
	}
	return "a non-Latin"
}
