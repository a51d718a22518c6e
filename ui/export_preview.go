package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	_ "image/png" // page images are PNG
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/report/redline"
)

// builtPackage is the package made at the checks step, and its page images
// once drawn.
type builtPackage struct {
	res       *export.Result
	pages     [][]byte
	rendering bool
	stopped   string // why there are no page images: cancelled, failed
}

// previewPageWidth is how wide a page image shows, two side by side.
const previewPageWidth = 500

// previewStep shows the pages as Word will print them when LibreOffice can
// draw them, else the contribution's structure.
func (x *exportWizard) previewStep() fyne.CanvasObject {
	res := x.pkg.res
	if res == nil {
		return widget.NewLabel("")
	}
	n := len(res.Manifest.Items)
	head := wrapLabel(lang.N("Package {{.ID}}: {{.N}} items.", n, map[string]any{"ID": res.ID, "N": num(n)}), fyne.TextStyle{})
	length := wrapLabel(lang.L("Estimated length in pages: {{.Pages}}", map[string]any{"Pages": fmt.Sprintf("%.1f", res.Pages)}), fyne.TextStyle{})
	top := container.NewVBox(head, length)
	for _, f := range res.Findings {
		if f.Code == "length" {
			top.Add(findingRow(nil, capitalise(f.Message), widget.WarningImportance))
		}
	}
	switch {
	case x.pkg.rendering:
		return container.NewBorder(top, nil, nil, nil, x.renderingView())
	case len(x.pkg.pages) > 0:
		return container.NewBorder(top, nil, nil, nil, container.NewVScroll(pageImages(x.pkg.pages)))
	}
	note := lang.L("LibreOffice is not installed, so this is the contribution's structure, not its pages. Open contribution.docx after export to see it in Word.")
	if x.pkg.stopped != "" {
		note = x.pkg.stopped
	}
	nl := wrapLabel(note, fyne.TextStyle{})
	nl.TextStyle.Italic = true
	top.Add(nl)
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(x.structure()))
}

// renderingView is the progress shown while LibreOffice draws the pages.
func (x *exportWizard) renderingView() fyne.CanvasObject {
	bar := widget.NewProgressBarInfinite()
	stop := widget.NewButton(lang.L("Cancel"), func() {
		if x.stopWork != nil {
			x.stopWork()
		}
	})
	msg := widget.NewLabel(lang.L("Drawing the pages with LibreOffice…"))
	return container.NewVBox(msg, bar, container.NewHBox(stop))
}

// startRender draws the page images off the UI goroutine; Cancel or
// leaving the step stops LibreOffice.
func (x *exportWizard) startRender() {
	if x.render == nil || x.pkg.res == nil || x.pkg.rendering || x.pkg.pages != nil || x.pkg.stopped != "" {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	x.stopWork = cancel
	x.pkg.rendering = true
	res, render := x.pkg.res, x.render
	var pages [][]byte
	var err error
	x.h.Run(func() { pages, err = render(ctx, res.Files[export.ContributionFile]) }, func() {
		cancel()
		if x.pkg.res != res {
			return // the package was rebuilt meanwhile
		}
		x.pkg.rendering, x.pkg.pages = false, pages
		switch {
		case errors.Is(err, context.Canceled):
			x.pkg.stopped = lang.L("Page drawing cancelled: this is the contribution's structure instead.")
		case err == nil && len(pages) == 0:
			err = errors.New("no pages")
			fallthrough
		case err != nil:
			x.pkg.stopped = lang.L("LibreOffice could not draw the pages ({{.Error}}): this is the contribution's structure instead.", map[string]any{"Error": firstLine(err.Error())})
		}
		if x.step == stepPreview {
			x.show(stepPreview)
		}
	})
	x.show(stepPreview)
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// pageImages lays the pages out side by side, wrapping.
func pageImages(pages [][]byte) fyne.CanvasObject {
	w, h := float32(previewPageWidth), float32(previewPageWidth)*1.414
	var objs []fyne.CanvasObject
	for i, p := range pages {
		if cfg, _, err := image.DecodeConfig(bytes.NewReader(p)); err == nil && cfg.Width > 0 {
			h = w * float32(cfg.Height) / float32(cfg.Width)
		}
		img := canvas.NewImageFromReader(bytes.NewReader(p), fmt.Sprintf("page-%d.png", i+1))
		img.FillMode = canvas.ImageFillContain
		img.ScaleMode = canvas.ImageScaleSmooth
		objs = append(objs, img)
	}
	return container.NewGridWrap(fyne.NewSize(w, h), objs...)
}

// structure is the contribution as text: cover, then what is sent.
func (x *exportWizard) structure() fyne.CanvasObject {
	in := x.in
	title := widget.NewLabelWithStyle(in.Cover.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(title)
	field := func(name, value string) {
		if strings.TrimSpace(value) != "" {
			box.Add(wizHeading(name))
			box.Add(wrapLabel(value, fyne.TextStyle{}))
		}
	}
	field(lang.L("Source"), in.Delegation.Entity)
	field(lang.L("Summary"), in.Cover.Summary)
	field(lang.L("Action required"), in.Cover.ActionRequired)
	refs := in.Cover.References
	if len(refs) == 0 && in.Draft.Label != "" {
		refs = []string{lang.L("Secretary-General's report, {{.Draft}}", map[string]any{"Draft": in.Draft.Label})}
	}
	field(lang.L("References"), strings.Join(refs, "\n"))
	field(lang.L("Contact"), strings.Join(nonEmpty(in.Sender.Name, in.Sender.Organization, in.Sender.Email), ", "))
	box.Add(widget.NewSeparator())
	for _, c := range in.Comments {
		box.Add(wizHeading(lang.L("{{.Where}} · {{.Kind}}", map[string]any{"Where": c.Anchor.Number, "Kind": kindWord(c.Kind)})))
		body := widget.NewRichTextFromMarkdown(c.Body)
		body.Wrapping = fyne.TextWrapWord
		box.Add(body)
		if c.Proposal != nil {
			box.Add(newRedlineText(redline.Diff(c.Proposal.Existing, c.Proposal.Proposed)))
		}
	}
	for _, o := range in.Opinions {
		box.Add(wizHeading(exportOpinionLine(o)))
		box.Add(wrapLabel(o.Text(), fyne.TextStyle{}))
	}
	return box
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}
