package main

import (
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/delegate-itu/delegate/assets"
	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/process"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/usecase"
)

// exportFlags are the flags of `delegatectl export`.
type exportFlags struct {
	out, items, draft, sender, subject, template, anchor     *string
	cover, title, summary, action, profile, corrections, now *string
	refs                                                     listFlag
	unapproved, clean, dryRun, asJSON                        *bool
}

// listFlag is a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, "; ") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

func newExportFlags(fs *flag.FlagSet) *exportFlags {
	f := &exportFlags{
		out:         fs.String("out", "", "folder to write the package into (created if missing)"),
		items:       fs.String("items", "", "item IDs to send, comma-separated (default: every approved item)"),
		draft:       fs.String("draft", "", "draft the package answers (default: the latest imported)"),
		sender:      fs.String("sender", "", "e-mail of the delegation contact who sends it (default: you, else the first contact)"),
		subject:     fs.String("subject", "", "e-mail subject (default \"WTPF-26 – <Source> – <Title>\")"),
		template:    fs.String("template", "", "a Word template .docx to use instead of the team's (needs the bookmark)"),
		anchor:      fs.String("anchor", export.DefaultAnchor, "bookmark or content-control tag in the template where content goes"),
		cover:       fs.String("cover", "", "a TOML file with title, summary, action_required, references, language"),
		title:       fs.String("title", "", "the contribution's Title"),
		summary:     fs.String("summary", "", "the boxed Summary"),
		action:      fs.String("action-required", "", "Action required, e.g. \"The IEG is invited to consider this contribution.\""),
		profile:     fs.String("profile", "", "a process profile file (default: the embedded WTPF-26 profile)"),
		corrections: fs.String("corrections", "", "a file of date corrections to apply to the profile"),
		now:         fs.String("now", "", "check deadlines as on this day (YYYY-MM-DD; default today)"),
		unapproved:  fs.Bool("include-unapproved", false, "send items that are not approved too"),
		clean:       fs.Bool("clean-copy", false, "add contribution-clean.docx with every change accepted"),
		dryRun:      fs.Bool("dry-run", false, "write the package but do not tag it or mark items submitted"),
		asJSON:      fs.Bool("json", false, "print the manifest and findings as JSON"),
	}
	fs.Var(&f.refs, "reference", "a References line (repeatable; default: the draft)")
	return f
}

// runExport is `delegatectl export --out PATH [--items ...]`: it checks,
// builds the submission package, tags the commit it was made from and
// marks the items submitted.
func runExport(e *env, args []string) error {
	cmd := newWSCommand(e, "export")
	f := newExportFlags(cmd.FlagSet)
	return cmd.run(args, func(pos []string) error {
		if len(pos) > 0 || *f.out == "" {
			return usagef("usage: delegatectl export --out FOLDER [--items ID,...] [--title T --summary S --action-required A | --cover FILE]")
		}
		return nil
	}, func(w *store.Workspace, _ []string) error {
		in, err := f.input(w)
		if err != nil {
			return err
		}
		res, err := export.Build(in)
		if errors.Is(err, export.ErrRefused) {
			return usageError{err}
		}
		if err != nil {
			return err
		}
		if err := usecase.Write(*f.out, res); err != nil {
			return userInput(err)
		}
		var rec store.Recorded
		if !*f.dryRun {
			if rec, err = usecase.Record(w, res, in); err != nil {
				return userInput(err)
			}
		}
		return reportExport(e, f, res, rec)
	})
}

// input gathers the package's values from the workspace and the flags,
// through usecase.Gather, which the desktop app's wizard calls too.
func (f *exportFlags) input(w *store.Workspace) (export.Input, error) {
	r := usecase.Request{Draft: *f.draft, Sender: *f.sender, Subject: *f.subject, Anchor: *f.anchor,
		CleanCopy: *f.clean, IncludeUnapproved: *f.unapproved, Template: assets.ContributionTemplate()}
	var err error
	if r.Process, err = loadProfile(*f.profile, *f.corrections); err != nil {
		return export.Input{}, usageError{err}
	}
	if r.Cover, err = f.readCover(r.Process); err != nil {
		return export.Input{}, err
	}
	if r.Now, err = f.clock(r.Process); err != nil {
		return export.Input{}, err
	}
	if *f.template != "" {
		if r.Template, err = readInput(*f.template, maxTemplateBytes); err != nil {
			return export.Input{}, err
		}
	}
	for _, id := range strings.Split(*f.items, ",") {
		if id = strings.TrimSpace(id); id != "" {
			r.Items = append(r.Items, id)
		}
	}
	in, err := usecase.Gather(w, r)
	return in, userInput(err)
}

// userInput marks the errors the user's flags caused, for exit status 2.
func userInput(err error) error {
	switch {
	case errors.Is(err, usecase.ErrNoProfile):
		return usagef("no delegation profile yet: create the workspace with delegatectl init --entity ...")
	case errors.Is(err, usecase.ErrUnknownItem):
		return usagef("%v (see delegatectl list)", err)
	case errors.Is(err, usecase.ErrUnknownDraft):
		return usagef("%v (see delegatectl draft list)", err)
	case errors.Is(err, usecase.ErrUnknownSender), errors.Is(err, usecase.ErrFolder):
		return usageError{err}
	case errors.Is(err, usecase.ErrAlreadyMade):
		return usagef("%v; change something or use --dry-run", err)
	}
	return err
}

func (f *exportFlags) clock(p *process.Profile) (time.Time, error) {
	if *f.now == "" {
		return time.Now(), nil
	}
	d, err := process.ParseDate(*f.now)
	if err != nil || !d.Exact() {
		return time.Time{}, usagef("--now %q: write the day as YYYY-MM-DD", *f.now)
	}
	return d.Start(p.Location()).Add(12 * time.Hour), nil
}

func (f *exportFlags) readCover(p *process.Profile) (item.Cover, error) {
	c := item.Cover{Language: p.Language}
	if *f.cover != "" {
		b, err := readInput(*f.cover, maxTOMLBytes)
		if err != nil {
			return c, usagef("--cover: %w", err)
		}
		if _, err := toml.Decode(string(b), &c); err != nil {
			return c, usagef("--cover %s: %v", *f.cover, err)
		}
	}
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&c.Title, *f.title)
	set(&c.Summary, *f.summary)
	set(&c.ActionRequired, *f.action)
	if len(f.refs) > 0 {
		c.References = f.refs
	}
	return c, nil
}

func reportExport(e *env, f *exportFlags, res *export.Result, rec store.Recorded) error {
	if *f.asJSON {
		return writeJSON(e, struct {
			Manifest export.Manifest  `json:"manifest"`
			Findings []export.Finding `json:"findings"`
			Pages    float64          `json:"pages"`
		}{res.Manifest, res.Findings, res.Pages})
	}
	for _, fd := range res.Findings {
		fmt.Fprintln(e.stderr, "warning:", fd.Message)
	}
	fmt.Fprintf(e.stdout, "package %s: %d items, about %.1f pages\n", res.ID, len(res.Manifest.Items), res.Pages)
	fmt.Fprintf(e.stdout, "wrote %s (open message.eml, check it, send it)\n", filepath.Join(*f.out, usecase.ZipName(res)))
	if *f.dryRun {
		fmt.Fprintln(e.stdout, "dry run: not tagged, items not marked submitted")
	} else {
		if rec.Finished {
			fmt.Fprintf(e.stdout, "an earlier export of %s had been interrupted before it was fully recorded; finished it\n", res.ID)
		}
		fmt.Fprintf(e.stdout, "tagged %s; items marked submitted\n", res.ID)
	}
	return nil
}
