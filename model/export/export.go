// Package export builds the submission package a delegation sends to the
// secretariat: the contribution .docx in ITU house style with real revision
// marks, an e-mail ready to send, a manifest recording exactly what was
// sent, and a deterministic zip holding them. It also verifies a package
// received by e-mail before a coordinator imports it.
//
// export takes plain values (items, profiles, the imported draft); it never
// opens a workspace. The caller reads the store and records the result
// (tag, submitted status).
package export

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/process"
	"github.com/delegate-itu/delegate/model/report"
)

// Sentinel errors callers test with errors.Is.
var (
	// ErrRefused: a check found something that must be fixed before
	// sending (missing Summary, a new Opinion after the cut-off, ...).
	ErrRefused = errors.New("the package cannot be made yet")
	// ErrTampered: a package's files do not match its manifest.
	ErrTampered = errors.New("the package was changed after it was made")
	// ErrUnsafe: a package holds a dangerous entry (a path escaping the
	// folder, an oversized or over-compressed file).
	ErrUnsafe = errors.New("the package is unsafe to open")
	// ErrNotPackage: the file is not a Delegate submission package.
	ErrNotPackage = errors.New("not a Delegate submission package")
)

// File names inside a package.
const (
	ContributionFile = "contribution.docx"
	CleanCopyFile    = "contribution-clean.docx"
	MessageFile      = "message.eml"
	ItemsFile        = "items.json"
	ManifestFile     = "manifest.json"
)

// DraftRef says which report draft the contribution answers.
type DraftRef struct {
	ID      string `json:"id"`
	Label   string `json:"label"`
	Version int    `json:"version,omitempty"` // the draft's number in the process (2 = 2nd draft)
	SHA256  string `json:"sha256,omitempty"`
}

// Input is everything a package is made from.
type Input struct {
	Process    *process.Profile
	Delegation item.Profile
	// Sender is the delegation contact the e-mail comes from and the
	// contribution's contact box names.
	Sender item.Contact
	Cover  item.Cover
	Draft  DraftRef
	// Report is the imported draft, when available: it orders comments and
	// gives the existing text of draft Opinions that proposals amend.
	Report   *report.Draft
	Comments []item.Comment
	Opinions []item.Opinion
	// Versions maps each item ID to the git commit of the version sent.
	Versions map[string]string
	// Commit is the workspace commit the package is made from.
	Commit string
	// Made is the package's own time (cover date, revision dates, e-mail
	// date, manifest). Take it from Commit so one commit gives one package.
	Made time.Time
	// Now is the clock the deadline checks use (default Made).
	Now time.Time
	// Template is a .docx holding Anchor as a bookmark or content control.
	Template []byte
	Anchor   string
	// Subject overrides the default "WTPF-26 – <Source> – <Title>".
	Subject string
	// CleanCopy adds a copy with every change accepted.
	CleanCopy bool
	// IncludeUnapproved lets items not yet approved go out.
	IncludeUnapproved bool
}

// Result is a built package.
type Result struct {
	ID       string
	Manifest Manifest
	// Files are the package's files by name, manifest.json included.
	Files map[string][]byte
	// Zip is the package itself, byte-identical for identical Input.
	Zip []byte
	// Findings are the warnings to show the user (nothing refused).
	Findings []Finding
	// Pages is the estimated length of the contribution.
	Pages float64
}

// Build checks the input, then makes the package. When a check refuses,
// the error wraps ErrRefused and lists every refusal; warnings come back in
// Result.Findings.
func Build(in Input) (*Result, error) {
	if in.Now.IsZero() {
		in.Now = in.Made
	}
	findings := Check(in)
	if err := refusals(findings); err != nil {
		return nil, err
	}
	c := newContribution(in)
	doc, err := c.render(false)
	if err != nil {
		return nil, err
	}
	res := &Result{ID: PackageID(in), Files: map[string][]byte{ContributionFile: doc}, Pages: c.pages}
	if res.Pages > MaxPages {
		findings = append(findings, warn("length", "the contribution is about %.1f pages; ITU practice prefers %d pages or fewer", res.Pages, MaxPages))
	}
	if in.CleanCopy {
		if res.Files[CleanCopyFile], err = c.render(true); err != nil {
			return nil, err
		}
	}
	if res.Files[MessageFile], err = Message(in, res.ID, doc); err != nil {
		return nil, err
	}
	if res.Files[ItemsFile], err = itemsJSON(in); err != nil {
		return nil, err
	}
	res.Findings = findings
	res.Manifest = newManifest(in, res.ID, res.Files, findings)
	if res.Zip, err = pack(res.Manifest, res.Files); err != nil {
		return nil, err
	}
	return res, nil
}

// MaxPages is the length above which a contribution gets a warning.
const MaxPages = 4

// PackageID names a package readably and uniquely per commit:
// "<source initials>-<date>-<commit>", e.g. "rox-20251219-1a2b3c4".
func PackageID(in Input) string {
	commit := in.Commit
	if len(commit) > 7 {
		commit = commit[:7]
	}
	if commit == "" {
		commit = "nocommit"
	}
	return item.Initials(in.Delegation.Entity) + "-" + in.Made.UTC().Format("20060102") + "-" + commit
}

// sourceCode is the short code proposals are numbered with (ROX/1).
func sourceCode(entity string) string { return strings.ToUpper(item.Initials(entity)) }

// forumShort is "WTPF-26" from the profile ID "wtpf-26".
func forumShort(p *process.Profile) string {
	if p == nil || p.ID == "" {
		return "WTPF"
	}
	return strings.ToUpper(p.ID)
}

func refusals(fs []Finding) error {
	var msgs []string
	for _, f := range fs {
		if f.Level == LevelRefuse {
			msgs = append(msgs, f.Message)
		}
	}
	if len(msgs) == 0 {
		return nil
	}
	return fmt.Errorf("%w:\n  - %s", ErrRefused, strings.Join(msgs, "\n  - "))
}
