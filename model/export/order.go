package export

import (
	"strconv"

	"github.com/delegate-itu/delegate/model/item"
)

// Section is the part of the contribution an item goes in.
type Section string

// The contribution's sections, in the order it lists them.
const (
	SectionGeneral  Section = "general"  // general comments without a proposal
	SectionSpecific Section = "specific" // the table of specific comments
	SectionOpinions Section = "opinions" // proposals on draft Opinions
)

// Entry is one item as the contribution lists it. Exactly one of Comment
// and Opinion is set.
type Entry struct {
	Section Section
	// Ref is the contribution's number for the item: "ROX/3" for a row of
	// the table or an Opinion proposal; empty for a general comment.
	Ref     string
	Comment *item.Comment
	Opinion *item.Opinion
}

// Contents lists the items of in in the order and with the numbers the
// contribution gives them, so a screen can show exactly what Build will
// write without laying out a document.
func Contents(in Input) []Entry {
	c := newContribution(in)
	out := make([]Entry, 0, len(c.general)+len(c.specific)+len(in.Opinions))
	for i := range c.general {
		out = append(out, Entry{Section: SectionGeneral, Comment: &c.general[i]})
	}
	for i := range c.specific {
		out = append(out, Entry{Section: SectionSpecific, Ref: c.code + "/" + strconv.Itoa(i+1), Comment: &c.specific[i]})
	}
	for i := range in.Opinions {
		n := len(c.specific) + i + 1
		out = append(out, Entry{Section: SectionOpinions, Ref: c.code + "/" + strconv.Itoa(n), Opinion: &in.Opinions[i]})
	}
	return out
}
