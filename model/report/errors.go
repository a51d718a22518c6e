package report

import (
	"errors"

	"github.com/delegate-itu/delegate/model/docxread"
)

// Sentinel errors for files Delegate cannot read. The UI tells them apart with
// errors.Is and shows the wrapped message, which says what to do in the
// user's terms. The .docx reader's own refusals are model/docxread's
// sentinels under the same names, so errors.Is(err, report.ErrX) holds
// whichever package returned them.
var (
	// ErrNotDocx: the file claims to be .docx but is not a zip package.
	ErrNotDocx = docxread.ErrNotDocx
	// ErrEncrypted: a password-protected Word file; its text cannot be read.
	ErrEncrypted = docxread.ErrEncrypted
	// ErrLegacyDoc: an old binary Word 97–2003 file.
	ErrLegacyDoc = docxread.ErrLegacyDoc
	// ErrPDF: a PDF, which keeps no paragraph structure worth trusting.
	ErrPDF = errors.New("this is a PDF; Delegate needs the Word (.docx) version of the draft, which the secretariat publishes on the WTPF-26 page next to the PDF")
	// ErrUnsupported: a format Delegate does not read at all.
	ErrUnsupported = docxread.ErrUnsupported
	// ErrTooLarge: the file, or what it unpacks to, is over the size limit.
	ErrTooLarge = errors.New("this file is too large to be a report draft")
	// ErrZipBomb: the package unpacks to far more than its size, a sign of a
	// malicious or broken file.
	ErrZipBomb = docxread.ErrZipBomb
	// ErrUnsafeXML: XML with a DOCTYPE or entity declarations, never present in
	// real Word files and a classic attack.
	ErrUnsafeXML = docxread.ErrUnsafeXML
	// ErrInvalidText: text that is not valid UTF-8.
	ErrInvalidText = docxread.ErrInvalidText
	// ErrCorrupt: a .docx whose parts are missing or malformed.
	ErrCorrupt = docxread.ErrCorrupt
	// ErrEmpty: the file holds no text at all.
	ErrEmpty = errors.New("this document is empty: it has no text to import")
)
