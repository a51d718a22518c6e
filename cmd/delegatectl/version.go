package main

import (
	"encoding/json"
	"fmt"
	"runtime"

	"github.com/delegate-itu/delegate/model/appinfo"
)

// versionInfo is the stable --json shape of `delegatectl version`.
type versionInfo struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Commit  string `json:"commit,omitempty"`
	Go      string `json:"go"`
}

func runVersion(e *env, args []string) error {
	fs := newFlags(e, "version")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	v := versionInfo{Name: appinfo.Name, Version: appinfo.Version(), Commit: appinfo.Commit(), Go: runtime.Version()}
	if *asJSON {
		return writeJSON(e, v)
	}
	fmt.Fprintf(e.stdout, "%s %s", v.Name, v.Version)
	if v.Commit != "" {
		fmt.Fprintf(e.stdout, " (%s)", v.Commit)
	}
	fmt.Fprintf(e.stdout, " %s\n", v.Go)
	return nil
}

// writeJSON prints v indented; every --json output goes through here.
func writeJSON(e *env, v any) error {
	out := e.json // JSON escapes control characters itself; keep it exact
	if out == nil {
		out = e.stdout
	}
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
