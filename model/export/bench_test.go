package export

import (
	"fmt"
	"testing"

	"github.com/delegate-itu/delegate/model/item"
)

// BenchmarkPackage500 builds a package of 500 comments with text proposals
// (the budget: under a second).
func BenchmarkPackage500(b *testing.B) {
	in := sampleInput(b)
	in.Comments = nil
	for i := range 500 {
		c := comment(i+1, item.KindSubstantive, &item.Proposal{Action: item.ActionMod,
			Existing: fmt.Sprintf("Member States are invited to consider the needs of rural areas, item %d.", i),
			Proposed: fmt.Sprintf("Member States are encouraged to address the needs of rural and remote areas, item %d.", i)})
		in.Comments = append(in.Comments, c)
		in.Versions[c.ID] = "c0ffee"
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := Build(in); err != nil {
			b.Fatal(err)
		}
	}
}
