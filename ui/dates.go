package ui

import (
	"time"

	"fyne.io/fyne/v2/lang"
)

// monthName is the month on its own ("June"), for month-only dates.
func monthName(m int) string {
	switch m {
	case 1:
		return lang.X("month.1", "January")
	case 2:
		return lang.X("month.2", "February")
	case 3:
		return lang.X("month.3", "March")
	case 4:
		return lang.X("month.4", "April")
	case 5:
		return lang.X("month.5", "May")
	case 6:
		return lang.X("month.6", "June")
	case 7:
		return lang.X("month.7", "July")
	case 8:
		return lang.X("month.8", "August")
	case 9:
		return lang.X("month.9", "September")
	case 10:
		return lang.X("month.10", "October")
	case 11:
		return lang.X("month.11", "November")
	}
	return lang.X("month.12", "December")
}

// monthDay is a full date; one template per month because languages
// inflect the month after a day (Russian "1 июня") or reorder it all
// (Chinese "2025年6月1日").
func monthDay(m, day, year int) string {
	d := map[string]any{"D": digits(day), "Y": digits(year)}
	switch m {
	case 1:
		return lang.X("date.1", "{{.D}} January {{.Y}}", d)
	case 2:
		return lang.X("date.2", "{{.D}} February {{.Y}}", d)
	case 3:
		return lang.X("date.3", "{{.D}} March {{.Y}}", d)
	case 4:
		return lang.X("date.4", "{{.D}} April {{.Y}}", d)
	case 5:
		return lang.X("date.5", "{{.D}} May {{.Y}}", d)
	case 6:
		return lang.X("date.6", "{{.D}} June {{.Y}}", d)
	case 7:
		return lang.X("date.7", "{{.D}} July {{.Y}}", d)
	case 8:
		return lang.X("date.8", "{{.D}} August {{.Y}}", d)
	case 9:
		return lang.X("date.9", "{{.D}} September {{.Y}}", d)
	case 10:
		return lang.X("date.10", "{{.D}} October {{.Y}}", d)
	case 11:
		return lang.X("date.11", "{{.D}} November {{.Y}}", d)
	}
	return lang.X("date.12", "{{.D}} December {{.Y}}", d)
}

// timeText is a moment in local time: the day as dateText writes it and
// the 24-hour clock, which all six languages read.
func timeText(t time.Time) string {
	t = t.Local()
	return lang.L("{{.Date}}, {{.Time}}", map[string]any{"Date": monthDay(int(t.Month()), t.Day(), t.Year()), "Time": t.Format("15:04")})
}
