package store

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"mianjing/srs"
)

// t0 is a fixed instant the tests count from.
var t0 = time.Date(2025, 3, 1, 9, 30, 0, 0, time.UTC)

// review builds a plausible review of note id at t; the After card encodes
// the rating and time so every entry is distinct.
func review(id string, t time.Time, rating srs.Rating) Review {
	return Review{
		NoteID: id,
		Time:   t,
		Rating: rating,
		After: srs.Card{
			State:      srs.Review,
			Stability:  1.5 + float64(rating) + float64(t.Unix()%1000)/1000,
			Difficulty: 5.25,
			Due:        t.Add(72 * time.Hour),
			LastReview: t,
			Reps:       int(rating),
		},
		Duration: 4321,
		Mode:     ModeDue,
	}
}

func openBoltT(t *testing.T) Store {
	t.Helper()
	b, err := Open(filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

func openMemoryT(*testing.T) Store { return NewMemory() }

func TestContractBolt(t *testing.T)   { testContract(t, openBoltT) }
func TestContractMemory(t *testing.T) { testContract(t, openMemoryT) }

func mustRecord(t *testing.T, s Store, r Review) Review {
	t.Helper()
	got, err := s.RecordReview(r)
	if err != nil {
		t.Fatalf("RecordReview(%s): %v", r.NoteID, err)
	}
	return got
}

func count(t *testing.T, s Store) int {
	t.Helper()
	n, err := s.ReviewCount()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func cardOf(t *testing.T, s Store, id string) (srs.Card, bool) {
	t.Helper()
	c, ok, err := s.Card(id)
	if err != nil {
		t.Fatal(err)
	}
	return c, ok
}

func allReviews(t *testing.T, s Store) []Review {
	t.Helper()
	var out []Review
	if err := s.ForEachReview(func(r Review) error { out = append(out, r); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

var exportedAtRE = regexp.MustCompile(`"exported_at": "[^"]*"`)

// export returns s's backup with exported_at blanked out.
func export(t *testing.T, s Store) string {
	t.Helper()
	var buf bytes.Buffer
	if err := s.Export(&buf); err != nil {
		t.Fatal(err)
	}
	if !exportedAtRE.Match(buf.Bytes()) {
		t.Fatalf("export has no exported_at:\n%s", buf.String())
	}
	return exportedAtRE.ReplaceAllString(buf.String(), `"exported_at": "2000-01-01T00:00:00Z"`)
}

func testContract(t *testing.T, open func(t *testing.T) Store) {
	t.Run("empty", func(t *testing.T) {
		s := open(t)
		if n := count(t, s); n != 0 {
			t.Errorf("ReviewCount = %d, want 0", n)
		}
		if cards, err := s.Cards(); err != nil || len(cards) != 0 {
			t.Errorf("Cards = %v, %v; want empty", cards, err)
		}
		if _, ok := cardOf(t, s, "a"); ok {
			t.Error("Card(a) ok on an empty store")
		}
		if r, ok, err := s.UndoLastReview(); ok || err != nil {
			t.Errorf("UndoLastReview on empty = %v, %v, %v; want ok false, no error", r, ok, err)
		}
		if rs, err := s.ReviewsSince(time.Time{}); err != nil || len(rs) != 0 {
			t.Errorf("ReviewsSince = %v, %v", rs, err)
		}
		if st, err := s.Settings(); err != nil || !st.Equal(DefaultSettings()) {
			t.Errorf("Settings = %+v, %v; want defaults", st, err)
		}
		if len(s.Bookmarks()) != 0 || s.IsBookmarked("a") {
			t.Error("bookmarks on an empty store")
		}
	})

	t.Run("record and undo back to the beginning", func(t *testing.T) {
		s := open(t)
		r1 := mustRecord(t, s, review("a", t0, srs.Good))
		r2 := mustRecord(t, s, review("b", t0.Add(time.Minute), srs.Again))
		r3 := mustRecord(t, s, review("a", t0.Add(2*time.Minute), srs.Easy))
		if r1.Seq != 1 || r2.Seq != 2 || r3.Seq != 3 {
			t.Fatalf("seqs %d %d %d, want 1 2 3", r1.Seq, r2.Seq, r3.Seq)
		}
		if r1.Before != (srs.Card{}) {
			t.Errorf("first review's Before = %+v, want the new card", r1.Before)
		}
		if r3.Before != r1.After {
			t.Errorf("r3.Before = %+v, want r1.After %+v", r3.Before, r1.After)
		}
		if c, _ := cardOf(t, s, "a"); c != r3.After {
			t.Errorf("card a = %+v, want %+v", c, r3.After)
		}
		if got := allReviews(t, s); !reflect.DeepEqual(got, []Review{r1, r2, r3}) {
			t.Errorf("log = %+v", got)
		}

		steps := []struct {
			want    Review
			id      string
			card    srs.Card
			present bool
		}{
			{r3, "a", r1.After, true},
			{r2, "b", srs.Card{}, false}, // first review of b: b is new again
			{r1, "a", srs.Card{}, false},
		}
		for i, st := range steps {
			got, ok, err := s.UndoLastReview()
			if err != nil || !ok {
				t.Fatalf("undo %d: %v %v", i, ok, err)
			}
			if !reflect.DeepEqual(got, st.want) {
				t.Errorf("undo %d returned %+v, want %+v", i, got, st.want)
			}
			c, present := cardOf(t, s, st.id)
			if present != st.present || c != st.card {
				t.Errorf("after undo %d card %s = %+v (present %v), want %+v (present %v)", i, st.id, c, present, st.card, st.present)
			}
			if n := count(t, s); n != 2-i {
				t.Errorf("after undo %d ReviewCount = %d, want %d", i, n, 2-i)
			}
		}
		if _, ok, err := s.UndoLastReview(); ok || err != nil {
			t.Errorf("undo past the beginning: ok %v err %v", ok, err)
		}
		if cards, _ := s.Cards(); len(cards) != 0 {
			t.Errorf("cards after undoing everything: %v", cards)
		}
		// The log grows again from seq 1.
		if r := mustRecord(t, s, review("c", t0.Add(time.Hour), srs.Hard)); r.Seq != 1 {
			t.Errorf("seq after undoing everything = %d, want 1", r.Seq)
		}
	})

	t.Run("times are stored as UTC milliseconds", func(t *testing.T) {
		s := open(t)
		shanghai := time.FixedZone("CST", 8*3600)
		r := review("a", t0.In(shanghai).Add(123456789*time.Nanosecond), srs.Good)
		r.After.Due = r.After.Due.Add(999 * time.Microsecond)
		got := mustRecord(t, s, r)
		wantTime := time.Date(2025, 3, 1, 9, 30, 0, 123000000, time.UTC)
		if !reflect.DeepEqual(got.Time, wantTime) {
			t.Errorf("Time = %#v, want %#v", got.Time, wantTime)
		}
		if got.After.Due.Nanosecond()%int(time.Millisecond) != 0 || got.After.Due.Location() != time.UTC {
			t.Errorf("Due not truncated to UTC ms: %v", got.After.Due)
		}
		if c, _ := cardOf(t, s, "a"); !reflect.DeepEqual(c, got.After) {
			t.Errorf("card = %#v, want %#v", c, got.After)
		}
		if log := allReviews(t, s); !reflect.DeepEqual(log, []Review{got}) {
			t.Errorf("log = %#v, want %#v", log, got)
		}
	})

	t.Run("Before comes from the store", func(t *testing.T) {
		s := open(t)
		r1 := mustRecord(t, s, review("a", t0, srs.Good))
		r := review("a", t0.Add(time.Hour), srs.Good)
		r.Before = srs.Card{State: srs.Relearning, Stability: 99} // stale caller view
		got := mustRecord(t, s, r)
		if got.Before != r1.After {
			t.Errorf("Before = %+v, want the stored card %+v", got.Before, r1.After)
		}
	})

	t.Run("invalid reviews are refused and nothing is written", func(t *testing.T) {
		s := open(t)
		mustRecord(t, s, review("a", t0, srs.Good))
		before := export(t, s)
		bad := map[string]func(*Review){
			"empty id":      func(r *Review) { r.NoteID = "" },
			"rating 0":      func(r *Review) { r.Rating = 0 },
			"rating 5":      func(r *Review) { r.Rating = 5 },
			"no time":       func(r *Review) { r.Time = time.Time{} },
			"state 4":       func(r *Review) { r.After.State = 4 },
			"NaN stability": func(r *Review) { r.After.Stability = math.NaN() },
			"inf diff":      func(r *Review) { r.After.Difficulty = math.Inf(1) },
			"neg stability": func(r *Review) { r.After.Stability = -1 },
			"neg duration":  func(r *Review) { r.Duration = -1 },
			"unknown mode":  func(r *Review) { r.Mode = "drill" },
			"cram rating 0": func(r *Review) { r.Mode, r.Rating = ModeCram, 0 },
			"a reset":       func(r *Review) { r.Mode, r.Rating, r.After = ModeReset, 0, srs.Card{} },
			"before 1970":   func(r *Review) { r.After.Due = time.Date(1969, 1, 1, 0, 0, 0, 0, time.UTC) },
		}
		for name, mutate := range bad {
			r := review("b", t0.Add(time.Minute), srs.Good)
			mutate(&r)
			_, err := s.RecordReview(r)
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("%s: err = %v, want ErrInvalid", name, err)
			} else if strings.Contains(err.Error(), "\n") {
				t.Errorf("%s: error has several lines: %q", name, err)
			}
		}
		if after := export(t, s); after != before {
			t.Errorf("store changed by refused reviews:\n%s", after)
		}
	})

	t.Run("bookmarks", func(t *testing.T) {
		s := open(t)
		on, err := s.ToggleBookmark("a", t0.Add(1500*time.Microsecond))
		if err != nil || !on {
			t.Fatalf("toggle on: %v %v", on, err)
		}
		if !s.IsBookmarked("a") || s.IsBookmarked("b") {
			t.Error("IsBookmarked wrong after toggle on")
		}
		want := map[string]time.Time{"a": t0.Add(time.Millisecond)}
		if got := s.Bookmarks(); !reflect.DeepEqual(got, want) {
			t.Errorf("Bookmarks = %v, want %v", got, want)
		}
		// Setting an existing bookmark keeps its time.
		if err := s.SetBookmark("a", true, t0.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if err := s.SetBookmark("b", true, t0.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		want["b"] = t0.Add(time.Hour)
		got := s.Bookmarks()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Bookmarks = %v, want %v", got, want)
		}
		delete(got, "a") // a copy: the store is unaffected
		if !s.IsBookmarked("a") {
			t.Error("Bookmarks returned the store's own map")
		}
		if on, err := s.ToggleBookmark("a", t0); err != nil || on {
			t.Errorf("toggle off: %v %v", on, err)
		}
		if err := s.SetBookmark("b", false, t0); err != nil {
			t.Fatal(err)
		}
		if err := s.SetBookmark("never", false, t0); err != nil {
			t.Errorf("clearing an absent bookmark: %v", err)
		}
		if len(s.Bookmarks()) != 0 || s.IsBookmarked("a") || s.IsBookmarked("b") {
			t.Errorf("bookmarks left: %v", s.Bookmarks())
		}
		if _, err := s.ToggleBookmark("", t0); !errors.Is(err, ErrInvalid) {
			t.Errorf("empty id: %v, want ErrInvalid", err)
		}
		if _, err := s.ToggleBookmark("c", time.Time{}); !errors.Is(err, ErrInvalid) || s.IsBookmarked("c") {
			t.Errorf("zero time: %v, want ErrInvalid and no bookmark", err)
		}
	})

	t.Run("settings", func(t *testing.T) {
		s := open(t)
		want := Settings{Lang: "en", NewPerDay: 5, Retention: 0.85, RolloverHour: 0, InterviewQuestions: 5, InterviewSeconds: 180, Theme: "auto"}
		if err := s.SaveSettings(want); err != nil {
			t.Fatal(err)
		}
		if got, err := s.Settings(); err != nil || !got.Equal(want) {
			t.Errorf("Settings = %+v, %v; want %+v", got, err, want)
		}
		with := func(f func(*Settings)) Settings { st := DefaultSettings(); f(&st); return st }
		weights := func(f func([]float64) []float64) func(*Settings) {
			return func(st *Settings) { d := srs.DefaultParams(); st.Weights = f(d[:]) }
		}
		for _, bad := range []Settings{
			with(func(st *Settings) { st.Lang = "fr" }),
			with(func(st *Settings) { st.NewPerDay = -1 }),
			with(func(st *Settings) { st.Retention = 1 }),
			with(func(st *Settings) { st.Retention = 0 }),
			with(func(st *Settings) { st.Retention = 0.69 }),
			with(func(st *Settings) { st.Retention = math.NaN() }),
			with(func(st *Settings) { st.RolloverHour = 24 }),
			with(func(st *Settings) { st.RolloverHour = -1 }),
			with(func(st *Settings) { st.InterviewQuestions = 0 }),
			with(func(st *Settings) { st.InterviewQuestions = 21 }),
			with(func(st *Settings) { st.InterviewSeconds = 29 }),
			with(func(st *Settings) { st.InterviewSeconds = 1801 }),
			with(func(st *Settings) { st.Theme = "" }),
			with(func(st *Settings) { st.Theme = "blue" }),
			with(weights(func(w []float64) []float64 { return w[:20] })),
			with(weights(func(w []float64) []float64 { return append(w, 0.1) })),
			with(weights(func(w []float64) []float64 { w[4] = 0.5; return w })), // w4 ≥ 1
			with(weights(func(w []float64) []float64 { w[20] = math.NaN(); return w })),
			with(weights(func(w []float64) []float64 { w[0] = math.Inf(1); return w })),
		} {
			if err := s.SaveSettings(bad); !errors.Is(err, ErrInvalid) {
				t.Errorf("SaveSettings(%+v) = %v, want ErrInvalid", bad, err)
			}
		}
		if got, _ := s.Settings(); !got.Equal(want) {
			t.Errorf("refused settings changed the store: %+v", got)
		}
	})

	t.Run("ReviewsSince", func(t *testing.T) {
		s := open(t)
		var rs []Review
		for i := range 4 {
			rs = append(rs, mustRecord(t, s, review(fmt.Sprint("n", i), t0.Add(time.Duration(i)*time.Minute), srs.Good)))
		}
		cases := []struct {
			since time.Time
			want  []Review
		}{
			{time.Time{}, rs},
			{t0, rs},
			{t0.Add(time.Minute), rs[1:]},
			{t0.Add(time.Minute - time.Millisecond), rs[1:]},
			{t0.Add(time.Minute + time.Millisecond), rs[2:]},
			{t0.Add(3 * time.Minute), rs[3:]},
			{t0.Add(3*time.Minute + time.Millisecond), nil},
		}
		for _, c := range cases {
			got, err := s.ReviewsSince(c.since)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(c.want) || (len(got) > 0 && !reflect.DeepEqual(got, c.want)) {
				t.Errorf("ReviewsSince(%v) = %d entries, want %d", c.since, len(got), len(c.want))
			}
		}
	})

	t.Run("ForEachReviewBrief matches ForEachReview", func(t *testing.T) {
		s := open(t)
		var want []ReviewBrief
		for i := range 2100 { // more than one batch
			r := review(fmt.Sprint("n", i%7), t0.Add(time.Duration(i)*time.Minute), srs.Rating(1+i%4))
			r.Mode = []Mode{ModeDue, ModeAll, ModeOne, ModeBookmarked, ""}[i%5]
			if i%3 == 0 {
				r.Answer = "答案"
			}
			want = append(want, mustRecord(t, s, r).Brief())
			if i == 5 { // keep the Bolt run short: the rest in bulk
				break
			}
		}
		if b, ok := s.(*Bolt); ok {
			bulkLoad(t, b, 2100, t0.Add(24*time.Hour))
		} else {
			for i := 1; i <= 2100; i++ {
				mustRecord(t, s, review(fmt.Sprintf("note-%02d", i%11), t0.Add(24*time.Hour+time.Duration(i)*37*time.Minute), srs.Rating(1+i%4)))
			}
		}
		var full []ReviewBrief
		if err := s.ForEachReview(func(r Review) error { full = append(full, r.Brief()); return nil }); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(full[:len(want)], want) {
			t.Errorf("recorded briefs differ from the log's")
		}
		var briefs []ReviewBrief
		if err := s.ForEachReviewBrief(func(r ReviewBrief) error { briefs = append(briefs, r); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(briefs) != 2106 || !reflect.DeepEqual(briefs, full) {
			t.Errorf("ForEachReviewBrief gave %d entries, not the %d briefs of ForEachReview", len(briefs), len(full))
		}
		stop := errors.New("stop")
		n := 0
		err := s.ForEachReviewBrief(func(ReviewBrief) error { n++; return stop })
		if !errors.Is(err, stop) || n != 1 {
			t.Errorf("ForEachReviewBrief did not stop at fn's error: %v after %d", err, n)
		}
	})

	t.Run("ForEachReview stops at an error and may call the store", func(t *testing.T) {
		s := open(t)
		for i := range 5 {
			mustRecord(t, s, review("a", t0.Add(time.Duration(i)*time.Minute), srs.Good))
		}
		stop := errors.New("stop")
		var seen []uint64
		err := s.ForEachReview(func(r Review) error {
			seen = append(seen, r.Seq)
			if _, err := s.ReviewCount(); err != nil {
				return err
			}
			if r.Seq == 3 {
				return stop
			}
			return nil
		})
		if !errors.Is(err, stop) || !reflect.DeepEqual(seen, []uint64{1, 2, 3}) {
			t.Errorf("err %v, seen %v", err, seen)
		}
	})

	t.Run("export and import", func(t *testing.T) {
		src := open(t)
		for i := range 6 {
			mustRecord(t, src, review(fmt.Sprint("n", i%3), t0.Add(time.Duration(i)*time.Hour), srs.Rating(1+i%4)))
		}
		r := review("gone-from-deck", t0.Add(7*time.Hour), srs.Good)
		r.Answer = "注意力 <b>&\n\"引号\""
		r.Ticked, r.Points = 2, 5
		mustRecord(t, src, r)
		if err := src.SetBookmark("n1", true, t0); err != nil {
			t.Fatal(err)
		}
		if err := src.SaveSettings(Settings{Lang: "zh", NewPerDay: 7, Retention: 0.92, RolloverHour: 5, InterviewQuestions: 5, InterviewSeconds: 180, Theme: "auto"}); err != nil {
			t.Fatal(err)
		}
		backup := export(t, src)

		dst := open(t)
		res, err := dst.Import(strings.NewReader(backup))
		if err != nil {
			t.Fatal(err)
		}
		if want := (ImportResult{Reviews: 7, Cards: 4, Bookmarks: 1}); res != want {
			t.Errorf("ImportResult = %+v, want %+v", res, want)
		}
		if got := export(t, dst); got != backup {
			t.Errorf("export after import differs:\n%s\nwant:\n%s", got, backup)
		}
		res, err = dst.Import(strings.NewReader(backup))
		if err != nil || res != (ImportResult{}) {
			t.Errorf("second import = %+v, %v; want nothing added", res, err)
		}
		if got := export(t, dst); got != backup {
			t.Errorf("importing twice changed the store:\n%s", got)
		}
		if !dst.IsBookmarked("n1") {
			t.Error("bookmark copy not updated by import")
		}
		if st, _ := dst.Settings(); st.NewPerDay != 7 {
			t.Errorf("settings not imported into a store without any: %+v", st)
		}
	})

	t.Run("import merges", func(t *testing.T) {
		src := open(t)
		early := mustRecord(t, src, review("a", t0, srs.Good))
		mustRecord(t, src, review("b", t0.Add(time.Hour), srs.Good))
		late := mustRecord(t, src, review("b", t0.Add(5*time.Hour), srs.Easy))
		if err := src.SetBookmark("a", true, t0); err != nil {
			t.Fatal(err)
		}
		backup := export(t, src)

		dst := open(t)
		own := mustRecord(t, dst, review("b", t0.Add(2*time.Hour), srs.Hard)) // between src's entries
		mustRecord(t, dst, review("a", t0.Add(3*time.Hour), srs.Hard))        // newer than src's a
		if err := dst.SetBookmark("a", true, t0.Add(9*time.Hour)); err != nil {
			t.Fatal(err)
		}
		custom := Settings{Lang: "en", NewPerDay: 3, Retention: 0.8, RolloverHour: 2, InterviewQuestions: 5, InterviewSeconds: 180, Theme: "auto"}
		if err := dst.SaveSettings(custom); err != nil {
			t.Fatal(err)
		}
		res, err := dst.Import(strings.NewReader(backup))
		if err != nil {
			t.Fatal(err)
		}
		if want := (ImportResult{Reviews: 3, Cards: 1, Bookmarks: 0}); res != want {
			t.Errorf("ImportResult = %+v, want %+v", res, want)
		}
		log := allReviews(t, dst)
		var times []time.Duration
		for i, r := range log {
			if r.Seq != uint64(i+1) {
				t.Errorf("entry %d has seq %d", i, r.Seq)
			}
			times = append(times, r.Time.Sub(t0)/time.Hour)
		}
		if want := []time.Duration{0, 1, 2, 3, 5}; !reflect.DeepEqual(times, want) {
			t.Errorf("log hours %v, want %v (time order)", times, want)
		}
		if c, _ := cardOf(t, dst, "a"); c.LastReview != t0.Add(3*time.Hour) {
			t.Errorf("card a replaced by an older one: %+v", c)
		}
		if c, _ := cardOf(t, dst, "b"); c != late.After {
			t.Errorf("card b = %+v, want the newer imported %+v", c, late.After)
		}
		if bm := dst.Bookmarks(); !bm["a"].Equal(t0.Add(9 * time.Hour)) {
			t.Errorf("existing bookmark time changed: %v", bm)
		}
		if st, _ := dst.Settings(); !st.Equal(custom) {
			t.Errorf("saved settings overwritten by import: %+v", st)
		}
		since, err := dst.ReviewsSince(t0.Add(2 * time.Hour))
		if err != nil || len(since) != 3 || since[0].NoteID != own.NoteID {
			t.Errorf("ReviewsSince after a merge = %d entries, %v", len(since), err)
		}
		_ = early
	})

	t.Run("bad backups are refused and nothing is written", func(t *testing.T) {
		src := open(t)
		mustRecord(t, src, review("a", t0, srs.Good))
		good := export(t, src)
		dst := open(t)
		mustRecord(t, dst, review("z", t0, srs.Hard))
		before := export(t, dst)
		cases := map[string]string{
			"not JSON":        "hello",
			"empty":           "",
			"unknown field":   strings.Replace(good, `"version": 2,`, `"version": 2, "extra": 2,`, 1),
			"wrong format":    strings.Replace(good, BackupFormat, "anki", 1),
			"newer version":   strings.Replace(good, `"version": 2`, `"version": 3`, 1),
			"rating 7":        strings.Replace(good, `"rating":3`, `"rating":7`, 1),
			"state 9":         strings.Replace(good, `"state":2`, `"state":9`, 1),
			"empty id":        strings.Replace(good, `"note_id":"a"`, `"note_id":""`, 1),
			"neg stability":   regexp.MustCompile(`"stability":[0-9.]+`).ReplaceAllString(good, `"stability":-2`),
			"no review time":  regexp.MustCompile(`"time":"[^"]*"`).ReplaceAllString(good, `"time":"0001-01-01T00:00:00Z"`),
			"trailing data":   good + "{}",
			"missing reviews": regexp.MustCompile(`(?s)"reviews": \[.*?\],`).ReplaceAllString(good, ""),
		}
		for name, doc := range cases {
			if doc == good {
				t.Fatalf("%s: the case does not change the backup", name)
			}
			_, err := dst.Import(strings.NewReader(doc))
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("%s: err = %v, want ErrInvalid", name, err)
				continue
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("%s: error has several lines: %q", name, err)
			}
		}
		if after := export(t, dst); after != before {
			t.Errorf("refused imports changed the store:\n%s", after)
		}
	})

	t.Run("concurrent use", func(t *testing.T) {
		s := open(t)
		var wg sync.WaitGroup
		errs := make(chan error, 64)
		for g := range 4 {
			wg.Go(func() {
				id := fmt.Sprint("g", g)
				for i := range 10 {
					if _, err := s.RecordReview(review(id, t0.Add(time.Duration(i)*time.Minute), srs.Good)); err != nil {
						errs <- err
					}
					if _, err := s.ToggleBookmark(id, t0); err != nil {
						errs <- err
					}
					s.IsBookmarked(id)
					if err := s.ForEachReview(func(Review) error { return nil }); err != nil {
						errs <- err
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		if n := count(t, s); n != 40 {
			t.Errorf("ReviewCount = %d, want 40", n)
		}
		if len(s.Bookmarks()) != 0 { // each toggled an even number of times
			t.Errorf("bookmarks left: %v", s.Bookmarks())
		}
		var buf bytes.Buffer
		if err := s.Export(&buf); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("revlog CSV", func(t *testing.T) {
		s := open(t)
		mustRecord(t, s, review("a", t0, srs.Good))
		mustRecord(t, s, review("a", t0.Add(time.Hour), srs.Again))
		var buf bytes.Buffer
		if err := WriteRevlogCSV(s, &buf); err != nil {
			t.Fatal(err)
		}
		id := CardID("a")
		ms := t0.UnixMilli()
		want := fmt.Sprintf("%s\n%d,%d,3,0,4321\n%d,%d,1,2,4321\n", RevlogHeader, id, ms, id, ms+3600000)
		if buf.String() != want {
			t.Errorf("revlog:\n%s\nwant:\n%s", buf.String(), want)
		}
	})
}

func TestCardID(t *testing.T) {
	// FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c; the top bit is cleared.
	if got, want := CardID("a"), int64(0x2f63dc4c8601ec8c); got != want {
		t.Errorf("CardID(a) = %#x, want %#x", got, want)
	}
	if CardID("a") == CardID("b") || CardID("") < 0 {
		t.Error("CardID collides or is negative")
	}
}

func TestMemoryFailWrites(t *testing.T) {
	m := NewMemory()
	mustRecord(t, m, review("a", t0, srs.Good))
	disk := errors.New("disk full")
	m.FailWrites(disk)
	before := export(t, m)
	checks := map[string]error{}
	_, checks["record"] = m.RecordReview(review("a", t0.Add(time.Hour), srs.Good))
	_, _, checks["undo"] = m.UndoLastReview()
	_, checks["toggle"] = m.ToggleBookmark("a", t0)
	checks["set"] = m.SetBookmark("a", true, t0)
	checks["settings"] = m.SaveSettings(DefaultSettings())
	_, checks["import"] = m.Import(strings.NewReader(before))
	for op, err := range checks {
		if !errors.Is(err, disk) {
			t.Errorf("%s: err = %v, want the injected one", op, err)
		}
	}
	if after := export(t, m); after != before {
		t.Errorf("failed writes changed the store")
	}
	if m.IsBookmarked("a") {
		t.Error("a failed bookmark write shows in IsBookmarked")
	}
	m.FailWrites(nil)
	if _, err := m.RecordReview(review("a", t0.Add(time.Hour), srs.Good)); err != nil {
		t.Errorf("writes after FailWrites(nil): %v", err)
	}
}
