package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/store"
)

// targetSample names the embedded sample workspace in Options.Open and in
// the remembered preference.
const targetSample = "sample"

// showChooser puts the workspace chooser in the window: the first thing a
// new user sees, and where File > Open workspace leads.
func (s *Session) showChooser() {
	for _, it := range s.shortcutItems() {
		s.win.Canvas().RemoveShortcut(it.Shortcut)
	}
	s.closeWork()
	s.win.SetMainMenu(s.buildMenu())
	title := widget.NewLabelWithStyle(lang.L("Welcome to Delegate"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	intro := widget.NewLabel(lang.L("Delegate helps you comment on the Secretary-General's report drafts, propose new text, carry your comments to each new draft and send your delegation's contribution on time. Your work and its history stay in a workspace folder on this computer."))
	intro.Wrapping = fyne.TextWrapWord
	sample := widget.NewButtonWithIcon(lang.L("Open the sample workspace"), theme.DocumentIcon(), func() { s.onOpen(targetSample) })
	sample.Importance = widget.HighImportance
	create := widget.NewButtonWithIcon(lang.L("Create a new workspace…"), theme.ContentAddIcon(), s.onCreateWorkspace)
	folder := widget.NewButtonWithIcon(lang.L("Open a workspace folder…"), theme.FolderOpenIcon(), s.onOpenFolder)
	buttons := container.NewVBox(
		sample, widget.NewLabel(lang.L("A sample report draft with a few example comments: try everything safely.")),
		create, widget.NewLabel(lang.L("An empty workspace for your delegation; import the report draft next.")),
		folder, widget.NewLabel(lang.L("A workspace you made before, or one a colleague shares with you.")),
	)
	if last := s.app.Preferences().String(prefLastWorkspace); last != "" && last != targetSample {
		buttons.Add(widget.NewButtonWithIcon(lang.L("Reopen {{.Dir}}", map[string]any{"Dir": last}), theme.HistoryIcon(), func() { s.onOpen(last) }))
	}
	left := container.NewVBox(title, intro, widget.NewSeparator(), buttons)
	split := container.NewHSplit(container.NewPadded(left), s.timelineOnly())
	split.Offset = 0.36
	s.win.SetContent(split)
	s.win.Canvas().Focus(nil)
}

// onOpen opens a workspace and shows the main screens, or says why not.
func (s *Session) onOpen(target string) {
	if err := s.openTarget(target); err != nil {
		s.showError(err)
	}
}

// openTarget opens "sample" or a folder and switches to the main screens.
func (s *Session) openTarget(target string) error {
	var w *work
	var err error
	if target == targetSample {
		dir := s.opt.SampleDir
		if dir == "" {
			dir, err = store.Locate("", "sample")
		}
		if err == nil {
			w, err = ensureSample(dir)
		}
	} else {
		w, err = openWork(target)
	}
	if err != nil {
		return err
	}
	s.closeWork()
	s.work = w
	s.app.Preferences().SetString(prefLastWorkspace, target)
	s.showMain()
	return nil
}

func (s *Session) onOpenFolder() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			s.showError(err)
			return
		}
		if u != nil {
			s.onOpen(u.Path())
		}
	}, s.win)
	d.Show()
}

// onCreateWorkspace asks for the delegation profile and creates the folder.
func (s *Session) onCreateWorkspace() {
	name, mail, entity := widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	cats := make([]string, len(item.Categories))
	for i, c := range item.Categories {
		cats[i] = categoryName(c)
	}
	cat := widget.NewSelect(cats, nil)
	cat.SetSelected(cats[0])
	folder := widget.NewEntry()
	folder.SetPlaceHolder(lang.L("default: in your user data folder"))
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Your name"), name),
		widget.NewFormItem(lang.L("Your e-mail"), mail),
		widget.NewFormItem(lang.L("Delegation"), entity),
		widget.NewFormItem(lang.L("Category"), cat),
		widget.NewFormItem(lang.L("Folder"), folder),
	}
	entity.SetPlaceHolder(lang.L("e.g. Republic of Xyz"))
	d := dialog.NewForm(lang.L("New workspace"), lang.L("Create"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		p := item.Profile{Entity: entity.Text, Category: categoryOf(cat.Selected),
			Contacts: []item.Contact{{Name: name.Text, Email: mail.Text, Coordinator: true}}}
		dir, err := createWorkspace(folder.Text, p)
		if err != nil {
			s.showError(err)
			return
		}
		s.onOpen(dir)
	}, s.win)
	d.Resize(fyne.NewSize(560, 360))
	d.Show()
	s.win.Canvas().Focus(name)
}

// createWorkspace makes a workspace for the delegation and returns its folder.
func createWorkspace(dir string, p item.Profile) (string, error) {
	p.Normalize()
	if err := p.Validate(); err != nil {
		return "", err
	}
	if dir == "" {
		var err error
		if dir, err = store.Locate("", slug(p.Entity)); err != nil {
			return "", err
		}
	}
	c := p.Contacts[0]
	ws, err := store.Create(dir, item.Person{Name: c.Name, Email: c.Email})
	if err != nil {
		return "", err
	}
	defer ws.Close()
	if err := ws.SaveProfile(p, "Delegation profile"); err != nil {
		return "", err
	}
	return dir, nil
}

// slug makes a folder name from a delegation's name.
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(fold(s)) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	out := strings.Trim(b.String(), "-")
	if out == "" {
		return "default"
	}
	return out
}

// userError rewrites errors the user can act on in their own words.
func userError(err error) error {
	var locked *store.LockedError
	switch {
	case errors.As(err, &locked):
		return fmt.Errorf("%s", lang.L("This workspace is open in another Delegate window (by {{.User}} on {{.Host}}). Close it there first.", map[string]any{"User": locked.Info.User, "Host": locked.Info.Host}))
	case errors.Is(err, store.ErrNotWorkspace):
		return fmt.Errorf("%s", lang.L("This folder is not a Delegate workspace. Choose the folder you created with Delegate, or create a new workspace."))
	case errors.Is(err, store.ErrExists):
		return fmt.Errorf("%s", lang.L("There is already a workspace in that folder. Open it instead, or choose another folder."))
	case errors.Is(err, item.ErrInvalid):
		return fmt.Errorf("%s", lang.L("Please check this field: {{.Problem}}", map[string]any{"Problem": errText(err)}))
	case errors.Is(err, store.ErrNoHome):
		return fmt.Errorf("%s", lang.L("No home folder is set (HOME), so Delegate does not know where to put the workspace. Open an existing workspace folder, or start Delegate with HOME set."))
	}
	if msg, ok := inputFileError(err); ok {
		return errors.New(msg)
	}
	if msg, ok := knownError(err); ok {
		return errors.New(msg)
	}
	return err
}
