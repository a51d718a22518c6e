package ui

import (
	"fmt"
	"time"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/review"
	"github.com/delegate-itu/delegate/model/store"
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

// fillSampleOpinion adds an expert's amendment of draft Opinion 1, waiting
// for review, so the Review tab shows an Opinion proposal as revision marks.
func fillSampleOpinion(ws *store.Workspace, d *report.Draft) error {
	o, ok := review.Base(d, 1)
	if !ok {
		return fmt.Errorf("sample draft Opinion 1 missing")
	}
	last := &o.Operative[len(o.Operative)-1]
	if len(last.Items) < 2 {
		return fmt.Errorf("sample draft Opinion 1 has changed")
	}
	last.Items[1].Text = "to collect and publish data on the use of telecommunications/ICTs disaggregated by sex, age and disability"
	last.Items = append(last.Items, item.OperativeItem{Text: "to share good practice on digital skills programmes for older persons"})
	o.Reasons = "Disability is missing from the data the Opinion asks for; skills programmes for older persons work and deserve to be shared."
	o.Created = time.Now().Add(-20 * time.Hour)
	o.ID = item.NewID(sampleElena, o.Created)
	o.Author = sampleElena
	o.Review = item.Review{Status: item.StatusReady}
	return ws.SaveOpinion(&o, "amend the invitations to Member States")
}
