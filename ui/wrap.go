package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne 2.7's RichText word wrap breaks an inline segment one character per
// line when the segment starts where less than one character fits on the
// line (lineBounds never widens the first row again). A highlighted quote
// in the middle of a paragraph hits that at some widths. So highlighted
// paragraphs are wrapped here, at word boundaries, into whole lines that
// the RichText never needs to wrap.

// wrapSpans lays styled stretches of text into lines no wider than width;
// every line but the last ends its paragraph (Inline false), which breaks it.
func wrapSpans(parts []*widget.TextSegment, width float32) []widget.RichTextSegment {
	size := theme.TextSize()
	var out []widget.RichTextSegment
	x := float32(0)
	for _, p := range parts {
		st := p.Style
		st.Inline = true
		for _, tok := range strings.SplitAfter(p.Text, " ") {
			if tok == "" {
				continue
			}
			w := fyne.MeasureText(tok, size, st.TextStyle).Width
			if x > 0 && x+w-spaceWidth(tok, size, st.TextStyle) > width {
				endLine(out)
				x = 0
			}
			out = appendText(out, tok, st)
			x += w
		}
		if !p.Style.Inline { // the part ends its line
			if len(out) == 0 || !out[len(out)-1].(*widget.TextSegment).Style.Inline {
				out = append(out, &widget.TextSegment{Style: st})
			}
			endLine(out)
			x = 0
		}
	}
	if len(out) == 0 {
		out = append(out, &widget.TextSegment{Style: widget.RichTextStyleInline})
	}
	return out
}

// spaceWidth is the width of tok's trailing space, which may hang past the
// end of a line.
func spaceWidth(tok string, size float32, st fyne.TextStyle) float32 {
	if !strings.HasSuffix(tok, " ") {
		return 0
	}
	return fyne.MeasureText(" ", size, st).Width
}

// endLine makes the last segment end its line.
func endLine(out []widget.RichTextSegment) {
	if n := len(out); n > 0 {
		seg := out[n-1].(*widget.TextSegment)
		seg.Text = strings.TrimRight(seg.Text, " ")
		seg.Style.Inline = false
	}
}

// appendText adds tok, merging it into the last segment when the style is
// the same and the line goes on.
func appendText(out []widget.RichTextSegment, tok string, st widget.RichTextStyle) []widget.RichTextSegment {
	if n := len(out); n > 0 {
		last := out[n-1].(*widget.TextSegment)
		if last.Style == st && last.Style.Inline {
			last.Text += tok
			return out
		}
	}
	return append(out, &widget.TextSegment{Text: tok, Style: st})
}

// wrappedText shows styled text wrapped by wrapSpans at its own width, for
// redlines, whose many short segments meet the same Fyne wrapping fault.
type wrappedText struct {
	widget.BaseWidget
	parts []*widget.TextSegment
	rt    *widget.RichText
	width float32
}

func newWrappedText() *wrappedText {
	w := &wrappedText{rt: widget.NewRichText()}
	w.rt.Wrapping = fyne.TextWrapWord
	w.ExtendBaseWidget(w)
	return w
}

// set replaces the text.
func (w *wrappedText) set(parts []*widget.TextSegment) {
	w.parts = parts
	w.rewrap()
}

func (w *wrappedText) rewrap() {
	if w.width <= 0 {
		segs := make([]widget.RichTextSegment, len(w.parts))
		for i, p := range w.parts {
			segs[i] = &widget.TextSegment{Text: p.Text, Style: p.Style}
		}
		w.rt.Segments = segs
	} else {
		w.rt.Segments = wrapSpans(w.parts, (w.width-2*theme.InnerPadding())*0.97)
	}
	w.rt.Refresh()
	w.Refresh()
}

// Resize wraps the text again when the width changes.
func (w *wrappedText) Resize(s fyne.Size) {
	if s.Width != w.width {
		w.width = s.Width
		w.rewrap()
	}
	w.BaseWidget.Resize(s)
}

// MinSize asks for the wrapped height and little width, like a wrapping
// label.
func (w *wrappedText) MinSize() fyne.Size {
	return fyne.NewSize(4*theme.InnerPadding(), w.rt.MinSize().Height)
}

// CreateRenderer shows the inner rich text.
func (w *wrappedText) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(w.rt)
}
