package docx

import "strconv"

// style is one w:style entry; pPr and rPr are raw inner XML.
type style struct {
	typ, id, name, basedOn, next string
	pPr, rPr                     string
	def                          bool
}

// builtinStyles are the styles of a secretariat report: ITU's Times New
// Roman 12 pt, headings linked to the heading list, the numbered-paragraph
// style linked to the paragraph list, and the Opinion "Call" style.
func builtinStyles() []style {
	hd := func(level int, size string) style {
		n := strconv.Itoa(level)
		return style{typ: "paragraph", id: "Heading" + n, name: "heading " + n, basedOn: "Normal", next: "Normal",
			pPr: `<w:keepNext/><w:keepLines/><w:numPr><w:ilvl w:val="` + strconv.Itoa(level-1) + `"/><w:numId w:val="1"/></w:numPr>` +
				`<w:spacing w:before="240" w:after="60"/><w:outlineLvl w:val="` + strconv.Itoa(level-1) + `"/>`,
			rPr: `<w:b/><w:sz w:val="` + size + `"/>`}
	}
	return []style{
		{typ: "paragraph", id: StyleNormal, name: "Normal", def: true,
			pPr: `<w:spacing w:before="120" w:after="0"/>`},
		{typ: "character", id: "DefaultParagraphFont", name: "Default Paragraph Font", def: true},
		{typ: "paragraph", id: StyleTitle, name: "Title", basedOn: "Normal", next: "Normal",
			pPr: `<w:spacing w:before="240" w:after="120"/><w:jc w:val="center"/>`, rPr: `<w:b/><w:sz w:val="32"/>`},
		hd(1, "28"), hd(2, "24"), hd(3, "24"),
		{typ: "paragraph", id: StyleParaNumbered, name: "Numbered paragraph", basedOn: "Normal",
			pPr: `<w:numPr><w:numId w:val="2"/></w:numPr><w:jc w:val="both"/>`},
		{typ: "paragraph", id: StyleCall, name: "Call", basedOn: "Normal", next: "Normal",
			pPr: `<w:keepNext/><w:keepLines/><w:spacing w:before="160"/><w:ind w:left="794"/>`, rPr: `<w:i/>`},
		{typ: "paragraph", id: StyleAnnexTitle, name: "Annex title", basedOn: "Normal", next: "Normal",
			pPr: `<w:keepNext/><w:pageBreakBefore/><w:spacing w:before="240" w:after="240"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/>`,
			rPr: `<w:b/><w:sz w:val="28"/>`},
		{typ: "paragraph", id: StyleListParagraph, name: "List Paragraph", basedOn: "Normal",
			pPr: `<w:spacing w:before="80"/><w:ind w:left="720"/>`},
		{typ: "paragraph", id: StyleCaption, name: "caption", basedOn: "Normal", next: "Normal",
			pPr: `<w:keepNext/><w:spacing w:before="240" w:after="120"/><w:jc w:val="center"/>`, rPr: `<w:b/>`},
		{typ: "paragraph", id: StyleFootnoteText, name: "footnote text", basedOn: "Normal",
			pPr: `<w:spacing w:before="40"/><w:ind w:left="284" w:hanging="284"/>`, rPr: `<w:sz w:val="20"/>`},
		{typ: "character", id: styleFootnoteRef, name: "footnote reference", rPr: `<w:vertAlign w:val="superscript"/>`},
		{typ: "character", id: styleHyperlink, name: "Hyperlink", rPr: `<w:color w:val="0563C1"/><w:u w:val="single"/>`},
		{typ: "table", id: StyleTableGrid, name: "Table Grid",
			pPr: `<w:spacing w:before="40" w:after="40"/>`, rPr: `<w:sz w:val="22"/>`},
	}
}

func (d *Document) stylesXML() string {
	w := newWriter()
	b := w.b
	b.WriteString(xmlHeader + `<w:styles ` + nsW + `>`)
	b.WriteString(`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>` +
		`<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`)
	for _, s := range builtinStyles() {
		b.WriteString(`<w:style w:type="` + s.typ + `" w:styleId="` + s.id + `"`)
		if s.def {
			b.WriteString(` w:default="1"`)
		}
		b.WriteString(`><w:name w:val="` + s.name + `"/>`)
		if s.basedOn != "" {
			b.WriteString(`<w:basedOn w:val="` + s.basedOn + `"/>`)
		}
		if s.next != "" {
			b.WriteString(`<w:next w:val="` + s.next + `"/>`)
		}
		b.WriteString(`<w:qFormat/>`)
		if s.pPr != "" {
			b.WriteString(`<w:pPr>` + s.pPr + `</w:pPr>`)
		}
		if s.rPr != "" {
			b.WriteString(`<w:rPr>` + s.rPr + `</w:rPr>`)
		}
		if s.typ == "table" {
			b.WriteString(`<w:tblPr><w:tblBorders>` + tblBorder("top") + tblBorder("left") + tblBorder("bottom") +
				tblBorder("right") + tblBorder("insideH") + tblBorder("insideV") +
				`</w:tblBorders><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>`)
		}
		b.WriteString(`</w:style>`)
	}
	b.WriteString(`</w:styles>`)
	return b.String()
}
