package store

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"

	"github.com/adrg/xdg"
)

// EnvWorkspace overrides the default workspace folder (for scripts, tests
// and people who keep their work on a shared drive).
const EnvWorkspace = "DELEGATE_WORKSPACE"

// ErrNoHome means no folder was given and there is no home folder to put the
// default workspace in. Without it the default would be under "/" (the
// XDG library falls back to it), where a workspace must never be made.
var ErrNoHome = errors.New("no home folder is set (HOME); give --workspace DIR")

// Dir says where a workspace lives: the explicit folder if given, else
// $DELEGATE_WORKSPACE, else <XDG data home>/delegate/workspaces/<name>
// (~/.local/share on Linux, ~/Library/Application Support on macOS,
// %LOCALAPPDATA% on Windows). name defaults to "default". It is for
// showing the place; anything that opens or creates a workspace uses
// Locate, which refuses when there is no home folder.
func Dir(explicit, name string) string {
	d, _ := locate(explicit, name)
	return d
}

// Locate is Dir for opening and creating: with no folder given, no
// $DELEGATE_WORKSPACE, no absolute $XDG_DATA_HOME and no home folder, it
// returns ErrNoHome instead of a path under "/".
func Locate(explicit, name string) (string, error) {
	return locate(explicit, name)
}

func locate(explicit, name string) (string, error) {
	if explicit != "" {
		return explicit, nil
	}
	if env := os.Getenv(EnvWorkspace); env != "" {
		return env, nil
	}
	if name == "" {
		name = "default"
	}
	base := xdg.DataHome
	if d := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(d) {
		base = d // as xdg reads it, but read now: the library reads it once at start
	} else if !hasHome() {
		return filepath.Join(base, "delegate", "workspaces", name), ErrNoHome
	}
	return filepath.Join(base, "delegate", "workspaces", name), nil
}

// hasHome tells whether the user has a home folder the data folder can
// be under: on Windows (known folders) and Plan 9 as the OS says, elsewhere
// (macOS included) an absolute $HOME.
func hasHome() bool {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		h, err := os.UserHomeDir()
		return err == nil && h != ""
	}
	h := os.Getenv("HOME")
	return h != "" && filepath.IsAbs(h)
}
