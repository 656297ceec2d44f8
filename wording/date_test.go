package wording

import (
	"testing"
	"time"
)

func TestDate(t *testing.T) {
	cst := time.FixedZone("CST", 8*3600)
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, cst)
	for _, c := range []struct {
		lang string
		t    time.Time
		date string
		full string
	}{
		{"zh", time.Date(2026, 3, 13, 9, 5, 0, 0, cst), "3月13日", "3月13日 09:05"},
		{"en", time.Date(2026, 3, 13, 9, 5, 0, 0, cst), "Mar 13", "Mar 13 09:05"},
		{"zh", time.Date(2025, 12, 31, 23, 0, 0, 0, cst), "2025年12月31日", "2025年12月31日 23:00"},
		{"en", time.Date(2027, 1, 2, 0, 30, 0, 0, cst), "Jan 2 2027", "Jan 2 2027 00:30"},
		// Shown in now's zone: 20:00 UTC on Dec 3 is Dec 4 04:00 in CST.
		{"zh", time.Date(2026, 12, 3, 20, 0, 0, 0, time.UTC), "12月4日", "12月4日 04:00"},
	} {
		if got := Date(c.lang, c.t, now); got != c.date {
			t.Errorf("Date(%s, %v) = %q, want %q", c.lang, c.t, got, c.date)
		}
		if got := DateTime(c.lang, c.t, now); got != c.full {
			t.Errorf("DateTime(%s, %v) = %q, want %q", c.lang, c.t, got, c.full)
		}
	}
}
