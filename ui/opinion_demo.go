package ui

import (
	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
)

// demoAmends is the draft Opinion of the sample report the demonstration
// amends.
const demoAmends = 3

// demo opens the editor on the sample delegation's amendment of draft
// Opinion 3, creating that proposal the first time (DELEGATE_SHOW=opinion).
func (sc *opinionScreen) demo() {
	sc.show()
	for _, o := range sc.props {
		if o.Amends == demoAmends {
			sc.open(o)
			return
		}
	}
	o, ok := sampleAmendment(sc.h.Draft())
	if !ok {
		return
	}
	if err := sc.h.Workspace().SaveOpinion(&o, "example amendment"); err != nil {
		sc.h.ShowError(err)
		return
	}
	sc.refresh()
	sc.open(o)
}

// sampleAmendment amends draft Opinion 3 of the sample report the way a
// delegation might: a recognizing item added, an operative item reworded
// with sub-items, one dropped.
func sampleAmendment(d *report.Draft) (item.Opinion, bool) {
	old, ok := export.FindOpinion(d, demoAmends)
	if !ok || len(old.Preamble) < 2 || len(old.Operative) < 2 || len(old.Operative[1].Items) < 3 {
		return item.Opinion{}, false
	}
	o := export.OpinionToAmend(old)
	o.SubTheme = 3
	o.Reasons = "Backup power is the first cause of long outages after a disaster; the plans should say how it is ensured."
	o.Preamble[1].Items = append(o.Preamble[1].Items, "that long power outages are among the most common causes of extended network outages after a disaster")
	inv := &o.Operative[1]
	inv.Items[0] = item.OperativeItem{Text: "to develop or update national emergency telecommunication plans that provide",
		SubItems: []string{"backup power at critical sites, sized to local hazards", "priority access for emergency services"}}
	inv.Items = append(inv.Items[:1], inv.Items[2:]...)
	return o, true
}
