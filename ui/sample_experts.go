package ui

import (
	"time"

	"github.com/delegate-itu/delegate/model/item"
)

// The sample delegation's experts, whose items wait for the coordinator's
// review (sampleUser is the coordinator).
var (
	sampleAmina = item.Person{Name: "Amina Diallo", Email: "amina.diallo@example.org"}
	sampleLi    = item.Person{Name: "Li Wei", Email: "li.wei@example.org"}
	sampleElena = item.Person{Name: "Elena Petrova", Email: "elena.petrova@example.org"}
)

// fromExpert makes c the n-th sample comment of an expert: written some
// hours before the coordinator's own (distinct times keep every list's
// order the same from one run to the next), in the given status.
func fromExpert(c *item.Comment, who item.Person, st item.Status, n int) {
	c.Created = time.Now().Add(-time.Duration(48-n) * time.Hour)
	c.ID = item.NewID(who, c.Created)
	c.Author = who
	c.Review = item.Review{Status: st}
}
