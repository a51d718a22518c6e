package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/delegate-itu/delegate/assets"
	"github.com/delegate-itu/delegate/model/anchor"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/usecase"
)

// sampleUser signs the sample workspace's commits.
var sampleUser = item.Person{Name: "Sample Expert", Email: "expert@example.org"}

// sampleComments are the example comments of the sample workspace, on the
// 2nd draft: paragraph, kind, body, and an optional MOD proposal.
var sampleComments = []struct {
	para, quote, body string
	kind              item.Kind
	from, to          string
	themes            []int
	who               item.Person // an expert of the delegation; empty: sampleUser
	status            item.Status // empty: draft
}{
	{para: "s1.1-p2", kind: item.KindGeneral, themes: []int{1},
		body: "We welcome the focus on **practical measures**. Please keep the list of priorities short."},
	{para: "s2.1-p11", kind: item.KindSubstantive, themes: []int{1},
		body: "The affordability gap deserves its own recommendation.",
		from: "This usage gap points to barriers other than infrastructure", to: "This usage gap points mainly to barriers beyond infrastructure"},
	{para: "s1.2-p7", kind: item.KindEditorial,
		body: "Define *meaningful connectivity* here as well, since later sections rely on it."},
	{para: "s1.1-p3", kind: item.KindQuestion, quote: "This second draft takes account of the comments received on the outline",
		body: "Will the comments received be published with the next draft?"},
	{para: "s1.2-p9", kind: item.KindGeneral,
		body: "Cross-cutting issues deserve a chapter of their own: data governance affects every sub-theme."},
	{para: "s3.1-p46", kind: item.KindSubstantive, themes: []int{2},
		body: "Mention waste heat reuse as a good practice for data centres."},
	// Three experts' items waiting for the coordinator's review: two
	// proposals on ¶12 that conflict, and a near-duplicate of the ¶7 comment.
	{para: "s2.1-p12", kind: item.KindSubstantive, themes: []int{1}, who: sampleAmina, status: item.StatusReady,
		body: "Women are less likely to be online in most regions; the list should name them.",
		from: "older persons, persons with disabilities", to: "older persons, women and girls, persons with disabilities"},
	{para: "s2.1-p12", kind: item.KindSubstantive, themes: []int{1}, who: sampleElena, status: item.StatusReady,
		body: "Indigenous communities are among the least connected; name them here.",
		from: "older persons, persons with disabilities", to: "older persons, Indigenous peoples, persons with disabilities"},
	{para: "s1.2-p7", kind: item.KindEditorial, who: sampleLi, status: item.StatusReady,
		body: "Please define *meaningful connectivity* here too: later sections rely on it."},
	{para: "s2.1-p14", kind: item.KindQuestion, who: sampleAmina, status: item.StatusReady,
		body: "Which source will the final report use for the gender gap figures?"},
	{para: "s2.2-p25", kind: item.KindSubstantive, themes: []int{1}, who: sampleLi, status: item.StatusReady,
		body: "Data should also be disaggregated by disability, where it can be collected safely."},
	{para: "s1.1-p4", kind: item.KindGeneral, who: sampleElena, status: item.StatusReady,
		body: "A short list of questions at the end of each section would help delegations answer."},
}

// ensureSample opens the sample workspace in dir, creating it on first use
// from the embedded 2nd draft and a few example comments.
func ensureSample(dir string) (*work, error) {
	if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
		return openWork(dir)
	}
	ws, err := store.Create(dir, sampleUser)
	if err != nil {
		return nil, err
	}
	err = fillSample(ws)
	_ = ws.Close()
	if err != nil {
		return nil, fmt.Errorf("the sample workspace could not be prepared: %w", err)
	}
	return openWork(dir)
}

func fillSample(ws *store.Workspace) error {
	p := item.Profile{Entity: "Republic of Sample", Category: item.CategoryMemberState, Country: "Sample",
		Contacts: []item.Contact{{Name: sampleUser.Name, Email: sampleUser.Email, Organization: "Ministry of ICT", Coordinator: true}}}
	if err := ws.SaveProfile(p, "Sample delegation profile"); err != nil {
		return err
	}
	s := assets.SampleDrafts()[0]
	meta, d, err := importDraft(ws, s.Name, s.Label, s.Data)
	if err != nil {
		return err
	}
	for i, sc := range sampleComments {
		b := d.Block(sc.para)
		if b == nil {
			return fmt.Errorf("sample paragraph %s missing", sc.para)
		}
		c := item.Comment{Kind: sc.kind, Body: sc.body, SubThemes: sc.themes}
		if sc.who.Name != "" {
			fromExpert(&c, sc.who, sc.status, i)
		}
		quote := firstSentence(b.Text)
		if sc.quote != "" {
			quote = sc.quote
		}
		if sc.from != "" {
			quote = sc.from
			c.Proposal = &item.Proposal{Action: item.ActionMod, Existing: sc.from, Proposed: sc.to}
		}
		c.Anchor = anchorFor(meta.ID, *b, quote)
		if err := ws.SaveComment(&c, "example comment"); err != nil {
			return err
		}
		if c.Proposal != nil && sc.who.Name == "" { // a second version, so the history has a story
			c.Reasons = "Usage, not coverage, is now the main gap."
			c.Body += " It should also cover the cost of devices."
			if err := ws.SaveComment(&c, "edit body, add reasons"); err != nil {
				return err
			}
		}
	}
	return fillSampleOpinion(ws, d)
}

// importDraft reads a report draft and commits it with its parsed form.
func importDraft(ws *store.Workspace, name, label string, data []byte) (store.DraftMeta, *report.Draft, error) {
	return usecase.ImportDraft(ws, usecase.DraftFile{Name: name, Label: label, Data: data})
}

// anchorFor ties a comment to quote inside block b of draft draftID, with
// context either side so the place can be found again in a later draft.
func anchorFor(draftID string, b report.Block, quote string) item.Anchor {
	a, _ := anchor.ForQuote(b, quote)
	a.DraftID = draftID
	return a
}

// firstSentence is the paragraph up to its first full stop.
func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i > 0 {
		return s[:i+1]
	}
	return s
}
