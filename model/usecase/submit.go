// The export use case: the steps around export.Build that read a
// workspace and record what was sent: gathering the package's input
// (items, draft, profile, sender), writing the package folder, tagging the
// commit and marking the items submitted. The desktop app's export wizard
// and `delegatectl export` both call it, so a package made either way is
// the same package. store and export do not import each other; this is
// where they meet. (It was model/submit.)

package usecase

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/process"
	"github.com/delegate-itu/delegate/model/store"
)

// Sentinel errors: each is the user's to fix, so callers show the message
// (the CLI exits with status 2).
var (
	// ErrNoProfile: the workspace has no delegation profile yet.
	ErrNoProfile = errors.New("no delegation profile yet")
	// ErrUnknownItem: an item asked for is not in the workspace.
	ErrUnknownItem = errors.New("no such item")
	// ErrUnknownDraft: the draft asked for was never imported.
	ErrUnknownDraft = errors.New("no such draft")
	// ErrUnknownSender: the sender is not a contact of the delegation.
	ErrUnknownSender = errors.New("not a contact in the delegation profile")
	// ErrAlreadyMade: a package was already made (tagged) from this commit.
	ErrAlreadyMade = errors.New("a package was already made from this version of the workspace")
	// ErrFolder: the package folder cannot be made.
	ErrFolder = errors.New("the package folder cannot be made")
)

// Request is what the user chose; Gather fills in the rest from the workspace.
type Request struct {
	// Process is the process profile; the date corrections saved in the
	// workspace are applied on top of it.
	Process *process.Profile
	// Items are the IDs to send; empty means every approved item.
	Items []string
	// IncludeUnapproved lets items not yet approved go out (and, with no
	// Items named, picks every item still in play).
	IncludeUnapproved bool
	// Draft is the draft the package answers; "" is the latest imported.
	Draft string
	// Sender is the e-mail of the contact who sends it; "" is the user,
	// else the first contact.
	Sender string
	Cover  item.Cover
	// Subject overrides the default e-mail subject.
	Subject   string
	Template  []byte
	Anchor    string
	CleanCopy bool
	// Now is the clock for the deadline checks; zero means time.Now.
	Now time.Time
}

// Gather reads the workspace and returns the input export.Build takes.
func Gather(w *store.Workspace, r Request) (export.Input, error) {
	in := export.Input{Cover: r.Cover, Subject: r.Subject, Template: r.Template, Anchor: r.Anchor,
		CleanCopy: r.CleanCopy, IncludeUnapproved: r.IncludeUnapproved, Now: r.Now}
	var err error
	if in.Process, err = Profile(w, r.Process); err != nil {
		return in, err
	}
	if in.Delegation, err = w.Profile(); errors.Is(err, store.ErrNotFound) {
		return in, fmt.Errorf("%w: fill in the delegation in Settings or with delegatectl init --entity NAME", ErrNoProfile)
	} else if err != nil {
		return in, err
	}
	if in.Sender, err = Sender(in.Delegation, r.Sender, w.User()); err != nil {
		return in, err
	}
	if in.Cover.Language == "" {
		in.Cover.Language = in.Process.Language
	}
	if err := readDraft(w, r.Draft, &in); err != nil {
		return in, err
	}
	if err := readItems(w, r, &in); err != nil {
		return in, err
	}
	if in.Commit, in.Made, err = w.HeadTime(); err != nil {
		return in, err
	}
	if in.Now.IsZero() {
		in.Now = time.Now()
	}
	return in, nil
}

// Profile applies the workspace's date corrections to p, so a moved
// deadline counts in the checks.
func Profile(w *store.Workspace, p *process.Profile) (*process.Profile, error) {
	if p == nil {
		return nil, errors.New("no process profile")
	}
	c, err := w.ProcessCorrections()
	if err != nil {
		return nil, err
	}
	if len(c.Corrections) == 0 {
		return p, nil
	}
	return p.Apply(c)
}

// Sender finds the contact the e-mail comes from: the one with the given
// e-mail, else the user, else the first contact. With no contact at all it
// returns the zero contact, which export.Check refuses with a clear message.
func Sender(p item.Profile, email string, user item.Person) (item.Contact, error) {
	for _, want := range []string{email, user.Email} {
		for _, c := range p.Contacts {
			if want != "" && strings.EqualFold(c.Email, want) {
				return c, nil
			}
		}
		if email != "" {
			return item.Contact{}, fmt.Errorf("the sender %s: %w", email, ErrUnknownSender)
		}
	}
	if len(p.Contacts) > 0 {
		return p.Contacts[0], nil
	}
	return item.Contact{}, nil
}

// readDraft picks the draft the package answers and reads its parsed form.
func readDraft(w *store.Workspace, id string, in *export.Input) error {
	drafts, err := w.Drafts()
	if err != nil {
		return err
	}
	var meta *store.DraftMeta
	for i := range drafts {
		d := &drafts[i]
		if d.ID == id || (id == "" && (meta == nil || d.Imported.After(meta.Imported))) {
			meta = d
		}
	}
	if meta == nil {
		if id != "" {
			return fmt.Errorf("%w: %s", ErrUnknownDraft, id)
		}
		return nil
	}
	in.Draft = export.DraftRef{ID: meta.ID, Label: meta.Label, SHA256: meta.SHA256}
	if d, err := Draft(w, meta.ID); err == nil {
		in.Report, in.Draft.Version = d, d.Version
	}
	return nil
}

// Sendable reports whether an item is picked when none are named: approved,
// or with unapproved allowed, anything not withdrawn or already sent.
func Sendable(st item.Status, includeUnapproved bool) bool {
	return st == item.StatusApproved || (includeUnapproved && st != item.StatusWithdrawn &&
		st != item.StatusSubmitted && st != item.StatusAcknowledged)
}

// readItems selects the items: the ones named, or every sendable one.
func readItems(w *store.Workspace, r Request, in *export.Input) error {
	cs, err := w.Comments()
	if err != nil {
		return err
	}
	ops, err := w.Opinions()
	if err != nil {
		return err
	}
	want := map[string]bool{}
	for _, id := range r.Items {
		if id = strings.TrimSpace(id); id != "" {
			want[id] = true
		}
	}
	named := len(want) > 0
	pick := func(id string, st item.Status) bool {
		if named {
			ok := want[id]
			delete(want, id)
			return ok
		}
		return Sendable(st, r.IncludeUnapproved)
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
		return fmt.Errorf("%w: %s", ErrUnknownItem, strings.Join(sortedKeys(want), ", "))
	}
	return versions(w, in)
}

// versions records the commit of each item's version being sent.
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
