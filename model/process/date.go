package process

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day, or only a month when the secretariat announced no
// day ("IEG meeting 2, February 2025"). Dates are civil dates in the profile's
// time zone; they carry no clock time.
type Date struct {
	Year  int
	Month time.Month
	Day   int // 0 when only the month is known
}

// ErrBadDate is returned for a date that is not YYYY-MM-DD or YYYY-MM.
var ErrBadDate = errors.New("not a date")

// ParseDate reads "2025-06-16" or "2025-02" (month precision).
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	parts := strings.Split(s, "-")
	if len(parts) < 2 || len(parts) > 3 || len(parts[0]) != 4 || len(parts[1]) != 2 {
		return Date{}, fmt.Errorf("%q is %w: write it as YYYY-MM-DD (or YYYY-MM when the day is not known)", s, ErrBadDate)
	}
	if strings.Trim(strings.Join(parts, ""), "0123456789") != "" { // Atoi would take "+1"
		return Date{}, fmt.Errorf("%q is %w: write it as YYYY-MM-DD with digits only", s, ErrBadDate)
	}
	d, ok := yearMonth(parts[0], parts[1])
	if !ok {
		return Date{}, fmt.Errorf("%q is %w: write it as YYYY-MM-DD", s, ErrBadDate)
	}
	if len(parts) == 3 {
		day, err := strconv.Atoi(parts[2])
		if err != nil || len(parts[2]) != 2 || day < 1 || day > daysIn(d.Year, d.Month) {
			return Date{}, fmt.Errorf("%q is %w: there is no such day", s, ErrBadDate)
		}
		d.Day = day
	}
	return d, nil
}

// yearMonth reads the year and month of a date, within the years a
// consultation can plausibly name.
func yearMonth(year, month string) (Date, bool) {
	y, err1 := strconv.Atoi(year)
	m, err2 := strconv.Atoi(month)
	if err1 != nil || err2 != nil || m < 1 || m > 12 || y < 1900 || y > 2200 {
		return Date{}, false
	}
	return Date{Year: y, Month: time.Month(m)}, true
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// DateOf returns the civil date of t in loc.
func DateOf(t time.Time, loc *time.Location) Date {
	t = t.In(loc)
	return Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
}

// IsZero reports whether no date is set.
func (d Date) IsZero() bool { return d.Year == 0 }

// Exact reports whether the day is known.
func (d Date) Exact() bool { return d.Day != 0 }

// String gives the canonical text form, as written in profile files.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	if !d.Exact() {
		return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month))
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Human is the form shown to users: "16 June 2025", or "February 2025".
func (d Date) Human() string {
	if d.IsZero() {
		return ""
	}
	if !d.Exact() {
		return fmt.Sprintf("%s %d", d.Month, d.Year)
	}
	return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
}

// Start is the first instant of the date (of its month when the day is unknown).
func (d Date) Start(loc *time.Location) time.Time {
	day := d.Day
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, d.Month, day, 0, 0, 0, 0, loc)
}

// EndOfDay is the last instant on which the date still counts: deadlines are
// met until midnight in the profile's zone. For a month-only date it is the
// end of the month.
func (d Date) EndOfDay(loc *time.Location) time.Time {
	if !d.Exact() {
		return time.Date(d.Year, d.Month+1, 1, 0, 0, 0, 0, loc).Add(-time.Nanosecond)
	}
	return time.Date(d.Year, d.Month, d.Day+1, 0, 0, 0, 0, loc).Add(-time.Nanosecond)
}

// DaysUntil counts calendar days from d to later (0 when the same day).
func (d Date) DaysUntil(later Date) int {
	a := time.Date(d.Year, d.Month, max(d.Day, 1), 12, 0, 0, 0, time.UTC)
	b := time.Date(later.Year, later.Month, max(later.Day, 1), 12, 0, 0, 0, time.UTC)
	return int(b.Sub(a).Hours() / 24)
}

// Before orders dates; a month-only date sorts as the first of its month.
func (d Date) Before(o Date) bool {
	return d.Start(time.UTC).Before(o.Start(time.UTC))
}

// MarshalText writes the canonical form, so dates read back as written.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText accepts the forms ParseDate accepts; empty means unset.
func (d *Date) UnmarshalText(b []byte) error {
	if len(strings.TrimSpace(string(b))) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
