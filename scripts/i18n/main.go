// Command i18n lists, per language, the UI keys its catalog lacks as JSON
// stubs to translate, so a new screen's strings are added mechanically:
//
//	go run ./scripts/i18n                 # {"ar": {"New key": "New key"}, ...}
//	go run ./scripts/i18n -lang fr        # French only
//	go run ./scripts/i18n -merge fr=x.json  # add translated stubs to fr.json
//	go run ./scripts/i18n -en -prune      # complete en.json, drop stale keys
//
// Run it from the repository root. ui/i18n_test.go fails until every
// catalog has every key.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	i18n "github.com/delegate-itu/delegate/scripts/i18n/catalog"
)

// Sources are the packages whose lang calls are UI strings.
var Sources = []string{"ui", "cmd/delegate"}

const dir = "assets/lang"

func main() {
	only := flag.String("lang", "", "one language tag (default: all catalogs)")
	merge := flag.String("merge", "", "LANG=FILE: add FILE's translated keys to LANG's catalog")
	en := flag.Bool("en", false, "write the missing keys into en.json (English needs no translation)")
	prune := flag.Bool("prune", false, "remove keys the sources no longer use from every catalog")
	flag.Parse()
	if err := run(*only, *merge, *en, *prune); err != nil {
		fmt.Fprintln(os.Stderr, "i18n:", err)
		os.Exit(1)
	}
}

func run(only, merge string, en, prune bool) error {
	keys, dynamic, err := i18n.Scan(Sources...)
	if err != nil {
		return err
	}
	for _, d := range dynamic {
		fmt.Fprintln(os.Stderr, "i18n: key is not a string literal at", d)
	}
	cats, err := i18n.LoadCatalogs(dir)
	if err != nil {
		return err
	}
	if merge != "" {
		return mergeFile(merge)
	}
	out := map[string]any{}
	for _, c := range cats {
		if only != "" && c.Lang != only {
			continue
		}
		miss := i18n.Missing(c, keys)
		if (en && c.Lang == "en") || prune {
			if err := rewrite(c, keys, en && c.Lang == "en", prune); err != nil {
				return err
			}
			continue
		}
		if len(miss) > 0 {
			out[c.Lang] = miss
		}
	}
	return emit(os.Stdout, out)
}

// rewrite adds the English stubs (en only) and drops stale keys.
func rewrite(c i18n.Catalog, keys []i18n.Key, addMissing, prune bool) error {
	m, err := readRaw(c.Path)
	if err != nil {
		return err
	}
	if addMissing {
		for k, v := range i18n.Missing(c, keys) {
			m[k] = v
		}
	}
	if prune {
		used := map[string]bool{}
		for _, k := range keys {
			used[k.ID] = true
		}
		for k := range m {
			if !used[k] {
				delete(m, k)
			}
		}
	}
	return write(c.Path, m)
}

func mergeFile(spec string) error {
	tag, file, ok := strings.Cut(spec, "=")
	if !ok {
		return fmt.Errorf("-merge wants LANG=FILE, not %q", spec)
	}
	add, err := readRaw(file)
	if err != nil {
		return err
	}
	if inner, ok := add[tag].(map[string]any); ok && len(add) == 1 {
		add = inner // the tool's own output for one language
	}
	path := filepath.Join(dir, tag+".json")
	m, err := readRaw(path)
	if err != nil {
		return err
	}
	for k, v := range add {
		m[k] = v
	}
	return write(path, m)
}

func readRaw(path string) (map[string]any, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m := map[string]any{}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// write keeps catalogs diff-friendly: sorted keys, two-space indent, no
// HTML escaping of < > &.
func write(path string, m map[string]any) error {
	var b bytes.Buffer
	if err := emit(&b, m); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

func emit(w interface{ Write([]byte) (int, error) }, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
