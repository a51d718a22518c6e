package report

import "strings"

// readProperties takes what docProps/core.xml and custom.xml say about the
// draft; the text of the front matter is consulted later, in finish.
func readProperties(p *pkg, d *Draft) error {
	data, err := p.read("docProps/core.xml")
	if err != nil {
		return err
	}
	if data != nil {
		var core struct {
			Title      string `xml:"title"`
			Subject    string `xml:"subject"`
			Keywords   string `xml:"keywords"`
			Identifier string `xml:"identifier"`
			Modified   string `xml:"modified"`
		}
		if err := decodeXML(data, &core); err != nil {
			return err
		}
		d.DocID = firstMatch(docIDRe, core.Identifier, core.Keywords, core.Subject, core.Title)
		d.Label = labelFrom(core.Subject + " " + core.Title + " " + core.Keywords)
		// The last save is the best date a Word file gives for publication.
		if m := core.Modified; len(m) >= 10 && isoDateRe.MatchString(m[:10]) {
			d.Published = m[:10]
		}
	}
	data, err = p.read("docProps/custom.xml")
	if err != nil || data == nil {
		return err
	}
	var custom struct {
		Props []struct {
			Name  string `xml:"name,attr"`
			Value struct {
				Text string `xml:",chardata"`
			} `xml:",any"`
		} `xml:"property"`
	}
	if err := decodeXML(data, &custom); err != nil {
		return err
	}
	for _, pr := range custom.Props {
		setMeta(d, strings.ToLower(pr.Name), strings.TrimSpace(pr.Value.Text))
	}
	return nil
}

// setMeta sets one metadata field named in custom properties or in the
// Markdown metadata comment.
func setMeta(d *Draft, key, val string) {
	key = strings.TrimPrefix(strings.TrimPrefix(key, "delegate-"), "delegate.")
	switch key {
	case "label":
		d.Label = val
	case "version":
		d.Version = atoiDefault(val, d.Version)
	case "docid", "doc_id", "doc-id", "documentid", "document id":
		d.DocID = val
	case "published", "date", "publication date":
		d.Published = val
	}
}
