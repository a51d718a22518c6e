package store

import (
	"os"
	"path/filepath"

	"github.com/adrg/xdg"
)

// EnvWorkspace overrides the default workspace folder (for scripts, tests
// and people who keep their work on a shared drive).
const EnvWorkspace = "DELEGATE_WORKSPACE"

// Dir says where a workspace lives: the explicit folder if given, else
// $DELEGATE_WORKSPACE, else <XDG data home>/delegate/workspaces/<name>
// (~/.local/share on Linux, ~/Library/Application Support on macOS,
// %LOCALAPPDATA% on Windows). name defaults to "default".
func Dir(explicit, name string) string {
	if explicit != "" {
		return explicit
	}
	if env := os.Getenv(EnvWorkspace); env != "" {
		return env
	}
	if name == "" {
		name = "default"
	}
	return filepath.Join(xdg.DataHome, "delegate", "workspaces", name)
}
