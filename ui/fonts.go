package ui

import (
	"os/exec"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"golang.org/x/text/language"
)

// Fyne 2.7 draws a glyph its theme font lacks with a system font that has
// it (go-text's fontscan over the system font folders), so Chinese renders
// wherever a CJK font is installed, and as boxes where none is.

// hasCJKFont asks fontconfig whether any installed font covers Chinese.
// ok is false when fontconfig cannot answer (Windows, macOS: both ship
// CJK fonts), so nothing is said there.
func hasCJKFont() (has, ok bool) {
	out, err := exec.Command("fc-list", ":lang=zh-cn", "family").Output()
	if err != nil {
		return false, false
	}
	return strings.TrimSpace(string(out)) != "", true
}

// cjkFontCheck is swapped in tests.
var cjkFontCheck = hasCJKFont

// warnMissingCJKFont tells a Chinese-UI user, once per session, which font
// package to install when no Chinese font is found.
func (s *Session) warnMissingCJKFont() {
	if b, _ := uiLanguage().Base(); b != mustBase(language.Chinese) {
		return
	}
	if has, ok := cjkFontCheck(); has || !ok {
		return
	}
	dialog.ShowInformation(lang.L("Chinese font missing"),
		lang.L("No Chinese font was found on this computer, so Chinese text shows as boxes. Install one (on Debian or Ubuntu: sudo apt install fonts-noto-cjk) and restart Delegate."), s.win)
}

func mustBase(t language.Tag) language.Base {
	b, _ := t.Base()
	return b
}
