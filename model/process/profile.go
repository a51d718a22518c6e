// Package process describes a consultation process as data: its milestones,
// rules and contacts, and where it stands on a given day. WTPF-26 is one
// profile among possible others; nothing here hard-codes its dates, because
// the secretariat moves them and users must be able to correct them.
package process

import (
	"bytes"
	"errors"
	"fmt"
	"net/mail"
	"sort"
	"strings"
	"time"
	_ "time/tzdata" // deadlines are Geneva time on every OS, Windows included

	"github.com/BurntSushi/toml"

	"github.com/delegate-itu/delegate/model/userfile"
)

// Kind says what a milestone is; only some kinds move the state.
type Kind string

// Milestone kinds known to the timeline.
const (
	KindDraftPublished  Kind = "draft-published"
	KindCommentDeadline Kind = "comment-deadline"
	KindMeeting         Kind = "meeting"
	KindFinalReport     Kind = "final-report"
	KindForum           Kind = "forum"
)

var knownKinds = map[Kind]bool{
	KindDraftPublished: true, KindCommentDeadline: true, KindMeeting: true,
	KindFinalReport: true, KindForum: true,
}

// Milestone is one dated step of the preparatory process.
type Milestone struct {
	ID      string `toml:"id" json:"id"`
	Kind    Kind   `toml:"kind" json:"kind"`
	Title   string `toml:"title" json:"title"`
	Draft   int    `toml:"draft,omitempty" json:"draft,omitempty"` // report draft it concerns (5 = final)
	Planned Date   `toml:"planned" json:"planned"`
	Actual  Date   `toml:"actual,omitempty" json:"actual,omitzero"`
	End     Date   `toml:"end,omitempty" json:"end,omitzero"` // last day of a multi-day meeting
	Note    string `toml:"note,omitempty" json:"note,omitempty"`
}

// When is the date that counts: the actual one when known, else the planned one.
func (m Milestone) When() Date {
	if !m.Actual.IsZero() {
		return m.Actual
	}
	return m.Planned
}

// Rules holds the process rules the tool enforces.
type Rules struct {
	// NewOpinionCutoff names the milestone after which no new draft Opinion is
	// taken, only amendments to existing ones (Resolution 2, resolves 10).
	NewOpinionCutoff string `toml:"new_opinion_cutoff" json:"new_opinion_cutoff"`
	// Citation is shown when the rule refuses something.
	Citation string `toml:"citation" json:"citation"`
}

// Profile is a whole consultation process.
type Profile struct {
	ID          string      `toml:"id" json:"id"`
	Name        string      `toml:"name" json:"name"`
	Forum       string      `toml:"forum" json:"forum"`
	Secretariat string      `toml:"secretariat" json:"secretariat"`
	Language    string      `toml:"language" json:"language"`
	TimeZone    string      `toml:"timezone" json:"timezone"`
	DraftLabels []string    `toml:"draft_labels" json:"draft_labels"` // index 0 is draft 1
	SubThemes   []string    `toml:"subthemes" json:"subthemes"`
	Categories  []string    `toml:"categories" json:"categories"`
	Rules       Rules       `toml:"rules" json:"rules"`
	Milestones  []Milestone `toml:"milestone" json:"milestones"`

	loc *time.Location
}

// ErrBadProfile wraps every reason a profile file is refused.
var ErrBadProfile = errors.New("bad process profile")

// Parse reads a TOML profile, rejecting unknown keys (a typo in a date field
// must not silently drop the date) and validating the result.
func Parse(data []byte) (*Profile, error) {
	var p Profile
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&p)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadProfile, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("%w: unknown setting %q", ErrBadProfile, und[0].String())
	}
	if err := p.validate(); err != nil {
		return nil, err
	}
	return &p, nil
}

// MaxProfileBytes bounds a profile or corrections file read from disk:
// the WTPF-26 profile is a few KB.
const MaxProfileBytes = 1 << 20

// Load reads a profile file from disk, refusing a device, a pipe, a
// folder or a file over MaxProfileBytes before reading it.
func Load(path string) (*Profile, error) {
	data, err := userfile.Read(path, MaxProfileBytes)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadProfile, err)
	}
	p, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return p, nil
}

// badProfile is the error for a profile that breaks a rule; the message
// names the field so the person editing the file finds it.
func badProfile(format string, a ...any) error {
	return fmt.Errorf("%w: %s", ErrBadProfile, fmt.Sprintf(format, a...))
}

func (p *Profile) validate() error {
	if strings.TrimSpace(p.Name) == "" {
		return badProfile("name is missing")
	}
	if _, err := mail.ParseAddress(p.Secretariat); err != nil {
		return badProfile("secretariat %q is not an e-mail address", p.Secretariat)
	}
	loc, err := time.LoadLocation(p.TimeZone)
	if err != nil || p.TimeZone == "" {
		return badProfile("timezone %q is not a known time zone (e.g. Europe/Zurich)", p.TimeZone)
	}
	p.loc = loc
	if len(p.Milestones) == 0 {
		return badProfile("no milestones")
	}
	seen := map[string]bool{}
	for i, m := range p.Milestones {
		if err := p.validateMilestone(i, m, seen); err != nil {
			return err
		}
		seen[m.ID] = true
	}
	if c := p.Rules.NewOpinionCutoff; c != "" && !seen[c] {
		return badProfile("rules.new_opinion_cutoff names %q, which is not a milestone", c)
	}
	return nil
}

// validateMilestone checks milestone i (0-based) against the rules and the
// IDs seen before it.
func (p *Profile) validateMilestone(i int, m Milestone, seen map[string]bool) error {
	where := fmt.Sprintf("milestone %d (%q)", i+1, m.ID)
	switch {
	case m.ID == "":
		return badProfile("milestone %d has no id", i+1)
	case seen[m.ID]:
		return badProfile("%s: the id is used twice", where)
	case !knownKinds[m.Kind]:
		return badProfile("%s: unknown kind %q", where, m.Kind)
	case m.Planned.IsZero():
		return badProfile("%s: planned date is missing", where)
	case m.Draft < 0 || m.Draft > len(p.DraftLabels):
		return badProfile("%s: draft %d has no label in draft_labels", where, m.Draft)
	case (m.Kind == KindDraftPublished || m.Kind == KindCommentDeadline) && m.Draft == 0:
		return badProfile("%s: says which report draft it concerns (draft = N)", where)
	case m.Kind == KindCommentDeadline && !m.When().Exact():
		return badProfile("%s: a deadline needs a day, not only a month", where)
	}
	return nil
}

// Location is the time zone in which the profile's dates are civil dates.
func (p *Profile) Location() *time.Location {
	if p.loc == nil {
		if loc, err := time.LoadLocation(p.TimeZone); err == nil {
			p.loc = loc
		} else {
			p.loc = time.UTC
		}
	}
	return p.loc
}

// DraftLabel names report draft n ("3rd draft", "final report").
func (p *Profile) DraftLabel(n int) string {
	if n >= 1 && n <= len(p.DraftLabels) {
		return p.DraftLabels[n-1]
	}
	return fmt.Sprintf("draft %d", n)
}

// Milestone finds a milestone by ID.
func (p *Profile) Milestone(id string) (Milestone, bool) {
	for _, m := range p.Milestones {
		if m.ID == id {
			return m, true
		}
	}
	return Milestone{}, false
}

// Sorted returns the milestones in date order (stable for equal dates).
func (p *Profile) Sorted() []Milestone {
	ms := append([]Milestone(nil), p.Milestones...)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].When().Before(ms[j].When()) })
	return ms
}
