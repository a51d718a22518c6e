package item

import (
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// Opinion is a proposal for a draft Opinion of the forum: either amendments
// to draft Opinion n of the SG report (Amends = n) or a new one (Amends = 0).
// Authors write the items in order; lettering, numbering and end punctuation
// are computed by Lines, never typed.
type Opinion struct {
	ID        string            `toml:"id" json:"id"`
	Amends    int               `toml:"amends,omitempty" json:"amends,omitempty"`
	Draft     string            `toml:"draft,omitempty" json:"draft,omitempty"` // the draft it was written on, whose Opinion Amends names
	Title     string            `toml:"title" json:"title"`
	SubTheme  int               `toml:"sub_theme,omitempty" json:"sub_theme,omitempty"`
	Preamble  []PreambularBlock `toml:"preamble,omitempty" json:"preamble,omitempty"`
	Operative []OperativeBlock  `toml:"operative" json:"operative"`
	Reasons   string            `toml:"reasons,omitempty" json:"reasons,omitempty"`
	Review    Review            `toml:"review" json:"review"`
	Author    Person            `toml:"author" json:"author"`
	Created   time.Time         `toml:"created" json:"created"`
	Updated   time.Time         `toml:"updated" json:"updated"`
	Body      string            `toml:"-" json:"body,omitempty"` // Markdown notes for reviewers
}

// PreambularBlock is a keyword ("considering", "recognizing", ...) and its
// lettered items.
type PreambularBlock struct {
	Keyword string   `toml:"keyword" json:"keyword"`
	Items   []string `toml:"items" json:"items"`
}

// OperativeBlock is a heading ("is of the view", "invites") with its
// addressee ("Member States") and numbered items.
type OperativeBlock struct {
	Heading   string          `toml:"heading" json:"heading"`
	Addressee string          `toml:"addressee,omitempty" json:"addressee,omitempty"`
	Items     []OperativeItem `toml:"items" json:"items"`
}

// OperativeItem is one numbered item, optionally with sub-items i), ii)...
type OperativeItem struct {
	Text     string   `toml:"text" json:"text"`
	SubItems []string `toml:"sub_items,omitempty" json:"sub_items,omitempty"`
}

// Normalize puts all text in NFC and times in UTC to the second.
func (o *Opinion) Normalize() {
	o.Title, o.Reasons, o.Body = norm.NFC.String(o.Title), norm.NFC.String(o.Reasons), norm.NFC.String(o.Body)
	for i := range o.Preamble {
		b := &o.Preamble[i]
		b.Keyword = norm.NFC.String(b.Keyword)
		nfcAll(b.Items)
	}
	for i := range o.Operative {
		b := &o.Operative[i]
		b.Heading, b.Addressee = norm.NFC.String(b.Heading), norm.NFC.String(b.Addressee)
		for j := range b.Items {
			b.Items[j].Text = norm.NFC.String(b.Items[j].Text)
			nfcAll(b.Items[j].SubItems)
			if len(b.Items[j].SubItems) == 0 {
				b.Items[j].SubItems = nil
			}
		}
	}
	if len(o.Preamble) == 0 {
		o.Preamble = nil
	}
	o.Created, o.Updated = normTime(o.Created), normTime(o.Updated)
}

func nfcAll(ss []string) {
	for i := range ss {
		ss[i] = norm.NFC.String(ss[i])
	}
}

// Validate returns the first problem found, naming the field.
func (o *Opinion) Validate() error {
	if err := checkID(o.ID); err != nil {
		return err
	}
	switch {
	case o.Amends < 0:
		return fieldErr("amends", "must be a draft Opinion number, or 0 for a new Opinion")
	case strings.TrimSpace(o.Title) == "":
		return fieldErr("title", "is required")
	case o.SubTheme != 0:
		if err := checkSubTheme("sub_theme", o.SubTheme); err != nil {
			return err
		}
	}
	if err := o.validateBlocks(); err != nil {
		return err
	}
	if err := o.Review.Validate(); err != nil {
		return err
	}
	if err := o.Author.Validate("author"); err != nil {
		return err
	}
	return checkTimes(o.Created, o.Updated)
}

func (o *Opinion) validateBlocks() error {
	for i, b := range o.Preamble {
		f := fmt.Sprintf("preamble[%d]", i)
		if strings.TrimSpace(b.Keyword) == "" {
			return fieldErr(f+".keyword", "is required (e.g. considering, recognizing)")
		}
		if err := checkTexts(f+".items", b.Items); err != nil {
			return err
		}
	}
	if len(o.Operative) == 0 {
		return fieldErr("operative", "needs at least one block (e.g. \"is of the view\")")
	}
	for i, b := range o.Operative {
		f := fmt.Sprintf("operative[%d]", i)
		if strings.TrimSpace(b.Heading) == "" {
			return fieldErr(f+".heading", "is required (e.g. is of the view, invites)")
		}
		if len(b.Items) == 0 {
			return fieldErr(f+".items", "needs at least one item")
		}
		for j, it := range b.Items {
			if strings.TrimSpace(it.Text) == "" {
				return fieldErr(fmt.Sprintf("%s.items[%d].text", f, j), "is empty")
			}
			if len(it.SubItems) == 0 {
				continue
			}
			if err := checkTexts(fmt.Sprintf("%s.items[%d].sub_items", f, j), it.SubItems); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkTexts(field string, items []string) error {
	if len(items) == 0 {
		return fieldErr(field, "needs at least one item")
	}
	for i, s := range items {
		if strings.TrimSpace(s) == "" {
			return fieldErr(fmt.Sprintf("%s[%d]", field, i), "is empty")
		}
	}
	return nil
}
