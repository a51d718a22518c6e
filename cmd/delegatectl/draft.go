package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/report/redline"
)

// draftUsage lists the draft subcommands.
const draftUsage = "usage: delegatectl draft import FILE [--label L] | draft inspect FILE [--json] | draft compare OLD NEW [--json]"

// runDraft dispatches `delegatectl draft import|inspect|compare`; import
// (into the workspace) lives in draftimport.go.
func runDraft(e *env, args []string) error {
	if len(args) == 0 {
		return usagef(draftUsage)
	}
	switch args[0] {
	case "import":
		return runDraftImport(e, args[1:])
	case "inspect":
		return runDraftInspect(e, args[1:])
	case "compare":
		return runDraftCompare(e, args[1:])
	}
	return usagef("unknown draft command %q (import, inspect or compare)", args[0])
}

// splitArgs lets flags come before or after the file names.
func splitArgs(args []string) (flags, files []string) {
	for _, a := range args {
		if strings.HasPrefix(a, "-") {
			flags = append(flags, a)
		} else {
			files = append(files, a)
		}
	}
	return flags, files
}

func runDraftInspect(e *env, args []string) error {
	fs := newFlags(e, "draft inspect")
	asJSON := fs.Bool("json", false, "print the outline as JSON")
	full := fs.Bool("blocks", false, "with --json: print the whole imported draft")
	flags, files := splitArgs(args)
	if err := parseFlags(fs, flags); err != nil {
		return err
	}
	if len(files) != 1 {
		return usagef("usage: delegatectl draft inspect FILE [--json]")
	}
	d, err := report.ImportFile(files[0], report.ImportOptions{})
	if err != nil {
		return usageError{err}
	}
	switch {
	case *asJSON && *full:
		return writeJSON(e, d)
	case *asJSON:
		return writeJSON(e, d.Outline())
	}
	printOutline(e.stdout, d.Outline())
	return nil
}

func printOutline(w io.Writer, o report.Outline) {
	head := []string{o.Source}
	for _, s := range []string{o.Label, o.DocID} {
		if s != "" {
			head = append(head, s)
		}
	}
	if o.Published != "" {
		head = append(head, "published "+o.Published)
	}
	fmt.Fprintf(w, "%s (%s)\n", strings.Join(head, "  "), o.Format)
	fmt.Fprintf(w, "%d sections, %d numbered paragraphs, %d tables, %d footnotes, %d draft Opinions\n",
		len(o.Sections), o.Paragraphs, o.Tables, o.Footnotes, len(o.Opinions))
	if o.HadRevisions {
		fmt.Fprintf(w, "note: the file still had %d tracked changes; they were read as accepted\n", o.RevisionCount)
	}
	if o.Placeholders > 0 {
		fmt.Fprintf(w, "note: %d images, text boxes or objects are shown as placeholders\n", o.Placeholders)
	}
	for _, s := range o.Sections {
		paras := ""
		if s.Paragraphs > 0 {
			paras = fmt.Sprintf("  ¶%s–%s (%d)", s.First, s.Last, s.Paragraphs)
		}
		fmt.Fprintf(w, "%s%s %s%s\n", strings.Repeat("  ", max(s.Level-1, 0)), s.Number, s.Title, paras)
	}
	for _, op := range o.Opinions {
		fmt.Fprintf(w, "Draft Opinion %d: %s (%d items)\n", op.Number, op.Title, op.Items)
	}
}

func runDraftCompare(e *env, args []string) error {
	fs := newFlags(e, "draft compare")
	asJSON := fs.Bool("json", false, "print the alignment as JSON")
	all := fs.Bool("all", false, "also list unchanged blocks")
	flags, files := splitArgs(args)
	if err := parseFlags(fs, flags); err != nil {
		return err
	}
	if len(files) != 2 {
		return usagef("usage: delegatectl draft compare OLD NEW [--json]")
	}
	var drafts [2]*report.Draft
	for i, f := range files {
		d, err := report.ImportFile(f, report.ImportOptions{})
		if err != nil {
			return usageError{err}
		}
		drafts[i] = d
	}
	c := report.Compare(drafts[0], drafts[1])
	if *asJSON {
		return writeJSON(e, c)
	}
	printComparison(e.stdout, c, *all)
	return nil
}

func printComparison(w io.Writer, c *report.Comparison, all bool) {
	fmt.Fprintf(w, "%s (%s) -> %s (%s)\n", c.Old.Source, c.Old.Label, c.New.Source, c.New.Label)
	for _, ch := range c.Changes {
		if ch.Kind == report.ChangeUnchanged && !all {
			continue
		}
		fmt.Fprintf(w, "%-11s %-28s -> %s\n", ch.Kind, orDash(ch.OldRef), orDash(ch.NewRef))
		if len(ch.Redline) > 0 && ch.Kind != report.ChangeInserted && ch.Kind != report.ChangeDeleted {
			fmt.Fprintf(w, "            %s\n", redline.Render(ch.Redline))
		}
	}
	kinds := []report.ChangeKind{report.ChangeUnchanged, report.ChangeRenumbered, report.ChangeModified, report.ChangeMoved,
		report.ChangeSplit, report.ChangeMerged, report.ChangeInserted, report.ChangeDeleted}
	var parts []string
	for _, k := range kinds {
		parts = append(parts, fmt.Sprintf("%s %d", k, c.Summary[k]))
	}
	fmt.Fprintf(w, "summary: %s\n", strings.Join(parts, ", "))
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
