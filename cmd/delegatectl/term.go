package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Text from the workspace (a colleague's comment, a name, a commit
// message, a remote's name) can hold bytes a terminal obeys: ESC
// sequences that move the cursor, retitle the window or rewrite what was
// printed, C1 controls (CSI as one byte), and bidi overrides that show
// text in another order. Everything delegatectl prints, except --json,
// goes through safeText, which shows such characters escaped instead.

// safeText escapes what a terminal would act on: C0 controls (other than
// newline, CR LF and tab when keepLines), DEL, C1 controls, the bidi embeddings,
// overrides and isolates (U+202A–U+202E, U+2066–U+2069), the Unicode line
// and paragraph separators, and bytes that are not UTF-8. A C0 control or
// a stray byte becomes \x1b, a character \u202e; anything else is kept.
func safeText(s string, keepLines bool) string {
	if clean(s, keepLines) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case keepLines && (r == '\n' || r == '\t' || r == '\r' && strings.HasPrefix(s[i+1:], "\n")):
			b.WriteRune(r) // CR LF (a file from Windows) ends a line; a lone CR could overwrite it
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// unsafeRune is a character above ASCII that a terminal acts on.
func unsafeRune(r rune) bool {
	return (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x2028 || r == 0x2029
}

// clean reports whether safeText may return s as it is: the fast path,
// byte by byte while s is ASCII, rune by rune from the first byte above.
func clean(s string, keepLines bool) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return cleanRunes(s[i:], keepLines)
		}
		if !cleanControl(rune(s[i]), keepLines) {
			return false // a CR, even before LF, takes the slow path
		}
	}
	return true
}

// cleanRunes is clean for text from its first non-ASCII byte on.
func cleanRunes(s string, keepLines bool) bool {
	for _, r := range s {
		if r == utf8.RuneError || !cleanControl(r, keepLines) || unsafeRune(r) {
			return false
		}
	}
	return true
}

// cleanControl says whether r is not a control safeText escapes: C0
// (newline and tab kept when keepLines) and DEL.
func cleanControl(r rune, keepLines bool) bool {
	if r < 0x20 {
		return keepLines && (r == '\n' || r == '\t')
	}
	return r != 0x7f
}

// line is safeText for one field of a line or table cell (a name, a
// remote, a commit message): line breaks and tabs are escaped too, so a
// name cannot start a fake line or shift a table's columns.
func line(s string) string { return safeText(s, false) }

// termWriter passes everything written through safeText, keeping newlines
// and tabs (the commands' own layout). fmt writes each formatted line in
// one call, so a character is never split across two writes.
type termWriter struct{ w io.Writer }

func (t termWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(t.w, safeText(string(p), true)); err != nil {
		return 0, err
	}
	return len(p), nil
}
