package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/delegate-itu/delegate/model/export"
)

// runPackage dispatches `delegatectl package verify FILE` and
// `delegatectl package import FILE`.
func runPackage(e *env, args []string) error {
	const usage = "usage: delegatectl package verify FILE [--json] | package import FILE [--workspace DIR]"
	if len(args) == 0 || (args[0] != "verify" && args[0] != "import") {
		return usagef(usage)
	}
	fs := newFlags(e, "package "+args[0])
	dir := workspaceFlag(fs)
	asJSON := fs.Bool("json", false, "print the manifest as JSON")
	pos, err := parseInterleaved(fs, args[1:])
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef(usage)
	}
	p, err := export.VerifyFile(pos[0])
	if err != nil {
		if errors.Is(err, export.ErrNotPackage) || errors.Is(err, os.ErrNotExist) {
			return usagef("%s: %v", pos[0], err)
		}
		return fmt.Errorf("%s: %w", pos[0], err)
	}
	if args[0] == "import" {
		return importPackage(e, *dir, p)
	}
	if *asJSON {
		return writeJSON(e, p.Manifest)
	}
	m := p.Manifest
	fmt.Fprintf(e.stdout, "package %s verified: %d files match their SHA-256\n", m.PackageID, len(m.Files))
	fmt.Fprintf(e.stdout, "  source:  %s\n  title:   %s\n  answers: %s", m.Source.Entity, m.Title, m.Answers.Draft.Label)
	if m.Answers.Deadline != "" {
		fmt.Fprintf(e.stdout, " (deadline %s)", m.Answers.Deadline)
	}
	fmt.Fprintf(e.stdout, "\n  items:   %d, from commit %.12s, made %s by %s %s\n", len(m.Items), m.Commit,
		m.Created.Format("2006-01-02 15:04 MST"), m.App.Name, m.App.Version)
	return nil
}

// importPackage saves a verified package's items in the workspace, each
// keeping its author; the commit is authored by the package's sender.
func importPackage(e *env, dir string, p *export.Package) error {
	items, err := p.Items()
	if err != nil {
		return usageError{err}
	}
	w, err := openWorkspace(e, dir)
	if err != nil {
		return err
	}
	defer w.Close()
	m := p.Manifest
	if err := w.ImportItems(m.Sender, m.PackageID, items.Comments, items.Opinions); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "imported %d comments and %d Opinion proposals from package %s (%s, sent by %s), ready for review\n",
		len(items.Comments), len(items.Opinions), m.PackageID, m.Source.Entity, m.Sender.Name)
	return nil
}
