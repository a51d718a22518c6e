package main

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestUndocumentedFindsEachKind(t *testing.T) {
	src := `package p

// Documented is fine.
func Documented() {}

func Bare() {}

type Open struct{}

func (Open) Method() {}

type hidden struct{}

func (hidden) Method() {}

// Grouped declarations share their comment.
var (
	A = 1
	B = 2
)

var C = 3

const D = 4 // a line comment counts

type (
	// E has its own.
	E int
	F int
)

func unexported() {}
`
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range undocumented(f) {
		got = append(got, n.Name)
	}
	want := []string{"Bare", "Open", "Method", "C", "F"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("undocumented = %v, want %v", got, want)
	}
}

func TestCheckSkipsTestsAndTestdata(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.go", "package a\n\nfunc Bare() {}\n")
	write("a_test.go", "package a\n\nfunc Helper() {}\n")
	write("testdata/b.go", "package b\n\nfunc Fixture() {}\n")
	missing, err := check([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(missing) != 1 || !strings.Contains(missing[0], "Bare has no doc comment") {
		t.Fatalf("missing = %q, want only Bare", missing)
	}
}
