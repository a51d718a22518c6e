package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/store"
)

// profileEditor edits the delegation profile: the Source of every
// contribution and the contacts printed in its contact box.
type profileEditor struct {
	s        *Session
	entity   *widget.Entry
	category *widget.Select
	country  *widget.Entry
	contacts []*contactRow
	list     *fyne.Container
	msg      *widget.Label
}

// contactRow is one contact's fields.
type contactRow struct {
	name, org, email, phone, country *widget.Entry
	coordinator                      *widget.Check
	box                              fyne.CanvasObject
}

func newProfileEditor(s *Session) *profileEditor {
	e := &profileEditor{s: s, entity: widget.NewEntry(), country: widget.NewEntry(), list: container.NewVBox(), msg: wrapLabel("", fyne.TextStyle{})}
	var cats []string
	for _, c := range item.Categories {
		cats = append(cats, string(c))
	}
	e.category = widget.NewSelect(cats, nil)
	p, err := s.work.ws.Profile()
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		e.say(errText(err), widget.DangerImportance)
	}
	e.entity.SetText(p.Entity)
	e.entity.SetPlaceHolder(lang.L("e.g. Republic of Xyz: the Source of your contributions"))
	e.country.SetText(p.Country)
	e.category.SetSelected(string(p.Category))
	for _, c := range p.Contacts {
		e.addContact(c)
	}
	return e
}

func (e *profileEditor) buildUI() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Entity"), e.entity),
		widget.NewFormItem(lang.L("Category"), e.category),
		widget.NewFormItem(lang.L("Country"), e.country),
	)
	add := widget.NewButtonWithIcon(lang.L("Add a contact"), theme.ContentAddIcon(), func() { e.addContact(item.Contact{}) })
	save := widget.NewButtonWithIcon(lang.L("Save the delegation profile"), theme.DocumentSaveIcon(), e.onSave)
	save.Importance = widget.HighImportance
	contacts := container.NewVBox(wizHeading(lang.L("Contacts")), wrapLabel(lang.L("The contact box of every contribution names one of them; the coordinator gets a copy of every e-mail."), fyne.TextStyle{}), e.list, container.NewHBox(add))
	body := container.NewVBox(form, widget.NewSeparator(), contacts)
	return container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, nil, save, e.msg)), nil, nil, container.NewVScroll(body))
}

// addContact adds a row of fields for c.
func (e *profileEditor) addContact(c item.Contact) {
	r := &contactRow{}
	entry := func(v, hint string) *widget.Entry {
		w := widget.NewEntry()
		w.SetText(v)
		w.SetPlaceHolder(hint)
		return w
	}
	r.name = entry(c.Name, lang.L("Name"))
	r.org = entry(c.Organization, lang.L("Organization"))
	r.email = entry(c.Email, lang.L("E-mail"))
	r.phone = entry(c.Phone, lang.L("Phone"))
	r.country = entry(c.Country, lang.L("Country"))
	r.coordinator = widget.NewCheck(lang.L("Coordinator"), nil)
	r.coordinator.Checked = c.Coordinator
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { e.removeContact(r) })
	grid := container.NewGridWithColumns(3, r.name, r.org, r.email, r.phone, r.country, r.coordinator)
	r.box = container.NewBorder(nil, widget.NewSeparator(), nil, remove, grid)
	e.contacts = append(e.contacts, r)
	e.list.Add(r.box)
}

func (e *profileEditor) removeContact(r *contactRow) {
	for i, x := range e.contacts {
		if x == r {
			e.contacts = append(e.contacts[:i], e.contacts[i+1:]...)
		}
	}
	e.list.Remove(r.box)
}

// value is the profile as typed.
func (e *profileEditor) value() item.Profile {
	t := func(w *widget.Entry) string { return strings.TrimSpace(w.Text) }
	p := item.Profile{Entity: t(e.entity), Category: item.Category(e.category.Selected), Country: t(e.country)}
	for _, r := range e.contacts {
		c := item.Contact{Name: t(r.name), Organization: t(r.org), Email: t(r.email), Phone: t(r.phone), Country: t(r.country), Coordinator: r.coordinator.Checked}
		if c != (item.Contact{}) {
			p.Contacts = append(p.Contacts, c)
		}
	}
	return p
}

// onSave checks and commits the profile; a problem is shown, not saved.
func (e *profileEditor) onSave() {
	p := e.value()
	p.Normalize()
	if err := p.Validate(); err != nil {
		e.say(lang.L("Not saved: {{.Problem}}", map[string]any{"Problem": errText(err)}), widget.DangerImportance)
		return
	}
	if err := e.s.work.ws.SaveProfile(p, "Delegation profile: edited in Settings"); err != nil {
		e.say(lang.L("Not saved: {{.Problem}}", map[string]any{"Problem": errText(err)}), widget.DangerImportance)
		return
	}
	e.say(lang.L("Saved the delegation profile."), widget.SuccessImportance)
}

func (e *profileEditor) say(text string, imp widget.Importance) {
	e.msg.Importance = imp
	e.msg.SetText(text)
}
