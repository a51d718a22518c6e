package docxread

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Limits bound what a package may unpack to; the caller chooses them
// (model/report has defaults) and every field must be positive.
type Limits struct {
	MaxUnpackedBytes int64 // all parts read, together
	MaxEntryBytes    int64 // one part
	MaxEntries       int   // parts in the zip directory
	MaxRatio         int64 // unpacked size over compressed size of one part
}

// pkg is a .docx package opened with limits: it unpacks only the parts asked
// for, each through an io.LimitReader, and keeps a running total so a zip
// bomb is refused before it fills memory.
type pkg struct {
	files    map[string]*zip.File
	opt      Limits
	unpacked int64
}

func openPackage(data []byte, opt Limits) (*pkg, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrNotDocx, err)
	}
	if len(zr.File) > opt.MaxEntries {
		return nil, fmt.Errorf("%w: it has %d parts (limit %d)", ErrZipBomb, len(zr.File), opt.MaxEntries)
	}
	p := &pkg{files: map[string]*zip.File{}, opt: opt}
	var declared uint64
	for _, f := range zr.File {
		if err := safePart(f); err != nil {
			return nil, err
		}
		p.files[strings.TrimPrefix(f.Name, "/")] = f
		declared += f.UncompressedSize64
	}
	if declared > uint64(opt.MaxUnpackedBytes) {
		return nil, fmt.Errorf("%w: it declares %d MB unpacked", ErrZipBomb, declared>>20)
	}
	return p, nil
}

// read unpacks one part; a missing part gives (nil, nil).
func (p *pkg) read(name string) ([]byte, error) {
	f, ok := p.files[name]
	if !ok {
		return nil, nil
	}
	if f.UncompressedSize64 > uint64(p.opt.MaxEntryBytes) {
		return nil, fmt.Errorf("%w: part %s is %d MB", ErrZipBomb, name, f.UncompressedSize64>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w (part %s: %v)", ErrCorrupt, name, err)
	}
	defer rc.Close()
	limit := min(p.opt.MaxEntryBytes, p.opt.MaxUnpackedBytes-p.unpacked)
	// Stop as soon as the part unpacks past the ratio a real file has, so
	// a bomb costs at most ratio × its compressed size, never its full size.
	ratioCap := max(int64(f.CompressedSize64)*p.opt.MaxRatio, 1<<20)
	if f.Method == zip.Store {
		ratioCap = limit
	}
	b, err := io.ReadAll(io.LimitReader(rc, min(limit, ratioCap)+1))
	if errors.Is(err, zip.ErrFormat) { // archive/zip: more data than the header declares
		return nil, fmt.Errorf("%w: part %s unpacks past the limit its header declares", ErrZipBomb, name)
	}
	if err != nil {
		return nil, fmt.Errorf("%w (part %s: %v)", ErrCorrupt, name, err)
	}
	if int64(len(b)) > ratioCap && ratioCap < limit {
		return nil, fmt.Errorf("%w: part %s is compressed more than %d:1", ErrZipBomb, name, p.opt.MaxRatio)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%w: part %s unpacks past the limit", ErrZipBomb, name)
	}
	p.unpacked += int64(len(b))
	if f.CompressedSize64 > 0 && len(b) > 1<<20 && int64(len(b))/int64(f.CompressedSize64) > p.opt.MaxRatio {
		return nil, fmt.Errorf("%w: part %s is compressed %d:1", ErrZipBomb, name, int64(len(b))/int64(f.CompressedSize64))
	}
	return b, nil
}

// safePart refuses parts Word never writes and that only matter to an
// unpacking tool: paths leaving the package (zip-slip) and links.
func safePart(f *zip.File) error {
	name := f.Name
	if strings.Contains(name, "\\") || strings.HasPrefix(name, "../") || strings.Contains(name, "/../") || name == ".." ||
		strings.HasSuffix(name, "/..") || strings.ContainsRune(name, 0) {
		return fmt.Errorf("%w (part %q has a path outside the document, which Word never writes)", ErrCorrupt, name)
	}
	if f.Mode()&os.ModeSymlink != 0 {
		return fmt.Errorf("%w (part %q is a link, which Word never writes)", ErrCorrupt, name)
	}
	return nil
}
