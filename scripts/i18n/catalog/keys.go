// Package catalog checks Delegate's message catalogs against the sources: it
// collects every key passed to Fyne's lang package in the Go files and
// compares them with assets/lang/*.json. The catalog test and the
// scripts/i18n tool share it so adding a screen's strings stays mechanical.
package catalog

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Key is one message the sources ask for.
type Key struct {
	ID      string // the catalog key
	English string // the English text (the key itself, or X's fallback)
	Plural  bool   // asked with a count (lang.N / lang.XN)
	Where   string // first file:line that uses it
}

// argument positions of the key (and the English fallback) per function.
var funcs = map[string]struct{ key, text int }{
	"L": {0, 0}, "Localize": {0, 0},
	"N": {0, 0}, "LocalizePlural": {0, 0},
	"X": {0, 1}, "LocalizeKey": {0, 1},
	"XN": {0, 1}, "LocalizePluralKey": {0, 1},
}

// Scan parses the non-test Go files of dirs and returns every key passed
// as a string literal to the lang package, sorted by ID. Calls whose key is
// not a literal are returned in dynamic as file:line, because no catalog
// test can see them.
func Scan(dirs ...string) (keys []Key, dynamic []string, err error) {
	found := map[string]*Key{}
	fset := token.NewFileSet()
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return nil, nil, err
			}
			f, err := parser.ParseFile(fset, path, src, 0)
			if err != nil {
				return nil, nil, err
			}
			dynamic = append(dynamic, scanFile(fset, f, found)...)
		}
	}
	for _, k := range found {
		keys = append(keys, *k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].ID < keys[j].ID })
	return keys, dynamic, nil
}

// scanFile records the lang calls of one file; the package may be imported
// under another name.
func scanFile(fset *token.FileSet, f *ast.File, found map[string]*Key) (dynamic []string) {
	name := langName(f)
	if name == "" {
		return nil
	}
	ast.Inspect(f, func(n ast.Node) bool {
		call, fn, ok := langCall(n, name)
		if !ok {
			return true
		}
		pos := funcs[fn]
		at := fset.Position(call.Pos())
		where := filepath.Base(at.Filename) + ":" + strconv.Itoa(at.Line)
		id, ok1 := literal(call.Args[pos.key])
		text, ok2 := literal(call.Args[pos.text])
		if !ok1 || !ok2 {
			dynamic = append(dynamic, where)
			return true
		}
		plural := strings.HasSuffix(fn, "N") || strings.Contains(fn, "Plural")
		if k, seen := found[id]; seen {
			k.Plural = k.Plural || plural
			return true
		}
		found[id] = &Key{ID: id, English: text, Plural: plural, Where: where}
		return true
	})
	return dynamic
}

// langName is the name under which f imports the lang package, or "".
func langName(f *ast.File) string {
	name := ""
	for _, imp := range f.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == "fyne.io/fyne/v2/lang" {
			name = "lang"
			if imp.Name != nil {
				name = imp.Name.Name
			}
		}
	}
	return name
}

// langCall reports whether n is a call of a known lang function (under
// the import name pkgName) with enough arguments, and which function.
func langCall(n ast.Node, pkgName string) (*ast.CallExpr, string, bool) {
	call, ok := n.(*ast.CallExpr)
	if !ok {
		return nil, "", false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return nil, "", false
	}
	pkg, ok := sel.X.(*ast.Ident)
	pos, known := funcs[sel.Sel.Name]
	if !ok || pkg.Name != pkgName || !known || len(call.Args) <= pos.text {
		return nil, "", false
	}
	return call, sel.Sel.Name, true
}

// literal is the value of a string literal, or of literals joined by +.
func literal(e ast.Expr) (string, bool) {
	switch v := e.(type) {
	case *ast.BasicLit:
		if v.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(v.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if v.Op != token.ADD {
			return "", false
		}
		a, ok1 := literal(v.X)
		b, ok2 := literal(v.Y)
		return a + b, ok1 && ok2
	case *ast.ParenExpr:
		return literal(v.X)
	}
	return "", false
}
