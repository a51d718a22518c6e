package item

import (
	"net/mail"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// Person is who wrote or changed an item; it becomes the git author.
type Person struct {
	Name  string `toml:"name" json:"name"`
	Email string `toml:"email" json:"email"`
}

// Validate checks that the person can sign a commit.
func (p Person) Validate(field string) error {
	if strings.TrimSpace(p.Name) == "" {
		return fieldErr(field+".name", "is required")
	}
	if err := checkLine(field+".name", p.Name); err != nil {
		return err
	}
	return checkEmail(field+".email", p.Email, true)
}

func checkEmail(field, addr string, required bool) error {
	if addr == "" {
		if required {
			return fieldErr(field, "is required")
		}
		return nil
	}
	a, err := mail.ParseAddress(addr)
	if err != nil || a.Address != addr {
		return fieldErr(field, "%q is not an e-mail address like name@example.org", addr)
	}
	return nil
}

// Anchor ties a comment to the exact place in the exact draft it was
// written against. It is redundant on purpose: the paragraph ID survives
// renumbering, the displayed number is what people quote, the quote with
// its context finds the place again when the text moves, and the offsets
// are only a hint.
type Anchor struct {
	DraftID     string `toml:"draft" json:"draft"`
	ParagraphID string `toml:"paragraph" json:"paragraph"`
	Number      string `toml:"number" json:"number"`                     // as displayed, e.g. "3.2 ¶14"
	Quote       string `toml:"quote,omitempty" json:"quote,omitempty"`   // NFC
	Before      string `toml:"before,omitempty" json:"before,omitempty"` // NFC context
	After       string `toml:"after,omitempty" json:"after,omitempty"`   // NFC context
	Start       int    `toml:"start,omitempty" json:"start,omitempty"`   // byte offset of the quote in the NFC paragraph
	End         int    `toml:"end,omitempty" json:"end,omitempty"`
}

// Proposal is a text change in ITU form: ADD, MOD or SUP, the existing text
// and the proposed one.
type Proposal struct {
	Action   Action `toml:"action" json:"action"`
	Existing string `toml:"existing,omitempty" json:"existing,omitempty"`
	Proposed string `toml:"proposed,omitempty" json:"proposed,omitempty"`
}

// Comment is one expert's comment on a paragraph of a report draft,
// optionally with a text proposal.
type Comment struct {
	ID        string    `toml:"id" json:"id"`
	Anchor    Anchor    `toml:"anchor" json:"anchor"`
	Kind      Kind      `toml:"kind" json:"kind"`
	Proposal  *Proposal `toml:"proposal,omitempty" json:"proposal,omitempty"`
	Reasons   string    `toml:"reasons,omitempty" json:"reasons,omitempty"`
	SubThemes []int     `toml:"sub_themes,omitempty" json:"sub_themes,omitempty"`
	Review    Review    `toml:"review" json:"review"`
	Author    Person    `toml:"author" json:"author"`
	Created   time.Time `toml:"created" json:"created"`
	Updated   time.Time `toml:"updated" json:"updated"`
	Body      string    `toml:"-" json:"body"` // Markdown; the file's body
}

// Normalize puts text in NFC, times in UTC to the second and empty lists to
// nil, so that equal content has one spelling on disk.
func (c *Comment) Normalize() {
	a := &c.Anchor
	for _, s := range []*string{&a.Quote, &a.Before, &a.After, &c.Body, &c.Reasons, &a.Number} {
		*s = norm.NFC.String(*s)
	}
	if c.Proposal != nil {
		c.Proposal.Existing = norm.NFC.String(c.Proposal.Existing)
		c.Proposal.Proposed = norm.NFC.String(c.Proposal.Proposed)
	}
	if len(c.SubThemes) == 0 {
		c.SubThemes = nil
	}
	c.Created, c.Updated = normTime(c.Created), normTime(c.Updated)
}

func normTime(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC().Truncate(time.Second)
}

// Validate returns the first problem found, naming the field.
func (c *Comment) Validate() error {
	checks := []func() error{
		func() error { return checkID(c.ID) },
		c.Anchor.validate,
		func() error { _, err := ParseKind(string(c.Kind)); return err },
		c.validateProposal,
		func() error { return checkSubThemes("sub_themes", c.SubThemes) },
		c.Review.Validate,
		func() error { return c.Author.Validate("author") },
		func() error { return checkTimes(c.Created, c.Updated) },
	}
	for _, check := range checks {
		if err := check(); err != nil {
			return err
		}
	}
	if strings.TrimSpace(c.Body) == "" && c.Proposal == nil {
		return fieldErr("body", "is required (or give a text proposal)")
	}
	return nil
}

func (a Anchor) validate() error {
	switch {
	case strings.TrimSpace(a.DraftID) == "":
		return fieldErr("anchor.draft", "is required: which draft is this comment on?")
	case strings.TrimSpace(a.ParagraphID) == "" && strings.TrimSpace(a.Number) == "":
		return fieldErr("anchor.paragraph", "is required: give the paragraph ID or its number")
	case a.Start < 0 || a.End < a.Start:
		return fieldErr("anchor.end", "must not be before anchor.start")
	case !norm.NFC.IsNormalString(a.Quote + a.Before + a.After):
		return fieldErr("anchor.quote", "must be in Unicode NFC (call Normalize)")
	}
	return nil
}

func (c *Comment) validateProposal() error {
	p := c.Proposal
	if p == nil {
		return nil
	}
	if _, err := ParseAction(string(p.Action)); err != nil {
		return err
	}
	switch {
	case p.Action == ActionAdd && strings.TrimSpace(p.Proposed) == "":
		return fieldErr("proposal.proposed", "is required for ADD")
	case p.Action == ActionMod && (strings.TrimSpace(p.Existing) == "" || strings.TrimSpace(p.Proposed) == ""):
		return fieldErr("proposal.existing", "and proposal.proposed are both required for MOD")
	case p.Action == ActionMod && p.Existing == p.Proposed:
		return fieldErr("proposal.proposed", "is the same as the existing text")
	case p.Action == ActionSup && strings.TrimSpace(p.Existing) == "":
		return fieldErr("proposal.existing", "is required for SUP (the text to delete)")
	}
	return nil
}

func checkTimes(created, updated time.Time) error {
	if created.IsZero() {
		return fieldErr("created", "is required")
	}
	if updated.Before(created) {
		return fieldErr("updated", "is before created")
	}
	return nil
}
