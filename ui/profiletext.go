package ui

import "fyne.io/fyne/v2/lang"

// profileText translates the texts of the embedded WTPF-26 profile (forum
// name, milestone titles and notes, the Resolution 2 rule). The profile
// stays English data; a corrected or other profile shows as written.
func profileText(s string) string {
	for _, tr := range []func(string) (string, bool){profileDocText, profileMeetingText, profileNoteText} {
		if t, ok := tr(s); ok {
			return t
		}
	}
	return s
}

// profileDocText translates the profile's drafts, comment periods and
// final report.
func profileDocText(s string) (string, bool) {
	switch s {
	case "1st draft (outline) of the SG report published for comments":
		return lang.L("1st draft (outline) of the SG report published for comments"), true
	case "Comments on the 1st draft, outline proposals for draft Opinions, expert nominations":
		return lang.L("Comments on the 1st draft, outline proposals for draft Opinions, expert nominations"), true
	case "2nd draft published, with an outline of draft Opinions; public consultation opens":
		return lang.L("2nd draft published, with an outline of draft Opinions; public consultation opens"), true
	case "Comments on the 2nd draft and on possible draft Opinions; public consultation input":
		return lang.L("Comments on the 2nd draft and on possible draft Opinions; public consultation input"), true
	case "3rd draft published, draft Opinions as an annex; consultation":
		return lang.L("3rd draft published, draft Opinions as an annex; consultation"), true
	case "Comments on the 3rd draft, including draft Opinions; consultation input":
		return lang.L("Comments on the 3rd draft, including draft Opinions; consultation input"), true
	case "4th draft published, draft Opinions annexed":
		return lang.L("4th draft published, draft Opinions annexed"), true
	case "Comments on the 4th draft, including draft Opinion texts":
		return lang.L("Comments on the 4th draft, including draft Opinion texts"), true
	case "Final SG report, with the draft Opinions, published (at least six weeks before the forum)":
		return lang.L("Final SG report, with the draft Opinions, published (at least six weeks before the forum)"), true
	}
	return "", false
}

// profileMeetingText translates the profile's meetings and the forum.
func profileMeetingText(s string) (string, bool) {
	switch s {
	case "IEG meeting 1, Geneva (Council Working Group cluster; English only, remote participation)":
		return lang.L("IEG meeting 1, Geneva (Council Working Group cluster; English only, remote participation)"), true
	case "IEG meeting 2 (Council Working Group cluster)":
		return lang.L("IEG meeting 2 (Council Working Group cluster)"), true
	case "IEG meeting 3 (Council Working Group cluster)":
		return lang.L("IEG meeting 3 (Council Working Group cluster)"), true
	case "IEG meeting 4 finalises the report and draft Opinions":
		return lang.L("IEG meeting 4 finalises the report and draft Opinions"), true
	case "Informal IEG meeting":
		return lang.L("Informal IEG meeting"), true
	case "Unconfirmed; the list of informal meetings may be incomplete.":
		return lang.L("Unconfirmed; the list of informal meetings may be incomplete."), true
	case "Informal IEG meeting (virtual)":
		return lang.L("Informal IEG meeting (virtual)"), true
	case "WTPF-26, Geneva (three days)":
		return lang.L("WTPF-26, Geneva (three days)"), true
	}
	return "", false
}

// profileNoteText translates the forum's name, the Resolution 2 rule and
// the milestones' notes.
func profileNoteText(s string) (string, bool) {
	switch s {
	case "Seventh World Telecommunication/ICT Policy Forum (WTPF-26)":
		return lang.L("Seventh World Telecommunication/ICT Policy Forum (WTPF-26)"), true
	case "Resolution 2 (Rev. Bucharest, 2022), resolves 10: a draft Opinion that was not presented during the preparatory period is not considered. After the cut-off, only amendments to existing draft Opinions are accepted.":
		return lang.L("Resolution 2 (Rev. Bucharest, 2022), resolves 10: a draft Opinion that was not presented during the preparatory period is not considered. After the cut-off, only amendments to existing draft Opinions are accepted."), true
	case "Planned as a virtual meeting in February; held within the 12–23 January 2026 Council cluster (unconfirmed).":
		return lang.L("Planned as a virtual meeting in February; held within the 12–23 January 2026 Council cluster (unconfirmed)."), true
	case "Decision 641 says the first half of 2026; set the exact days here when known.":
		return lang.L("Decision 641 says the first half of 2026; set the exact days here when known."), true
	}
	return "", false
}
