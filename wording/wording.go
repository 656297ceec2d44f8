// Package wording writes the quantities the app and the commands share —
// intervals, stabilities and counts — one way per language, so the same
// number never reads "4天" on one screen and "4d" on another.
package wording

import (
	"fmt"
	"math"
	"strings"

	"mianjing/srs"
)

// units returns the replacements of srs.IntervalLabel's and
// srs.FormatDays' suffixes in lang; "mo" comes before "m" so months are
// not read as minutes.
func units(lang string) [5][2]string {
	if lang == "zh" {
		return [5][2]string{{"mo", "个月"}, {"m", "分钟"}, {"h", "小时"}, {"d", "天"}, {"y", "年"}}
	}
	return [5][2]string{{"mo", "mo"}, {"m", "m"}, {"h", "h"}, {"d", "d"}, {"y", "y"}}
}

// Interval localises a label of srs.IntervalLabel or srs.FormatDays
// ("<1m", "10m", "3h", "2d", "1.5mo", "1.2y"): "10分钟", "2天" in Chinese;
// English keeps the compact forms.
func Interval(lang, label string) string {
	u := units(lang)
	for _, x := range u {
		if n, ok := strings.CutSuffix(label, x[0]); ok {
			return n + x[1]
		}
	}
	return label
}

// Days renders a length in days, such as a card's stability, the way
// intervals are shown: "<1天" under half a day, "12天", "2.5个月".
func Days(lang string, days float64) string {
	if days < 0.5 {
		return Interval(lang, "<1d")
	}
	return Interval(lang, srs.FormatDays(int(math.Round(days))))
}

// Count formats n with one when n is 1, else with other; each is a format
// taking n as its only verb, or a fixed phrase without one (Chinese often
// says one thing differently: "评分已保存", not "1 次评分都已保存").
func Count(n int, one, other string) string {
	f := other
	if n == 1 {
		f = one
	}
	if !strings.Contains(f, "%") {
		return f
	}
	return fmt.Sprintf(f, n)
}
