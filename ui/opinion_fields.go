package ui

import (
	"image/color"
	"regexp"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// opEntry is a text field of the Opinion editor (an item or sub-item).
// Enter adds the next item instead of a line break, Tab leaves the field,
// and the Alt (macOS: Cmd+Option) shortcuts move, nest or remove the item. When the field
// loses the focus, a label or end punctuation typed by habit is removed:
// Delegate computes them.
type opEntry struct {
	widget.Entry
	ed   *opinionEditor
	pos  opPos
	rows int
}

func newOpEntry(ed *opinionEditor, pos opPos, text string, multi bool) *opEntry {
	e := &opEntry{ed: ed, pos: pos}
	e.ExtendBaseWidget(e)
	if multi {
		e.MultiLine = true
		e.Wrapping = fyne.TextWrapWord
		e.fit(text)
	}
	e.SetText(text)
	e.OnChanged = func(s string) {
		if e.MultiLine {
			e.fit(s)
		}
		ed.onText(e.pos, s)
	}
	return e
}

// fit shows a long item whole: as many rows as its text wraps to at the
// field's width (guessed before the first layout), 1 to 6.
func (e *opEntry) fit(text string) {
	rows := (len([]rune(text)) + 47) / 48
	if w := e.Size().Width - 2*theme.InnerPadding(); w > 40 {
		rows = wrappedRows(text, w)
	}
	if rows = min(max(rows, 1), 6); rows != e.rows {
		e.rows = rows
		e.SetMinRowsVisible(rows)
	}
}

// wrappedRows counts the rows text takes when wrapped at words within width.
func wrappedRows(text string, width float32) int {
	size := theme.TextSize()
	space := fyne.MeasureText(" ", size, fyne.TextStyle{}).Width
	rows, x := 1, float32(0)
	for _, w := range strings.Fields(text) {
		ww := fyne.MeasureText(w, size, fyne.TextStyle{}).Width
		if x > 0 && x+space+ww > width {
			rows, x = rows+1, 0
		}
		if x > 0 {
			x += space
		}
		x += ww
	}
	return rows
}

// Resize fits the rows to the text again at the new width.
func (e *opEntry) Resize(s fyne.Size) {
	w := e.Size().Width
	e.Entry.Resize(s)
	if e.MultiLine && s.Width != w {
		e.fit(e.Text)
	}
}

// AcceptsTab is false so that Tab moves to the next field.
func (e *opEntry) AcceptsTab() bool { return false }

// TypedKey turns Enter into "add an item after this one".
func (e *opEntry) TypedKey(k *fyne.KeyEvent) {
	if (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && e.pos.part != partTitle {
		e.ed.act(e.pos, actAdd)
		return
	}
	e.Entry.TypedKey(k)
}

// TypedShortcut handles the editor's move shortcuts before the field's own.
func (e *opEntry) TypedShortcut(s fyne.Shortcut) {
	if a, ok := shortcutAction(s); ok {
		e.ed.act(e.pos, a)
		return
	}
	e.Entry.TypedShortcut(s)
}

// FocusLost drops a typed label or end punctuation.
func (e *opEntry) FocusLost() {
	if e.pos.part != partTitle {
		if t := bareItem(e.Text); t != e.Text {
			e.SetText(t)
		}
	}
	e.Entry.FocusLost()
}

// kwEntry is a keyword, heading or addressee: chosen from a list or typed.
type kwEntry struct {
	widget.SelectEntry
	ed  *opinionEditor
	pos opPos
}

func newKwEntry(ed *opinionEditor, pos opPos, text string, options []string) *kwEntry {
	e := &kwEntry{ed: ed, pos: pos}
	e.ExtendBaseWidget(e)
	e.SetOptions(options)
	e.SetText(text)
	e.OnChanged = func(s string) { ed.onText(e.pos, s) }
	return e
}

// TypedKey turns Enter into "add an item at the top of the block".
func (e *kwEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		e.ed.act(e.pos, actAdd)
		return
	}
	e.SelectEntry.TypedKey(k)
}

// TypedShortcut handles the editor's move shortcuts (move, remove the block).
func (e *kwEntry) TypedShortcut(s fyne.Shortcut) {
	if a, ok := shortcutAction(s); ok {
		e.ed.act(e.pos, a)
		return
	}
	e.SelectEntry.TypedShortcut(s)
}

// opAction is a structural edit the buttons, keys and menu share.
type opAction int

const (
	actUp opAction = iota
	actDown
	actAdd
	actRemove
	actIndent
	actOutdent
	actSub
)

// opModifier is Alt, or Cmd+Option on macOS, where Option+Left/Right
// and Option+Delete move and delete by word in text fields.
var opModifier, opModifierName = func() (fyne.KeyModifier, string) {
	if runtime.GOOS == "darwin" {
		return fyne.KeyModifierAlt | fyne.KeyModifierSuper, "Cmd+Option"
	}
	return fyne.KeyModifierAlt, "Alt"
}()

// opShortcuts are the editor's keys; the menu shows them too.
var opShortcuts = map[opAction]*desktop.CustomShortcut{
	actUp:      {KeyName: fyne.KeyUp, Modifier: opModifier},
	actDown:    {KeyName: fyne.KeyDown, Modifier: opModifier},
	actRemove:  {KeyName: fyne.KeyDelete, Modifier: opModifier},
	actIndent:  {KeyName: fyne.KeyRight, Modifier: opModifier},
	actOutdent: {KeyName: fyne.KeyLeft, Modifier: opModifier},
}

// keyName says an action's key the way the help line and messages do.
func keyName(a opAction) string {
	return opModifierName + "+" + string(opShortcuts[a].KeyName)
}

func shortcutAction(s fyne.Shortcut) (opAction, bool) {
	for a, sc := range opShortcuts {
		if s.ShortcutName() == sc.ShortcutName() {
			return a, true
		}
	}
	return 0, false
}

var (
	typedLetter = regexp.MustCompile(`^\(?(?:[a-z]{1,2}|[ivx]{1,5})\)\s*`)
	typedNumber = regexp.MustCompile(`^\d{1,2}[.)]?\s+(?:that|to)\b`)
)

// bareItem removes a label typed at the start ("a) ", "2 ", "iii) ") and
// the end punctuation, which the layout computes.
func bareItem(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\n", " "))
	s = typedLetter.ReplaceAllString(s, "")
	if typedNumber.MatchString(s) { // "2 to share", not "3 billion"
		s = strings.TrimSpace(s[strings.IndexAny(s, " \t"):])
	}
	return strings.TrimRight(s, ";,. ")
}

// wheelPass lies over a text field and hands the mouse wheel to the
// form's scroll: Fyne gives the wheel to the field's own scroller, which
// would stop the form from scrolling whenever the pointer is on a field.
// Clicks and the text cursor still reach the field below.
type wheelPass struct {
	widget.BaseWidget
	to *container.Scroll
}

func passWheel(field fyne.CanvasObject, to *container.Scroll) fyne.CanvasObject {
	w := &wheelPass{to: to}
	w.ExtendBaseWidget(w)
	return container.NewStack(field, w)
}

// Scrolled scrolls the form.
func (w *wheelPass) Scrolled(ev *fyne.ScrollEvent) { w.to.Scrolled(ev) }

// CreateRenderer draws nothing.
func (w *wheelPass) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// FocusGained scrolls the form to the field, for keyboard users.
func (e *opEntry) FocusGained() {
	e.Entry.FocusGained()
	e.ed.reveal(e)
}

// FocusGained scrolls the form to the field, for keyboard users.
func (e *kwEntry) FocusGained() {
	e.SelectEntry.FocusGained()
	e.ed.reveal(e)
}
