package item

import (
	"strings"
	"unicode"
)

// checkLine refuses line breaks and control characters in fields that end
// up on one line of an e-mail header, a contribution's contact box or a
// file name: a name holding "\r\nBcc: …" must never reach an e-mail.
func checkLine(field, s string) error {
	for _, r := range s {
		if r == '\r' || r == '\n' || r == '\u2028' || r == '\u2029' {
			return fieldErr(field, "contains a line break; it must be on one line")
		}
		if unicode.IsControl(r) {
			return fieldErr(field, "contains a control character (%U); remove it", r)
		}
	}
	return nil
}

// checkLines runs checkLine over field/value pairs and returns the first problem.
func checkLines(pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if err := checkLine(pairs[i], pairs[i+1]); err != nil {
			return err
		}
	}
	return nil
}

// windowsReserved are device names Windows refuses as file names, with any
// extension and in any case ("con.md", "NUL"): an item ID must not be one,
// or the workspace could not be checked out on Windows.
var windowsReserved = map[string]bool{"con": true, "prn": true, "aux": true, "nul": true,
	"com1": true, "com2": true, "com3": true, "com4": true, "com5": true, "com6": true, "com7": true, "com8": true, "com9": true,
	"lpt1": true, "lpt2": true, "lpt3": true, "lpt4": true, "lpt5": true, "lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true,
	// Windows also takes the superscript digits as port numbers, and the
	// console's own devices.
	"com\u00b9": true, "com\u00b2": true, "com\u00b3": true, "lpt\u00b9": true, "lpt\u00b2": true, "lpt\u00b3": true,
	"conin$": true, "conout$": true}

// WindowsReservedName reports whether a file name (any extension, any
// case) is a device name on Windows, e.g. "CON", "nul.txt", "COM1.md",
// "COM¹", "CONIN$".
func WindowsReservedName(name string) bool {
	base, _, _ := strings.Cut(name, ".")
	return windowsReserved[strings.ToLower(strings.TrimRight(base, " "))]
}
