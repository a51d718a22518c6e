// Package anchor carries comments from one report draft to the next. Each
// comment gets an honest outcome (unchanged, moved, base text changed,
// incorporated, orphaned) with a confidence, so nothing is lost and nothing
// is placed in the wrong passage without the user being asked.
//
// The method: the draft comparison (report.Compare) aligns paragraphs; a
// character diff of the aligned texts (diff-match-patch DiffMain) maps the
// quote's offsets; the mapped span is checked against the quote; the quote
// is then searched exactly near the mapped place, then by its two ends;
// the proposal is looked for to detect incorporation; what cannot be
// placed becomes an orphan with ranked candidate places. All text is NFC
// and offsets are bytes of the NFC paragraph text, as in item.Anchor.
package anchor

import (
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
)

// Outcome says what happened to a comment's passage in the new draft; the
// JSON values are stable.
type Outcome string

// Outcomes, from the best news to the worst.
const (
	// OutcomeUnchanged: the passage reads the same, in the paragraph that
	// took the old one's place (its number may have changed).
	OutcomeUnchanged Outcome = "unchanged"
	// OutcomeMoved: the passage reads the same but its paragraph now
	// stands elsewhere in the report.
	OutcomeMoved Outcome = "moved"
	// OutcomeBaseChanged: the passage was edited; TextThen, TextNow and
	// the proposal give the three-way view.
	OutcomeBaseChanged Outcome = "base-changed"
	// OutcomeIncorporated: the proposed text, or most of it, is now in
	// the draft.
	OutcomeIncorporated Outcome = "incorporated"
	// OutcomeOrphaned: the passage is gone; Candidates lists places the
	// user may re-attach to. None is picked.
	OutcomeOrphaned Outcome = "orphaned"
)

// Outcomes lists every outcome in display order, for summaries.
var Outcomes = []Outcome{OutcomeUnchanged, OutcomeMoved, OutcomeBaseChanged, OutcomeIncorporated, OutcomeOrphaned}

// Sure is the confidence from which a placement is trusted without review.
// Below it, and always for orphans, the UI asks the user to confirm,
// re-attach or dismiss. The accuracy harness checks that no result at or
// above Sure is in the wrong passage.
const Sure = 0.9

// Place is a passage of the new draft: a block and a byte span of its NFC
// text, with the text found there.
type Place struct {
	BlockID string  `json:"block_id"`
	Ref     string  `json:"ref"`
	Start   int     `json:"start"`
	End     int     `json:"end"`
	Text    string  `json:"text,omitempty"`
	Score   float64 `json:"score"`
}

// Result is the outcome of carrying one comment. For every outcome but
// orphaned, Anchor is the comment's new anchor (DraftID is filled in by
// Apply, which knows the workspace's draft ID).
type Result struct {
	ItemID     string            `json:"item_id"`
	Outcome    Outcome           `json:"outcome"`
	Confidence float64           `json:"confidence"`
	Reason     string            `json:"reason"`
	Change     report.ChangeKind `json:"change,omitempty"`
	OldBlockID string            `json:"old_block_id"`
	OldRef     string            `json:"old_ref"`
	NewBlockID string            `json:"new_block_id,omitempty"`
	NewRef     string            `json:"new_ref,omitempty"`
	Anchor     item.Anchor       `json:"anchor"`
	Candidates []Place           `json:"candidates,omitempty"`
	TextThen   string            `json:"text_then,omitempty"`
	TextNow    string            `json:"text_now,omitempty"`
	Proposed   string            `json:"proposed,omitempty"`
}

// NeedsReview reports whether the user must decide: every orphan, and any
// placement the carrier is not sure of.
func (r Result) NeedsReview() bool {
	return r.Outcome == OutcomeOrphaned || r.Confidence < Sure
}

// Placed reports whether the result names a place in the new draft.
func (r Result) Placed() bool { return r.Outcome != OutcomeOrphaned && r.NewBlockID != "" }

// Carry carries every comment from old to new. It is NewCarrier(old,
// new).Carry(items): use a Carrier to carry more comments later without
// comparing the drafts again.
func Carry(old, new *report.Draft, items []item.Comment) []Result {
	return NewCarrier(old, new).Carry(items)
}

// Summarize counts results per outcome (every outcome present, zeros too).
func Summarize(rs []Result) map[Outcome]int {
	out := make(map[Outcome]int, len(Outcomes))
	for _, o := range Outcomes {
		out[o] = 0
	}
	for _, r := range rs {
		out[r.Outcome]++
	}
	return out
}
