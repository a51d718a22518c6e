package process

import (
	"bytes"
	"fmt"

	"github.com/BurntSushi/toml"
)

// Correction is a user's fix to one milestone: the secretariat moved a
// meeting, or a date announced as a month became a day. It lives in the
// user's workspace so the embedded profile stays untouched.
type Correction struct {
	ID      string `toml:"id" json:"id"`
	Planned Date   `toml:"planned,omitempty" json:"planned,omitzero"`
	Actual  Date   `toml:"actual,omitempty" json:"actual,omitzero"`
	End     Date   `toml:"end,omitempty" json:"end,omitzero"`
	Note    string `toml:"note,omitempty" json:"note,omitempty"`
}

// Corrections is the file form: a list of [[correction]] tables.
type Corrections struct {
	Corrections []Correction `toml:"correction" json:"corrections"`
}

// ParseCorrections reads a corrections file.
func ParseCorrections(data []byte) (Corrections, error) {
	var c Corrections
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&c)
	if err != nil {
		return c, fmt.Errorf("%w: corrections: %v", ErrBadProfile, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return c, fmt.Errorf("%w: corrections: unknown setting %q", ErrBadProfile, und[0].String())
	}
	return c, nil
}

// Format writes corrections in the form ParseCorrections reads.
func (c Corrections) Format() ([]byte, error) {
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(c); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Apply returns a copy of p with the corrections applied. An unknown
// milestone ID is an error: a silently ignored correction is a missed deadline.
func (p *Profile) Apply(c Corrections) (*Profile, error) {
	q := *p
	q.Milestones = append([]Milestone(nil), p.Milestones...)
	for _, fix := range c.Corrections {
		i := q.index(fix.ID)
		if i < 0 {
			return nil, fmt.Errorf("%w: correction for %q: no such milestone", ErrBadProfile, fix.ID)
		}
		m := &q.Milestones[i]
		if !fix.Planned.IsZero() {
			m.Planned = fix.Planned
		}
		if !fix.Actual.IsZero() {
			m.Actual = fix.Actual
		}
		if !fix.End.IsZero() {
			m.End = fix.End
		}
		if fix.Note != "" {
			m.Note = fix.Note
		}
	}
	if err := q.validate(); err != nil {
		return nil, err
	}
	return &q, nil
}

func (p *Profile) index(id string) int {
	for i, m := range p.Milestones {
		if m.ID == id {
			return i
		}
	}
	return -1
}

// Set adds fix, or merges it into the existing correction of the same
// milestone (fields left empty in fix keep their earlier value).
func (c *Corrections) Set(fix Correction) {
	for i := range c.Corrections {
		old := &c.Corrections[i]
		if old.ID != fix.ID {
			continue
		}
		if !fix.Planned.IsZero() {
			old.Planned = fix.Planned
		}
		if !fix.Actual.IsZero() {
			old.Actual = fix.Actual
		}
		if !fix.End.IsZero() {
			old.End = fix.End
		}
		if fix.Note != "" {
			old.Note = fix.Note
		}
		return
	}
	c.Corrections = append(c.Corrections, fix)
}
