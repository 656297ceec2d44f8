package tui

import "testing"

// Counts agree with their number in both languages, and intervals read as
// the commands write them.
func TestCountWording(t *testing.T) {
	en, zh := textFor("en"), textFor("zh")
	for _, c := range []struct{ got, want string }{
		{en.sumCards(1, 1), "1 note reviewed, 1 grade"},
		{en.sumCards(2, 3), "2 notes reviewed, 3 grades"},
		{count(1, en.SumSaved), "Grade saved"},
		{count(4, en.SumSaved), "All 4 grades saved"},
		{count(1, zh.SumSaved), "评分已保存"},
		{en.streak(1, 1), "streak 1 day · longest 1"},
		{zh.interval("4d"), "4天"},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
}
