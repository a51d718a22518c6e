package docxread

import "errors"

// Sentinel errors for packages the reader refuses. model/report re-exports
// them under the same names, so callers keep testing report.ErrX with
// errors.Is; the messages say what to do in the user's terms.
var (
	// ErrNotDocx is returned for a file that is not a zip package.
	ErrNotDocx = errors.New("this file is not a Word .docx document (it is not a zip package); open it in Word and save it as .docx")
	// ErrEncrypted is returned for a password-protected Word file, whose text cannot be read.
	ErrEncrypted = errors.New("this document is protected with a password; open it in Word, remove the password (File > Info > Protect Document) and save it again")
	// ErrLegacyDoc is returned for an old binary Word 97–2003 file.
	ErrLegacyDoc = errors.New("this is an old Word 97–2003 .doc file; open it in Word and save it as .docx")
	// ErrUnsupported is returned for a format Delegate does not read at all.
	ErrUnsupported = errors.New("this kind of file cannot be read as a report draft; use the .docx of the draft (or Markdown or plain text)")
	// ErrZipBomb is returned when the package unpacks to far more than its
	// size, a sign of a malicious or broken file.
	ErrZipBomb = errors.New("this file unpacks to far more data than a report draft holds; it may be damaged or malicious and was not opened")
	// ErrUnsafeXML is returned for XML with a DOCTYPE or entity declarations,
	// never present in real Word files and a classic attack.
	ErrUnsafeXML = errors.New("this document contains XML declarations Word never writes (DOCTYPE/ENTITY); it was not opened for safety")
	// ErrInvalidText is returned for text that is not valid UTF-8.
	ErrInvalidText = errors.New("this file is not valid UTF-8 text; save it again as UTF-8 (in Word: Save As > Plain Text > Unicode (UTF-8))")
	// ErrCorrupt is returned for a .docx whose parts are missing or malformed.
	ErrCorrupt = errors.New("this Word document is damaged: a part of it could not be read; open it in Word and save it again")
)
