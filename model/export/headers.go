package export

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrMailHeader is wrapped when text meant for one e-mail header line
// holds a line break or control character.
var ErrMailHeader = errors.New("the e-mail cannot be written")

// checkHeaders refuses a line break or control character in anything that
// becomes an e-mail header (subject, names, addresses). go-mail encodes
// such text rather than letting it start a new header, but a subject or
// name with a hidden "\r\nBcc: …" is never what the user meant, so it is
// refused in words instead of being sent along encoded.
func (e envelope) checkHeaders() error {
	fields := []struct{ what, v string }{
		{"the e-mail subject", e.subject},
		{"the sender's name", e.sender.Name},
		{"the sender's e-mail address", e.sender.Email},
		{"the secretariat's e-mail address", e.process.Secretariat},
	}
	if c := e.coordinator; c != nil {
		fields = append(fields, struct{ what, v string }{"the coordinator's name", c.Name},
			struct{ what, v string }{"the coordinator's e-mail address", c.Email})
	}
	for _, f := range fields {
		if i := strings.IndexFunc(f.v, func(r rune) bool { return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' }); i >= 0 {
			return fmt.Errorf("%w: %s contains a line break or control character; it must be one line of plain text", ErrMailHeader, f.what)
		}
	}
	return nil
}

// Header lines are folded to at most foldAt characters where there is a
// place to fold (RFC 5322 recommends 78, and never more than 998). An
// encoded word may be 75 characters (RFC 2047); these are at most 68, so
// the first one fits on the line after "Subject: " (a fold right after
// the colon is legal, but Python's parser then keeps a leading space).
const (
	foldAt      = 78
	maxWordLen  = 68
	wordPrefix  = "=?UTF-8?q?"
	wordSuffix  = "?="
	maxPlainTok = 60 // a longer run without a space is encoded, so it can be cut
)

// headerLine writes "Name: value" folded, from pieces that must not be
// cut, joined by single spaces (each fold replaces one of those spaces,
// so unfolding gives the value back).
func headerLine(name string, pieces []string) string {
	var b strings.Builder
	b.WriteString(name + ":")
	n := b.Len()
	for _, p := range pieces {
		if n+1+len(p) > foldAt && n > 0 {
			b.WriteString("\r\n")
			n = 0
		}
		b.WriteString(" " + p)
		n += 1 + len(p)
	}
	b.WriteString("\r\n")
	return b.String()
}

// plainHeader tells whether s can go into a header as it is: printable
// ASCII, single spaces between words, no space at either end, no word
// long enough to need cutting, and nothing a mail reader would decode
// ("=?" starts an encoded word: a name typed as "=?utf-8?q?…?=" must
// arrive as that text, not as what it decodes to).
func plainHeader(s string) bool {
	if s == "" || strings.Contains(s, "=?") || strings.Contains(s, "  ") || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for _, w := range strings.Split(s, " ") {
		if len(w) > maxPlainTok {
			return false
		}
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// qSafe are the characters an encoded word in a phrase (a display name)
// may hold as they are (RFC 2047 §5 (3)); everything else is =XX.
func qSafe(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!*+-/", c) >= 0
}

// encodedWords encodes s whole as encoded words of at most maxWordLen
// characters, cut between characters (never inside a UTF-8 sequence):
// Q encoding (readable for Latin text), or B when that takes fewer words
// (Arabic, Cyrillic, Chinese). Adjacent encoded words are joined without
// their separating space by a reader, so s comes back exactly.
func encodedWords(s string) []string {
	s = string([]rune(s)) // the words say UTF-8: a stray byte is U+FFFD
	q, b := qWords(s), bWords(s)
	if len(b) < len(q) {
		return b
	}
	return q
}

// bWords is s as B encoded words.
func bWords(s string) []string {
	const prefix = "=?UTF-8?b?"
	room := (maxWordLen - len(prefix) - len(wordSuffix)) / 4 * 3 // bytes per word
	var out []string
	start := 0
	for i, r := range s {
		if i-start+utf8.RuneLen(r) > room {
			out = append(out, prefix+base64.StdEncoding.EncodeToString([]byte(s[start:i]))+wordSuffix)
			start = i
		}
	}
	if start < len(s) {
		out = append(out, prefix+base64.StdEncoding.EncodeToString([]byte(s[start:]))+wordSuffix)
	}
	return out
}

// qWords is s as Q encoded words.
func qWords(s string) []string {
	var out []string
	var w strings.Builder
	room := maxWordLen - len(wordPrefix) - len(wordSuffix)
	flush := func() {
		if w.Len() > 0 {
			out = append(out, wordPrefix+w.String()+wordSuffix)
			w.Reset()
		}
	}
	for _, r := range s {
		var enc strings.Builder
		var buf [4]byte
		n := utf8.EncodeRune(buf[:], r)
		for _, c := range buf[:n] {
			switch {
			case c == ' ':
				enc.WriteByte('_')
			case qSafe(c):
				enc.WriteByte(c)
			default:
				fmt.Fprintf(&enc, "=%02X", c)
			}
		}
		if w.Len()+enc.Len() > room {
			flush()
		}
		w.WriteString(enc.String())
	}
	flush()
	return out
}

// subjectPieces is the Subject as pieces for headerLine: plain words if
// it can go as it is, else encoded words (also for a long run without
// spaces, which could not be folded).
func subjectPieces(s string) []string {
	if plainHeader(s) {
		return strings.Split(s, " ")
	}
	return encodedWords(s)
}

// atomText tells whether a word of a display name can stay a bare atom.
func atomText(w string) bool {
	if w == "" || len(w) > maxPlainTok || strings.Contains(w, "=?") {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!#$%&'*+-/=?^_`{|}~", c) >= 0) {
			return false
		}
	}
	return true
}

// mailboxPieces is "Name <address>" as pieces for headerLine. A plain
// ASCII name is a quoted string (folded at its spaces); any other name
// keeps its plain words as atoms and encodes the runs of other words
// between them, so two encoded words are adjacent only inside a run too
// long for one (readers that follow RFC 2047 join those; Python 3.11's
// parser puts a space between them, which only a run of more than about
// 20 accented or 60 ASCII characters without a plain word meets).
func mailboxPieces(name, addr string) []string {
	a := "<" + addr + ">"
	if name == "" {
		return []string{a}
	}
	if plainHeader(name) {
		q := strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(name)
		words := strings.Split(q, " ")
		words[0] = `"` + words[0]
		words[len(words)-1] += `"`
		return append(words, a)
	}
	words := strings.Split(name, " ")
	atom := make([]bool, len(words))
	for i, w := range words {
		// An atom next to an empty word (two spaces, or one at an end)
		// joins the encoded run, so every space is inside a word.
		atom[i] = atomText(w) && (i == 0 || words[i-1] != "") && (i == len(words)-1 || words[i+1] != "")
	}
	var out, run []string
	for i, w := range words {
		if atom[i] {
			if len(run) > 0 {
				out = append(out, encodedWords(strings.Join(run, " "))...)
				run = nil
			}
			out = append(out, w)
			continue
		}
		run = append(run, w)
	}
	if len(run) > 0 {
		out = append(out, encodedWords(strings.Join(run, " "))...)
	}
	return append(out, a)
}
