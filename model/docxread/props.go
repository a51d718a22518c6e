package docxread

// readProperties reads docProps/core.xml and custom.xml as written; what
// they mean for a draft is the caller's business.
func readProperties(p *pkg, doc *Document) error {
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
		doc.Core = &CoreProps{Title: core.Title, Subject: core.Subject, Keywords: core.Keywords,
			Identifier: core.Identifier, Modified: core.Modified}
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
		doc.Custom = append(doc.Custom, Property{Name: pr.Name, Value: pr.Value.Text})
	}
	return nil
}
