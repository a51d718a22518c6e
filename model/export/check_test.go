package export

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/delegate-itu/delegate/model/item"
)

func TestChecks(t *testing.T) {
	cases := []struct {
		name   string
		change func(*Input)
		level  Level // "" means no finding of that code
		code   string
		says   string
	}{
		{"clean sample", func(*Input) {}, "", "", ""},
		{"no summary", func(in *Input) { in.Cover.Summary = " " }, LevelRefuse, "summary", "Summary is missing"},
		{"no action required", func(in *Input) { in.Cover.ActionRequired = "" }, LevelRefuse, "action-required", "Action required"},
		{"no contact", func(in *Input) { in.Sender = item.Contact{} }, LevelRefuse, "contact", "contact person is missing"},
		{"not approved", func(in *Input) { in.Comments[1].Review = item.Review{Status: item.StatusReady} }, LevelRefuse, "not-approved", "ready-for-review, not approved"},
		{"unapproved allowed", func(in *Input) {
			in.Comments[1].Review = item.Review{Status: item.StatusReady}
			in.IncludeUnapproved = true
		}, "", "not-approved", ""},
		{"withdrawn", func(in *Input) { in.Comments[0].Review = item.Review{Status: item.StatusWithdrawn} }, LevelRefuse, "withdrawn", "withdrawn"},
		{"past deadline", func(in *Input) { in.Now = time.Date(2024, 12, 23, 9, 0, 0, 0, time.UTC) }, LevelWarn, "deadline", "was 20 December 2024 (3 days ago)"},
		{"on the deadline day", func(in *Input) { in.Now = time.Date(2024, 12, 20, 22, 0, 0, 0, time.UTC) }, "", "deadline", ""},
		{"superseded draft", func(in *Input) { in.Now = time.Date(2025, 4, 2, 9, 0, 0, 0, time.UTC) }, LevelWarn, "superseded", "3rd draft is out"},
		{"new Opinion after cut-off", func(in *Input) {
			in.Now = time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
			in.Opinions[0].Amends = 0
		}, LevelRefuse, "new-opinion", "Resolution 2 (Rev. Bucharest, 2022), resolves 10"},
		{"amendment after cut-off", func(in *Input) { in.Now = time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC) }, "", "new-opinion", ""},
		{"new Opinion before cut-off", func(in *Input) { in.Opinions[0].Amends = 0 }, "", "new-opinion", ""},
		{"French comment", func(in *Input) {
			in.Comments[0].Body = "Le texte devrait mieux refléter les besoins des zones rurales et des petits États insulaires en développement."
		}, LevelWarn, "language", "another language than English"},
		{"Russian comment", func(in *Input) {
			in.Comments[0].Body = "Текст должен лучше отражать потребности сельских районов и малых островных государств."
		}, LevelWarn, "language", "Cyrillic script"},
		{"amends an Opinion not in the draft", func(in *Input) { in.Opinions[0].Amends = 4 }, LevelWarn, "no-base-text", "draft Opinion 4"},
		{"nothing to send", func(in *Input) { in.Comments, in.Opinions = nil, nil }, LevelRefuse, "empty", "nothing to send"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := sampleInput(t)
			tc.change(&in)
			if in.Now.IsZero() {
				in.Now = in.Made
			}
			fs := Check(in)
			var got *Finding
			for i := range fs {
				if fs[i].Code == tc.code || (tc.code == "" && fs[i].Level != "") {
					got = &fs[i]
				}
			}
			switch {
			case tc.level == "" && got != nil:
				t.Errorf("unexpected finding %+v", *got)
			case tc.level != "" && got == nil:
				t.Errorf("no %s finding in %+v", tc.code, fs)
			case got != nil && (got.Level != tc.level || !strings.Contains(got.Message, tc.says)):
				t.Errorf("finding %+v, want %s saying %q", *got, tc.level, tc.says)
			}
		})
	}
}

func TestLengthWarning(t *testing.T) {
	in := sampleInput(t)
	for i := 6; i < 60; i++ {
		in.Comments = append(in.Comments, comment(i, item.KindSubstantive, &item.Proposal{Action: item.ActionMod,
			Existing: strings.Repeat("existing words of the draft ", 8), Proposed: strings.Repeat("proposed words for the draft ", 8)}))
	}
	res := build(t, in)
	found := false
	for _, f := range res.Findings {
		found = found || (f.Code == "length" && f.Level == LevelWarn)
	}
	if !found || res.Pages <= MaxPages {
		t.Errorf("%.1f pages, findings %+v", res.Pages, res.Findings)
	}
	if len(res.Manifest.Warnings) == 0 {
		t.Error("warnings are not recorded in the manifest")
	}
}

func TestNotEnglish(t *testing.T) {
	cases := []struct{ text, want string }{
		{"The report should say more about the needs of rural areas and of small island developing States.", ""},
		{"Too short", ""},
		{"El informe debería reflejar mejor las necesidades de las zonas rurales y de los pequeños Estados insulares.", "another language"},
		{"报告应更好地反映农村地区和小岛屿发展中国家的需求，并加强国际合作以弥合数字鸿沟。", "Chinese script"},
		{"ينبغي أن يعكس التقرير بشكل أفضل احتياجات المناطق الريفية والدول الجزرية الصغيرة النامية", "Arabic script"},
		{"Resilience frameworks, submarine cables, emergency telecommunications, satellites, spectrum, connectivity, innovation", "another language"},
	}
	for i, tc := range cases {
		t.Run(strconv.Itoa(i), func(t *testing.T) {
			got := notEnglish(tc.text)
			if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
				t.Errorf("notEnglish = %q, want %q", got, tc.want)
			}
		})
	}
}
