package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/image/font/sfnt"
)

// extras are works bundled inside a module under their own licence: the
// GLFW C library go-gl compiles in, and the fonts Fyne embeds.
func extras(m module) ([]component, error) {
	switch m.Path {
	case "github.com/go-gl/glfw/v3.3/glfw":
		f, err := readLicence(filepath.Join(m.Dir, "glfw", "LICENSE.md"))
		if err != nil {
			return nil, err
		}
		return []component{{Name: "GLFW (C library, compiled in by go-gl/glfw)", Version: m.Version, Kind: "C library", Files: []licenceFile{f}}}, nil
	case "fyne.io/fyne/v2":
		return fyneFonts(m)
	}
	return nil, nil
}

// fyneFonts: the fonts in fyne/theme/font that Fyne embeds with go:embed,
// with the licence file that covers each. EmojiOne Color carries its
// licence only in the font's name table, so that is quoted.
func fyneFonts(m module) ([]component, error) {
	dir := filepath.Join(m.Dir, "theme", "font")
	fonts := []struct{ name, files, licence string }{
		{"Noto Sans (regular, bold, italic, bold italic)", "NotoSans-*.ttf", "LICENSE.txt"},
		{"DejaVu Sans Mono Powerline", "DejaVuSansMono-Powerline.ttf", "LICENSE_DejaVu-Powerline.txt"},
		{"Inter Symbols", "InterSymbols-Regular.ttf", "LICENSE_Inter.txt"},
	}
	var out []component
	for _, f := range fonts {
		lf, err := readLicence(filepath.Join(dir, f.licence))
		if err != nil {
			return nil, err
		}
		out = append(out, component{Name: "Font: " + f.name, Version: "as in fyne " + m.Version, Kind: "font file " + f.files, Files: []licenceFile{lf}})
	}
	emoji, err := nameTable(filepath.Join(dir, "EmojiOneColor.otf"))
	if err != nil {
		return nil, err
	}
	out = append(out, component{Name: "Font: EmojiOne Color", Version: "as in fyne " + m.Version, Kind: "font file EmojiOneColor.otf", Files: []licenceFile{emoji}})
	return out, nil
}

func readLicence(path string) (licenceFile, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return licenceFile{}, fmt.Errorf("licence: %w", err)
	}
	return licenceFile{Name: filepath.Base(path), Text: clean(b)}, nil
}

// nameTable quotes a font's copyright, licence and licence URL entries.
func nameTable(path string) (licenceFile, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return licenceFile{}, fmt.Errorf("font: %w", err)
	}
	f, err := sfnt.Parse(b)
	if err != nil {
		return licenceFile{}, fmt.Errorf("font %s: %w", path, err)
	}
	var parts []string
	for _, id := range []sfnt.NameID{sfnt.NameIDCopyright, sfnt.NameIDLicense, sfnt.NameIDLicenseURL} {
		if s, err := f.Name(nil, id); err == nil && strings.TrimSpace(s) != "" {
			parts = append(parts, strings.TrimSpace(s))
		}
	}
	if len(parts) == 0 {
		return licenceFile{}, fmt.Errorf("font %s: no copyright or licence in its name table", path)
	}
	return licenceFile{Name: filepath.Base(path) + " (name table)", Text: clean([]byte(strings.Join(parts, "\n\n")))}, nil
}
