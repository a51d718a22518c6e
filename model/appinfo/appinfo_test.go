package appinfo

import (
	"encoding/xml"
	"os"
	"testing"

	"github.com/BurntSushi/toml"
)

// fyneApp is the part of FyneApp.toml that `fyne package` and `make dist`
// read: the one place a release's name, ID and version are written.
type fyneApp struct {
	Details struct {
		Name, ID, Version string
	}
}

// metainfo is the part of the AppStream file software centres show.
type metainfo struct {
	ID       string `xml:"id"`
	Name     string `xml:"name"`
	Launch   string `xml:"launchable"`
	Releases []struct {
		Version string `xml:"version,attr"`
	} `xml:"releases>release"`
}

// The binaries, the Fyne packaging metadata and the AppStream metadata must
// name the same application, or desktops show two apps and preferences
// split between IDs.
func TestMetadataAgrees(t *testing.T) {
	var fa fyneApp
	if _, err := toml.DecodeFile("../../FyneApp.toml", &fa); err != nil {
		t.Fatal(err)
	}
	if fa.Details.Name != Name || fa.Details.ID != ID {
		t.Errorf("FyneApp.toml names %q (%s), appinfo %q (%s)", fa.Details.Name, fa.Details.ID, Name, ID)
	}
	b, err := os.ReadFile("../../packaging/linux/" + ID + ".metainfo.xml")
	if err != nil {
		t.Fatal(err)
	}
	var mi metainfo
	if err := xml.Unmarshal(b, &mi); err != nil {
		t.Fatal(err)
	}
	if mi.ID != ID || mi.Name != Name || mi.Launch != ID+".desktop" {
		t.Errorf("metainfo names %q (%s, launches %s), appinfo %q (%s)", mi.Name, mi.ID, mi.Launch, Name, ID)
	}
	if len(mi.Releases) == 0 || mi.Releases[0].Version != fa.Details.Version {
		t.Errorf("metainfo's newest release is not FyneApp.toml's version %s: %+v", fa.Details.Version, mi.Releases)
	}
}

// A build without stamped values says "dev" rather than nothing; a stamped
// one says exactly what make dist wrote.
func TestVersionAndCommitFromLinkFlags(t *testing.T) {
	if Version() == "" {
		t.Error("Version() is empty")
	}
	version, commit = "1.2.3", "abc"
	defer func() { version, commit = "", "" }()
	if Version() != "1.2.3" || Commit() != "abc" {
		t.Errorf("stamped build says %q %q", Version(), Commit())
	}
}
