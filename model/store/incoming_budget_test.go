package store

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/item"
)

// TestIncomingReadIsBounded: the check stops, with a refusal, once it
// has read its budget, however many honest-looking versions a branch
// brings; with the real budget the same branch passes.
func TestIncomingReadIsBounded(t *testing.T) {
	from := budgetWorkspace(t, "Ana")
	for i := range 5 {
		c := item.Comment{Anchor: item.Anchor{DraftID: "sg-2", ParagraphID: "p1", Number: "1", Quote: "digital divides"},
			Kind: item.KindSubstantive, Body: fmt.Sprintf("comment %d", i)}
		if err := from.SaveComment(&c, "add"); err != nil {
			t.Fatal(err)
		}
	}
	_, tip, _, err := from.head()
	if err != nil {
		t.Fatal(err)
	}
	to := budgetWorkspace(t, "Ben")
	for _, c := range []struct {
		left    int64
		refused bool
	}{{maxIncomingRead, false}, {200, true}} {
		in, err := to.newIncomingCheck(from.st, filepath.Join(from.dir, ".git", "objects"))
		if err != nil {
			t.Fatal(err)
		}
		in.left = c.left
		err = in.branch(tip)
		if got := err != nil && strings.Contains(err.Error(), "to check at once"); got != c.refused {
			t.Errorf("budget %d: %v", c.left, err)
		}
	}
}

func budgetWorkspace(t *testing.T, name string) *Workspace {
	w, err := Create(filepath.Join(t.TempDir(), name), item.Person{Name: name, Email: strings.ToLower(name) + "@example.org"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = w.Close() })
	return w
}
