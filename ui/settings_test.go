package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/process"
	"github.com/delegate-itu/delegate/model/store"
)

func openSettings(t *testing.T, s *Session) *settingsScreen {
	t.Helper()
	press(s, fyne.KeyComma)
	if overlay(s) == nil {
		t.Fatal("Ctrl+, opened nothing")
	}
	overlay(s).Hide()
	st := s.showSettings()
	if st == nil {
		t.Fatal("no settings")
	}
	return st
}

func TestSettingsSavesTheProfileAndTheAuthor(t *testing.T) {
	s := newSampleSession(t, "")
	st := openSettings(t, s)
	e := st.profile
	e.entity.SetText("Republic of Example")
	e.addContact(item.Contact{Name: "Ana Ruiz", Email: "not an address"})
	test.Tap(findButton(t, overlay(s), "Save the delegation profile"))
	if p, _ := s.work.ws.Profile(); p.Entity != "Republic of Sample" || !strings.Contains(e.msg.Text, "Not saved") {
		t.Fatalf("a bad e-mail must not be saved: %q, %q", p.Entity, e.msg.Text)
	}
	r := e.contacts[len(e.contacts)-1]
	r.email.SetText("ana@example.org")
	r.org.SetText("Regulator")
	test.Tap(findButton(t, overlay(s), "Save the delegation profile"))
	p, err := s.work.ws.Profile()
	if err != nil || p.Entity != "Republic of Example" || len(p.Contacts) != 2 || p.Contacts[1].Organization != "Regulator" {
		t.Fatalf("%v %+v (%s)", err, p, e.msg.Text)
	}
	st.tabs.SelectIndex(1)
	st.userName.SetText("Ana Ruiz")
	st.userMail.SetText("ana@example.org")
	test.Tap(findButton(t, overlay(s), "Save"))
	if u := s.work.ws.User(); u.Name != "Ana Ruiz" || u.Email != "ana@example.org" {
		t.Fatalf("author %+v (%s)", u, st.userMsg.Text)
	}
}

func TestSettingsCorrectsAProcessDate(t *testing.T) {
	s := newSampleSession(t, "")
	st := openSettings(t, s)
	d := st.dates
	st.tabs.SelectIndex(4)
	m := s.profile.Sorted()[2]
	d.pick(m)
	if d.planned.Text != m.Planned.String() || !d.form.Visible() {
		t.Fatalf("form shows %q for %s", d.planned.Text, m.Planned)
	}
	d.actual.SetText("2025-02-30")
	test.Tap(findButton(t, overlay(s), "Save the correction"))
	if !strings.Contains(d.msg.Text, "YYYY-MM-DD") {
		t.Fatalf("bad date: %q", d.msg.Text)
	}
	if c, _ := s.work.ws.ProcessCorrections(); len(c.Corrections) != 0 {
		t.Fatalf("a bad date was saved: %+v", c)
	}
	d.actual.SetText("2025-03-17")
	d.note.SetText("Moved by the secretariat")
	test.Tap(findButton(t, overlay(s), "Save the correction"))
	want, _ := process.ParseDate("2025-03-17")
	c, err := s.work.ws.ProcessCorrections()
	if err != nil || len(c.Corrections) != 1 || c.Corrections[0].ID != m.ID || c.Corrections[0].Actual != want {
		t.Fatalf("%v %+v (%s)", err, c, d.msg.Text)
	}
	if got, _ := s.profile.Milestone(m.ID); got.When() != want || got.Note != "Moved by the secretariat" {
		t.Fatalf("the session's profile still says %v", got.When())
	}
	if shipped, _ := s.shipped.Milestone(m.ID); shipped.When() == want {
		t.Fatal("the shipped profile must stay as embedded")
	}
	if !rendersText(t, s.timeline.milestones, "Moved by the secretariat") {
		t.Fatal("the timeline does not show the corrected milestone")
	}
}

func TestSettingsStoresLanguageAndTheme(t *testing.T) {
	s := newSampleSession(t, "")
	st := openSettings(t, s)
	if st.lang.Options[0] != "Follow the system" || !hasOption(st.lang.Options, "français") || !hasOption(st.lang.Options, "العربية") || !hasOption(st.lang.Options, "简体中文") {
		t.Fatalf("languages %q", st.lang.Options)
	}
	st.tabs.SelectIndex(2)
	st.lang.SetSelected("français")
	if got := s.app.Preferences().String(prefLanguage); got != "fr" {
		t.Fatalf("ui.language = %q", got)
	}
	if !rendersText(t, overlay(s), "Saved: applies when Delegate restarts.") {
		t.Fatal("the user is not told when the language applies")
	}
	st.lang.SetSelectedIndex(0)
	if got := s.app.Preferences().String(prefLanguage); got != "" {
		t.Fatalf("follow the system stored %q", got)
	}
	st.theme.SetSelected("Dark")
	th := s.app.Settings().Theme()
	if got := s.app.Preferences().String(prefTheme); got != themeDark {
		t.Fatalf("ui.theme = %q", got)
	}
	if th.Color(theme.ColorNameBackground, theme.VariantLight) != theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark) {
		t.Fatal("the dark theme is not applied at once")
	}
}

func TestSettingsAddsRemotesWithoutStoringTheToken(t *testing.T) {
	t.Setenv(store.EnvCredentials, filepath.Join(t.TempDir(), "credentials.json"))
	s := newSampleSession(t, "")
	st := openSettings(t, s)
	r := st.remotes
	st.tabs.SelectIndex(3)
	r.name.SetText("shared")
	r.url.SetText(filepath.Join(t.TempDir(), "shared.git"))
	test.Tap(findButton(t, overlay(s), "Add the remote"))
	r.name.SetText("origin")
	r.url.SetText("https://git.example.org/xyz/wtpf.git")
	test.Type(r.token, "s3cret-token")
	test.Tap(findButton(t, overlay(s), "Add the remote"))
	rs, err := s.work.ws.Remotes()
	if err != nil || len(rs) != 2 || !strings.Contains(r.msg.Text, "origin") {
		t.Fatalf("%v %+v (%s)", err, rs, r.msg.Text)
	}
	cfg, _ := os.ReadFile(filepath.Join(s.work.ws.Dir(), ".git", "config"))
	if strings.Contains(string(cfg), "s3cret") {
		t.Fatal("the token went into the repository config")
	}
	if c, ok := store.LoadToken("https://git.example.org/xyz/wtpf.git"); !ok || c.Token != "s3cret-token" {
		t.Fatalf("token not kept: %+v", c)
	}
	if !rendersText(t, overlay(s), "shared.git") {
		t.Fatal("the new remote is not listed")
	}
}

func hasOption(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
