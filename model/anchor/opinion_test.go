package anchor

import (
	"testing"

	"github.com/delegate-itu/delegate/model/item"
)

func opinionFixture(n int, title string, pre []string, ops ...string) item.Opinion {
	o := item.Opinion{Amends: n, Title: title, Preamble: []item.PreambularBlock{{Keyword: "considering", Items: pre}}}
	b := item.OperativeBlock{Heading: "invites", Addressee: "Member States"}
	for _, t := range ops {
		b.Items = append(b.Items, item.OperativeItem{Text: t})
	}
	o.Operative = []item.OperativeBlock{b}
	return o
}

var (
	opPre = []string{"that resilient networks underpin the digital economy", "the role of satellites in connecting remote areas"}
	opOps = []string{"to adopt national plans for the resilience of telecommunication networks",
		"to share experience of restoring networks after disasters"}
	other = opinionFixture(1, "Affordable connectivity", []string{"that a third of the world is offline"},
		"to reduce the cost of devices", "to publish prices of broadband services")
)

func amendment() item.Opinion {
	p := opinionFixture(2, "Resilience of telecommunications/ICTs", opPre, opOps...)
	p.ID = "op1"
	p.Operative[0].Items[0].Text = "to adopt and regularly review national plans for the resilience of telecommunication networks"
	return p
}

func TestCarryOpinion(t *testing.T) {
	base := opinionFixture(2, "Resilience of telecommunications/ICTs", opPre, opOps...)
	renumbered := opinionFixture(3, "Resilience of telecommunications/ICTs", opPre, opOps...)
	adopted := opinionFixture(2, "Resilience of telecommunications/ICTs", opPre,
		"to adopt and regularly review national plans for the resilience of telecommunication networks", opOps[1])
	edited := opinionFixture(2, "Resilient telecommunications/ICTs", opPre,
		"to adopt national strategies for the resilience of networks, with all stakeholders", opOps[1])
	reordered := opinionFixture(2, "Resilience of telecommunications/ICTs", []string{opPre[1], opPre[0]}, opOps[1], opOps[0])
	for _, tc := range []struct {
		name    string
		next    []item.Opinion
		outcome Outcome
		number  int
		line    Outcome
	}{
		{"renumbered, another Opinion now 2", []item.Opinion{other, opinionFixture(2, "Digital skills", []string{"that skills matter"}, "to train teachers"), renumbered}, OutcomeMoved, 3, OutcomeUnchanged},
		{"the secretariat took the amendment", []item.Opinion{other, adopted}, OutcomeIncorporated, 2, OutcomeIncorporated},
		{"the item was edited otherwise", []item.Opinion{other, edited}, OutcomeBaseChanged, 2, OutcomeBaseChanged},
		{"items reordered", []item.Opinion{reordered, other}, OutcomeUnchanged, 2, OutcomeUnchanged},
		{"the Opinion was dropped", []item.Opinion{other}, OutcomeOrphaned, 0, ""},
	} {
		r := CarryOpinion(amendment(), &base, tc.next)
		if r.Outcome != tc.outcome || r.NewNumber != tc.number {
			t.Errorf("%s: %s onto draft Opinion %d (%s), want %s onto %d", tc.name, r.Outcome, r.NewNumber, r.Reason, tc.outcome, tc.number)
			continue
		}
		if tc.line == "" {
			if !r.NeedsReview() {
				t.Errorf("%s: an orphaned Opinion proposal is not put to the user", tc.name)
			}
			continue
		}
		if len(r.Lines) != 1 || r.Lines[0].Outcome != tc.line {
			t.Errorf("%s: lines %+v, want the one amended item %s", tc.name, r.Lines, tc.line)
		}
	}
}

func TestCarryNewOpinion(t *testing.T) {
	p := opinionFixture(0, "Open data for disaster response", []string{"that data saves lives in disasters"},
		"to open the data of early-warning systems", "to cooperate across borders in emergencies")
	p.ID = "new1"
	taken := p
	taken.Amends = 4
	if r := CarryOpinion(p, nil, []item.Opinion{other, taken}); r.Outcome != OutcomeIncorporated || r.NewNumber != 4 {
		t.Errorf("adopted new Opinion: %s onto %d (%s)", r.Outcome, r.NewNumber, r.Reason)
	}
	if r := CarryOpinion(p, nil, []item.Opinion{other}); r.Outcome != OutcomeUnchanged || r.NewNumber != 0 {
		t.Errorf("new Opinion not taken: %s onto %d (%s)", r.Outcome, r.NewNumber, r.Reason)
	}
}
