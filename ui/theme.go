package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Preference keys the settings store. ui.language is read at start by the
// app's wiring (a BCP 47 tag; "" follows the system).
const (
	prefLanguage = "ui.language"
	prefTheme    = "ui.theme"
)

// Theme choices stored in prefTheme.
const (
	themeSystem = ""
	themeLight  = "light"
	themeDark   = "dark"
)

// variantTheme wraps the default theme and forces light or dark, whatever
// the system says; "" keeps the system's choice.
type variantTheme struct {
	fyne.Theme
	choice string
}

// Color gives the colour of the chosen variant.
func (t variantTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.choice {
	case themeLight:
		v = theme.VariantLight
	case themeDark:
		v = theme.VariantDark
	}
	return t.Theme.Color(n, v)
}

// applyTheme sets the app's theme from the preference, at once.
func (s *Session) applyTheme() {
	s.app.Settings().SetTheme(variantTheme{Theme: theme.DefaultTheme(), choice: s.app.Preferences().String(prefTheme)})
}

// startTheme applies a theme the user chose earlier; with no choice the
// app keeps the theme it was given (the system's, or the test theme).
func (s *Session) startTheme() {
	if s.app.Preferences().String(prefTheme) != themeSystem {
		s.applyTheme()
	}
}
