package srs

import (
	"math"
	"strconv"
	"time"
)

// DayStart returns the start of the study day containing now: the rollover
// hour in loc of now's local date, or of the day before when now is earlier
// than the rollover hour. A nil loc means time.Local.
func DayStart(now time.Time, loc *time.Location, rollover int) time.Time {
	y, m, d := studyDate(now, loc, rollover)
	return time.Date(y, m, d, clampHour(rollover), 0, 0, 0, orLocal(loc))
}

// DayIndex returns the study day containing t as a day number (days since
// 1970-01-01 of its study date), so the difference of two indexes is the
// number of study days between them, whatever DST does in between.
func DayIndex(t time.Time, loc *time.Location, rollover int) int {
	y, m, d := studyDate(t, loc, rollover)
	secs := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()
	if secs < 0 {
		return int((secs - 86399) / 86400)
	}
	return int(secs / 86400)
}

func studyDate(t time.Time, loc *time.Location, rollover int) (int, time.Month, int) {
	lt := t.In(orLocal(loc))
	y, m, d := lt.Date()
	if lt.Hour() < clampHour(rollover) {
		d--
	}
	if d < 1 { // let time.Date normalise the day before the 1st
		n := time.Date(y, m, d, 12, 0, 0, 0, time.UTC)
		return n.Date()
	}
	return y, m, d
}

func orLocal(loc *time.Location) *time.Location {
	if loc == nil {
		return time.Local
	}
	return loc
}

func clampHour(h int) int {
	return min(max(h, 0), 23)
}

// FormatDays renders a number of days the way the answer buttons show it:
// "2d", "11d", then months ("1.5mo", "3mo") from 30 days and years ("1.2y")
// from 365 days.
func FormatDays(days int) string {
	switch {
	case days < 30:
		return strconv.Itoa(days) + "d"
	case days < 365:
		return oneDecimal(float64(days)/30.4375) + "mo"
	default:
		return oneDecimal(float64(days)/365.25) + "y"
	}
}

// oneDecimal formats x with one decimal, dropping a trailing ".0".
func oneDecimal(x float64) string {
	x = math.Round(x*10) / 10
	if x == math.Trunc(x) {
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return strconv.FormatFloat(x, 'f', 1, 64)
}
