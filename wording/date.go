package wording

import (
	"fmt"
	"time"
)

// Date writes the calendar day of t as the app and the commands show it:
// "3月13日" / "Mar 13", with the year when it is not now's year ("2025年3
// 月13日" / "Mar 13 2025"). t is shown in now's location.
func Date(lang string, t, now time.Time) string {
	t = t.In(now.Location())
	sameYear := t.Year() == now.Year()
	if lang == "zh" {
		if sameYear {
			return fmt.Sprintf("%d月%d日", t.Month(), t.Day())
		}
		return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day())
	}
	if sameYear {
		return t.Format("Jan 2")
	}
	return t.Format("Jan 2 2006")
}

// DateTime is Date followed by the time of day: "3月13日 09:00".
func DateTime(lang string, t, now time.Time) string {
	return Date(lang, t, now) + " " + t.In(now.Location()).Format("15:04")
}
