package assets

import "embed"

//go:embed samples/draft2.docx samples/draft3.docx samples/draft2.md samples/draft3.md samples/changes-2-to-3.json
var samples embed.FS

// Sample is one embedded sample report draft: team-written text, not ITU text.
type Sample struct {
	Name  string // file name, e.g. "draft2.docx"
	Label string // "2nd draft"
	Data  []byte
}

// SampleDrafts returns the embedded sample drafts as Word files, oldest
// first, so the first run has a report to work on with no files on disk.
func SampleDrafts() []Sample {
	return []Sample{
		{Name: "draft2.docx", Label: "2nd draft", Data: mustRead(samples, "samples/draft2.docx")},
		{Name: "draft3.docx", Label: "3rd draft", Data: mustRead(samples, "samples/draft3.docx")},
	}
}

func mustRead(fs embed.FS, name string) []byte {
	b, err := fs.ReadFile(name)
	if err != nil {
		panic("assets: embedded file missing: " + err.Error()) // a build defect
	}
	return b
}
