// Command mktemplate writes assets/templates/contribution.docx, the team's
// Word template for contributions: ITU's A4 page, Times New Roman styles,
// a page-number footer and a bookmark named "DelegateContent" where
// Delegate puts the contribution. A delegation can replace it with the
// secretariat's own template as long as that one carries the same
// bookmark (or a content control tagged DelegateContent).
//
//	go run ./scripts/mktemplate [-out assets/templates/contribution.docx]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/delegate-itu/delegate/model/docx"
)

// Anchor is the bookmark name model/export fills.
const Anchor = "DelegateContent"

func main() {
	out := flag.String("out", "assets/templates/contribution.docx", "where to write the template")
	flag.Parse()
	if err := os.WriteFile(*out, build(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "mktemplate:", err)
		os.Exit(1)
	}
}

// build makes the template: deterministic, so a rerun changes no bytes.
func build() []byte {
	d := docx.New()
	d.Props = docx.Props{Title: "Contribution", Description: "Delegate contribution template (ITU house style)", Application: "Delegate"}
	d.Footer = []docx.Inline{docx.Field{Instr: "PAGE", Result: "1"}}
	d.Para(docx.Bookmark{ID: 0, Name: Anchor},
		docx.Text("The contribution is inserted here. Keep this bookmark (DelegateContent) if you adapt the template."))
	var buf bytes.Buffer
	if _, err := d.WriteTo(&buf); err != nil {
		panic(err)
	}
	return buf.Bytes()
}
