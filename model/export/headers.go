package export

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
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
