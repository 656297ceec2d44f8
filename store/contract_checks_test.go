package store

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"mianjing/srs"
)

func TestContractChecksBolt(t *testing.T)   { testContractChecks(t, openBoltT) }
func TestContractChecksMemory(t *testing.T) { testContractChecks(t, openMemoryT) }

// rfc3339ms formats t as a backup holds it.
func rfc3339ms(t time.Time) string { return normTime(t).Format(time.RFC3339Nano) }

// replaceNth replaces the nth (from 1) occurrence of old in s.
func replaceNth(s, old, new string, n int) string {
	i := -1
	for range n {
		j := strings.Index(s[i+1:], old)
		if j < 0 {
			return s
		}
		i += 1 + j
	}
	return s[:i] + new + s[i+len(old):]
}

// testContractChecks covers the range checks both stores share: what one
// accepts it can export, and what it exports it can import.
func testContractChecks(t *testing.T, open func(t *testing.T) Store) {
	t.Run("import refuses times from the future or before 2000", func(t *testing.T) {
		now := time.Now().UTC().Truncate(time.Second)
		at := now.Add(-time.Hour)
		src := open(t)
		mustRecord(t, src, review("a", at, srs.Good))
		if err := src.SetBookmark("a", true, at); err != nil {
			t.Fatal(err)
		}
		good := export(t, src)
		stamp := rfc3339ms(at)
		if strings.Count(good, stamp) != 4 { // review time, last_review in the card and in After, bookmark
			t.Fatalf("backup holds %q %d times, want 4:\n%s", stamp, strings.Count(good, stamp), good)
		}
		future := now.Add(26 * time.Hour)
		const y2099 = "2099-01-01T00:00:00Z"
		reviewTime := `"time":"` + stamp + `"`
		lastReview := `"last_review":"` + stamp + `"`
		cases := map[string]struct {
			doc   string
			wants []string
		}{
			"review a day ahead": {strings.Replace(good, reviewTime, `"time":"`+rfc3339ms(future)+`"`, 1),
				[]string{"reviews[0]", rfc3339ms(future)}},
			"review in 2099": {strings.Replace(good, reviewTime, `"time":"`+y2099+`"`, 1), []string{"reviews[0]", y2099}},
			"review in 1999": {strings.Replace(good, reviewTime, `"time":"1999-12-31T23:00:00Z"`, 1),
				[]string{"reviews[0]", "1999-12-31T23:00:00Z"}},
			// The card comes before the log in a backup.
			"card in 2099":          {replaceNth(good, lastReview, `"last_review":"`+y2099+`"`, 1), []string{`cards["a"]`, y2099}},
			"review's card in 2099": {replaceNth(good, lastReview, `"last_review":"`+y2099+`"`, 2), []string{"reviews[0]", y2099}},
			"bookmark in 2099":      {strings.Replace(good, `"a": "`+stamp+`"`, `"a": "`+y2099+`"`, 1), []string{`bookmarks["a"]`, y2099}},
		}
		dst := open(t)
		mustRecord(t, dst, review("z", t0, srs.Hard))
		before := export(t, dst)
		for name, c := range cases {
			if c.doc == good {
				t.Fatalf("%s: the case does not change the backup", name)
			}
			_, err := dst.Import(strings.NewReader(c.doc))
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("%s: err = %v, want ErrInvalid", name, err)
				continue
			}
			for _, w := range c.wants {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%s: message lacks %q: %q", name, w, err)
				}
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("%s: error has several lines: %q", name, err)
			}
		}
		if after := export(t, dst); after != before {
			t.Errorf("refused imports changed the store:\n%s", after)
		}
		// Clock skew of less than a day is accepted.
		skewed := strings.ReplaceAll(good, stamp, rfc3339ms(now.Add(20*time.Hour)))
		if res, err := dst.Import(strings.NewReader(skewed)); err != nil || res.Reviews != 1 {
			t.Errorf("a backup 20 hours ahead: %+v, %v; want it imported", res, err)
		}
	})

	t.Run("reviews and bookmarks out of range are refused", func(t *testing.T) {
		s := open(t)
		mustRecord(t, s, review("a", t0, srs.Good))
		before := export(t, s)
		bad := map[string]func(*Review){
			"time in 1999":     func(r *Review) { r.Time = time.Date(1999, 6, 1, 0, 0, 0, 0, time.UTC) },
			"time in 2099":     func(r *Review) { r.Time = time.Date(2099, 6, 1, 0, 0, 0, 0, time.UTC) },
			"reviewed in 2099": func(r *Review) { r.After.LastReview = time.Date(2099, 6, 1, 0, 0, 0, 0, time.UTC) },
			"due in 1999":      func(r *Review) { r.After.Due = time.Date(1999, 6, 1, 0, 0, 0, 0, time.UTC) },
			"difficulty 11":    func(r *Review) { r.After.Difficulty = 11 },
			"difficulty 0.5":   func(r *Review) { r.After.Difficulty = 0.5 },
			"stability 40000":  func(r *Review) { r.After.Stability = 40000 },
		}
		for name, mutate := range bad {
			r := review("b", t0.Add(time.Minute), srs.Good)
			mutate(&r)
			if _, err := s.RecordReview(r); !errors.Is(err, ErrInvalid) {
				t.Errorf("%s: err = %v, want ErrInvalid", name, err)
			}
		}
		for _, at := range []time.Time{time.Date(1999, 6, 1, 0, 0, 0, 0, time.UTC), time.Now().Add(48 * time.Hour)} {
			if err := s.SetBookmark("a", true, at); !errors.Is(err, ErrInvalid) {
				t.Errorf("bookmark at %v: err = %v, want ErrInvalid", at, err)
			}
		}
		if after := export(t, s); after != before {
			t.Errorf("store changed by refused reviews and bookmarks:\n%s", after)
		}
		// A due date decades ahead is a long interval, not a bad clock.
		r := review("b", t0.Add(time.Minute), srs.Good)
		r.After.Due = time.Date(2120, 1, 1, 0, 0, 0, 0, time.UTC)
		r.After.Stability = 36500
		mustRecord(t, s, r)
	})

	t.Run("settings outside the scheduler's range are refused", func(t *testing.T) {
		s := open(t)
		for _, ok := range []float64{0.7, 0.85, 0.99} {
			if err := s.SaveSettings(Settings{Retention: ok, RolloverHour: 23, InterviewQuestions: 5, InterviewSeconds: 180, Theme: "auto"}); err != nil {
				t.Errorf("retention %v: %v", ok, err)
			}
		}
		for _, bad := range []float64{0.5, 0.69, 0.995} {
			err := s.SaveSettings(Settings{Retention: bad, InterviewQuestions: 5, InterviewSeconds: 180, Theme: "auto"})
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), fmt.Sprint(bad)) {
				t.Errorf("retention %v: err = %v, want ErrInvalid naming it", bad, err)
			}
		}
		src := NewMemory()
		good := export(t, src)
		doc := strings.Replace(good, `"retention":0.9`, `"retention":0.5`, 1)
		if doc == good {
			t.Fatal("no retention in the backup")
		}
		if _, err := s.Import(strings.NewReader(doc)); !errors.Is(err, ErrInvalid) {
			t.Errorf("import of retention 0.5: err = %v, want ErrInvalid", err)
		}
	})
}
