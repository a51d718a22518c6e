package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"

	i18n "github.com/delegate-itu/delegate/scripts/i18n/catalog"
)

// UI tests read English whatever the machine's locale; the language tests
// below switch explicitly and switch back.
func init() {
	for _, v := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES"} {
		os.Unsetenv(v)
	}
	os.Setenv("LANG", "en_US.UTF-8")
}

// TestCatalogsComplete is the catalog test: every lang key of ui/ and
// cmd/delegate is in every catalog with the same template variables, no
// catalog keeps a stale key, and every key is a literal the scan can see.
// Fix with `go run ./scripts/i18n` (see docs/languages.md).
func TestCatalogsComplete(t *testing.T) {
	keys, dynamic, err := i18n.Scan(".", "../cmd/delegate")
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) < 100 {
		t.Fatalf("only %d keys found in the sources: is the scan broken?", len(keys))
	}
	for _, d := range dynamic {
		t.Errorf("lang call with a non-literal key at %s: no catalog test can check it", d)
	}
	cats, err := i18n.LoadCatalogs("../assets/lang")
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, c := range cats {
		have[c.Lang] = true
		for _, p := range i18n.Problems(c, keys) {
			t.Error(p)
		}
	}
	bare, err := i18n.BareStrings(".", "../cmd/delegate")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bare {
		t.Errorf("text shown without lang.L: %s", b)
	}
	for _, l := range Languages {
		if !have[l.String()] {
			t.Errorf("no catalog assets/lang/%s.json", l)
		}
	}
}

// TestChooseLanguage: preference first, then the OS locale matched over the
// six languages, else English.
func TestChooseLanguage(t *testing.T) {
	cases := []struct {
		pref   string
		system []string
		want   string
	}{
		{"", []string{"fr-CH"}, "fr"},
		{"", []string{"zh-CN"}, "zh-Hans"},
		{"", []string{"zh_Hans_CN"}, "zh-Hans"},
		{"", []string{"ar-EG"}, "ar"},
		{"", []string{"es-419"}, "es"},
		{"", []string{"ru"}, "ru"},
		{"", []string{"de-DE"}, "en"},
		{"", nil, "en"},
		{"", []string{"C"}, "en"},
		{"ru", []string{"fr-FR"}, "ru"},
		{"zh-Hans", []string{"en-US"}, "zh-Hans"},
		{"xx-nonsense", []string{"es-ES"}, "es"},
		{"de", []string{"fr"}, "fr"},
	}
	for _, c := range cases {
		if got := ChooseLanguage(c.pref, c.system...); got.String() != c.want {
			t.Errorf("ChooseLanguage(%q, %q) = %s, want %s", c.pref, c.system, got, c.want)
		}
	}
}

// TestLanguageForced: the preference (and DELEGATE_LANG) switch Fyne's own
// localizer, including the toolkit's strings and Arabic's supplement.
func TestLanguageForced(t *testing.T) {
	t.Cleanup(func() { SetLanguage(language.English) })
	a := test.NewTempApp(t)
	a.Preferences().SetString(PrefLanguage, "fr")
	applyLanguage(a, "")
	if got := lang.L("New comment"); got != "Nouveau commentaire" {
		t.Errorf("French preference: lang.L(New comment) = %q", got)
	}
	if got := lang.L("Cancel"); got != "Annuler" {
		t.Errorf("French preference: Fyne's Cancel = %q", got)
	}
	applyLanguage(a, "zh-Hans") // DELEGATE_LANG wins over the preference
	if got := lang.L("New comment"); !strings.ContainsRune(got, '评') {
		t.Errorf("forced Chinese: lang.L(New comment) = %q", got)
	}
	SetLanguage(language.Arabic)
	if got := lang.L("Cancel"); got == "Cancel" {
		t.Errorf("Arabic: the toolkit's Cancel stays English")
	}
	SetLanguage(language.English)
	if got := lang.L("New comment"); got != "New comment" {
		t.Errorf("back to English: %q", got)
	}
}

// TestPluralsAndNumbers: counts take the language's plural form and digits.
func TestPluralsAndNumbers(t *testing.T) {
	t.Cleanup(func() { SetLanguage(language.English) })
	say := func(n int) string {
		return lang.N("{{.Date}}: {{.Days}} days left ({{.Draft}})", n, map[string]any{"Date": "D", "Days": num(n), "Draft": "X"})
	}
	SetLanguage(language.English)
	if got := say(1); got != "D: 1 day left (X)" {
		t.Errorf("English one: %q", got)
	}
	SetLanguage(language.Russian)
	for n, word := range map[int]string{1: "день", 3: "дня", 5: "дней", 21: "день"} {
		if got := say(n); !strings.Contains(got, " "+word+" ") {
			t.Errorf("Russian %d: %q, want %q", n, got, word)
		}
	}
	SetLanguage(language.French)
	if got := num(12345); got != "12\u00a0345" && got != "12\u202f345" {
		t.Errorf("French 12345 = %q", got)
	}
	SetLanguage(language.Arabic)
	if got := num(1234); got != "1,234" && got != "1٬234" {
		t.Errorf("Arabic 1234 = %q, want Western digits", got)
	}
}

// TestMissingCJKFontSaidOnce: a Chinese UI without a Chinese font says
// what to install, in Chinese; another language or a found font says nothing.
func TestMissingCJKFontSaidOnce(t *testing.T) {
	t.Cleanup(func() { SetLanguage(language.English); cjkFontCheck = hasCJKFont })
	for _, c := range []struct {
		lang      string
		has, warn bool
	}{{"zh-Hans", false, true}, {"zh-Hans", true, false}, {"fr", false, false}} {
		cjkFontCheck = func() (bool, bool) { return c.has, true }
		a := test.NewTempApp(t)
		s := NewSession(a, testProfile(t), Options{Run: syncRun, SampleDir: t.TempDir(), Language: c.lang})
		shown := false
		for _, o := range s.win.Canvas().Overlays().List() {
			if strings.Contains(dialogText(o), "fonts-noto-cjk") {
				shown = true
			}
		}
		if shown != c.warn {
			t.Errorf("%s, font found %v: warning shown %v", c.lang, c.has, shown)
		}
		s.win.Close()
	}
}

// dialogText is every label's text in a dialog.
func dialogText(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			r := test.WidgetRenderer(w)
			for _, c := range r.Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}

// TestProfileTextsTranslated: every text of the embedded WTPF-26 profile
// the timeline shows has a translation, so an edited profile text shows up
// here rather than as English in a French window.
func TestProfileTextsTranslated(t *testing.T) {
	t.Cleanup(func() { SetLanguage(language.English) })
	p := testProfile(t)
	texts := []string{p.Name, p.Rules.Citation}
	for _, m := range p.Milestones {
		texts = append(texts, m.Title)
		if m.Note != "" {
			texts = append(texts, m.Note)
		}
	}
	SetLanguage(language.French)
	for _, s := range texts {
		if profileText(s) == s {
			t.Errorf("profile text without a translation: %q (add it to ui/profiletext.go)", s)
		}
	}
	for _, l := range p.DraftLabels {
		if labelText(l) == l {
			t.Errorf("draft label without a translation: %q", l)
		}
	}
}

// TestSearchFoldsCaseAndAccents and sorting by the UI language's collation.
func TestSearchFoldsCaseAndAccents(t *testing.T) {
	t.Cleanup(func() { SetLanguage(language.English) })
	for _, c := range [][2]string{{"Éco-Système", "eco-systeme"}, {"STRASSE", "straße"}, {"ЁЛКА", "елка"}, {"ﬁnance", "FINANCE"}} {
		if fold(c[0]) != fold(c[1]) {
			t.Errorf("fold(%q) = %q, fold(%q) = %q", c[0], fold(c[0]), c[1], fold(c[1]))
		}
	}
	names := []string{"Zoé", "émile", "Emma", "Ålund"}
	SetLanguage(language.French)
	sortNames(names)
	if strings.Join(names, ",") != "Ålund,émile,Emma,Zoé" {
		t.Errorf("French order: %v", names)
	}
}

// TestLanguageChoicesNameThemselves: the picker shows each language in itself.
func TestLanguageChoicesNameThemselves(t *testing.T) {
	want := map[string]string{"en": "English", "ar": "العربية", "zh-Hans": "简体中文", "fr": "français", "ru": "русский", "es": "español"}
	got := LanguageChoices()
	if len(got) != len(want) {
		t.Fatalf("%d choices, want %d", len(got), len(want))
	}
	for _, c := range got {
		if want[c.Tag] != c.Name {
			t.Errorf("%s is named %q, want %q", c.Tag, c.Name, want[c.Tag])
		}
	}
}

// TestCarryReasonsTranslated: every explanation clause model/anchor writes
// (string literals starting "the", "its" or "most") has a translation.
func TestCarryReasonsTranslated(t *testing.T) {
	t.Cleanup(func() { SetLanguage(language.English) })
	SetLanguage(language.French)
	files, _ := filepath.Glob("../model/anchor/*.go")
	fset := token.NewFileSet()
	n := 0
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(x ast.Node) bool {
			lit, ok := x.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, _ := strconv.Unquote(lit.Value)
			if !strings.HasPrefix(s, "the ") && !strings.HasPrefix(s, "its ") && !strings.HasPrefix(s, "most ") {
				return true
			}
			for _, c := range strings.Split(s, "; ") {
				if c == "" {
					continue
				}
				n++
				if reasonClause(c) == c {
					t.Errorf("%s: carry reason %q has no translation (ui/names.go reasonClause)", fset.Position(lit.Pos()), c)
				}
			}
			return true
		})
	}
	if n < 10 {
		t.Fatalf("only %d reason clauses found in model/anchor: is the scan broken?", n)
	}
}
