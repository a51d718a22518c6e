package ui

import "fyne.io/fyne/v2/lang"

// profileText translates the texts of the embedded WTPF-26 profile (forum
// name, milestone titles and notes, the Resolution 2 rule). The profile
// stays English data; a corrected or other profile shows as written.
func profileText(s string) string {
	switch s {
	case "Seventh World Telecommunication/ICT Policy Forum (WTPF-26)":
		return lang.L("Seventh World Telecommunication/ICT Policy Forum (WTPF-26)")
	case "Resolution 2 (Rev. Bucharest, 2022), resolves 10: a draft Opinion that was not presented during the preparatory period is not considered. After the cut-off, only amendments to existing draft Opinions are accepted.":
		return lang.L("Resolution 2 (Rev. Bucharest, 2022), resolves 10: a draft Opinion that was not presented during the preparatory period is not considered. After the cut-off, only amendments to existing draft Opinions are accepted.")
	case "1st draft (outline) of the SG report published for comments":
		return lang.L("1st draft (outline) of the SG report published for comments")
	case "Comments on the 1st draft, outline proposals for draft Opinions, expert nominations":
		return lang.L("Comments on the 1st draft, outline proposals for draft Opinions, expert nominations")
	case "IEG meeting 1, Geneva (Council Working Group cluster; English only, remote participation)":
		return lang.L("IEG meeting 1, Geneva (Council Working Group cluster; English only, remote participation)")
	case "2nd draft published, with an outline of draft Opinions; public consultation opens":
		return lang.L("2nd draft published, with an outline of draft Opinions; public consultation opens")
	case "Comments on the 2nd draft and on possible draft Opinions; public consultation input":
		return lang.L("Comments on the 2nd draft and on possible draft Opinions; public consultation input")
	case "IEG meeting 2 (Council Working Group cluster)":
		return lang.L("IEG meeting 2 (Council Working Group cluster)")
	case "3rd draft published, draft Opinions as an annex; consultation":
		return lang.L("3rd draft published, draft Opinions as an annex; consultation")
	case "Comments on the 3rd draft, including draft Opinions; consultation input":
		return lang.L("Comments on the 3rd draft, including draft Opinions; consultation input")
	case "IEG meeting 3 (Council Working Group cluster)":
		return lang.L("IEG meeting 3 (Council Working Group cluster)")
	case "4th draft published, draft Opinions annexed":
		return lang.L("4th draft published, draft Opinions annexed")
	case "Comments on the 4th draft, including draft Opinion texts":
		return lang.L("Comments on the 4th draft, including draft Opinion texts")
	case "IEG meeting 4 finalises the report and draft Opinions":
		return lang.L("IEG meeting 4 finalises the report and draft Opinions")
	case "Planned as a virtual meeting in February; held within the 12–23 January 2026 Council cluster (unconfirmed).":
		return lang.L("Planned as a virtual meeting in February; held within the 12–23 January 2026 Council cluster (unconfirmed).")
	case "Informal IEG meeting":
		return lang.L("Informal IEG meeting")
	case "Unconfirmed; the list of informal meetings may be incomplete.":
		return lang.L("Unconfirmed; the list of informal meetings may be incomplete.")
	case "Informal IEG meeting (virtual)":
		return lang.L("Informal IEG meeting (virtual)")
	case "Final SG report, with the draft Opinions, published (at least six weeks before the forum)":
		return lang.L("Final SG report, with the draft Opinions, published (at least six weeks before the forum)")
	case "WTPF-26, Geneva (three days)":
		return lang.L("WTPF-26, Geneva (three days)")
	case "Decision 641 says the first half of 2026; set the exact days here when known.":
		return lang.L("Decision 641 says the first half of 2026; set the exact days here when known.")
	}
	return s
}
