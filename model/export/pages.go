package export

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
)

// ErrNoRenderer means LibreOffice or pdftoppm is not installed, so page images
// cannot be made; show a structured preview instead.
var ErrNoRenderer = errors.New("LibreOffice and pdftoppm are needed for page images")

// officeCandidates are where LibreOffice is usually found besides PATH.
var officeCandidates = []string{"soffice", "libreoffice",
	"/Applications/LibreOffice.app/Contents/MacOS/soffice",
	`C:\Program Files\LibreOffice\program\soffice.exe`}

// Renderer finds the programs that turn a .docx into page images.
func Renderer() (office, pdftoppm string, err error) {
	for _, c := range officeCandidates {
		if p, e := exec.LookPath(c); e == nil {
			office = p
			break
		}
	}
	pdftoppm, perr := exec.LookPath("pdftoppm")
	if office == "" || perr != nil {
		return "", "", ErrNoRenderer
	}
	return office, pdftoppm, nil
}

// RenderPages turns a .docx into PNG page images the way Word would print
// it, as far as LibreOffice can tell: soffice converts it to PDF, pdftoppm
// draws each page at dpi. It takes a second or more; cancel ctx to stop.
// Each call uses its own LibreOffice profile, so it runs beside an open
// LibreOffice and beside other calls.
func RenderPages(ctx context.Context, docx []byte, dpi int) ([][]byte, error) {
	office, pdftoppm, err := Renderer()
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "delegate-preview-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	in := filepath.Join(tmp, "contribution.docx")
	if err := os.WriteFile(in, docx, 0o600); err != nil {
		return nil, err
	}
	profile := "-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(tmp, "profile"))
	if err := runTool(ctx, office, profile, "--headless", "--convert-to", "pdf", "--outdir", tmp, in); err != nil {
		return nil, err
	}
	pdf := filepath.Join(tmp, "contribution.pdf")
	if err := runTool(ctx, pdftoppm, "-png", "-r", strconv.Itoa(dpi), pdf, filepath.Join(tmp, "page")); err != nil {
		return nil, err
	}
	return readPages(tmp)
}

func runTool(ctx context.Context, name string, args ...string) error {
	out, err := exec.CommandContext(ctx, name, args...).CombinedOutput()
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if err != nil {
		return fmt.Errorf("%s: %w: %s", filepath.Base(name), err, out)
	}
	return nil
}

// readPages reads page-1.png, page-2.png, ... (pdftoppm pads the numbers
// to the page count's width) in page order.
func readPages(dir string) ([][]byte, error) {
	names, err := filepath.Glob(filepath.Join(dir, "page-*.png"))
	if err != nil {
		return nil, err
	}
	sort.Slice(names, func(i, j int) bool {
		return len(names[i]) < len(names[j]) || (len(names[i]) == len(names[j]) && names[i] < names[j])
	})
	if len(names) == 0 {
		return nil, errors.New("LibreOffice made no pages from the contribution")
	}
	pages := make([][]byte, 0, len(names))
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			return nil, err
		}
		pages = append(pages, b)
	}
	return pages, nil
}
