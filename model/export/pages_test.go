package export

import (
	"bytes"
	"context"
	"errors"
	"image/png"
	"testing"
)

// TestRenderPages draws the sample contribution's pages with LibreOffice
// where it is installed; without it, RenderPages must say so with
// ErrNoRenderer so the UI falls back to its structured preview.
func TestRenderPages(t *testing.T) {
	res := build(t, sampleInput(t))
	doc := res.Files[ContributionFile]
	_, _, avail := Renderer()
	pages, err := RenderPages(context.Background(), doc, 30)
	if avail != nil {
		if !errors.Is(err, ErrNoRenderer) {
			t.Fatalf("without LibreOffice: %v", err)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 1 {
		t.Fatal("no pages")
	}
	img, err := png.Decode(bytes.NewReader(pages[0]))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() < 200 || b.Dy() <= b.Dx() {
		t.Fatalf("page 1 is %v, want an A4 portrait page at 30 dpi", b)
	}
}

func TestRenderPagesCancelled(t *testing.T) {
	if _, _, err := Renderer(); err != nil {
		return // nothing to cancel: TestRenderPages checks ErrNoRenderer
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := RenderPages(ctx, []byte("PK"), 30); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled render: %v", err)
	}
}
