package report

import "errors"

// Sentinel errors for files Delegate cannot read. The UI tells them apart with
// errors.Is and shows the wrapped message, which says what to do in the
// user's terms.
var (
	// ErrNotDocx: the file claims to be .docx but is not a zip package.
	ErrNotDocx = errors.New("this file is not a Word .docx document (it is not a zip package); open it in Word and save it as .docx")
	// ErrEncrypted: a password-protected Word file; its text cannot be read.
	ErrEncrypted = errors.New("this document is protected with a password; open it in Word, remove the password (File > Info > Protect Document) and save it again")
	// ErrLegacyDoc: an old binary Word 97–2003 file.
	ErrLegacyDoc = errors.New("this is an old Word 97–2003 .doc file; open it in Word and save it as .docx")
	// ErrPDF: a PDF, which keeps no paragraph structure worth trusting.
	ErrPDF = errors.New("this is a PDF; Delegate needs the Word (.docx) version of the draft, which the secretariat publishes on the WTPF-26 page next to the PDF")
	// ErrUnsupported: a format Delegate does not read at all.
	ErrUnsupported = errors.New("this kind of file cannot be read as a report draft; use the .docx of the draft (or Markdown or plain text)")
	// ErrTooLarge: the file, or what it unpacks to, is over the size limit.
	ErrTooLarge = errors.New("this file is too large to be a report draft")
	// ErrZipBomb: the package unpacks to far more than its size, a sign of a
	// malicious or broken file.
	ErrZipBomb = errors.New("this file unpacks to far more data than a report draft holds; it may be damaged or malicious and was not opened")
	// ErrUnsafeXML: XML with a DOCTYPE or entity declarations, never present in
	// real Word files and a classic attack.
	ErrUnsafeXML = errors.New("this document contains XML declarations Word never writes (DOCTYPE/ENTITY); it was not opened for safety")
	// ErrInvalidText: text that is not valid UTF-8.
	ErrInvalidText = errors.New("this file is not valid UTF-8 text; save it again as UTF-8 (in Word: Save As > Plain Text > Unicode (UTF-8))")
	// ErrCorrupt: a .docx whose parts are missing or malformed.
	ErrCorrupt = errors.New("this Word document is damaged: a part of it could not be read; open it in Word and save it again")
	// ErrEmpty: the file holds no text at all.
	ErrEmpty = errors.New("this document is empty: it has no text to import")
)
