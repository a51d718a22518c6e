package store_test

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/store"
)

// TestLocateWithoutHome: with no folder given, no $DELEGATE_WORKSPACE and
// no usable home folder ($HOME empty or relative, XDG variables unset),
// Locate refuses in words instead of returning a folder under "/"; any of
// the three ways of naming a folder still works.
func TestLocateWithoutHome(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the data folder comes from the known folders on Windows, not $HOME")
	}
	for _, v := range []string{"XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_DATA_DIRS", "XDG_CONFIG_DIRS", "XDG_STATE_HOME", "XDG_CACHE_HOME"} {
		t.Setenv(v, "")
	}
	t.Setenv(store.EnvWorkspace, "")
	for _, home := range []string{"", "relative/home"} {
		t.Setenv("HOME", home)
		d, err := store.Locate("", "")
		if !errors.Is(err, store.ErrNoHome) || err.Error() != "no home folder is set (HOME); give --workspace DIR" {
			t.Errorf("HOME=%q: Locate = %q, %v; want the refusal", home, d, err)
		}
		if d, err := store.Locate("", "sample"); err == nil {
			t.Errorf("HOME=%q: the sample went to %s", home, d)
		}
	}
	t.Setenv("HOME", "")
	if d, err := store.Locate("/srv/ws", ""); err != nil || d != "/srv/ws" {
		t.Errorf("explicit folder: %q, %v", d, err)
	}
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	if d, err := store.Locate("", ""); err != nil || d != filepath.Join(data, "delegate", "workspaces", "default") {
		t.Errorf("$XDG_DATA_HOME: %q, %v", d, err)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv(store.EnvWorkspace, "/srv/env-ws")
	if d, err := store.Locate("", ""); err != nil || d != "/srv/env-ws" {
		t.Errorf("$%s: %q, %v", store.EnvWorkspace, d, err)
	}
	t.Setenv(store.EnvWorkspace, "")
	t.Setenv("HOME", "/home/ana")
	if d, err := store.Locate("", "x"); err != nil || !filepath.IsAbs(d) {
		t.Errorf("with a home folder: %q, %v", d, err)
	}
}

// TestTokenWithoutHome: with no home folder and no $DELEGATE_CREDENTIALS
// an access token is refused in words rather than kept under "/", and
// looking one up finds none; $DELEGATE_CREDENTIALS still works.
func TestTokenWithoutHome(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the config folder comes from the known folders on Windows, not $HOME")
	}
	for _, v := range []string{"HOME", "XDG_CONFIG_HOME", store.EnvCredentials, store.EnvToken} {
		t.Setenv(v, "")
	}
	root := filepath.Join("/", ".config", "delegate")
	_, statErr := os.Stat(root)
	err := store.SaveToken("https://git.example.org/d.git", store.Credential{Token: "secret"})
	if !errors.Is(err, store.ErrNoTokenPlace) || !strings.Contains(err.Error(), "it was not saved") {
		t.Fatalf("SaveToken = %v", err)
	}
	if _, err := os.Stat(root); statErr != nil && err == nil {
		t.Errorf("%s was created", root)
	}
	if _, ok := store.LoadToken("https://git.example.org/d.git"); ok {
		t.Error("a token was found")
	}
	t.Setenv(store.EnvCredentials, filepath.Join(t.TempDir(), "credentials.json"))
	if err := store.SaveToken("https://git.example.org/d.git", store.Credential{Token: "secret"}); err != nil {
		t.Fatal(err)
	}
	if c, ok := store.LoadToken("https://git.example.org/d.git"); !ok || c.Token != "secret" {
		t.Errorf("LoadToken = %v, %v", c, ok)
	}
}
