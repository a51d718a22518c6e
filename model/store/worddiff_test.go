package store

import (
	"reflect"
	"strings"
	"testing"
)

func TestWordDiff(t *testing.T) {
	cases := []struct {
		name, a, b, want string
	}{
		{"same", "the digital divide", "the digital divide", "the digital divide"},
		{"one word", "the digital divide", "the digital divides", "the digital [-divide-]{+divides+}"},
		{"insert", "bridging divides", "bridging digital divides", "bridging {+digital +}divides"},
		{"punctuation", "networks fail;", "networks fail.", "networks fail[-;-]{+.+}"},
		{"chinese by character", "弥合数字鸿沟", "弥合性别数字鸿沟", "弥合{+性别+}数字鸿沟"},
		{"accents are one word", "équité numérique", "équité sociale", "équité [-numérique-]{+sociale+}"},
		{"empty to text", "", "new text", "{+new text+}"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ops := WordDiff(c.a, c.b)
			if got := FormatDiff(ops); got != c.want {
				t.Fatalf("got %q, want %q", got, c.want)
			}
			checkSides(t, ops, c.a, c.b)
		})
	}
}

// checkSides: the kept and deleted runs spell a, the kept and inserted spell b.
func checkSides(t *testing.T, ops []DiffOp, a, b string) {
	t.Helper()
	var ga, gb strings.Builder
	for _, o := range ops {
		if o.Op != "+" {
			ga.WriteString(o.Text)
		}
		if o.Op != "-" {
			gb.WriteString(o.Text)
		}
	}
	if ga.String() != a || gb.String() != b {
		t.Fatalf("diff does not rebuild its sides: %q / %q", ga.String(), gb.String())
	}
}

func FuzzWordDiff(f *testing.F) {
	f.Add("the digital divide", "the digital divides")
	f.Add("弥合数字鸿沟", "弥合性别数字鸿沟")
	f.Fuzz(func(t *testing.T, a, b string) {
		checkSides(t, WordDiff(a, b), a, b)
	})
}

func FuzzParseDraftMeta(f *testing.F) {
	b, _ := FormatDraftMeta(DraftMeta{ID: "sg-2", Label: "2nd draft", Source: "d.docx", SHA256: "ab", Size: 3, Imported: when, By: jane})
	f.Add(b)
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := ParseDraftMeta(b)
		if err != nil {
			return
		}
		b2, err := FormatDraftMeta(d)
		if err != nil {
			t.Fatal(err)
		}
		d2, err := ParseDraftMeta(b2)
		if err != nil || !reflect.DeepEqual(d.Imported.Unix(), d2.Imported.Unix()) || d.ID != d2.ID {
			t.Fatalf("unstable: %v %+v %+v", err, d, d2)
		}
	})
}
