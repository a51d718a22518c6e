package docx

import (
	"strconv"
	"strings"
	"time"
)

const rootRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="` + relBase + `officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + relBase + `extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

func (d *Document) contentTypesXML() string {
	const wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	var b strings.Builder
	b.WriteString(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	over := func(name, typ string) {
		b.WriteString(`<Override PartName="` + name + `" ContentType="` + typ + `"/>`)
	}
	over("/word/document.xml", wml+"document.main+xml")
	over("/word/styles.xml", wml+"styles+xml")
	over("/word/numbering.xml", wml+"numbering+xml")
	over("/word/footnotes.xml", wml+"footnotes+xml")
	over("/word/settings.xml", wml+"settings+xml")
	if len(d.Footer) > 0 {
		over("/word/footer1.xml", wml+"footer+xml")
	}
	over("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")
	over("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")
	b.WriteString(`</Types>`)
	return b.String()
}

// fixedRel is a relationship from the main document to one of its parts.
type fixedRel struct{ id, typ, target string }

func (d *Document) documentRels(links []string) string {
	fixed := []fixedRel{
		{"rIdStyles", "styles", "styles.xml"},
		{"rIdNumbering", "numbering", "numbering.xml"},
		{"rIdFootnotes", "footnotes", "footnotes.xml"},
		{"rIdSettings", "settings", "settings.xml"},
	}
	if len(d.Footer) > 0 {
		fixed = append(fixed, fixedRel{"rIdFooter1", "footer", "footer1.xml"})
	}
	return relsXML(fixed, links)
}

// relsXML renders a part's relationships: fixed ones, then hyperlinks
// rIdLink1, rIdLink2 … in order of appearance.
func relsXML(fixed []fixedRel, links []string) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for _, r := range fixed {
		b.WriteString(`<Relationship Id="` + r.id + `" Type="` + relBase + r.typ + `" Target="` + r.target + `"/>`)
	}
	for i, u := range links {
		b.WriteString(`<Relationship Id="rIdLink` + strconv.Itoa(i+1) + `" Type="` + relBase +
			`hyperlink" Target="` + escString(u) + `" TargetMode="External"/>`)
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

func (d *Document) settingsXML() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:settings ` + nsW + `><w:zoom w:percent="100"/>`)
	if d.TrackRevisions {
		b.WriteString(`<w:trackRevisions/>`)
	}
	b.WriteString(`<w:defaultTabStop w:val="794"/><w:characterSpacingControl w:val="doNotCompress"/>`)
	b.WriteString(`<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>`)
	b.WriteString(`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>`)
	b.WriteString(`</w:settings>`)
	return b.String()
}

func (d *Document) coreXML() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	el := func(tag, v string) {
		if v != "" {
			b.WriteString("<" + tag + ">" + escString(v) + "</" + tag + ">")
		}
	}
	p := d.Props
	el("dc:title", p.Title)
	el("dc:subject", p.Subject)
	el("dc:creator", p.Creator)
	el("dc:description", p.Description)
	stamp := func(tag string, t time.Time) {
		if !t.IsZero() {
			b.WriteString("<" + tag + ` xsi:type="dcterms:W3CDTF">` + t.UTC().Format("2006-01-02T15:04:05Z") + "</" + tag + ">")
		}
	}
	stamp("dcterms:created", p.Created)
	stamp("dcterms:modified", p.Modified)
	b.WriteString(`</cp:coreProperties>`)
	return b.String()
}

func (d *Document) appXML() string {
	app := d.Props.Application
	if app == "" {
		app = "Delegate"
	}
	return xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>` +
		escString(app) + `</Application></Properties>`
}
