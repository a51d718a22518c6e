package item

import (
	"crypto/rand"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// idAlphabet is Crockford's base32 in lower case: no i, l, o, u to misread.
const idAlphabet = "0123456789abcdefghjkmnpqrstvwxyz"

// NewID makes an item ID that experts can generate offline without
// coordinating: the author's initials, the UTC day and five random
// characters, e.g. "jd-261127-k3f9x". Readable in a file list, unique in
// practice (33 million suffixes per author per day).
func NewID(author Person, now time.Time) string {
	var b [5]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	suffix := make([]byte, len(b))
	for i, v := range b {
		suffix[i] = idAlphabet[int(v)%len(idAlphabet)]
	}
	return Initials(author.Name) + "-" + now.UTC().Format("060102") + "-" + string(suffix)
}

// Initials gives up to three lower-case ASCII initials of a name ("Jane
// Dœ-Smith" → "jds"), or "x" when the name has no Latin letters.
func Initials(name string) string {
	strip := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	ascii, _, _ := transform.String(strip, name)
	var out []byte
	for _, word := range strings.FieldsFunc(ascii, func(r rune) bool { return r == ' ' || r == '-' || r == '.' }) {
		c := unicode.ToLower(rune(word[0]))
		if c >= 'a' && c <= 'z' && len(out) < 3 {
			out = append(out, byte(c))
		}
	}
	if len(out) == 0 {
		return "x"
	}
	return string(out)
}

// checkID keeps IDs safe as file names on every platform.
func checkID(id string) error {
	if len(id) < 3 || len(id) > 48 {
		return fieldErr("id", "%q must be 3 to 48 characters", id)
	}
	for i, r := range id {
		ok := r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || (r == '-' && i > 0)
		if !ok {
			return fieldErr("id", "%q may hold only a-z, 0-9 and '-' (not first)", id)
		}
	}
	if WindowsReservedName(id) {
		return fieldErr("id", "%q is a device name on Windows (like CON or NUL) and cannot name a file", id)
	}
	return nil
}

// CheckID reports whether id is a valid item ID (safe as a file name).
func CheckID(id string) error { return checkID(id) }
