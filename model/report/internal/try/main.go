package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/delegate-itu/delegate/model/report"
)

func main() {
	d, err := report.ImportFile(os.Args[1], report.ImportOptions{})
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(1)
	}
	if len(os.Args) > 2 {
		json.NewEncoder(os.Stdout).Encode(d)
		return
	}
	fmt.Printf("%s v%d %s %s rev=%v/%d notes=%v\n", d.Label, d.Version, d.DocID, d.Published, d.HadRevisions, d.RevisionCount, d.Footnotes)
	for _, b := range d.Blocks {
		fmt.Printf("%-40s %-10s %-6s %-30s %.60q\n", b.ID, b.Kind, b.Number, b.Ref, b.Text)
	}
	for _, o := range d.Opinions {
		fmt.Printf("OP %d %q %q pre=%d op=%d items=%d\n", o.Number, o.Title, o.Forum, len(o.Preamble), len(o.Operative), o.Items())
	}
}
