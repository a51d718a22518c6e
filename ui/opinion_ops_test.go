package ui

import (
	"reflect"
	"testing"

	"github.com/delegate-itu/delegate/model/item"
)

func TestBareItemDropsTypedLabelsAndEndPunctuation(t *testing.T) {
	for in, want := range map[string]string{
		"a) that skills matter;":       "that skills matter",
		"(iv) for storms,":             "for storms",
		"2 to share data.":             "to share data",
		"12. that plans help":          "that plans help",
		"3 billion people are offline": "3 billion people are offline",
		"that costs fell, e.g.":        "that costs fell, e.g",
		"that people\nrely on them ;":  "that people rely on them",
		"an item about i) things":      "an item about i) things",
	} {
		if got := bareItem(in); got != want {
			t.Errorf("bareItem(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIndentAndOutdentCarrySubItems(t *testing.T) {
	o := item.Opinion{Operative: []item.OperativeBlock{{Heading: "invites", Items: []item.OperativeItem{
		{Text: "to plan"}, {Text: "to share", SubItems: []string{"data", "practice"}}}}}}
	p, ok := indentAt(&o, opPos{part: partOpItem, i: 1})
	want := []item.OperativeItem{{Text: "to plan", SubItems: []string{"to share", "data", "practice"}}}
	if !ok || p != (opPos{part: partOpSub, s: 0}) || !reflect.DeepEqual(o.Operative[0].Items, want) {
		t.Fatalf("indent: %+v at %+v", o.Operative[0].Items, p)
	}
	p, ok = outdentAt(&o, p)
	want = []item.OperativeItem{{Text: "to plan", SubItems: []string{}}, {Text: "to share", SubItems: []string{"data", "practice"}}}
	if !ok || p != (opPos{part: partOpItem, i: 1}) || len(o.Operative[0].Items) != 2 ||
		o.Operative[0].Items[1].Text != "to share" || !reflect.DeepEqual(o.Operative[0].Items[1].SubItems, want[1].SubItems) ||
		len(o.Operative[0].Items[0].SubItems) != 0 {
		t.Fatalf("outdent: %+v at %+v", o.Operative[0].Items, p)
	}
	if _, ok := indentAt(&o, opPos{part: partOpItem, i: 0}); ok {
		t.Fatal("the first item has nothing above it to nest under")
	}
	if _, ok := moveAt(&o, opPos{part: partOpItem, i: 1}, 1); ok {
		t.Fatal("the last item cannot move down")
	}
}
