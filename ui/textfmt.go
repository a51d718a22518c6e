package ui

import (
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
	"golang.org/x/text/width"
)

// num writes a count the UI language's way (1 234 in French, 1,234 in
// English); templates get it as text so the digits are the locale's.
func num(n int) string {
	return noMarks.Replace(numbers().Sprint(number.Decimal(n)))
}

// digits writes a year or a day: the locale's digits, no grouping.
func digits(n int) string {
	return numbers().Sprint(number.Decimal(n, number.NoSeparator()))
}

// numbers prints in the UI language; Arabic with the Western digits ITU's
// Arabic documents use (CLDR's default for "ar" is Arabic-Indic).
func numbers() *message.Printer {
	t := uiLanguage()
	if b, _ := t.Base(); b.String() == "ar" {
		t = language.MustParse("ar-u-nu-latn")
	}
	return message.NewPrinter(t)
}

// noMarks drops the invisible direction marks CLDR puts around Arabic
// numbers: Fyne lays text out left to right and may draw them as boxes.
var noMarks = strings.NewReplacer("\u200e", "", "\u200f", "", "\u061c", "")

// percent writes a 0..1 share as a whole percentage (87 %, 87%).
func percent(f float64) string {
	return noMarks.Replace(numbers().Sprint(number.Percent(f, number.MaxFractionDigits(0))))
}

// sortNames sorts people's and countries' names in the UI language's
// collation order, ignoring case and accents at the first level
// ("Émile" next to "Emma", not after "Zoé").
func sortNames(names []string) {
	collate.New(uiLanguage(), collate.Loose).SortStrings(names)
}

// runeColumns is how many columns r takes: two for East Asian wide and
// full-width characters (Chinese), one otherwise.
func runeColumns(r rune) int {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}
