package wording

import "testing"

func TestInterval(t *testing.T) {
	for _, c := range []struct{ lang, in, want string }{
		{"zh", "<1m", "<1分钟"}, {"zh", "10m", "10分钟"}, {"zh", "3h", "3小时"}, {"zh", "4d", "4天"},
		{"zh", "1.5mo", "1.5个月"}, {"zh", "1.2y", "1.2年"}, {"en", "1.5mo", "1.5mo"}, {"en", "<1d", "<1d"},
		{"fr", "4d", "4d"},
	} {
		if got := Interval(c.lang, c.in); got != c.want {
			t.Errorf("Interval(%q, %q) = %q, want %q", c.lang, c.in, got, c.want)
		}
	}
	if got := Days("zh", 0.2); got != "<1天" {
		t.Errorf("Days(zh, 0.2) = %q", got)
	}
	if got := Days("en", 45); got != "1.5mo" {
		t.Errorf("Days(en, 45) = %q", got)
	}
}

func TestCount(t *testing.T) {
	for _, c := range []struct {
		n          int
		one, other string
		want       string
	}{
		{1, "%d note", "%d notes", "1 note"},
		{2, "%d note", "%d notes", "2 notes"},
		{0, "%d note", "%d notes", "0 notes"},
		{1, "评分已保存", "%d 次评分都已保存", "评分已保存"},
		{3, "评分已保存", "%d 次评分都已保存", "3 次评分都已保存"},
	} {
		if got := Count(c.n, c.one, c.other); got != c.want {
			t.Errorf("Count(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}
