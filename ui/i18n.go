package ui

import (
	"strings"
	"sync"
	_ "unsafe" // go:linkname to force Fyne's localizer to the chosen language

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/delegate-itu/delegate/assets"
)

// PrefLanguage is the app preference holding the UI language as a BCP 47
// tag ("fr", "zh-Hans"); "" or missing follows the operating system.
const PrefLanguage = "ui.language"

// Languages are the six official ITU languages the UI speaks, English
// first because the matcher falls back to its first entry.
var Languages = []language.Tag{
	language.English, language.Arabic, language.SimplifiedChinese,
	language.French, language.Russian, language.Spanish,
}

var uiLangMatcher = language.NewMatcher(Languages)

// ChooseLanguage picks the UI language: the preference when it names one of
// the six languages, else the best match for the system's locales, else
// English. It is pure so the choice can be tested without an OS.
func ChooseLanguage(pref string, system ...string) language.Tag {
	if pref = strings.TrimSpace(pref); pref != "" {
		if t, err := language.Parse(pref); err == nil {
			if best, _, c := uiLangMatcher.Match(t); c >= language.High {
				return Languages[indexOf(best)]
			}
		}
	}
	var tags []language.Tag
	for _, s := range system {
		if t, err := language.Parse(strings.ReplaceAll(s, "_", "-")); err == nil {
			tags = append(tags, t)
		}
	}
	if len(tags) == 0 {
		return language.English
	}
	best, _, c := uiLangMatcher.Match(tags...)
	if c == language.No {
		return language.English
	}
	return Languages[indexOf(best)]
}

// indexOf maps a matcher result (which may carry -u- extensions) back to
// the plain tag in Languages.
func indexOf(t language.Tag) int {
	_, i, _ := uiLangMatcher.Match(t)
	return i
}

var (
	catalogsOnce sync.Once
	curLang      = language.English
	curLangMu    sync.RWMutex
)

// loadCatalogs registers Delegate's catalogs with Fyne, once per process.
func loadCatalogs() {
	catalogsOnce.Do(func() {
		if err := lang.AddTranslationsFS(assets.Lang(), assets.LangDir); err != nil {
			fyne.LogError("Delegate's translations could not be loaded", err)
		}
	})
}

// SetLanguage makes every later lang.L answer in t (one of Languages) and
// makes t the locale for numbers, dates and sorting.
func SetLanguage(t language.Tag) {
	loadCatalogs()
	curLangMu.Lock()
	curLang = t
	curLangMu.Unlock()
	fyneSetupLang(t.String())
	b, _ := t.Base()
	useRTLOrder(b.String() == "ar")
}

// uiLanguage is the language the UI currently speaks.
func uiLanguage() language.Tag {
	curLangMu.RLock()
	defer curLangMu.RUnlock()
	return curLang
}

// applyLanguage chooses and applies the language at the start of a
// session: Options.Language (DELEGATE_LANG), the preference, the OS.
func applyLanguage(a fyne.App, forced string) {
	pref := forced
	if pref == "" {
		pref = a.Preferences().String(PrefLanguage)
	}
	SetLanguage(ChooseLanguage(pref, lang.SystemLocale().String()))
}

// fyneSetupLang is Fyne's own (unexported) switch of its localizer. Fyne
// 2.7 only follows the OS locale; the Settings screen must be able to
// choose. TestLanguageForced fails if a Fyne upgrade removes it.
//
//go:linkname fyneSetupLang fyne.io/fyne/v2/lang.setupLang
func fyneSetupLang(lang string)

// LanguageChoice is one entry of the Settings language picker.
type LanguageChoice struct {
	Tag  string // the value for PrefLanguage ("zh-Hans")
	Name string // the language named in itself ("简体中文"), as pickers show it
}

// LanguageChoices lists the six languages, each named in itself
// (x/text/language/display), for the Settings screen; the empty tag
// (follow the system) is the caller's to add with its own label.
func LanguageChoices() []LanguageChoice {
	out := make([]LanguageChoice, len(Languages))
	for i, t := range Languages {
		out[i] = LanguageChoice{Tag: t.String(), Name: display.Self.Name(t)}
	}
	return out
}
