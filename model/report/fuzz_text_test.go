package report

import "testing"

// FuzzImportText: plain-text drafts (a .txt pasted from the PDF) go
// through their own reader; either a clean error or unique block IDs.
func FuzzImportText(f *testing.F) {
	f.Add("Report of the Secretary-General\n\n1 Introduction\n\n1. The forum meets in Geneva, in 2026, to discuss policy.\n\n" +
		"2.3 Affordable connectivity\n\n14. Affordability remains the main barrier for many people.\n\n- a bullet point\n\n" +
		"Annex – Draft Opinions\n\nDRAFT OPINION 1\n\nTitle\n\nThe seventh World Telecommunication/ICT Policy Forum (Geneva, 2026),\n\nconsidering\n\na) that x,\n")
	f.Add("\ufeff1. one\n\n1. one again\n\n\x00")
	f.Add("caf\xe9")
	f.Fuzz(func(t *testing.T, src string) {
		d, err := Import("fuzz.txt", []byte(src), ImportOptions{})
		checkFuzzResult(t, d, err)
	})
}
