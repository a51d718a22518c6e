package report

import "github.com/delegate-itu/delegate/model/docxread/docxtest"

// The .docx fixtures live in model/docxread/docxtest, shared with the
// reader's own tests; these short names keep the report tests readable.
const (
	wNS           = docxtest.NS
	germanStyles  = docxtest.GermanStyles
	testNumbering = docxtest.Numbering
	testFootnotes = docxtest.Footnotes
)

var (
	zipOf        = docxtest.Zip
	rawDocx      = docxtest.Package
	p            = docxtest.P
	richBody     = docxtest.RichBody
	oleFile      = docxtest.OLE
	bombZip      = docxtest.Bomb
	declaredBomb = docxtest.DeclaredBomb
	lyingZip     = docxtest.LyingZip
)
