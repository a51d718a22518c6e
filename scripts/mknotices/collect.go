package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// component is one third-party work and the licence files that came with it.
type component struct {
	Name, Version, Kind string
	Files               []licenceFile
}

type licenceFile struct {
	Name, Text string
}

// programs and targets: what ships, and where.
var (
	programs  = []string{"./cmd/delegate", "./cmd/delegatectl"}
	targets   = []string{"linux", "windows", "darwin"}
	licenceRe = regexp.MustCompile(`(?i)^(licen[cs]e|copying|notice|patents|unlicense)([._-].*)?$`)
)

// components lists the Go standard library, every linked module, GLFW and
// the embedded fonts, sorted by name.
func components() ([]component, error) {
	mods, err := linkedModules()
	if err != nil {
		return nil, err
	}
	var out []component
	b, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOROOT: %w", err)
	}
	std, err := licenceFiles(strings.TrimSpace(string(b)), "Go standard library")
	if err != nil {
		return nil, err
	}
	out = append(out, component{Name: "Go standard library and runtime", Kind: "Go", Files: std})
	for _, m := range mods {
		files, err := licenceFiles(m.Dir, m.Path)
		if err != nil {
			return nil, err
		}
		out = append(out, component{Name: m.Path, Version: m.Version, Kind: "Go module", Files: files})
		extra, err := extras(m)
		if err != nil {
			return nil, err
		}
		out = append(out, extra...)
	}
	sort.SliceStable(out[1:], func(i, j int) bool { return out[1+i].Name < out[1+j].Name })
	return out, nil
}

type module struct {
	Path, Version, Dir string
	Main               bool
}

// linkedModules runs `go list -deps` for each program on each target and
// keeps the modules other than this one.
func linkedModules() ([]module, error) {
	seen := map[string]module{}
	for _, goos := range targets {
		args := append([]string{"list", "-deps", "-json=Module"}, programs...)
		cmd := exec.Command("go", args...)
		cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH=amd64", "CGO_ENABLED=1")
		cmd.Stderr = os.Stderr
		b, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("go list for %s: %w", goos, err)
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		for {
			var p struct{ Module *module }
			if err := dec.Decode(&p); err == io.EOF {
				break
			} else if err != nil {
				return nil, fmt.Errorf("go list for %s: %w", goos, err)
			}
			if p.Module != nil && !p.Module.Main {
				seen[p.Module.Path] = *p.Module
			}
		}
	}
	mods := make([]module, 0, len(seen))
	for _, m := range seen {
		mods = append(mods, m)
	}
	sort.Slice(mods, func(i, j int) bool { return mods[i].Path < mods[j].Path })
	return mods, nil
}

// licenceFiles reads the licence, notice and patent files at the top of dir.
func licenceFiles(dir, who string) ([]licenceFile, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", who, err)
	}
	var files []licenceFile
	for _, e := range entries {
		if e.IsDir() || !licenceRe.MatchString(e.Name()) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", who, err)
		}
		files = append(files, licenceFile{Name: e.Name(), Text: clean(b)})
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no licence file in %s", who, dir)
	}
	return files, nil
}

// clean makes a licence text printable as one block: no carriage returns,
// no trailing blanks.
func clean(b []byte) string {
	s := strings.ReplaceAll(string(b), "\r\n", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\r")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
