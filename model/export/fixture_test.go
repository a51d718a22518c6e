package export

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/process"
	"github.com/delegate-itu/delegate/model/report"
)

// made is the fixture's package time: within the 2nd draft's comment window.
var made = time.Date(2024, 12, 10, 14, 30, 0, 0, time.UTC)

func loadProcess(t testing.TB) *process.Profile {
	t.Helper()
	p, err := process.Load("testdata/wtpf-26.toml")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func loadTemplate(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/template.docx")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var (
	expert      = item.Person{Name: "Amélie Dœ", Email: "amelie@xyz.example"}
	coordinator = item.Contact{Name: "Kofi Mensah", Email: "kofi@xyz.example", Coordinator: true}
	sender      = item.Contact{Name: "Amélie Dœ", Organization: "Ministère du Numérique", Country: "Xyz", Phone: "+41 22 000 00 00", Email: "amelie@xyz.example"}
)

// existingOp3 is draft Opinion 3 as the imported report holds it.
func existingOp3() report.Opinion {
	it := func(label, text string) report.OpinionItem { return report.OpinionItem{Label: label, Text: text} }
	return report.Opinion{Number: 3, Title: "Resilience of telecommunications/ICTs", Forum: forumLine,
		Preamble: []report.OpinionPart{{Keyword: "considering", Items: []report.OpinionItem{
			it("a", "that societies depend on telecommunications/ICTs for public safety;"),
			it("b", "that natural hazards can disrupt networks,")}}},
		Operative: []report.OpinionPart{{Keyword: "invites Member States", Items: []report.OpinionItem{
			it("1", "to develop national emergency telecommunication plans;"),
			it("2", "to facilitate the repair of submarine cables.")}}}}
}

func reportDraft() *report.Draft {
	return &report.Draft{Label: "2nd draft", Version: 2, Blocks: []report.Block{{ID: "p-3-1"}, {ID: "p-3-2"}, {ID: "p-4-1"}},
		Opinions: []report.Opinion{existingOp3()}}
}

func approved() item.Review { return item.Review{Status: item.StatusApproved} }

func comment(n int, kind item.Kind, p *item.Proposal) item.Comment {
	c := item.Comment{ID: fmt.Sprintf("ad-241201-c%04d", n), Kind: kind, Proposal: p, Review: approved(), Author: expert,
		Anchor:  item.Anchor{DraftID: "2nd-draft", ParagraphID: fmt.Sprintf("p-3-%d", n%3+1), Number: fmt.Sprintf("§3 ¶%d", n), Quote: "the digital divide"},
		Body:    fmt.Sprintf("Comment %d: the text should say more about the needs of rural areas and of small island developing States.", n),
		Reasons: "Clarity and consistency with the outcome of previous forums.",
		Created: made.Add(-time.Duration(n) * time.Hour), Updated: made.Add(-time.Hour)}
	c.Normalize()
	return c
}

func amendment() item.Opinion {
	o := item.Opinion{ID: "ad-241201-op3", Amends: 3, Title: "Resilience of telecommunications/ICTs", Review: approved(), Author: expert,
		Preamble: []item.PreambularBlock{{Keyword: "considering", Items: []string{
			"that societies depend on telecommunications/ICTs for public safety and emergency response",
			"that natural hazards can disrupt networks"}}},
		Operative: []item.OperativeBlock{{Heading: "invites", Addressee: "Member States", Items: []item.OperativeItem{
			{Text: "to develop and regularly test national emergency telecommunication plans"},
			{Text: "to facilitate the repair of submarine cables"},
			{Text: "to share good practice on network resilience"}}}},
		Reasons: "Testing plans is what makes them useful.", Created: made.Add(-48 * time.Hour), Updated: made.Add(-time.Hour)}
	o.Normalize()
	return o
}

// sampleInput is a package of the five kinds of comment and one amendment.
func sampleInput(t testing.TB) Input {
	cs := []item.Comment{
		comment(1, item.KindGeneral, nil),
		comment(2, item.KindEditorial, &item.Proposal{Action: item.ActionMod, Existing: "the digital divide", Proposed: "the digital divides"}),
		comment(3, item.KindSubstantive, &item.Proposal{Action: item.ActionAdd, Proposed: "including the gender digital divide"}),
		comment(4, item.KindSubstantive, &item.Proposal{Action: item.ActionSup, Existing: "as appropriate"}),
		comment(5, item.KindQuestion, nil),
	}
	versions := map[string]string{}
	for i, c := range cs {
		versions[c.ID] = strings.Repeat(fmt.Sprint(i+1), 40)
	}
	versions["ad-241201-op3"] = strings.Repeat("f", 40)
	return Input{
		Process: loadProcess(t),
		Delegation: item.Profile{Entity: "République de Xyz", Category: item.CategoryMemberState, Country: "Xyz",
			Contacts: []item.Contact{coordinator, sender}},
		Sender: sender,
		Cover: item.Cover{Title: "Comments on the 2nd draft", Summary: "Xyz comments on sub-themes 1 and 3.",
			ActionRequired: "The IEG is invited to consider this contribution.", Language: "English"},
		Draft:    DraftRef{ID: "2nd-draft", Label: "2nd draft", Version: 2, SHA256: strings.Repeat("a", 64)},
		Report:   reportDraft(),
		Comments: cs, Opinions: []item.Opinion{amendment()}, Versions: versions,
		Commit: strings.Repeat("c", 40), Made: made, Template: loadTemplate(t), CleanCopy: true,
	}
}
