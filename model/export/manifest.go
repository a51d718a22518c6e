package export

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/delegate-itu/delegate/model/appinfo"
	"github.com/delegate-itu/delegate/model/item"
)

// FormatVersion names the manifest schema (docs/submission-package.md).
const FormatVersion = "delegate-package/1"

// Manifest records exactly what a package sent: which items in which
// version, answering which draft, with the hash of every file.
type Manifest struct {
	Format    string         `json:"format"`
	PackageID string         `json:"package_id"`
	Process   ProcessRef     `json:"process"`
	Answers   Answers        `json:"answers"`
	Source    SourceRef      `json:"source"`
	Title     string         `json:"title"`
	Sender    item.Person    `json:"sender"`
	Commit    string         `json:"workspace_commit"`
	Items     []ManifestItem `json:"items"`
	Files     []FileEntry    `json:"files"`
	App       AppRef         `json:"app"`
	Created   time.Time      `json:"created"`
	Warnings  []Finding      `json:"warnings,omitempty"`
}

// ProcessRef names the consultation process.
type ProcessRef struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Secretariat string `json:"secretariat"`
}

// Answers is the draft the package comments on and its deadline.
type Answers struct {
	Draft     DraftRef `json:"draft"`
	Deadline  string   `json:"deadline,omitempty"`  // YYYY-MM-DD
	Milestone string   `json:"milestone,omitempty"` // the deadline's milestone ID
}

// SourceRef is the submitting entity.
type SourceRef struct {
	Entity   string        `json:"entity"`
	Category item.Category `json:"category,omitempty"`
	Country  string        `json:"country,omitempty"`
}

// ManifestItem is one item sent, in the version identified by Commit.
type ManifestItem struct {
	ID     string      `json:"id"`
	Type   string      `json:"type"` // "comment" or "opinion"
	Commit string      `json:"commit,omitempty"`
	Author item.Person `json:"author"`
	Status item.Status `json:"status"`
}

// FileEntry is one file of the package and its SHA-256.
type FileEntry struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
	Size   int    `json:"size"`
}

// AppRef is the build of Delegate that made the package.
type AppRef struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Commit  string `json:"commit,omitempty"`
}

func newManifest(in Input, id string, files map[string][]byte, findings []Finding) Manifest {
	m := Manifest{Format: FormatVersion, PackageID: id, Title: in.Cover.Title, Commit: in.Commit,
		Source:  SourceRef{Entity: in.Delegation.Entity, Category: in.Delegation.Category, Country: in.Delegation.Country},
		Sender:  item.Person{Name: in.Sender.Name, Email: in.Sender.Email},
		App:     AppRef{Name: appinfo.Name, Version: appinfo.Version(), Commit: appinfo.Commit()},
		Created: in.Made.UTC().Truncate(time.Second), Warnings: findings, Answers: Answers{Draft: in.Draft}}
	if p := in.Process; p != nil {
		m.Process = ProcessRef{ID: p.ID, Name: p.Name, Secretariat: p.Secretariat}
		if d, ok := deadlineFor(p, in.Draft.Version); ok {
			m.Answers.Deadline, m.Answers.Milestone = d.When().String(), d.ID
		}
	}
	for _, c := range in.Comments {
		m.Items = append(m.Items, ManifestItem{ID: c.ID, Type: "comment", Commit: in.Versions[c.ID], Author: c.Author, Status: c.Review.Status})
	}
	for _, o := range in.Opinions {
		m.Items = append(m.Items, ManifestItem{ID: o.ID, Type: "opinion", Commit: in.Versions[o.ID], Author: o.Author, Status: o.Review.Status})
	}
	for _, name := range sortedNames(files) {
		sum := sha256.Sum256(files[name])
		m.Files = append(m.Files, FileEntry{Name: name, SHA256: hex.EncodeToString(sum[:]), Size: len(files[name])})
	}
	return m
}

func sortedNames(files map[string][]byte) []string {
	names := make([]string, 0, len(files))
	for n := range files {
		if n != ManifestFile {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// Items is items.json: the items as sent, so a coordinator can import
// them with their authorship.
type Items struct {
	Comments []item.Comment `json:"comments,omitempty"`
	Opinions []item.Opinion `json:"opinions,omitempty"`
}

func itemsJSON(in Input) ([]byte, error) {
	return json.MarshalIndent(Items{Comments: in.Comments, Opinions: in.Opinions}, "", "  ")
}

// zipTime is every entry's timestamp, so one input gives one zip.
var zipTime = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// pack writes the zip from the manifest and the files.
func pack(m Manifest, files map[string][]byte) ([]byte, error) {
	mj, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	files[ManifestFile] = append(mj, '\n')
	return packFiles(files)
}

// packFiles writes the canonical zip of a package: manifest.json first,
// then the files by name, stored uncompressed (the .docx is compressed
// already) with fixed timestamps and permissions. Its bytes depend on
// nothing but the files, so Verify can rebuild it and detect a change to
// any single byte, headers included.
func packFiles(files map[string][]byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range append([]string{ManifestFile}, sortedNames(files)...) {
		h := &zip.FileHeader{Name: name, Method: zip.Store, Modified: zipTime}
		h.SetMode(0o644)
		w, err := zw.CreateHeader(h)
		if err == nil {
			_, err = w.Write(files[name])
		}
		if err != nil {
			return nil, fmt.Errorf("packing %s: %w", name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
