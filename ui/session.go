// Package ui is Delegate's Fyne interface: one file per screen, one session
// struct holding the state the screens share. It calls into model/ and never
// the other way round.
package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"github.com/delegate-itu/delegate/model/appinfo"
	"github.com/delegate-itu/delegate/model/process"
)

// Session is one open Delegate window and what its screens share.
type Session struct {
	app     fyne.App
	win     fyne.Window
	profile *process.Profile
	now     func() time.Time // injectable so tests see a fixed day

	timeline *timelineScreen
}

// Options configure a session; zero values mean the defaults.
type Options struct {
	// Now returns the current time; defaults to time.Now.
	Now func() time.Time
}

// NewSession builds the main window for the given process profile.
func NewSession(a fyne.App, p *process.Profile, opt Options) *Session {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	s := &Session{app: a, profile: p, now: opt.Now}
	s.win = a.NewWindow(appinfo.Name)
	s.timeline = newTimelineScreen(s)
	s.win.SetContent(s.buildUI())
	s.win.SetMainMenu(s.buildMenu())
	s.win.Resize(fyne.NewSize(1240, 780))
	return s
}

// Window returns the session's main window.
func (s *Session) Window() fyne.Window { return s.win }

func (s *Session) buildUI() fyne.CanvasObject {
	return container.NewPadded(s.timeline.buildUI())
}

func (s *Session) buildMenu() *fyne.MainMenu {
	about := fyne.NewMenuItem(lang.L("About Delegate"), s.onAbout)
	return fyne.NewMainMenu(
		fyne.NewMenu(lang.L("Help"), about),
	)
}

func (s *Session) onAbout() {
	msg := lang.L("Delegate {{.Version}}\nPrepares contributions to the {{.Forum}}.", map[string]any{
		"Version": appinfo.Version(), "Forum": s.profile.Name,
	})
	dialog.ShowInformation(lang.L("About Delegate"), msg, s.win)
}
