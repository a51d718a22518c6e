package store

import (
	"bytes"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/delegate-itu/delegate/model/item"
)

var (
	when = time.Date(2024, 12, 1, 9, 30, 0, 0, time.UTC)
	jane = item.Person{Name: "Jane Doe", Email: "jane@example.org"}
)

func commentCases() map[string]item.Comment {
	base := item.Comment{
		ID:     "jd-241201-abcde",
		Anchor: item.Anchor{DraftID: "sg-2", ParagraphID: "p-3-2-14", Number: "§3.2 ¶14", Quote: "digital divide", Before: "the ", After: " is wide", Start: 4, End: 18},
		Kind:   item.KindEditorial, Review: item.Review{Status: item.StatusDraft},
		Author: jane, Created: when, Updated: when,
		Body: "Use the **plural**.\n",
	}
	withProposal := base
	withProposal.ID = "jd-241201-prop1"
	withProposal.Proposal = &item.Proposal{Action: item.ActionMod, Existing: "the divide", Proposed: "the divides"}
	withProposal.SubThemes = []int{1, 3}
	withProposal.Reasons = "Consistency\nwith §2."
	withProposal.Review = item.Review{Status: item.StatusChangesRequested, Note: "cite \"Res. 2\""}
	tricky := base
	tricky.ID = "jd-241201-trick"
	tricky.Body = "+++\nnot a fence inside the body\n+++\n中文 ﷺ\r\n"
	tricky.Anchor.Quote = "« Ελληνικά » 数字鸿沟"
	empty := base
	empty.ID = "jd-241201-empty"
	empty.Body = ""
	return map[string]item.Comment{"plain": base, "proposal": withProposal, "tricky": tricky, "no body": empty}
}

func TestCommentRoundTrip(t *testing.T) {
	for name, c := range commentCases() {
		t.Run(name, func(t *testing.T) {
			b, err := FormatComment(c)
			if err != nil {
				t.Fatal(err)
			}
			got, err := ParseComment(b)
			if err != nil {
				t.Fatalf("parse: %v\n%s", err, b)
			}
			if !reflect.DeepEqual(got, c) {
				t.Fatalf("parse(format(x)) != x\n got %+v\nwant %+v", got, c)
			}
			b2, _ := FormatComment(got)
			if !bytes.Equal(b, b2) {
				t.Fatalf("format(parse(b)) != b\n%s\n---\n%s", b, b2)
			}
		})
	}
}

func opinionCase() item.Opinion {
	return item.Opinion{
		ID: "jd-241201-opin1", Amends: 3, Title: "Resilience", SubTheme: 3,
		Preamble:  []item.PreambularBlock{{Keyword: "considering", Items: []string{"that a", "that b"}}},
		Operative: []item.OperativeBlock{{Heading: "invites", Addressee: "Member States", Items: []item.OperativeItem{{Text: "to x", SubItems: []string{"i", "ii"}}, {Text: "to y"}}}},
		Reasons:   "why", Review: item.Review{Status: item.StatusSubmitted, Package: "pkg-1"},
		Author: jane, Created: when, Updated: when.Add(time.Hour), Body: "Notes.\n",
	}
}

func TestOpinionRoundTrip(t *testing.T) {
	o := opinionCase()
	b, err := FormatOpinion(o)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseOpinion(b)
	if err != nil || !reflect.DeepEqual(got, o) {
		t.Fatalf("round trip: %v\n got %+v\nwant %+v\n%s", err, got, o, b)
	}
	if b2, _ := FormatOpinion(got); !bytes.Equal(b, b2) {
		t.Fatalf("not canonical:\n%s\n---\n%s", b, b2)
	}
}

func TestProfileAndDraftMetaRoundTrip(t *testing.T) {
	p := item.Profile{Entity: "République de Xyz", Category: item.CategoryMemberState, Country: "Xyz",
		Contacts: []item.Contact{{Name: "A", Email: "a@x.org", Phone: "+41 22", Coordinator: true}, {Name: "B", Organization: "Ministry", Email: "b@x.org"}}}
	b, _ := FormatProfile(p)
	got, err := ParseProfile(b)
	if err != nil || !reflect.DeepEqual(got, p) {
		t.Fatalf("profile: %v %+v\n%s", err, got, b)
	}
	if b2, _ := FormatProfile(got); !bytes.Equal(b, b2) {
		t.Fatal("profile not canonical")
	}
	d := DraftMeta{ID: "sg-2", Label: "2nd draft", Source: "draft2.docx", SHA256: "ab", Size: 10, Paragraphs: 3, Imported: when, By: jane}
	b, _ = FormatDraftMeta(d)
	gd, err := ParseDraftMeta(b)
	if err != nil || !reflect.DeepEqual(gd, d) {
		t.Fatalf("draft meta: %v %+v", err, gd)
	}
}

func TestParseErrors(t *testing.T) {
	cases := map[string]string{
		"no fence":      "id = \"x\"\n",
		"no close":      "+++\nid = \"x\"\n",
		"bad toml":      "+++\nid = \n+++\n",
		"unknown field": "+++\nid = \"x\"\ncolour = \"red\"\n+++\n",
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			if _, err := ParseComment([]byte(in)); !errors.Is(err, ErrFormat) {
				t.Fatalf("got %v, want ErrFormat", err)
			}
		})
	}
}

// FuzzParseComment checks that whatever ParseComment accepts formats to a
// canonical file that parses back to the same comment.
func FuzzParseComment(f *testing.F) {
	for _, c := range commentCases() {
		b, _ := FormatComment(c)
		f.Add(b)
	}
	f.Add([]byte("+++\nid = \"x\"\ncreated = 2024-01-01T00:00:00+02:00\n+++\nbody"))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := ParseComment(b)
		if err != nil {
			return
		}
		b2, err := FormatComment(c)
		if err != nil {
			t.Fatalf("format after parse: %v", err)
		}
		c2, err := ParseComment(b2)
		if err != nil || !reflect.DeepEqual(c, c2) {
			t.Fatalf("unstable: %v\n%+v\n%+v", err, c, c2)
		}
		if b3, _ := FormatComment(c2); !bytes.Equal(b2, b3) {
			t.Fatalf("format not canonical")
		}
	})
}

// FuzzParseProfile is FuzzParseComment for profile.toml.
func FuzzParseProfile(f *testing.F) {
	b, _ := FormatProfile(item.Profile{Entity: "X", Category: item.CategoryAcademia, Contacts: []item.Contact{{Name: "A", Email: "a@x.org"}}})
	f.Add(b)
	f.Add([]byte("entity = \"Y\"\n[[contacts]]\nname = \"n\"\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := ParseProfile(b)
		if err != nil {
			return
		}
		b2, err := FormatProfile(p)
		if err != nil {
			t.Fatalf("format after parse: %v", err)
		}
		p2, err := ParseProfile(b2)
		if err != nil || !reflect.DeepEqual(p, p2) {
			t.Fatalf("unstable: %v\n%+v\n%+v", err, p, p2)
		}
		if b3, _ := FormatProfile(p2); !bytes.Equal(b2, b3) {
			t.Fatalf("format not canonical")
		}
	})
}

// FuzzParseOpinion is FuzzParseComment for Opinion proposals.
func FuzzParseOpinion(f *testing.F) {
	b, _ := FormatOpinion(opinionCase())
	f.Add(b)
	f.Fuzz(func(t *testing.T, b []byte) {
		o, err := ParseOpinion(b)
		if err != nil {
			return
		}
		b2, _ := FormatOpinion(o)
		o2, err := ParseOpinion(b2)
		if err != nil || !reflect.DeepEqual(o, o2) {
			t.Fatalf("unstable: %v\n%+v\n%+v", err, o, o2)
		}
	})
}
