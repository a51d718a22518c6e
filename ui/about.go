package ui

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/assets"
	"github.com/delegate-itu/delegate/model/appinfo"
	"github.com/delegate-itu/delegate/model/store"
)

// dataPlace is one folder or file where Delegate keeps something of the
// user's, as the About dialog lists it: IT desks and backups need to know.
type dataPlace struct {
	What, Path string
}

// dataPlaces lists the open workspace, where new workspaces go, the sample
// and the preferences file, in that order.
func (s *Session) dataPlaces() []dataPlace {
	var out []dataPlace
	if s.work != nil {
		out = append(out, dataPlace{lang.L("Open workspace"), s.work.ws.Dir()})
	}
	out = append(out, dataPlace{lang.L("New workspaces"), filepath.Dir(store.Dir("", "default"))})
	sample := s.opt.SampleDir
	if sample == "" {
		sample = store.Dir("", targetSample)
	}
	out = append(out, dataPlace{lang.L("Sample workspace"), sample})
	if root := s.app.Storage().RootURI(); root != nil {
		out = append(out, dataPlace{lang.L("Preferences"), filepath.Join(root.Path(), "preferences.json")})
	}
	return out
}

// buildVersion says which build this is, with a short commit when known.
func buildVersion() string { return versionText(appinfo.Version(), appinfo.Commit()) }

// versionText: the version, and the commit cut to 12 characters (enough to
// find it) keeping a "-dirty" mark.
func versionText(v, c string) string {
	if c == "" {
		return lang.L("Version {{.Version}}", map[string]any{"Version": v})
	}
	dirty := strings.HasSuffix(c, "-dirty")
	c = strings.TrimSuffix(c, "-dirty")
	if len(c) > 12 {
		c = c[:12]
	}
	if dirty {
		c += "-dirty"
	}
	return lang.L("Version {{.Version}} (commit {{.Commit}})", map[string]any{"Version": v, "Commit": c})
}

// aboutContent builds the About dialog's body; a separate function so tests
// can read what it says.
func (s *Session) aboutContent(onNotices func()) fyne.CanvasObject {
	icon := widget.NewIcon(fyne.NewStaticResource("delegate.png", assets.Icon()))
	name := widget.NewLabelWithStyle(appinfo.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameHeadingText
	head := container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(64, 64), icon), nil,
		container.NewVBox(name, widget.NewLabel(buildVersion())))
	what := widget.NewLabel(lang.L("Prepares your delegation's contributions to the {{.Forum}}: comments and text proposals on the report drafts, carried from draft to draft, and the submission.", map[string]any{"Forum": profileText(s.profile.Name)}))
	what.Wrapping = fyne.TextWrapWord
	licence := widget.NewLabel(lang.L("Free software under the {{.Licence}}. It includes third-party software and fonts under their own licences.", map[string]any{"Licence": assets.LicenceName}))
	licence.Wrapping = fyne.TextWrapWord
	notices := widget.NewButtonWithIcon(lang.L("Third-party notices…"), theme.InfoIcon(), onNotices)
	places := container.New(layout.NewFormLayout())
	for _, p := range s.dataPlaces() {
		path := widget.NewLabel(p.Path)
		path.Selectable = true
		path.Wrapping = fyne.TextWrapBreak
		places.Add(widget.NewLabelWithStyle(p.What, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		places.Add(path)
	}
	backup := widget.NewLabel(lang.L("Your work is in the workspace folder: back up or copy that whole folder. The user guide explains how."))
	backup.Wrapping = fyne.TextWrapWord
	dataTitle := widget.NewLabelWithStyle(lang.L("Where your data lives"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVBox(head, what, licence, container.NewHBox(notices), widget.NewSeparator(), dataTitle, places, backup)
}

// onAbout shows the About dialog: version, licence, where data lives.
func (s *Session) onAbout() {
	d := dialog.NewCustom(lang.L("About Delegate"), lang.L("Close"), s.aboutContent(s.showNotices), s.win)
	d.Resize(fyne.NewSize(680, 0))
	d.Show()
}

// showNotices shows the third-party licences as a scrolling list of lines,
// which stays quick however long the notices grow.
func (s *Session) showNotices() {
	d := dialog.NewCustom(lang.L("Third-party notices"), lang.L("Close"), noticesList(assets.ThirdPartyNotices()), s.win)
	sz := s.win.Canvas().Size()
	d.Resize(fyne.NewSize(sz.Width*0.85, sz.Height*0.85))
	d.Show()
}

// noticesList shows text one line per row, in the monospace font licences
// are laid out for.
func noticesList(text string) *widget.List {
	lines := strings.Split(text, "\n")
	l := widget.NewList(
		func() int { return len(lines) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.TextStyle = fyne.TextStyle{Monospace: true}
			l.Selectable = true
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[i]) })
	l.HideSeparators = true
	return l
}
