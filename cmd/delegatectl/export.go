package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/delegate-itu/delegate/assets"
	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/process"
	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/store"
)

// exportFlags are the flags of `delegatectl export`.
type exportFlags struct {
	dir, out, items, draft, sender, subject, template, anchor *string
	cover, title, summary, action, profile, corrections, now  *string
	refs                                                      listFlag
	unapproved, clean, dryRun, asJSON                         *bool
}

// listFlag is a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, "; ") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

func newExportFlags(fs *flag.FlagSet) *exportFlags {
	f := &exportFlags{dir: workspaceFlag(fs),
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
	fs := newFlags(e, "export")
	f := newExportFlags(fs)
	if pos, err := parseInterleaved(fs, args); err != nil {
		return err
	} else if len(pos) > 0 || *f.out == "" {
		return usagef("usage: delegatectl export --out FOLDER [--items ID,...] [--title T --summary S --action-required A | --cover FILE]")
	}
	w, err := openWorkspace(e, *f.dir)
	if err != nil {
		return err
	}
	defer w.Close()
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
	if err := writePackage(*f.out, res); err != nil {
		return err
	}
	if !*f.dryRun {
		if err := recordSent(w, res, in); err != nil {
			return err
		}
	}
	return reportExport(e, f, res)
}

// input gathers the package's values from the workspace and the flags.
func (f *exportFlags) input(w *store.Workspace) (export.Input, error) {
	var in export.Input
	var err error
	if in.Process, err = loadProfile(*f.profile, *f.corrections); err != nil {
		return in, usageError{err}
	}
	if in.Delegation, err = w.Profile(); errors.Is(err, store.ErrNotFound) {
		return in, usagef("no delegation profile yet: create the workspace with delegatectl init --entity ...")
	} else if err != nil {
		return in, err
	}
	if in.Sender, err = pickSender(in.Delegation, *f.sender, w.User()); err != nil {
		return in, err
	}
	if in.Cover, err = f.readCover(in.Process); err != nil {
		return in, err
	}
	if err := f.readDraft(w, &in); err != nil {
		return in, err
	}
	if err := f.readItems(w, &in); err != nil {
		return in, err
	}
	if in.Commit, in.Made, err = w.HeadTime(); err != nil {
		return in, err
	}
	if in.Now, err = f.clock(in.Process); err != nil {
		return in, err
	}
	in.Subject, in.CleanCopy, in.IncludeUnapproved, in.Anchor = *f.subject, *f.clean, *f.unapproved, *f.anchor
	in.Template = assets.ContributionTemplate()
	if *f.template != "" {
		if in.Template, err = os.ReadFile(*f.template); err != nil {
			return in, usageError{err}
		}
	}
	return in, nil
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

// pickSender finds the contact the e-mail comes from.
func pickSender(p item.Profile, email string, user item.Person) (item.Contact, error) {
	for _, want := range []string{email, user.Email} {
		for _, c := range p.Contacts {
			if want != "" && strings.EqualFold(c.Email, want) {
				return c, nil
			}
		}
		if email != "" {
			return item.Contact{}, usagef("--sender %s is not a contact in the delegation profile", email)
		}
	}
	if len(p.Contacts) > 0 {
		return p.Contacts[0], nil
	}
	return item.Contact{}, nil // Check refuses with a clear message
}

func (f *exportFlags) readCover(p *process.Profile) (item.Cover, error) {
	c := item.Cover{Language: p.Language}
	if *f.cover != "" {
		if _, err := toml.DecodeFile(*f.cover, &c); err != nil {
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

// readDraft picks the draft the package answers and reads its parsed form.
func (f *exportFlags) readDraft(w *store.Workspace, in *export.Input) error {
	drafts, err := w.Drafts()
	if err != nil {
		return err
	}
	var meta *store.DraftMeta
	for i := range drafts {
		d := &drafts[i]
		if d.ID == *f.draft || (*f.draft == "" && (meta == nil || d.Imported.After(meta.Imported))) {
			meta = d
		}
	}
	if meta == nil {
		if *f.draft != "" {
			return usagef("no draft %s (see delegatectl draft list)", *f.draft)
		}
		return nil
	}
	in.Draft = export.DraftRef{ID: meta.ID, Label: meta.Label, SHA256: meta.SHA256}
	if raw, err := w.DraftParsed(meta.ID); err == nil {
		var d report.Draft
		if json.Unmarshal(raw, &d) == nil {
			in.Report, in.Draft.Version = &d, d.Version
		}
	}
	return nil
}

// readItems selects the items: the ones named, or every approved one.
func (f *exportFlags) readItems(w *store.Workspace, in *export.Input) error {
	cs, err := w.Comments()
	if err != nil {
		return err
	}
	ops, err := w.Opinions()
	if err != nil {
		return err
	}
	want := map[string]bool{}
	for _, id := range strings.Split(*f.items, ",") {
		if id = strings.TrimSpace(id); id != "" {
			want[id] = true
		}
	}
	pick := func(id string, st item.Status) bool {
		if len(want) > 0 {
			ok := want[id]
			delete(want, id)
			return ok
		}
		return st == item.StatusApproved || (*f.unapproved && st != item.StatusWithdrawn && st != item.StatusSubmitted && st != item.StatusAcknowledged)
	}
	for _, c := range cs {
		if pick(c.ID, c.Review.Status) {
			in.Comments = append(in.Comments, c)
		}
	}
	for _, o := range ops {
		if pick(o.ID, o.Review.Status) {
			in.Opinions = append(in.Opinions, o)
		}
	}
	if len(want) > 0 {
		return usagef("no item %s (see delegatectl list)", strings.Join(sortedKeys(want), ", "))
	}
	return versions(w, in)
}

func versions(w *store.Workspace, in *export.Input) error {
	in.Versions = map[string]string{}
	var ids []string
	for _, c := range in.Comments {
		ids = append(ids, c.ID)
	}
	for _, o := range in.Opinions {
		ids = append(ids, o.ID)
	}
	for _, id := range ids {
		vs, err := w.History(id)
		if err != nil {
			return err
		}
		if len(vs) > 0 {
			in.Versions[id] = vs[len(vs)-1].Commit
		}
	}
	return nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// writePackage writes the zip and, next to it, its files unpacked, so the
// user can open message.eml and the .docx directly.
func writePackage(dir string, res *export.Result) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return usageError{err}
	}
	if err := os.WriteFile(filepath.Join(dir, res.ID+".zip"), res.Zip, 0o644); err != nil {
		return err
	}
	for name, data := range res.Files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// recordSent tags the commit the package was made from, then marks the
// items submitted in one new commit.
func recordSent(w *store.Workspace, res *export.Result, in export.Input) error {
	msg := fmt.Sprintf("Submission package %s: %q to %s\n\nItems: %d\nDraft: %s", res.ID, in.Cover.Title,
		in.Process.Secretariat, len(res.Manifest.Items), in.Draft.ID)
	if err := w.TagPackage(res.ID, msg); err != nil {
		if errors.Is(err, store.ErrTagExists) {
			return usagef("package %s was already made from this commit; change something or use --dry-run", res.ID)
		}
		return err
	}
	var ids []string
	for _, it := range res.Manifest.Items {
		if it.Status != item.StatusSubmitted && it.Status != item.StatusAcknowledged && item.CanMove(it.Status, item.StatusSubmitted) {
			ids = append(ids, it.ID)
		}
	}
	return w.MarkSubmitted(ids, res.ID)
}

func reportExport(e *env, f *exportFlags, res *export.Result) error {
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
	fmt.Fprintf(e.stdout, "wrote %s (open message.eml, check it, send it)\n", filepath.Join(*f.out, res.ID+".zip"))
	if *f.dryRun {
		fmt.Fprintln(e.stdout, "dry run: not tagged, items not marked submitted")
	} else {
		fmt.Fprintf(e.stdout, "tagged %s; items marked submitted\n", res.ID)
	}
	return nil
}
