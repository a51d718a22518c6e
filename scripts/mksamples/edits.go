package main

// Edit kinds, named as in changes-2-to-3.json.
const (
	editReworded = "reworded"
	editInserted = "inserted"
	editDeleted  = "deleted"
	editMoved    = "moved"
	editSplit    = "split"
	editMerged   = "merged"
	editSection  = "section-inserted"
	editOpinion  = "opinion-amended"
	editFront    = "front-reworded"
)

// edit is one named change from the 2nd to the 3rd draft. ID and After name
// blocks by their 2nd-draft identity ("p30" is paragraph 30, "h3.3" a
// heading) or by the Name of an earlier insertion.
type edit struct {
	Name    string
	Kind    string
	ID      string // the block changed (reworded, deleted, moved, split, merged: first of the pair)
	After   string // inserted, moved, section-inserted: the block it goes after
	Old     string // reworded: exact text replaced
	New     string // reworded: replacement; split: first words of the second part
	Text    string // inserted: paragraph text; section-inserted: heading text
	Tracked bool   // reworded: left as a tracked change in draft3.docx
	Items   []itemEdit
}

// itemEdit is one change to a draft Opinion's items: Op is "added",
// "reworded" or "deleted"; Block is the keyword; Item the 0-based index.
type itemEdit struct {
	Op, Block string
	Item      int
	Text      string
}

// edits2to3 is the secretariat's next draft, as data. The ground truth JSON
// is derived from it, never typed by hand.
var edits2to3 = []edit{
	{Name: "front-third-draft", Kind: editFront, ID: "f4", Old: "Second draft (sample)", New: "Third draft (sample)"},
	{Name: "purpose-third-draft", Kind: editReworded, ID: "p3",
		Old: "This second draft takes account of the comments received on the outline and adds, for the first time, the possible elements of draft Opinions, so that they can be discussed during the consultation period.",
		New: "This third draft takes account of the comments received on the second draft and through the online consultation, and presents the draft Opinions as an annex."},
	{Name: "drop-cross-cutting", Kind: editDeleted, ID: "p9"},
	{Name: "usage-gap-wider", Kind: editReworded, ID: "p11",
		Old: "This usage gap points", New: "This usage gap, which is wider than the coverage gap in most regions, points"},
	{Name: "older-persons-wording", Kind: editReworded, ID: "p22",
		Old: "yet they remain the least connected in most.", New: "yet in most countries they remain the least connected age group."},
	{Name: "accessibility-requirements", Kind: editInserted, After: "p24",
		Text: "Accessibility requirements for public websites and mobile applications have been adopted in a number of countries. Their effect depends on monitoring and enforcement, and on the availability of assistive technologies at an affordable price."},
	{Name: "usf-performance", Kind: editReworded, ID: "p30", Tracked: true,
		Old: "has been mixed", New: "has varied widely between countries"},
	{Name: "ai-operation", Kind: editReworded, ID: "p44",
		Old: "the training and use of large artificial intelligence models", New: "the training and operation of large artificial intelligence models"},
	{Name: "drop-rebound", Kind: editDeleted, ID: "p54"},
	{Name: "data-centres-section", Kind: editSection, After: "p63", Text: "Data centres and energy"},
	{Name: "data-centres-growth", Kind: editInserted, After: "data-centres-section",
		Text: "The rapid growth of cloud services and of artificial intelligence has led to a wave of investment in new data centres. In some countries, the electricity demand of planned facilities is large relative to the capacity of the grid, and authorities have begun to take it into account in energy planning."},
	{Name: "move-data-centres", Kind: editMoved, ID: "p46", After: "data-centres-growth"},
	{Name: "data-centres-measures", Kind: editInserted, After: "p46",
		Text: "Measures that have been discussed include efficiency requirements for new facilities, reporting of energy and water use, the reuse of waste heat and the location of new facilities near sources of renewable electricity. Participants may wish to share experience with such measures."},
	{Name: "split-causes", Kind: editSplit, ID: "p70", New: "Technical failures, software faults"},
	{Name: "emergency-plans-assistance", Kind: editReworded, ID: "p77",
		Old: "Many countries have adopted such plans; others are preparing them.",
		New: "Many countries have adopted such plans, and others are preparing them with assistance from regional and international organizations."},
	{Name: "maritime-cooperation", Kind: editInserted, After: "p88",
		Text: "Cooperation between the authorities responsible for telecommunications and those responsible for maritime affairs has been identified as an area where practical improvements could be made quickly, for example through a single point of contact for cable repair permits."},
	{Name: "filings-pressure", Kind: editReworded, ID: "p102",
		Old: "and the procedures for recording assignments are under pressure", New: "and the regulatory procedures for coordination and recording have come under pressure"},
	{Name: "drop-launch-effects", Kind: editDeleted, ID: "p111"},
	{Name: "move-dpi", Kind: editMoved, ID: "p123", After: "p133"},
	{Name: "merge-scale-up", Kind: editMerged, ID: "p127"},
	{Name: "next-steps-fourth-draft", Kind: editReworded, ID: "p141",
		Old: "A third draft will take account of the comments received and will include the draft Opinions as an annex.",
		New: "A fourth draft will take account of the comments received on this draft, including comments on the texts of the draft Opinions."},
	{Name: "opinion3-amended", Kind: editOpinion, ID: "o3", Items: []itemEdit{
		{Op: "reworded", Block: "considering", Item: 1,
			Text: "that natural hazards, technical failures, software faults and deliberate attacks can disrupt networks and services"},
		{Op: "deleted", Block: "recognizing", Item: 1},
		{Op: "added", Block: "invites Member States", Item: 3,
			Text: "to share information on significant outages and on the lessons learned from them, while respecting the confidentiality of commercially sensitive information"},
	}},
}
