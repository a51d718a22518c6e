package assets

import _ "embed"

//go:embed templates/contribution.docx
var contributionTemplate []byte

// ContributionAnchor is the bookmark (or content-control tag) in the
// contribution template where Delegate puts the generated content.
const ContributionAnchor = "DelegateContent"

// ContributionTemplate returns the team's Word template for contributions
// (made by scripts/mktemplate). A copy is returned, so callers may keep it.
func ContributionTemplate() []byte {
	return append([]byte(nil), contributionTemplate...)
}
