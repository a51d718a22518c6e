package catalog

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
)

// shown are the Fyne calls whose string arguments people read: a literal
// with letters passed to one of them bypasses the catalogs.
var shown = map[string]bool{
	"NewLabel": true, "NewLabelWithStyle": true, "NewButton": true, "NewButtonWithIcon": true,
	"NewCheck": true, "NewCard": true, "NewFormItem": true, "NewHyperlink": true,
	"NewMenuItem": true, "NewMenu": true, "NewTabItem": true, "NewTabItemWithIcon": true,
	"ShowInformation": true, "ShowConfirm": true, "NewConfirm": true, "NewInformation": true,
	"NewForm": true, "NewCustom": true, "NewCustomConfirm": true, "NewCustomWithoutButtons": true,
	"SetText": true, "SetPlaceHolder": true, "SetTitle": true, "NewWindow": true,
	"NewRichTextWithText": true, "NewTextSegment": true, "NewSelect": true, "NewRadioGroup": true,
}

// BareStrings lists, as file:line "text", the string literals with letters
// passed straight to a Fyne call that shows them (labels, buttons, menus,
// dialogs, placeholders) in the non-test files of dirs.
func BareStrings(dirs ...string) ([]string, error) {
	var out []string
	fset := token.NewFileSet()
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				return nil, err
			}
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok || !shown[sel.Sel.Name] {
					return true
				}
				for _, a := range call.Args {
					if s, ok := literal(a); ok && hasLetter(s) {
						at := fset.Position(a.Pos())
						out = append(out, filepath.Base(at.Filename)+":"+strconv.Itoa(at.Line)+" "+strconv.Quote(s))
					}
				}
				return true
			})
		}
	}
	return out, nil
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
