package ui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/report/redline"
	"github.com/delegate-itu/delegate/ui/screen"
)

// editor writes and edits one comment on the selected paragraph: kind,
// quote, body with Markdown preview, an optional text proposal with a live
// revision-mark preview, reasons, sub-themes and status.
type editor struct {
	h       screen.Host   // the shell: window, workspace, items, navigation
	block   *report.Block // the paragraph selected in the reader
	cur     item.Comment  // the comment being edited (ID empty when new)
	active  bool          // a comment is open in the form
	dirty   bool
	loading bool // true while fields are set from cur

	heading  *widget.Label
	here     *fyne.Container // the comments already on this paragraph
	form     *fyne.Container
	empty    *widget.Label
	quote    *textArea
	kind     *widget.Select
	body     *textArea
	preview  *widget.RichText
	propose  *widget.Check
	action   *widget.RadioGroup
	existing *textArea
	proposed *textArea
	redline  *wrappedText
	propBox  *fyne.Container
	reasons  *textArea
	themes   *widget.CheckGroup
	status   *widget.Select
	detail   *widget.Entry
	state    *widget.Label
	note     *widget.Label // the reviewer's note, when it asks for changes
	save     *widget.Button
	scroll   *container.Scroll
}

func newEditor(h screen.Host) *editor {
	e := &editor{h: h}
	e.heading = widget.NewLabelWithStyle(lang.L("Select a paragraph to comment on it"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.heading.Wrapping = fyne.TextWrapWord
	e.here = container.NewVBox()
	e.empty = widget.NewLabel(lang.L("Click a paragraph in the draft, then press New comment (Ctrl+N)."))
	e.empty.Wrapping = fyne.TextWrapWord
	e.buildFields()
	return e
}

func (e *editor) buildFields() {
	changed := func(string) { e.onChanged() }
	e.quote = newTextArea(2)
	e.quote.OnChanged = changed
	kinds := make([]string, len(item.Kinds))
	for i, k := range item.Kinds {
		kinds[i] = kindName(k)
	}
	e.kind = widget.NewSelect(kinds, changed)
	e.body = newTextArea(4)
	e.body.SetPlaceHolder(lang.L("Your comment (Markdown: **bold**, *italic*, - lists)"))
	e.body.OnChanged = changed
	e.preview = widget.NewRichTextFromMarkdown("")
	e.preview.Wrapping = fyne.TextWrapWord
	e.buildProposal(changed)
	e.reasons = newTextArea(2)
	e.reasons.OnChanged = changed
	themes := make([]string, len(item.SubThemes))
	for i := range item.SubThemes {
		themes[i] = fmt.Sprintf("%d %s", i+1, oneLine(subThemeName(i+1), 44))
	}
	e.themes = widget.NewCheckGroup(themes, func([]string) { e.onChanged() })
	e.status = widget.NewSelect(nil, changed)
	e.detail = widget.NewEntry()
	e.detail.SetPlaceHolder(lang.L("reviewer's note, package name or secretariat number"))
	e.detail.OnChanged = changed
	e.state = widget.NewLabel("")
	e.state.Wrapping = fyne.TextWrapWord
	e.note = newReviewerNote()
	e.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), e.onSave)
	e.save.Importance = widget.HighImportance
}

func (e *editor) buildProposal(changed func(string)) {
	e.propose = widget.NewCheck(lang.L("Propose a text change"), e.onPropose)
	e.action = widget.NewRadioGroup([]string{string(item.ActionMod), string(item.ActionAdd), string(item.ActionSup)}, changed)
	e.action.Horizontal = true
	e.existing = newTextArea(2)
	e.existing.OnChanged = changed
	e.proposed = newTextArea(2)
	e.proposed.OnChanged = changed
	e.redline = newRedlineText(nil)
	legend := widget.NewRichText(
		&widget.TextSegment{Text: lang.L("Preview: "), Style: widget.RichTextStyleInline},
		&widget.TextSegment{Text: lang.L("deleted"), Style: styleDeleted},
		&widget.TextSegment{Text: " · ", Style: widget.RichTextStyleInline},
		&widget.TextSegment{Text: lang.L("inserted"), Style: styleInserted},
	)
	e.propBox = container.NewVBox(
		e.action,
		widget.NewLabel(lang.L("Existing text")), e.existing,
		widget.NewLabel(lang.L("Proposed text")), e.proposed,
		legend, widget.NewCard("", "", e.redline),
	)
}

func (e *editor) buildUI() fyne.CanvasObject {
	bodyTabs := container.NewAppTabs(
		container.NewTabItem(lang.L("Write"), e.body),
		container.NewTabItem(lang.L("Preview"), container.NewPadded(e.preview)),
	)
	bodyTabs.OnSelected = func(*container.TabItem) { e.preview.ParseMarkdown(e.body.Text) }
	field := func(label string) *widget.Label {
		return widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	buttons := container.NewHBox(e.save,
		widget.NewButtonWithIcon(lang.L("History"), theme.HistoryIcon(), e.onHistory),
		widget.NewButtonWithIcon(lang.L("What changed"), theme.ViewRefreshIcon(), e.onWhatChanged),
		layout.NewSpacer(),
		widget.NewButtonWithIcon(lang.L("Discard"), theme.CancelIcon(), e.onDiscard))
	e.form = container.NewVBox(
		e.note,
		field(lang.L("Quoted passage")), e.quote,
		container.NewHBox(widget.NewButton(lang.L("Pick passage…"), e.onPickPassage),
			widget.NewButton(lang.L("Whole ¶"), e.onWholeParagraph), widget.NewButton(lang.L("First sentence"), e.onFirstSentence)),
		container.NewBorder(nil, nil, field(lang.L("Kind")), nil, e.kind),
		field(lang.L("Comment")), bodyTabs,
		e.propose, e.propBox,
		field(lang.L("Reasons")), e.reasons,
		field(lang.L("Sub-themes")), e.themes,
		field(lang.L("Status")), container.NewBorder(nil, nil, e.status, nil, e.detail),
		e.state, buttons,
	)
	e.form.Hide()
	newBtn := widget.NewButtonWithIcon(lang.L("New comment"), theme.ContentAddIcon(), e.h.NewComment)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, newBtn, e.heading), e.here, widget.NewSeparator())
	e.scroll = container.NewVScroll(container.NewVBox(e.empty, e.form))
	return container.NewBorder(top, nil, nil, nil, e.scroll)
}

// showParagraph follows the reader: the heading and the comments already
// on the paragraph. An open, unsaved comment stays in the form.
func (e *editor) showParagraph(b *report.Block) {
	e.block = b
	if !e.active || e.cur.Anchor.ParagraphID != b.ID && !e.dirty {
		e.heading.SetText(lang.L("{{.Ref}} · {{.Draft}}", map[string]any{"Ref": b.Ref, "Draft": labelText(e.h.CurrentDraft().Label)}))
	}
	e.here.Objects = nil
	for _, c := range e.h.CommentsOn(b.ID) {
		btn := widget.NewButton(commentLine(&c, 34), func() { e.edit(c) })
		btn.Alignment = widget.ButtonAlignLeading
		e.here.Add(btn)
	}
	e.here.Refresh()
	if e.active && !e.dirty && e.cur.Anchor.ParagraphID != b.ID {
		e.close() // an untouched comment elsewhere gives way to this paragraph
	}
}

// commentLine is a one-line summary of a comment for lists and buttons.
func commentLine(c *item.Comment, n int) string {
	text := c.Body
	if text == "" && c.Proposal != nil {
		text = lang.L("{{.Action}}: {{.Text}}", map[string]any{"Action": string(c.Proposal.Action), "Text": c.Proposal.Proposed})
	}
	mark := ""
	if c.Proposal != nil {
		mark = " ✎"
	}
	return fmt.Sprintf("%s%s · %s · %s", kindName(c.Kind), mark, c.Author.Name, oneLine(text, n))
}

// oneLine cuts s to about n columns; a Chinese character takes two.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "*", "")), " ")
	cols := 0
	for i, r := range s {
		cols += runeColumns(r)
		if cols > n-1 && i+utf8.RuneLen(r) < len(s) {
			return s[:i] + "…"
		}
	}
	return s
}

// newComment opens an empty comment on the selected paragraph, quoting its
// first sentence.
func (e *editor) newComment() {
	if e.block == nil {
		return
	}
	c := item.Comment{Kind: item.KindGeneral, Review: item.Review{Status: item.StatusDraft}}
	c.Anchor = anchorFor(e.h.CurrentDraft().ID, *e.block, firstSentence(e.block.Text))
	e.load(c)
	e.dirty = false
	e.state.SetText(lang.L("New comment, not saved yet"))
	e.h.Window().Canvas().Focus(e.body)
}

// edit opens an existing comment.
func (e *editor) edit(c item.Comment) {
	e.load(c)
	e.dirty = false
	e.state.SetText(lang.L("Saved · last change {{.When}} by {{.Who}}", map[string]any{"When": timeText(c.Updated), "Who": c.Author.Name}))
}

// load puts c into the form.
func (e *editor) load(c item.Comment) {
	e.loading = true
	defer func() { e.loading = false }()
	e.cur, e.active = c, true
	e.heading.SetText(lang.L("Comment on {{.Ref}} · {{.Draft}}", map[string]any{"Ref": c.Anchor.Number, "Draft": e.h.DraftLabel(c.Anchor.DraftID)}))
	e.quote.SetText(c.Anchor.Quote)
	e.kind.SetSelected(kindName(c.Kind))
	e.body.SetText(c.Body)
	e.preview.ParseMarkdown(c.Body)
	p := c.Proposal
	e.propose.SetChecked(p != nil)
	if p == nil {
		p = &item.Proposal{Action: item.ActionMod, Existing: c.Anchor.Quote}
	}
	e.action.SetSelected(string(p.Action))
	e.existing.SetText(p.Existing)
	e.proposed.SetText(p.Proposed)
	e.reasons.SetText(c.Reasons)
	var sel []string
	for _, n := range c.SubThemes {
		if n >= 1 && n <= len(e.themes.Options) {
			sel = append(sel, e.themes.Options[n-1])
		}
	}
	e.themes.SetSelected(sel)
	e.loadStatus(c.Review)
	showReviewerNote(e.note, c.Review)
	e.updatePreviews()
	e.empty.Hide()
	e.form.Show()
}

// loadStatus offers the current status and the ones it may move to.
func (e *editor) loadStatus(r item.Review) {
	opts := []string{statusName(r.Status)}
	for _, s := range allStatuses {
		if s != r.Status && item.CanMove(r.Status, s) {
			opts = append(opts, statusName(s))
		}
	}
	e.status.Options = opts
	e.status.SetSelected(statusName(r.Status))
	e.detail.SetText("")
}

// close empties the form.
func (e *editor) close() {
	e.active, e.dirty = false, false
	e.form.Hide()
	e.empty.Show()
}

func (e *editor) onChanged() {
	if e.loading || !e.active {
		return
	}
	e.dirty = true
	e.updatePreviews()
	e.state.SetText(lang.L("Unsaved changes (kept safe if Delegate closes)"))
	e.autosaveNow()
}

// updatePreviews refreshes the proposal's redline.
func (e *editor) updatePreviews() {
	if e.propose.Checked {
		e.propBox.Show()
	} else {
		e.propBox.Hide()
	}
	setRedline(e.redline, redline.Diff(e.existing.Text, e.proposed.Text))
	e.preview.ParseMarkdown(e.body.Text)
	if e.form != nil {
		e.form.Refresh() // the previews' heights changed
	}
}

func (e *editor) onWholeParagraph() {
	if e.block != nil {
		e.quote.SetText(e.block.Text)
	}
}

func (e *editor) onFirstSentence() {
	if e.block != nil {
		e.quote.SetText(firstSentence(e.block.Text))
	}
}

// reveal scrolls the form so o (a part of it) is at the top.
func (e *editor) reveal(o fyne.CanvasObject) {
	e.scroll.ScrollToOffset(fyne.NewPos(0, e.form.Position().Y+o.Position().Y-theme.Padding()))
}

// onPropose opens the proposal with the quoted text to edit, cursor in it.
func (e *editor) onPropose(on bool) {
	if e.loading {
		return
	}
	if on && e.proposed.Text == "" {
		e.proposed.SetText(e.existing.Text)
	}
	e.onChanged()
	if on {
		e.reveal(e.propose)
		e.h.Window().Canvas().Focus(e.proposed)
	}
}
