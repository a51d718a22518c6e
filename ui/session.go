// Package ui is Delegate's Fyne interface: one file per screen, one session
// struct holding the state the screens share. It calls into model/ and never
// the other way round.
package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"

	"github.com/delegate-itu/delegate/model/appinfo"
	"github.com/delegate-itu/delegate/model/process"
)

// Runner runs work off the UI goroutine and then done on it. Tests inject a
// synchronous runner so a flow can be asserted step by step.
type Runner func(work func(), done func())

// goRunner is the real runner: a goroutine, then back with fyne.Do.
func goRunner(work func(), done func()) {
	go func() {
		work()
		fyne.Do(done)
	}()
}

// Session is one open Delegate window and what its screens share.
type Session struct {
	app     fyne.App
	win     fyne.Window
	profile *process.Profile
	shipped *process.Profile // as embedded; profile adds the workspace's date corrections
	now     func() time.Time // injectable so tests see a fixed day
	run     Runner
	opt     Options

	work *work // the open workspace; nil while the chooser shows
	busy bool  // background work holds the workspace

	pendingShow string // a demonstration screen waiting for an import

	timeline *timelineScreen
	main     *mainScreen
}

// Options configure a session; zero values mean the defaults.
type Options struct {
	// Now returns the current time; defaults to time.Now.
	Now func() time.Time
	// Run runs background work (import, carry); defaults to a goroutine
	// that comes back with fyne.Do.
	Run Runner
	// Open names the workspace to open at start: "sample", a folder, or ""
	// for the last one used (the chooser when there is none).
	Open string
	// SampleDir is where the sample workspace lives; defaults to the user
	// data folder (store.Dir).
	SampleDir string
	// Show picks the first screen after opening: "reader" (default),
	// "items", "timeline", "proposal", "history", "changed", "carry",
	// "export" (the wizard; on the sample it approves some comments first),
	// "settings", "review", "consolidated", "opinion", "about".
	// For demonstrations and screenshots.
	Show string
	// Language forces the UI language (a BCP 47 tag, DELEGATE_LANG) over
	// the "ui.language" preference and the system locale.
	Language string
}

// Preference keys.
const (
	prefLastWorkspace = "workspace.last"
	prefWinWidth      = "window.width"
	prefWinHeight     = "window.height"
)

// NewSession builds the main window for the given process profile. It opens
// the workspace named in the options or the last one used, else the chooser.
func NewSession(a fyne.App, p *process.Profile, opt Options) *Session {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Run == nil {
		opt.Run = goRunner
	}
	applyLanguage(a, opt.Language)
	s := &Session{app: a, profile: p, now: opt.Now, run: opt.Run, opt: opt}
	s.shipped = p
	s.startTheme()
	s.win = a.NewWindow(appinfo.Name)
	s.timeline = newTimelineScreen(s)
	s.win.SetMainMenu(s.buildMenu())
	s.restoreSize()
	s.win.SetCloseIntercept(s.onClose)
	a.Lifecycle().SetOnStopped(func() { s.saveSize(); s.closeWork() })
	s.start()
	s.warnMissingCJKFont()
	return s
}

// Window returns the session's main window.
func (s *Session) Window() fyne.Window { return s.win }

// start opens what the options or preferences name, else the chooser.
func (s *Session) start() {
	target := s.opt.Open
	if target == "" {
		target = s.app.Preferences().String(prefLastWorkspace)
	}
	if target != "" {
		err := s.openTarget(target)
		if err == nil {
			return
		}
		if lockedElsewhere(err) { // another instance has it: say so, do not fall back silently
			s.showChooser()
			s.showError(err)
			return
		}
	}
	s.showChooser()
}

func (s *Session) restoreSize() {
	pr := s.app.Preferences()
	w := pr.FloatWithFallback(prefWinWidth, 1240)
	h := pr.FloatWithFallback(prefWinHeight, 780)
	s.win.Resize(fyne.NewSize(float32(w), float32(h)))
}

// onClose remembers the window size and releases the workspace.
func (s *Session) onClose() {
	s.saveSize()
	s.closeWork()
	s.win.Close()
}

func (s *Session) saveSize() {
	sz := s.win.Canvas().Size()
	if sz.Width > 200 && sz.Height > 200 {
		s.app.Preferences().SetFloat(prefWinWidth, float64(sz.Width))
		s.app.Preferences().SetFloat(prefWinHeight, float64(sz.Height))
	}
}

func (s *Session) closeWork() {
	if s.work == nil {
		return
	}
	if s.main != nil {
		s.main.editor.autosaveNow()
		s.main.opinions.ed.autosaveNow()
	}
	_ = s.work.ws.Close()
	s.work, s.main = nil, nil
}

// showError tells the user what went wrong, in their words.
func (s *Session) showError(err error) {
	dialog.ShowError(userError(err), s.win)
}

// timelineOnly shows the dashboard alone (no workspace open yet).
func (s *Session) timelineOnly() fyne.CanvasObject {
	return container.NewPadded(s.timeline.buildUI())
}
