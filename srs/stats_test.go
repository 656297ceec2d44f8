package srs

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

func loadLoc(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	return loc
}

// reviewsAt builds Good reviews of one note at the given times.
func reviewsAt(times ...time.Time) []ReviewEvent {
	ev := make([]ReviewEvent, len(times))
	for i, t := range times {
		ev[i] = ReviewEvent{NoteID: "a", Time: t, Rating: Good, StateBefore: Review}
	}
	return ev
}

func TestStatsStreaksAcrossMonths(t *testing.T) {
	loc := berlin(t)
	s := testScheduler(loc, 4)
	at := func(m time.Month, d, h int) time.Time { return time.Date(2025, m, d, h, 0, 0, 0, loc) }
	// Five days at the turn of the year, a gap, then 30 Jan – 2 Feb.
	ev := reviewsAt(
		at(12, 29, 10).AddDate(-1, 0, 0), at(12, 30, 10).AddDate(-1, 0, 0), at(12, 31, 23).AddDate(-1, 0, 0),
		at(1, 1, 9), at(1, 2, 9), at(1, 2, 12), // two on 2 Jan: one day
		at(1, 30, 8), at(1, 31, 22), at(2, 1, 5), at(2, 2, 9),
	)
	for _, c := range []struct {
		now               time.Time
		current, longest  int
		today, week, days int
	}{
		{at(2, 2, 10), 4, 5, 1, 4, 9},
		{at(2, 3, 10), 4, 5, 0, 4, 9}, // nothing yet today: the run ending yesterday counts
		{at(2, 4, 10), 0, 5, 0, 4, 9}, // a whole day missed
		{at(2, 3, 3), 4, 5, 1, 4, 9},  // 03:00 is still 2 Feb's study day
	} {
		st := ComputeStats(StatsInput{Events: ev, Now: c.now, Sched: s})
		if st.CurrentStreak != c.current || st.LongestStreak != c.longest {
			t.Errorf("at %v: streaks %d/%d, want %d/%d", c.now, st.CurrentStreak, st.LongestStreak, c.current, c.longest)
		}
		if st.ReviewsToday != c.today || st.ReviewsWeek != c.week || st.StudyDays != c.days {
			t.Errorf("at %v: today %d week %d days %d, want %d %d %d", c.now,
				st.ReviewsToday, st.ReviewsWeek, st.StudyDays, c.today, c.week, c.days)
		}
		if st.Empty || st.ReviewsTotal != len(ev) {
			t.Errorf("at %v: empty %v total %d", c.now, st.Empty, st.ReviewsTotal)
		}
	}
	// The same log shuffled gives the same numbers.
	sh := slices.Clone(ev)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(sh), func(i, j int) { sh[i], sh[j] = sh[j], sh[i] })
	a := ComputeStats(StatsInput{Events: ev, Now: at(2, 2, 10), Sched: s})
	b := ComputeStats(StatsInput{Events: sh, Now: at(2, 2, 10), Sched: s})
	if a.CurrentStreak != b.CurrentStreak || a.LongestStreak != b.LongestStreak || !slices.Equal(a.Daily, b.Daily) {
		t.Errorf("shuffled log: %d/%d, sorted %d/%d", b.CurrentStreak, b.LongestStreak, a.CurrentStreak, a.LongestStreak)
	}
}

func TestStatsGapDay(t *testing.T) {
	loc := berlin(t)
	s := testScheduler(loc, 4)
	at := func(d int) time.Time { return time.Date(2025, 3, d, 12, 0, 0, 0, loc) }
	ev := reviewsAt(at(1), at(2), at(4), at(5))
	st := ComputeStats(StatsInput{Events: ev, Now: at(5), Sched: s})
	if st.CurrentStreak != 2 || st.LongestStreak != 2 {
		t.Errorf("streaks %d/%d, want 2/2", st.CurrentStreak, st.LongestStreak)
	}
	// Daily: …, 1 Mar = 1, 2 Mar = 1, 3 Mar = 0, 4 Mar = 1, 5 Mar = 1.
	if got := st.Daily[HeatmapDays-5:]; !slices.Equal(got, []int{1, 1, 0, 1, 1}) {
		t.Errorf("last five days %v", got)
	}
}

// A review at 02:00 belongs to the previous study day when the day starts
// at 04:00, in the learner's zone, not UTC's.
func TestStatsRolloverInZone(t *testing.T) {
	ny := loadLoc(t, "America/New_York")
	s := testScheduler(ny, 4)
	late := time.Date(2025, 3, 2, 2, 0, 0, 0, ny) // 07:00 UTC on 2 March
	ev := []ReviewEvent{
		{NoteID: "a", Time: time.Date(2025, 3, 1, 20, 0, 0, 0, ny), Rating: Good, StateBefore: Review},
		{NoteID: "b", Time: late, Rating: Good, StateBefore: Review},
	}
	now := time.Date(2025, 3, 2, 3, 59, 0, 0, ny)
	st := ComputeStats(StatsInput{Events: ev, Now: now, Sched: s})
	if st.Today != DayIndex(time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC), time.UTC, 0) {
		t.Errorf("today is day %d (%v), want 1 March", st.Today, DayDate(st.Today))
	}
	if st.ReviewsToday != 2 || st.StudyDays != 1 || st.CurrentStreak != 1 {
		t.Errorf("today %d, study days %d, streak %d; want 2, 1, 1", st.ReviewsToday, st.StudyDays, st.CurrentStreak)
	}
	// At 04:00 a new study day starts: nothing today, yesterday keeps the streak.
	st = ComputeStats(StatsInput{Events: ev, Now: now.Add(time.Minute), Sched: s})
	if st.ReviewsToday != 0 || st.Daily[HeatmapDays-2] != 2 || st.CurrentStreak != 1 {
		t.Errorf("after rollover: today %d, yesterday %d, streak %d", st.ReviewsToday, st.Daily[HeatmapDays-2], st.CurrentStreak)
	}
	// Without the rollover hour the 02:00 review is a day of its own.
	s0 := testScheduler(ny, 0)
	st = ComputeStats(StatsInput{Events: ev, Now: now, Sched: s0})
	if st.StudyDays != 2 || st.CurrentStreak != 2 {
		t.Errorf("rollover 0: study days %d, streak %d; want 2, 2", st.StudyDays, st.CurrentStreak)
	}
}

func TestStatsRetention(t *testing.T) {
	loc := berlin(t)
	s := testScheduler(loc, 4)
	now := time.Date(2025, 6, 30, 12, 0, 0, 0, loc)
	ago := func(days int) time.Time { return now.AddDate(0, 0, -days) }
	ev := []ReviewEvent{
		{"a", ago(30), Again, Review},    // 31 study days ago counting today: outside
		{"a", ago(29), Again, Review},    // 1 review, 0 passes
		{"b", ago(20), Hard, Review},     // 2, 1
		{"c", ago(10), Good, Review},     // 3, 2
		{"d", ago(10), Again, Learning},  // not a review card: ignored
		{"e", ago(5), Easy, Review},      // 4, 3
		{"f", ago(5), Good, New},         // ignored
		{"g", ago(1), Again, Relearning}, // ignored
		{"h", ago(0), Good, Review},      // 5, 4
		{"i", ago(0), Again, Review},     // 6, 4
	}
	st := ComputeStats(StatsInput{Events: ev, Now: now, Sched: s})
	if st.RetentionReviews != 6 || st.RetentionPasses != 4 {
		t.Fatalf("retention counts %d/%d, want 4 passes of 6", st.RetentionPasses, st.RetentionReviews)
	}
	if math.Abs(st.Retention-4.0/6) > 1e-12 {
		t.Errorf("retention %v, want 0.6667", st.Retention)
	}
	if st.ReviewsWeek != 5 || st.ReviewsToday != 2 {
		t.Errorf("week %d today %d, want 5 and 2", st.ReviewsWeek, st.ReviewsToday)
	}
	if st := ComputeStats(StatsInput{Now: now, Sched: s}); !st.Empty || st.Retention != 0 || st.CurrentStreak != 0 || st.LongestStreak != 0 {
		t.Errorf("empty log: %+v", st)
	}
}

func TestStatsCardsAndForecast(t *testing.T) {
	loc := berlin(t)
	s := testScheduler(loc, 4)
	now := time.Date(2025, 1, 10, 10, 0, 0, 0, loc)
	day := func(d, h int) time.Time { return time.Date(2025, 1, 10+d, h, 0, 0, 0, loc) }
	in := StatsInput{
		Deck: []string{"n1", "l1", "r1", "r2", "m1", "m2", "rl", "n2", "r1"},
		Cards: map[string]Card{
			"n1":   {},
			"l1":   {State: Learning, Stability: 1, Difficulty: 5, Due: now.Add(10 * time.Minute), LastReview: now},
			"rl":   {State: Relearning, Stability: 3, Difficulty: 7, Due: day(0, 9), LastReview: day(0, 8), Lapses: 2},
			"r1":   {State: Review, Stability: 5, Difficulty: 5, Due: day(-3, 4), LastReview: day(-8, 9), Reps: 4},
			"r2":   {State: Review, Stability: 20.9, Difficulty: 5, Due: day(1, 4), LastReview: day(-20, 9)},
			"m1":   {State: Review, Stability: 21, Difficulty: 3, Due: day(13, 4), LastReview: day(-8, 9)},
			"m2":   {State: Review, Stability: 90, Difficulty: 3, Due: day(14, 4), LastReview: day(-76, 9)},
			"gone": {State: Review, Stability: 5, Difficulty: 5, Due: day(2, 4), LastReview: day(-3, 9)},
		},
		Bookmarks: map[string]time.Time{"r2": now, "n2": now, "gone": now},
		Now:       now,
		Sched:     s,
	}
	st := ComputeStats(in)
	if st.New != 2 || st.Learning != 2 || st.Review != 2 || st.Mastered != 2 {
		t.Errorf("new %d learning %d review %d mastered %d, want 2 each", st.New, st.Learning, st.Review, st.Mastered)
	}
	// Today: l1 (in 10 minutes), rl (overdue since 09:00), r1 (overdue 3 days).
	want := make([]int, ForecastDays)
	want[0], want[1], want[13] = 3, 1, 1
	if !slices.Equal(st.Forecast, want) {
		t.Errorf("forecast %v, want %v", st.Forecast, want)
	}
	var ids []string
	for _, n := range st.Notes {
		ids = append(ids, n.ID)
	}
	if !slices.Equal(ids, []string{"n1", "l1", "r1", "r2", "m1", "m2", "rl", "n2"}) {
		t.Errorf("notes %v", ids)
	}
	r1, r2, n2, rl := st.Notes[2], st.Notes[3], st.Notes[7], st.Notes[6]
	if wantR := s.Retrievability(in.Cards["r1"], now); r1.R != wantR || r1.R >= 0.9 || r1.Stability != 5 || r1.Reps != 4 {
		t.Errorf("r1: %+v, want R %v", r1, wantR)
	}
	if !r2.Bookmarked || !n2.Bookmarked || r1.Bookmarked {
		t.Errorf("bookmarks: r1 %v r2 %v n2 %v", r1.Bookmarked, r2.Bookmarked, n2.Bookmarked)
	}
	if n2.State != New || n2.R != 0 || !n2.Due.IsZero() {
		t.Errorf("new note: %+v", n2)
	}
	if rl.Lapses != 2 || rl.State != Relearning {
		t.Errorf("relearning note: %+v", rl)
	}
}

// dayCache must agree with DayIndex everywhere, DST changes included, for
// rollover hours that fall into the skipped or repeated hour.
func TestDayCacheMatchesDayIndex(t *testing.T) {
	for _, name := range []string{"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "UTC"} {
		loc := loadLoc(t, name)
		for _, roll := range []int{0, 2, 3, 4} {
			var dc dayCache
			dc.init(loc, roll)
			tm := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
			end := time.Date(2025, 11, 30, 0, 0, 0, 0, time.UTC)
			for step := 0; tm.Before(end); step++ {
				if got, want := dc.index(tm), DayIndex(tm, loc, roll); got != want {
					t.Fatalf("%s rollover %d at %v: cache %d, DayIndex %d", name, roll, tm.In(loc), got, want)
				}
				tm = tm.Add(time.Duration(7+step%50) * time.Minute)
			}
		}
	}
}

func TestWeekdayAndDate(t *testing.T) {
	for _, d := range []time.Time{
		time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1969, 12, 28, 0, 0, 0, 0, time.UTC),
		time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC),
		time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC),
	} {
		idx := DayIndex(d, time.UTC, 0)
		if Weekday(idx) != d.Weekday() || !DayDate(idx).Equal(d) {
			t.Errorf("%v: day %d weekday %v date %v", d, idx, Weekday(idx), DayDate(idx))
		}
	}
}

// BenchmarkComputeStats: 10,000 notes and 100,000 reviews over two years.
func BenchmarkComputeStats(b *testing.B) {
	loc := loadLoc(b, "Asia/Shanghai")
	s := NewScheduler()
	s.Loc = loc
	now := time.Date(2025, 6, 1, 20, 0, 0, 0, loc)
	rng := rand.New(rand.NewPCG(7, 7))
	in := StatsInput{Cards: map[string]Card{}, Bookmarks: map[string]time.Time{}, Now: now, Sched: s}
	for i := range 10000 {
		id := fmt.Sprintf("note-%05d", i)
		in.Deck = append(in.Deck, id)
		if i%5 == 0 {
			continue // new
		}
		last := now.Add(-time.Duration(rng.IntN(400*24)) * time.Hour)
		stab := 0.5 + rng.Float64()*100
		in.Cards[id] = Card{State: State(1 + rng.IntN(3)), Stability: stab, Difficulty: 1 + rng.Float64()*9,
			LastReview: last, Due: last.Add(time.Duration(stab*24) * time.Hour)}
		if i%7 == 0 {
			in.Bookmarks[id] = last
		}
	}
	start := now.AddDate(-2, 0, 0)
	span := now.Sub(start)
	for i := range 100000 {
		in.Events = append(in.Events, ReviewEvent{
			NoteID:      in.Deck[rng.IntN(len(in.Deck))],
			Time:        start.Add(span / 100000 * time.Duration(i)),
			Rating:      Rating(1 + rng.IntN(4)),
			StateBefore: State(rng.IntN(4)),
		})
	}
	b.ResetTimer()
	for b.Loop() {
		st := ComputeStats(in)
		if st.ReviewsTotal != 100000 {
			b.Fatal(st.ReviewsTotal)
		}
	}
}
