package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/usecase"
)

// runPackage dispatches `delegatectl package verify FILE` and
// `delegatectl package import FILE [--on-collision refuse|beside]`.
func runPackage(e *env, args []string) error {
	const usage = "usage: delegatectl package verify FILE [--json] | package import FILE [--on-collision refuse|beside] [--json] [--workspace DIR]"
	if len(args) == 0 || (args[0] != "verify" && args[0] != "import") {
		return usagef(usage)
	}
	fs := newFlags(e, "package "+args[0])
	dir := workspaceFlag(fs)
	asJSON := fs.Bool("json", false, "print the manifest (verify) or what was imported (import) as JSON")
	onCollision := fs.String("on-collision", "refuse", "import: for items already in the workspace in another version, refuse the import (refuse) or import them as new items beside the existing ones (beside)")
	pos, err := parseInterleaved(fs, args[1:])
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef(usage)
	}
	on := store.RefuseCollisions
	switch *onCollision {
	case "refuse":
	case "beside":
		on = store.ImportBeside
	default:
		return usagef("--on-collision is %q; give refuse (the default: nothing already in the workspace is replaced) or beside (import such items with new IDs beside the existing ones)", *onCollision)
	}
	p, err := export.VerifyFile(pos[0])
	if err != nil {
		if errors.Is(err, export.ErrNotPackage) || errors.Is(err, os.ErrNotExist) {
			return usagef("%s: %v", pos[0], err)
		}
		return fmt.Errorf("%s: %w", pos[0], err)
	}
	if args[0] == "import" {
		return importPackage(e, *dir, p, on, *asJSON)
	}
	if *asJSON {
		return writeJSON(e, p.Manifest)
	}
	m := p.Manifest
	fmt.Fprintf(e.stdout, "package %s verified: %d files match their SHA-256\n", m.PackageID, len(m.Files))
	fmt.Fprintf(e.stdout, "  %s\n", export.NotSigned)
	fmt.Fprintf(e.stdout, "  source:  %s\n  sender:  %s <%s>\n  title:   %s\n  answers: %s", m.Source.Entity, m.Sender.Name, m.Sender.Email, m.Title, m.Answers.Draft.Label)
	if m.Answers.Deadline != "" {
		fmt.Fprintf(e.stdout, " (deadline %s)", m.Answers.Deadline)
	}
	fmt.Fprintf(e.stdout, "\n  items:   %d, from commit %.12s, made %s by %s %s\n", len(m.Items), m.Commit,
		m.Created.Format("2006-01-02 15:04 MST"), m.App.Name, m.App.Version)
	return nil
}

// importPackage saves a verified package's items in the workspace, each
// keeping its author; the commit is authored by the package's sender.
// Nothing already in the workspace is replaced: on is what to do with
// items it holds in another version.
func importPackage(e *env, dir string, p *export.Package, on store.OnCollision, asJSON bool) error {
	in, err := usecase.Receive(p)
	if err != nil {
		return usageError{fmt.Errorf("package %s was not imported, nothing was changed: %w", p.Manifest.PackageID, err)}
	}
	w, err := openWorkspace(e, dir)
	if err != nil {
		return err
	}
	defer w.Close()
	m := p.Manifest
	rep, err := w.Import(in, on)
	switch {
	case errors.Is(err, store.ErrCollision):
		return usageError{fmt.Errorf("%w\n(to import them beside the existing items: delegatectl package import FILE --on-collision beside)", err)}
	case errors.Is(err, store.ErrSender) || errors.Is(err, item.ErrInvalid):
		return usageError{err}
	case err != nil:
		return err
	}
	if asJSON {
		return writeJSON(e, rep)
	}
	if len(rep.New)+len(rep.Beside) == 0 {
		fmt.Fprintln(e.stdout, rep.String())
		return nil
	}
	fmt.Fprintf(e.stdout, "imported %d comments and %d Opinion proposals from package %s (%s, sent by %s), ready for review\n",
		countKind(rep, in.Comments, nil), countKind(rep, nil, in.Opinions), m.PackageID, m.Source.Entity, m.Sender.Name)
	for _, line := range rep.Details() {
		fmt.Fprintf(e.stdout, "  %s\n", line)
	}
	return nil
}

// countKind counts the given items the import actually wrote (new or
// beside), leaving out those already there as sent.
func countKind(rep store.ImportReport, cs []item.Comment, ops []item.Opinion) int {
	same := map[string]bool{}
	for _, id := range rep.Same {
		same[id] = true
	}
	n := 0
	for _, c := range cs {
		if !same[c.ID] {
			n++
		}
	}
	for _, o := range ops {
		if !same[o.ID] {
			n++
		}
	}
	return n
}
