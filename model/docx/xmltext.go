package docx

import "strings"

// validXMLChar reports whether r may appear in an XML 1.0 document; Word
// refuses to open a file that contains anything else (e.g. a stray U+000B
// copied from another program), so such characters are dropped, not escaped.
func validXMLChar(r rune) bool {
	switch {
	case r == 0x09 || r == 0x0A || r == 0x0D:
		return true
	case r >= 0x20 && r <= 0xD7FF:
		return true
	case r >= 0xE000 && r <= 0xFFFD:
		return true
	case r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// Clean removes characters that XML 1.0 cannot carry. Callers that store text
// they also wrote to a .docx can use it to keep both copies identical.
func Clean(s string) string {
	return strings.Map(func(r rune) rune {
		if !validXMLChar(r) {
			return -1
		}
		return r
	}, s)
}

// esc writes s escaped for use in element text or a double-quoted attribute.
func esc(b *strings.Builder, s string) {
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&apos;")
		case r == '\t' || r == '\n' || r == '\r':
			// only reached for attributes; text splits these into elements
			b.WriteString("&#x")
			b.WriteString(strings.ToUpper(string("0123456789abcdef"[r>>4]) + string("0123456789abcdef"[r&15])))
			b.WriteByte(';')
		case validXMLChar(r):
			b.WriteRune(r)
		}
	}
}

// escString is esc returning a string, for attribute values.
func escString(s string) string {
	var b strings.Builder
	esc(&b, s)
	return b.String()
}
