package assets

import "embed"

// The UI's message catalogs, one go-i18n JSON file per language named by
// its BCP 47 tag (en.json, zh-Hans.json); fyne.LANG.json files translate the
// toolkit's own strings for languages Fyne does not ship (Arabic).
//
//go:embed lang/*.json
var langFiles embed.FS

// LangDir is the folder of the catalogs inside Lang().
const LangDir = "lang"

// Lang returns the embedded message catalogs. It is an embed.FS because
// Fyne's lang.AddTranslationsFS takes nothing else.
func Lang() embed.FS { return langFiles }
