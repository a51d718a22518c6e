package item

import (
	"errors"
	"testing"
)

func sampleOpinion() Opinion {
	return Opinion{
		ID: "jd-241201-opin1", Amends: 3, Title: "Resilience of telecommunications/ICTs", SubTheme: 3,
		Preamble: []PreambularBlock{
			{Keyword: "considering", Items: []string{"that networks fail;", "that people rely on them"}},
			{Keyword: "recognizing", Items: []string{"the work of ITU-D."}},
		},
		Operative: []OperativeBlock{
			{Heading: "is of the view", Items: []OperativeItem{{Text: "that resilience matters"}, {Text: "that plans help"}}},
			{Heading: "invites", Addressee: "Member States", Items: []OperativeItem{
				{Text: "to plan", SubItems: []string{"for floods", "for storms"}},
				{Text: "to share"},
			}},
		},
		Review: Review{Status: StatusDraft}, Author: jane, Created: t0, Updated: t0,
	}
}

func TestOpinionText(t *testing.T) {
	o := sampleOpinion()
	want := `DRAFT OPINION 3
Resilience of telecommunications/ICTs
The seventh World Telecommunication/ICT Policy Forum (Geneva, 2026),
    considering
a) that networks fail;
b) that people rely on them,
    recognizing
a) the work of ITU-D,
    is of the view
1 that resilience matters;
2 that plans help,
    invites Member States
1 to plan:
  i) for floods;
  ii) for storms;
2 to share.
`
	if got := o.Text(); got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}

func TestLettering(t *testing.T) {
	for i, want := range map[int]string{0: "a", 25: "z", 26: "aa", 27: "ab"} {
		if got := letter(i); got != want {
			t.Errorf("letter(%d) = %q, want %q", i, got, want)
		}
	}
	for n, want := range map[int]string{1: "i", 4: "iv", 9: "ix", 14: "xiv"} {
		if got := roman(n); got != want {
			t.Errorf("roman(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestOpinionValidate(t *testing.T) {
	cases := map[string]func(o *Opinion){
		"title":                              func(o *Opinion) { o.Title = "" },
		"amends":                             func(o *Opinion) { o.Amends = -1 },
		"sub_theme":                          func(o *Opinion) { o.SubTheme = 9 },
		"preamble[0].keyword":                func(o *Opinion) { o.Preamble[0].Keyword = "" },
		"preamble[1].items":                  func(o *Opinion) { o.Preamble[1].Items = nil },
		"operative":                          func(o *Opinion) { o.Operative = nil },
		"operative[1].items[0].text":         func(o *Opinion) { o.Operative[1].Items[0].Text = " " },
		"operative[0].heading":               func(o *Opinion) { o.Operative[0].Heading = "" },
		"operative[1].items[0].sub_items[1]": func(o *Opinion) { o.Operative[1].Items[0].SubItems[1] = "" },
	}
	o := sampleOpinion()
	if err := o.Validate(); err != nil {
		t.Fatal(err)
	}
	for field, edit := range cases {
		t.Run(field, func(t *testing.T) {
			o := sampleOpinion()
			edit(&o)
			var fe *FieldError
			if err := o.Validate(); !errors.As(err, &fe) || fe.Field != field {
				t.Fatalf("got %v, want field %s", err, field)
			}
		})
	}
}
