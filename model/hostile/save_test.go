package hostile

import (
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/process"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/store/storetest"
)

// TestHostileSaves: what the user (or a script through delegatectl)
// tries to save that every colleague's sync would refuse (model/store
// incoming.go), and so would block the delegation's sync until someone
// removed it. Each is refused where it is made, says why in the user's
// words and that nothing was saved, and the workspace is unchanged.
func TestHostileSaves(t *testing.T) {
	runCatalogue(t, saveCases())
}

func saveCases() []hostileCase {
	big := strings.Repeat("A long annex pasted whole. ", (1<<20)/27+100)
	return []hostileCase{
		commentSave("NUL in a new comment's body", func(c *item.Comment) { c.Body = "before\x00after" },
			store.ErrNULCharacter, "not saved, the previous version is kept", "the comment holds a NUL character", "colleagues' Delegate would refuse it"),
		commentSave("invalid UTF-8 in a new comment's body", func(c *item.Comment) { c.Body = "caf\xe9 in Latin-1" },
			store.ErrNotUTF8, "not saved", "the comment holds text that is not UTF-8"),
		commentSave("a comment over 1 MB", func(c *item.Comment) { c.Body = big },
			store.ErrTooLargeToShare, "not saved", "the comment is larger than 1 MB", "shorten it"),
		{name: "NUL in an existing comment's edit", is: store.ErrNULCharacter, want: []string{"not saved", "the comment holds a NUL character"},
			prepare: func(t *testing.T, e *env) func() error {
				cs, err := e.ws.Comments()
				if err != nil || len(cs) == 0 {
					t.Fatalf("seeded comments: %v", err)
				}
				c := cs[0]
				c.Body += "\x00"
				return func() error { return e.ws.SaveComment(&c, "edit body") }
			}},
		{name: "invalid UTF-8 in an Opinion proposal's reasons", is: store.ErrNotUTF8, want: []string{"not saved", "the Opinion proposal holds text that is not UTF-8"},
			prepare: func(t *testing.T, e *env) func() error {
				o := storetest.Opinion(3)
				o.Reasons = "\xff\xfe reasons in UTF-16"
				return func() error { return e.ws.SaveOpinion(&o, "add") }
			}},
		{name: "an Opinion proposal over 1 MB", is: store.ErrTooLargeToShare, want: []string{"not saved", "the Opinion proposal is larger than 1 MB"},
			prepare: func(t *testing.T, e *env) func() error {
				o := storetest.Opinion(3)
				o.Body = big
				return func() error { return e.ws.SaveOpinion(&o, "add") }
			}},
		{name: "invalid UTF-8 in the delegation profile", is: store.ErrNotUTF8, want: []string{"not saved", "the delegation profile holds text that is not UTF-8"},
			prepare: func(t *testing.T, e *env) func() error {
				p := item.Profile{Entity: "Republic of \xff", Category: item.CategoryMemberState}
				return func() error { return e.ws.SaveProfile(p, "edit") }
			}},
		{name: "invalid UTF-8 in a process date correction", is: store.ErrNotUTF8, want: []string{"not saved", "the file of process date corrections holds text that is not UTF-8"},
			prepare: func(t *testing.T, e *env) func() error {
				p, err := process.Parse([]byte("secretariat = \"wtpf@itu.int\"\n" + profileHead + profileMilestone))
				if err != nil {
					t.Fatal(err)
				}
				c := process.Corrections{Corrections: []process.Correction{{ID: "d1", Note: "moved \xe9"}}}
				return func() error { return e.ws.SaveProcessCorrections(p, c, "move d1") }
			}},
		{name: "invalid UTF-8 in a draft's label", is: store.ErrNotUTF8, want: []string{"not saved", "the draft record holds text that is not UTF-8"},
			prepare: func(t *testing.T, e *env) func() error {
				in := store.DraftImport{Source: "d.md", Data: []byte("# Draft\n\n1 Text.\n"), Label: "3rd draft \xff"}
				return func() error { _, err := e.ws.ImportDraft(in); return err }
			}},
	}
}

// commentSave is a case saving a new comment with edit applied.
func commentSave(name string, edit func(*item.Comment), is error, want ...string) hostileCase {
	return hostileCase{name: name, is: is, want: want, prepare: func(t *testing.T, e *env) func() error {
		c := storetest.Comment("7", "a comment")
		edit(&c)
		return func() error { return e.ws.SaveComment(&c, "add") }
	}}
}
