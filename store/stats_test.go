package store

import (
	"slices"
	"testing"
	"time"

	"mianjing/srs"
)

func TestStatsInputBolt(t *testing.T)   { testStatsInput(t, openBoltT) }
func TestStatsInputMemory(t *testing.T) { testStatsInput(t, openMemoryT) }

func testStatsInput(t *testing.T, open func(*testing.T) Store) {
	s := open(t)
	if err := s.SaveSettings(Settings{NewPerDay: 5, Retention: 0.85, RolloverHour: 6, InterviewQuestions: 5, InterviewSeconds: 180, Theme: "auto"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetBookmark("b", true, t0); err != nil {
		t.Fatal(err)
	}
	mustRecord(t, s, review("a", t0, srs.Good))
	mustRecord(t, s, review("b", t0.Add(time.Hour), srs.Hard))
	mustRecord(t, s, review("a", t0.Add(49*time.Hour), srs.Again)) // a is a review card by now

	shanghai := time.FixedZone("CST", 8*3600)
	now := t0.Add(72 * time.Hour).In(shanghai)
	deck := []string{"a", "b", "c"}
	in, err := StatsInput(s, deck, now)
	if err != nil {
		t.Fatal(err)
	}
	deck[0] = "changed" // the input keeps its own copy
	if !slices.Equal(in.Deck, []string{"a", "b", "c"}) {
		t.Errorf("deck %v", in.Deck)
	}
	if !in.Now.Equal(now) || in.Sched.Loc != shanghai || in.Sched.RolloverHour != 6 || in.Sched.Retention != 0.85 {
		t.Errorf("now %v, scheduler loc %v rollover %d retention %v", in.Now, in.Sched.Loc, in.Sched.RolloverHour, in.Sched.Retention)
	}
	if len(in.Cards) != 2 || in.Cards["a"].Reps != int(srs.Again) || in.Cards["b"].Reps != int(srs.Hard) {
		t.Errorf("cards %+v", in.Cards)
	}
	if _, ok := in.Bookmarks["b"]; !ok || len(in.Bookmarks) != 1 {
		t.Errorf("bookmarks %v", in.Bookmarks)
	}
	want := []srs.ReviewEvent{
		{NoteID: "a", Time: t0, Rating: srs.Good, StateBefore: srs.New},
		{NoteID: "b", Time: t0.Add(time.Hour), Rating: srs.Hard, StateBefore: srs.New},
		{NoteID: "a", Time: t0.Add(49 * time.Hour), Rating: srs.Again, StateBefore: srs.Review},
	}
	if len(in.Events) != len(want) {
		t.Fatalf("events %+v", in.Events)
	}
	for i, e := range in.Events {
		if e.NoteID != want[i].NoteID || !e.Time.Equal(want[i].Time) || e.Rating != want[i].Rating || e.StateBefore != want[i].StateBefore {
			t.Errorf("event %d = %+v, want %+v", i, e, want[i])
		}
	}
}

func TestSettingsScheduler(t *testing.T) {
	def := srs.NewScheduler()
	for _, c := range []struct {
		retention, want float64
	}{{0.8, 0.8}, {0, def.Retention}, {1, def.Retention}, {-0.5, def.Retention}} {
		sched := Settings{Retention: c.retention, RolloverHour: 3, InterviewQuestions: 5, InterviewSeconds: 180, Theme: "auto"}.Scheduler(time.UTC)
		if sched.Retention != c.want || sched.RolloverHour != 3 || sched.Loc != time.UTC {
			t.Errorf("retention %v: scheduler %+v", c.retention, sched)
		}
	}
}
