package item

import (
	"fmt"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Profile describes the delegation: who submits (the Source line of a
// contribution), in which category, and whom the secretariat can contact.
type Profile struct {
	Entity   string    `toml:"entity" json:"entity"` // e.g. "Republic of Xyz" or "Example Telecom Ltd"
	Category Category  `toml:"category" json:"category"`
	Country  string    `toml:"country,omitempty" json:"country,omitempty"`
	Contacts []Contact `toml:"contacts,omitempty" json:"contacts,omitempty"`
}

// Contact is a person in the delegation, as printed in a contribution's
// contact box. Exactly one contact may be the coordinator, who reviews
// and consolidates the experts' items.
type Contact struct {
	Name         string `toml:"name" json:"name"`
	Organization string `toml:"organization,omitempty" json:"organization,omitempty"`
	Country      string `toml:"country,omitempty" json:"country,omitempty"`
	Phone        string `toml:"phone,omitempty" json:"phone,omitempty"`
	Email        string `toml:"email" json:"email"`
	Coordinator  bool   `toml:"coordinator,omitempty" json:"coordinator,omitempty"`
}

// Coordinator returns the delegation's coordinator, if one is named.
func (p *Profile) Coordinator() (Contact, bool) {
	for _, c := range p.Contacts {
		if c.Coordinator {
			return c, true
		}
	}
	return Contact{}, false
}

// Normalize puts text in NFC and empty lists to nil.
func (p *Profile) Normalize() {
	p.Entity, p.Country = norm.NFC.String(p.Entity), norm.NFC.String(p.Country)
	for i := range p.Contacts {
		c := &p.Contacts[i]
		c.Name, c.Organization, c.Country = norm.NFC.String(c.Name), norm.NFC.String(c.Organization), norm.NFC.String(c.Country)
	}
	if len(p.Contacts) == 0 {
		p.Contacts = nil
	}
}

// Validate returns the first problem found, naming the field.
func (p *Profile) Validate() error {
	if strings.TrimSpace(p.Entity) == "" {
		return fieldErr("entity", "is required (the name that appears as Source)")
	}
	if err := checkLines("entity", p.Entity, "country", p.Country); err != nil {
		return err
	}
	if _, err := ParseCategory(string(p.Category)); err != nil {
		return err
	}
	coordinators := 0
	for i, c := range p.Contacts {
		f := fmt.Sprintf("contacts[%d]", i)
		if strings.TrimSpace(c.Name) == "" {
			return fieldErr(f+".name", "is required")
		}
		if err := checkLines(f+".name", c.Name, f+".organization", c.Organization, f+".country", c.Country, f+".phone", c.Phone); err != nil {
			return err
		}
		if err := checkEmail(f+".email", c.Email, true); err != nil {
			return err
		}
		if c.Coordinator {
			coordinators++
		}
	}
	if coordinators > 1 {
		return fieldErr("contacts", "name only one coordinator, not %d", coordinators)
	}
	return nil
}

// Cover is the first-page block of a contribution. The document number is
// not here: the secretariat assigns it.
type Cover struct {
	Title          string   `toml:"title" json:"title"`
	Summary        string   `toml:"summary" json:"summary"`
	ActionRequired string   `toml:"action_required" json:"action_required"`
	References     []string `toml:"references,omitempty" json:"references,omitempty"`
	RevisionOf     string   `toml:"revision_of,omitempty" json:"revision_of,omitempty"` // an earlier contribution this revises
	Language       string   `toml:"language" json:"language"`                           // "English" for IEG work
}

// Validate returns the first problem found, naming the field.
func (c *Cover) Validate() error {
	switch {
	case strings.TrimSpace(c.Title) == "":
		return fieldErr("title", "is required")
	case strings.TrimSpace(c.Summary) == "":
		return fieldErr("summary", "is required")
	case strings.TrimSpace(c.ActionRequired) == "":
		return fieldErr("action_required", "is required (e.g. \"The IEG is invited to consider this contribution.\")")
	case strings.TrimSpace(c.Language) == "":
		return fieldErr("language", "is required (IEG work is in English)")
	}
	return nil
}

// Nomination nominates an expert to the IEG. Name, entity/organization and
// e-mail are what the circular asks for; the rest helps the secretariat.
type Nomination struct {
	Name         string   `toml:"name" json:"name"`
	Organization string   `toml:"organization" json:"organization"`
	Email        string   `toml:"email" json:"email"`
	Country      string   `toml:"country,omitempty" json:"country,omitempty"`
	Phone        string   `toml:"phone,omitempty" json:"phone,omitempty"`
	Category     Category `toml:"category,omitempty" json:"category,omitempty"`
}

// Validate returns the first problem found, naming the field.
func (n *Nomination) Validate() error {
	switch {
	case strings.TrimSpace(n.Name) == "":
		return fieldErr("name", "is required")
	case strings.TrimSpace(n.Organization) == "":
		return fieldErr("organization", "is required (the nominating entity or organization)")
	}
	if err := checkLines("name", n.Name, "organization", n.Organization, "country", n.Country, "phone", n.Phone); err != nil {
		return err
	}
	if err := checkEmail("email", n.Email, true); err != nil {
		return err
	}
	if n.Category != "" {
		if _, err := ParseCategory(string(n.Category)); err != nil {
			return err
		}
	}
	return nil
}
