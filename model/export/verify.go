package export

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
	"unicode"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/userfile"
)

// Limits for reading a package received by e-mail: generous for real
// packages (a few hundred kilobytes), small enough that a zip bomb cannot
// fill memory.
const (
	maxEntries    = 64
	maxEntrySize  = 64 << 20
	maxTotalSize  = 256 << 20
	maxRatio      = 200 // uncompressed/compressed, beyond any real .docx or text
	ratioMinBytes = 1 << 20
)

// Package is a verified package: its manifest and files.
type Package struct {
	Manifest Manifest
	Files    map[string][]byte
}

// Verify opens a package and checks it against its manifest: every file
// listed with the right SHA-256, nothing unlisted, no unsafe entry. Any
// change to the package after it was made gives ErrTampered (or ErrUnsafe
// or ErrNotPackage), so a coordinator never imports something altered.
func Verify(data []byte) (*Package, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if errors.Is(err, zip.ErrInsecurePath) {
		return nil, fmt.Errorf("%w: an entry has a path outside the package", ErrUnsafe)
	}
	if err != nil {
		if bytes.HasPrefix(data, []byte("PK")) && (errors.Is(err, zip.ErrChecksum) || errors.Is(err, zip.ErrFormat)) {
			return nil, fmt.Errorf("%w: the zip is damaged (%v)", ErrTampered, err)
		}
		return nil, fmt.Errorf("%w: %v", ErrNotPackage, err)
	}
	files, err := readEntries(zr)
	if err != nil {
		return nil, err
	}
	raw, ok := files[ManifestFile]
	if !ok {
		return nil, fmt.Errorf("%w: it has no %s", ErrNotPackage, ManifestFile)
	}
	m, err := parseManifest(raw)
	if err != nil {
		return nil, err
	}
	if err := checkHashes(m, files); err != nil {
		return nil, err
	}
	if canon, err := packFiles(files); err != nil || !bytes.Equal(canon, data) {
		return nil, fmt.Errorf("%w: the zip differs from the one Delegate made from these files (re-zipped or edited)", ErrTampered)
	}
	return &Package{Manifest: m, Files: files}, nil
}

// NotSigned is what verifying a package can and cannot say. Packages
// carry no signature: Verify proves the files match the manifest and the
// zip is Delegate's own packing, which anyone can recompute after any
// change, so it says nothing of who made the package (docs/security.md).
const NotSigned = "not signed: this proves the package is intact, not who made it"

// MaxPackageBytes bounds a package file read from disk: a real package is
// a few hundred kilobytes, so anything this large is refused unread.
const MaxPackageBytes = 64 << 20

// VerifyFile reads a package from disk, refusing a file too large to be
// one before reading it, then verifies it like Verify.
func VerifyFile(path string) (*Package, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%w: %s is not a file", ErrNotPackage, path)
	}
	if st.Size() > MaxPackageBytes {
		return nil, fmt.Errorf("%w: it is %.1f MB, and a submission package is at most %d MB", ErrNotPackage,
			float64(st.Size())/(1<<20), MaxPackageBytes>>20)
	}
	data, err := userfile.Read(path, MaxPackageBytes) // the same checks on the opened file: no swap in between
	if errors.Is(err, userfile.ErrNotRegular) || errors.Is(err, userfile.ErrTooLarge) {
		return nil, fmt.Errorf("%w: %w", ErrNotPackage, err)
	}
	if err != nil {
		return nil, err
	}
	return Verify(data)
}

// parseManifest reads manifest.json strictly: unknown fields or another
// format version are refused.
func parseManifest(raw []byte) (Manifest, error) {
	var m Manifest
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return Manifest{}, fmt.Errorf("%w: %s cannot be read: %v", ErrTampered, ManifestFile, err)
	}
	if m.Format != FormatVersion {
		return Manifest{}, fmt.Errorf("%w: manifest format %q (this Delegate reads %s)", ErrNotPackage, m.Format, FormatVersion)
	}
	return m, nil
}

func readEntries(zr *zip.Reader) (map[string][]byte, error) {
	if len(zr.File) > maxEntries {
		return nil, fmt.Errorf("%w: %d entries (at most %d)", ErrUnsafe, len(zr.File), maxEntries)
	}
	files := map[string][]byte{}
	var total int64
	for _, f := range zr.File {
		if err := safeName(f.Name); err != nil {
			return nil, err
		}
		if !f.Mode().IsRegular() {
			return nil, fmt.Errorf("%w: entry %q is a link or a folder, not a file", ErrUnsafe, f.Name)
		}
		if _, dup := files[f.Name]; dup {
			return nil, fmt.Errorf("%w: %s appears twice", ErrTampered, f.Name)
		}
		if f.UncompressedSize64 > maxEntrySize ||
			(f.UncompressedSize64 > ratioMinBytes && f.UncompressedSize64 > maxRatio*max(f.CompressedSize64, 1)) {
			return nil, fmt.Errorf("%w: %s would unpack to %d bytes (a zip bomb?)", ErrUnsafe, f.Name, f.UncompressedSize64)
		}
		b, err := readEntry(f)
		if err != nil {
			return nil, err
		}
		if total += int64(len(b)); total > maxTotalSize {
			return nil, fmt.Errorf("%w: the package unpacks to more than %d MB", ErrUnsafe, maxTotalSize>>20)
		}
		files[f.Name] = b
	}
	return files, nil
}

// readEntry reads one entry, never more than its declared size allows,
// so a lying header cannot make it balloon.
func readEntry(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrTampered, f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, int64(min(f.UncompressedSize64, maxEntrySize))+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrTampered, f.Name, err)
	}
	if uint64(len(b)) > f.UncompressedSize64 {
		return nil, fmt.Errorf("%w: %s is larger than its header says", ErrUnsafe, f.Name)
	}
	return b, nil
}

// safeName refuses entries that would escape a folder they are unpacked
// into (zip-slip) or that are not plain files.
func safeName(name string) error {
	clean := path.Clean(name)
	bad := name == "" || strings.ContainsAny(name, "\\\x00") || path.IsAbs(name) || clean != name ||
		clean == ".." || strings.HasPrefix(clean, "../") || strings.HasSuffix(name, "/")
	if bad {
		return fmt.Errorf("%w: entry %q has a path outside the package", ErrUnsafe, name)
	}
	for _, part := range strings.Split(name, "/") {
		if item.WindowsReservedName(part) || strings.HasSuffix(part, ".") || strings.HasSuffix(part, " ") || strings.ContainsAny(part, `:*?"<>|`) ||
			strings.IndexFunc(part, unicode.IsControl) >= 0 {
			return fmt.Errorf("%w: entry %q is not a valid file name on Windows (device names like CON or NUL, a trailing dot or space, one of : * ? \" < > |, control characters)", ErrUnsafe, name)
		}
	}
	return nil
}

func checkHashes(m Manifest, files map[string][]byte) error {
	listed := map[string]bool{ManifestFile: true}
	for _, f := range m.Files {
		listed[f.Name] = true
		b, ok := files[f.Name]
		if !ok {
			return fmt.Errorf("%w: %s is listed in the manifest but missing", ErrTampered, f.Name)
		}
		sum := sha256.Sum256(b)
		if hex.EncodeToString(sum[:]) != f.SHA256 || len(b) != f.Size {
			return fmt.Errorf("%w: %s does not match its SHA-256 in the manifest", ErrTampered, f.Name)
		}
	}
	for name := range files {
		if !listed[name] {
			return fmt.Errorf("%w: %s is not listed in the manifest", ErrTampered, name)
		}
	}
	return nil
}

// Items reads the items a verified package carries, checked like any
// item saved in a workspace.
func (p *Package) Items() (Items, error) {
	var it Items
	raw, ok := p.Files[ItemsFile]
	if !ok {
		return it, fmt.Errorf("%w: it has no %s", ErrNotPackage, ItemsFile)
	}
	if err := json.Unmarshal(raw, &it); err != nil {
		return it, fmt.Errorf("%w: %s: %v", ErrNotPackage, ItemsFile, err)
	}
	for i := range it.Comments {
		c := &it.Comments[i]
		c.Normalize()
		if err := c.Validate(); err != nil {
			return it, fmt.Errorf("comment %s in the package: %w", c.ID, err)
		}
	}
	for i := range it.Opinions {
		o := &it.Opinions[i]
		o.Normalize()
		if err := o.Validate(); err != nil {
			return it, fmt.Errorf("the Opinion proposal %s in the package: %w", o.ID, err)
		}
	}
	return it, p.matchManifest(it)
}

// matchManifest checks that items.json holds exactly the items the
// manifest lists, each once, of the listed kind and author. Delegate
// writes both from the same list, so any difference means the package was
// put together by other hands, and an item the manifest does not announce
// must never slip into a workspace.
func (p *Package) matchManifest(it Items) error {
	type held struct {
		kind   string
		author item.Person
	}
	kinds := map[string]string{"comment": "comment", "opinion": "Opinion proposal"}
	carried := map[string]held{}
	add := func(id, kind string, author item.Person) error {
		if _, dup := carried[id]; dup {
			return fmt.Errorf("%w: %s holds the ID %s twice", ErrTampered, ItemsFile, id)
		}
		carried[id] = held{kind, author}
		return nil
	}
	for _, c := range it.Comments {
		if err := add(c.ID, "comment", c.Author); err != nil {
			return err
		}
	}
	for _, o := range it.Opinions {
		if err := add(o.ID, "opinion", o.Author); err != nil {
			return err
		}
	}
	listed := map[string]bool{}
	for _, mi := range p.Manifest.Items {
		h, ok := carried[mi.ID]
		switch {
		case listed[mi.ID]:
			return fmt.Errorf("%w: the manifest lists %s twice", ErrTampered, mi.ID)
		case !ok:
			return fmt.Errorf("%w: the manifest lists the %s %s, but %s does not hold it", ErrTampered, kindWord(kinds, mi.Type), mi.ID, ItemsFile)
		case h.kind != mi.Type:
			return fmt.Errorf("%w: the manifest and %s disagree on what %s is (%s, %s)", ErrTampered, ItemsFile, mi.ID, kindWord(kinds, mi.Type), kinds[h.kind])
		case h.author != mi.Author:
			return fmt.Errorf("%w: the manifest says %s is by %q, but %s says %q", ErrTampered, mi.ID, mi.Author.Name, ItemsFile, h.author.Name)
		}
		listed[mi.ID] = true
	}
	for _, c := range it.Comments {
		if !listed[c.ID] {
			return fmt.Errorf("%w: %s holds the comment %s, which the manifest does not list", ErrTampered, ItemsFile, c.ID)
		}
	}
	for _, o := range it.Opinions {
		if !listed[o.ID] {
			return fmt.Errorf("%w: %s holds the Opinion proposal %s, which the manifest does not list", ErrTampered, ItemsFile, o.ID)
		}
	}
	return nil
}

func kindWord(kinds map[string]string, t string) string {
	if k, ok := kinds[t]; ok {
		return k
	}
	return fmt.Sprintf("item (of unknown type %q)", t)
}
