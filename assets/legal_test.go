package assets

import (
	"os"
	"strings"
	"testing"
)

// The embedded notices name the works Delegate cannot ship without crediting.
func TestThirdPartyNoticesNameBundledWorks(t *testing.T) {
	n := ThirdPartyNotices()
	for _, want := range []string{"fyne.io/fyne/v2", "github.com/go-git/go-git/v5", "GLFW", "Font: Noto Sans", "SIL OPEN FONT LICENSE", "Go standard library"} {
		if !strings.Contains(n, want) {
			t.Errorf("third-party notices do not mention %q", want)
		}
	}
}

// The LICENSE file at the top of the repository is the licence named here.
func TestLicenceFileMatchesName(t *testing.T) {
	b, err := os.ReadFile("../LICENSE")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "Apache License") || !strings.Contains(string(b), "Version 2.0, January 2004") {
		t.Errorf("LICENSE is not the %s", LicenceName)
	}
}
