// Command doccheck fails when an exported name in the project's Go files
// has no doc comment. staticcheck checks the form of doc comments that
// exist (ST1020–ST1022) but not that they exist; this is the other half,
// so that a reader of any package finds why each exported name is there.
//
//	go run ./scripts/doccheck cmd model ui scripts
package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	missing, err := check(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "doccheck:", err)
		os.Exit(2)
	}
	for _, m := range missing {
		fmt.Fprintln(os.Stderr, m)
	}
	if len(missing) > 0 {
		fmt.Fprintf(os.Stderr, "doccheck: %d exported names without a doc comment\n", len(missing))
		os.Exit(1)
	}
}

// check walks the folders and lists "file:line: name" for each exported
// name of a non-test file that has no doc comment.
func check(dirs []string) ([]string, error) {
	fset := token.NewFileSet()
	var missing []string
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
				return nil
			}
			f, err := parser.ParseFile(fset, p, nil, parser.ParseComments|parser.SkipObjectResolution)
			if err != nil {
				return err
			}
			for _, n := range undocumented(f) {
				missing = append(missing, fmt.Sprintf("%s: %s has no doc comment", fset.Position(n.Pos()), n.Name))
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return missing, nil
}

// undocumented lists the exported names of f declared without a doc
// comment. Methods count only on exported types; a comment on a grouped
// declaration (var ( ... )) or at the end of a value's line counts.
func undocumented(f *ast.File) []*ast.Ident {
	var out []*ast.Ident
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if d.Name.IsExported() && d.Doc == nil && exportedRecv(d) {
				out = append(out, d.Name)
			}
		case *ast.GenDecl:
			out = append(out, undocumentedSpecs(d)...)
		}
	}
	return out
}

// undocumentedSpecs lists the exported types, constants and variables of
// one declaration that have no comment of their own or of their group.
func undocumentedSpecs(d *ast.GenDecl) []*ast.Ident {
	if d.Doc != nil {
		return nil
	}
	var out []*ast.Ident
	for _, s := range d.Specs {
		switch s := s.(type) {
		case *ast.TypeSpec:
			if s.Name.IsExported() && s.Doc == nil && s.Comment == nil {
				out = append(out, s.Name)
			}
		case *ast.ValueSpec:
			if s.Doc != nil || s.Comment != nil {
				continue
			}
			for _, n := range s.Names {
				if n.IsExported() {
					out = append(out, n)
					break
				}
			}
		}
	}
	return out
}

// exportedRecv reports whether a function is a plain function or a method
// of an exported type (methods of unexported types are not API).
func exportedRecv(d *ast.FuncDecl) bool {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return true
	}
	t := d.Recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	if g, ok := t.(*ast.IndexExpr); ok {
		t = g.X
	}
	if g, ok := t.(*ast.IndexListExpr); ok {
		t = g.X
	}
	id, ok := t.(*ast.Ident)
	return !ok || id.IsExported()
}
