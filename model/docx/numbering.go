package docx

import (
	"strconv"
	"strings"
)

// List identifies a list definition in numbering.xml (its w:numId). Items of
// the same List continue each other's numbers; a new List restarts them.
type List int

// NumFmt is a Word number format (w:numFmt).
type NumFmt string

// Number formats Word and LibreOffice both understand.
const (
	Decimal     NumFmt = "decimal"
	LowerLetter NumFmt = "lowerLetter"
	UpperLetter NumFmt = "upperLetter"
	LowerRoman  NumFmt = "lowerRoman"
	UpperRoman  NumFmt = "upperRoman"
	Bullet      NumFmt = "bullet"
)

// Level is one level of a list: its format, its label pattern (%1 is this
// level's number at level 0, %2 at level 1, …), start value and indents in
// twips. Style links the level to a paragraph style, as Word does for
// heading numbering.
type Level struct {
	Format  NumFmt
	Text    string
	Start   int
	Indent  int
	Hanging int
	Style   string
	// Bold makes the number itself bold (heading numbers).
	Bold bool
}

type list struct {
	multi  bool
	levels []Level
}

// HeadingList is the multi-level list that numbers Heading 1–3.
const HeadingList List = headingListNumID

// ParagraphList is the decimal list that numbers paragraphs in
// StyleParaNumbered continuously through the document.
const ParagraphList List = paragraphListNumID

// NewList defines a list with up to nine levels and returns its handle.
func (d *Document) NewList(levels ...Level) List {
	if len(levels) > 9 {
		levels = levels[:9]
	}
	d.lists = append(d.lists, list{multi: len(levels) > 1, levels: levels})
	return List(len(d.lists))
}

// BulletList defines a new one-level bullet list.
func (d *Document) BulletList() List {
	return d.NewList(Level{Format: Bullet, Text: "•", Indent: 1134, Hanging: 567})
}

// LetterList defines a new list labelled a), b), c) …
func (d *Document) LetterList() List {
	return d.NewList(Level{Format: LowerLetter, Text: "%1)", Indent: 1134, Hanging: 567})
}

// RomanList defines a new list labelled i), ii), iii) …
func (d *Document) RomanList() List {
	return d.NewList(Level{Format: LowerRoman, Text: "%1)", Indent: 1134, Hanging: 567})
}

func headingList() list {
	return list{multi: true, levels: []Level{
		{Format: Decimal, Text: "%1", Indent: 567, Hanging: 567, Style: StyleHeading1, Bold: true},
		{Format: Decimal, Text: "%1.%2", Indent: 794, Hanging: 794, Style: StyleHeading2, Bold: true},
		{Format: Decimal, Text: "%1.%2.%3", Indent: 1021, Hanging: 1021, Style: StyleHeading3, Bold: true},
	}}
}

func paragraphList() list {
	return list{levels: []Level{
		{Format: Decimal, Text: "%1.", Indent: 567, Hanging: 567, Style: StyleParaNumbered},
	}}
}

// numberingXML renders numbering.xml: one abstractNum per list, and one num
// pointing at it, both with the list's index as ID.
func (d *Document) numberingXML() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:numbering ` + nsW + `>`)
	for i, l := range d.lists {
		typ := "hybridMultilevel"
		if l.multi {
			typ = "multilevel"
		} else if len(l.levels) == 1 {
			typ = "singleLevel"
		}
		b.WriteString(`<w:abstractNum w:abstractNumId="` + strconv.Itoa(i) + `">`)
		b.WriteString(`<w:multiLevelType w:val="` + typ + `"/>`)
		for n, lv := range l.levels {
			writeLevel(&b, n, lv)
		}
		b.WriteString(`</w:abstractNum>`)
	}
	for i := range d.lists {
		b.WriteString(`<w:num w:numId="` + strconv.Itoa(i+1) + `"><w:abstractNumId w:val="` + strconv.Itoa(i) + `"/></w:num>`)
	}
	b.WriteString(`</w:numbering>`)
	return b.String()
}

func writeLevel(b *strings.Builder, n int, lv Level) {
	start := lv.Start
	if start == 0 {
		start = 1
	}
	if lv.Format == "" {
		lv.Format = Decimal
	}
	b.WriteString(`<w:lvl w:ilvl="` + strconv.Itoa(n) + `">`)
	b.WriteString(`<w:start w:val="` + strconv.Itoa(start) + `"/>`)
	b.WriteString(`<w:numFmt w:val="` + escString(string(lv.Format)) + `"/>`)
	if lv.Style != "" {
		b.WriteString(`<w:pStyle w:val="` + escString(lv.Style) + `"/>`)
	}
	b.WriteString(`<w:lvlText w:val="` + escString(lv.Text) + `"/>`)
	b.WriteString(`<w:lvlJc w:val="left"/>`)
	b.WriteString(`<w:pPr><w:tabs><w:tab w:val="num" w:pos="` + strconv.Itoa(lv.Indent) + `"/></w:tabs>`)
	b.WriteString(`<w:ind w:left="` + strconv.Itoa(lv.Indent) + `" w:hanging="` + strconv.Itoa(lv.Hanging) + `"/></w:pPr>`)
	if lv.Bold {
		b.WriteString(`<w:rPr><w:b/></w:rPr>`)
	}
	b.WriteString(`</w:lvl>`)
}
