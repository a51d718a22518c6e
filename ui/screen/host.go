// Package screen is the narrow door between Delegate's window and one of
// its screens: what a screen may ask of the shell (the window, a runner
// for long work, error display, the open workspace, navigation), so it
// never reaches through another screen's fields to get it.
package screen

import (
	"net/url"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/process"
	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/store"
)

// Host is what the shell gives a screen. It is small on purpose: a
// screen that needs more says so here, where the next reader sees it.
type Host interface {
	// Window is the main window, for dialogs and the canvas.
	Window() fyne.Window
	// Run runs work off the UI goroutine, then done on it (synchronous in
	// tests).
	Run(work, done func())
	// RunHeld is Run with the workspace held: Busy reports true until
	// just before done runs.
	RunHeld(work, done func())
	// Busy reports that background work holds the workspace.
	Busy() bool
	// ShowError shows err in a dialog in the user's words.
	ShowError(err error)
	// ShowInfo shows a short message in a dialog.
	ShowInfo(title, msg string)
	// SetStatus puts msg in the window's status line.
	SetStatus(msg string)

	// Now is the current time (injectable: tests see a fixed day).
	Now() time.Time
	// Profile is the process profile with the workspace's corrections.
	Profile() *process.Profile
	// Workspace is the open workspace, nil while the chooser shows.
	Workspace() *store.Workspace
	// Draft is the report draft being read, nil before any import.
	Draft() *report.Draft
	// CurrentDraft describes the draft being read.
	CurrentDraft() store.DraftMeta
	// DraftLabel names draft id as the user sees it ("2nd draft").
	DraftLabel(id string) string
	// CommentsOn lists the comments on paragraph id of the current draft.
	CommentsOn(paraID string) []item.Comment
	// PutComment puts a saved comment in the items the screens show.
	PutComment(c item.Comment)

	// ShowTab brings tab of the main window to the front.
	ShowTab(tab *container.TabItem)
	// ReviewChanged tells the review queue that an item was saved.
	ReviewChanged()
	// ItemsChanged refreshes every list of items (navigator, reader,
	// items, review) after a save.
	ItemsChanged()
	// NewComment starts a comment on the selected paragraph.
	NewComment()
	// ShowHistory shows the saved versions of item id.
	ShowHistory(id string)
	// ShowChange shows how the paragraph under anchor a changed from its
	// draft to the one being read (errors shown by the shell).
	ShowChange(a item.Anchor)

	// The review screen, the export wizard and the Draft tab.

	// Comments lists the workspace's comments as the screens hold them.
	Comments() []item.Comment
	// BlockRow is where block id stands in Draft().Blocks; false when
	// the draft being read has no such block.
	BlockRow(id string) (int, bool)
	// Showing reports that tab is the main window's front tab.
	Showing(tab *container.TabItem) bool
	// CommentReviewed puts a comment a reviewer decided on in the items
	// and in the comment editor when it is open there.
	CommentReviewed(c item.Comment)
	// OpinionReviewed tells the Opinion screen of a reviewer's decision.
	OpinionReviewed(o item.Opinion)
	// SetNews puts msg in the status line as ordinary news, no longer
	// in the colour of a warning given at opening.
	SetNews(msg string)
	// Preferences are the app's stored preferences.
	Preferences() fyne.Preferences
	// OpenURL hands a file or folder to the system (mail program, file
	// manager).
	OpenURL(u *url.URL) error
	// ReloadItems reads the items back from the workspace after a use
	// case changed them and refreshes every list (errors shown by the
	// shell).
	ReloadItems()
}
