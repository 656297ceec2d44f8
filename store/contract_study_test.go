package store

import (
	"bytes"
	"errors"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"mianjing/srs"
)

func TestContractStudyBolt(t *testing.T)   { testContractStudy(t, openBoltT) }
func TestContractStudyMemory(t *testing.T) { testContractStudy(t, openMemoryT) }

// interview builds a valid two-question report started at start.
func interview(start time.Time) Interview {
	return Interview{Start: start, Questions: []InterviewQuestion{
		{NoteID: "a", Chapter: "架构", Seconds: 170, Budget: 180, Ticked: 2, Points: 4, Missed: []string{"要点三", "要点四"}, Rating: srs.Good},
		{NoteID: "b", Seconds: 240, Budget: 180, Ticked: 3, Points: 3, Rating: srs.Easy},
	}}
}

// testContractStudy covers suspensions, resets, cram grades, answers,
// interview reports and the newer settings on both stores.
func testContractStudy(t *testing.T, open func(t *testing.T) Store) {
	t.Run("suspend", func(t *testing.T) {
		s := open(t)
		if err := s.Suspend("a", true, t0); err != nil {
			t.Fatal(err)
		}
		if err := s.Suspend("a", true, t0.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if err := s.Suspend("b", true, t0.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		want := map[string]time.Time{"a": t0, "b": t0.Add(time.Minute)}
		if got := s.Suspended(); !reflect.DeepEqual(got, want) {
			t.Errorf("Suspended = %v, want %v (a keeps its first time)", got, want)
		}
		got := s.Suspended()
		delete(got, "a")
		if _, ok := s.Suspended()["a"]; !ok {
			t.Error("changing the returned map changed the store")
		}
		if err := s.Suspend("a", false, t0); err != nil {
			t.Fatal(err)
		}
		if err := s.Suspend("never", false, t0); err != nil {
			t.Errorf("unsuspending a note never suspended: %v", err)
		}
		if got := s.Suspended(); len(got) != 1 || got["b"].IsZero() {
			t.Errorf("after unsuspending a: %v", got)
		}
		before := export(t, s)
		for name, call := range map[string]func() error{
			"empty id":    func() error { return s.Suspend("", true, t0) },
			"no time":     func() error { return s.Suspend("c", true, time.Time{}) },
			"in 1999":     func() error { return s.Suspend("c", true, time.Date(1999, 1, 1, 0, 0, 0, 0, time.UTC)) },
			"2 days away": func() error { return s.Suspend("c", true, time.Now().Add(48*time.Hour)) },
		} {
			if err := call(); !errors.Is(err, ErrInvalid) {
				t.Errorf("%s: err = %v, want ErrInvalid", name, err)
			}
		}
		if export(t, s) != before {
			t.Error("refused suspensions changed the store")
		}
	})

	t.Run("reset appends an entry and undo takes it back", func(t *testing.T) {
		s := open(t)
		r1 := mustRecord(t, s, review("a", t0, srs.Good))
		at := t0.Add(time.Hour)
		r, err := s.ResetCard("a", at)
		if err != nil {
			t.Fatal(err)
		}
		if r.Seq != 2 || r.Mode != ModeReset || r.Rating != 0 || r.Before != r1.After || r.After != (srs.Card{}) || !r.Time.Equal(at) {
			t.Errorf("reset entry %+v", r)
		}
		if _, ok := cardOf(t, s, "a"); ok {
			t.Error("the card is still there after a reset")
		}
		if log := allReviews(t, s); len(log) != 2 || log[0] != r1 || log[1] != r {
			t.Errorf("log after reset: %+v", log)
		}
		var briefs []ReviewBrief
		if err := s.ForEachReviewBrief(func(b ReviewBrief) error { briefs = append(briefs, b); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(briefs) != 2 || briefs[1].Mode != ModeReset || briefs[1].Scheduled() || !briefs[0].Scheduled() {
			t.Errorf("briefs %+v", briefs)
		}
		before := export(t, s)
		if _, err := s.ResetCard("a", at); !errors.Is(err, ErrInvalid) {
			t.Errorf("resetting a new note: err = %v, want ErrInvalid", err)
		}
		if _, err := s.ResetCard("", at); !errors.Is(err, ErrInvalid) {
			t.Errorf("resetting an empty id: err = %v, want ErrInvalid", err)
		}
		if export(t, s) != before {
			t.Error("a refused reset changed the store")
		}
		u, ok, err := s.UndoLastReview()
		if err != nil || !ok || u != r {
			t.Fatalf("undo = %+v, %v, %v; want the reset", u, ok, err)
		}
		if c, ok := cardOf(t, s, "a"); !ok || c != r1.After {
			t.Errorf("after undoing the reset: %+v, %v; want %+v", c, ok, r1.After)
		}
	})

	t.Run("cram grades are logged and change no card", func(t *testing.T) {
		s := open(t)
		r1 := mustRecord(t, s, review("a", t0, srs.Good))
		cram := review("a", t0.Add(time.Hour), srs.Again)
		cram.Mode = ModeCram
		c := mustRecord(t, s, cram)
		if c.Before != r1.After || c.Mode != ModeCram {
			t.Errorf("cram entry %+v", c)
		}
		if got, _ := cardOf(t, s, "a"); got != r1.After {
			t.Errorf("card after a cram grade %+v, want %+v", got, r1.After)
		}
		newCram := review("b", t0.Add(2*time.Hour), srs.Easy)
		newCram.Mode = ModeCram
		mustRecord(t, s, newCram)
		if _, ok := cardOf(t, s, "b"); ok {
			t.Error("a cram grade of a new note stored a card")
		}
		if n := count(t, s); n != 3 {
			t.Errorf("ReviewCount = %d, want 3", n)
		}
		in, err := StatsInput(s, []string{"a", "b"}, t0.Add(3*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if len(in.Events) != 1 {
			t.Errorf("stats events %+v, want only the scheduled grade", in.Events)
		}
		for range 2 {
			if _, ok, err := s.UndoLastReview(); !ok || err != nil {
				t.Fatal(ok, err)
			}
		}
		if got, ok := cardOf(t, s, "a"); !ok || got != r1.After {
			t.Errorf("undoing a cram grade changed the card: %+v", got)
		}
		if _, ok := cardOf(t, s, "b"); ok {
			t.Error("undoing a cram grade of a new note left a card")
		}
	})

	t.Run("answers", func(t *testing.T) {
		s := open(t)
		with := func(r Review, answer string) Review { r.Answer = answer; return r }
		a1 := mustRecord(t, s, with(review("a", t0, srs.Good), "第一次"))
		mustRecord(t, s, review("a", t0.Add(time.Hour), srs.Good))
		mustRecord(t, s, with(review("b", t0.Add(2*time.Hour), srs.Good), "别的题"))
		cram := with(review("a", t0.Add(3*time.Hour), srs.Hard), "第二次 \"answer\": 引号")
		cram.Mode = ModeCram
		a2 := mustRecord(t, s, cram)
		got, err := s.Answers("a")
		if err != nil {
			t.Fatal(err)
		}
		if want := []Review{a2, a1}; !reflect.DeepEqual(got, want) {
			t.Errorf("Answers(a) =\n %+v\nwant\n %+v", got, want)
		}
		if got, err := s.Answers("none"); err != nil || len(got) != 0 {
			t.Errorf("Answers(none) = %v, %v", got, err)
		}
	})

	t.Run("interviews", func(t *testing.T) {
		s := open(t)
		if ivs, err := s.Interviews(); err != nil || len(ivs) != 0 {
			t.Fatalf("Interviews on an empty store = %v, %v", ivs, err)
		}
		first, second := interview(t0), interview(t0.Add(24*time.Hour))
		second.Questions = second.Questions[:1]
		for _, iv := range []Interview{second, first} {
			if err := s.RecordInterview(iv); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.Interviews()
		if err != nil {
			t.Fatal(err)
		}
		if want := []Interview{second, first}; !reflect.DeepEqual(got, want) {
			t.Errorf("Interviews =\n %+v\nwant newest first\n %+v", got, want)
		}
		got[0].Questions[0].NoteID = "changed"
		if again, _ := s.Interviews(); again[0].Questions[0].NoteID != "a" {
			t.Error("changing a returned report changed the store")
		}
		if tk, pts := first.Covered(); tk != 5 || pts != 7 {
			t.Errorf("Covered = %d/%d, want 5/7", tk, pts)
		}
		if d := first.Duration(); d != 410*time.Second {
			t.Errorf("Duration = %v, want 410s", d)
		}
		before := export(t, s)
		bad := map[string]func(*Interview){
			"same start":       func(iv *Interview) { iv.Start = t0 },
			"no start":         func(iv *Interview) { iv.Start = time.Time{} },
			"2 days ahead":     func(iv *Interview) { iv.Start = time.Now().Add(48 * time.Hour) },
			"no questions":     func(iv *Interview) { iv.Questions = nil },
			"empty note id":    func(iv *Interview) { iv.Questions[0].NoteID = "" },
			"ticked > points":  func(iv *Interview) { iv.Questions[0].Ticked = 5 },
			"too many missed":  func(iv *Interview) { iv.Questions[1].Missed = []string{"x"} },
			"rating 5":         func(iv *Interview) { iv.Questions[0].Rating = 5 },
			"negative seconds": func(iv *Interview) { iv.Questions[0].Seconds = -1 },
			"no budget":        func(iv *Interview) { iv.Questions[0].Budget = 0 },
		}
		for name, mutate := range bad {
			iv := interview(t0.Add(48 * time.Hour))
			mutate(&iv)
			if err := s.RecordInterview(iv); !errors.Is(err, ErrInvalid) {
				t.Errorf("%s: err = %v, want ErrInvalid", name, err)
			}
		}
		if export(t, s) != before {
			t.Error("refused reports changed the store")
		}
	})

	t.Run("weights reach the scheduler", func(t *testing.T) {
		s := open(t)
		w := srs.DefaultParams()
		w[0] = 0.5
		st := DefaultSettings()
		st.Weights = w[:]
		if err := s.SaveSettings(st); err != nil {
			t.Fatal(err)
		}
		w[0] = 0.9 // the store keeps its own copy
		got, err := s.Settings()
		if err != nil {
			t.Fatal(err)
		}
		if p := got.Scheduler(time.UTC).Params; p[0] != 0.5 || p[1] != srs.DefaultParams()[1] {
			t.Errorf("scheduler weights %v", p)
		}
		if p := DefaultSettings().Scheduler(time.UTC).Params; p != srs.DefaultParams() {
			t.Errorf("default settings' weights %v", p)
		}
	})

	t.Run("export and import carry everything", func(t *testing.T) {
		src := open(t)
		mustRecord(t, src, withAnswer(review("a", t0, srs.Good), "答案"))
		mustRecord(t, src, review("b", t0.Add(time.Minute), srs.Hard))
		cram := review("b", t0.Add(2*time.Minute), srs.Again)
		cram.Mode = ModeCram
		mustRecord(t, src, cram)
		if _, err := src.ResetCard("a", t0.Add(3*time.Minute)); err != nil {
			t.Fatal(err)
		}
		if err := src.Suspend("b", true, t0); err != nil {
			t.Fatal(err)
		}
		if err := src.RecordInterview(interview(t0.Add(time.Hour))); err != nil {
			t.Fatal(err)
		}
		st := DefaultSettings()
		w := srs.DefaultParams()
		w[3] = 9
		st.Weights, st.InterviewQuestions, st.InterviewSeconds, st.Theme = w[:], 7, 300, "light"
		if err := src.SaveSettings(st); err != nil {
			t.Fatal(err)
		}
		doc := export(t, src)
		dst := open(t)
		res, err := dst.Import(strings.NewReader(doc))
		if err != nil {
			t.Fatal(err)
		}
		if want := (ImportResult{Reviews: 4, Cards: 1, Suspended: 1, Interviews: 1}); res != want {
			t.Errorf("import = %+v, want %+v", res, want)
		}
		if got := export(t, dst); got != doc {
			t.Errorf("round trip differs:\n%s\nwant\n%s", got, doc)
		}
		if res, err := dst.Import(strings.NewReader(doc)); err != nil || res != (ImportResult{}) {
			t.Errorf("second import = %+v, %v; want nothing added", res, err)
		}
		if got, _ := dst.Answers("a"); len(got) != 1 || got[0].Answer != "答案" {
			t.Errorf("answers after import: %+v", got)
		}
	})

	t.Run("a version-1 backup imports with the new settings' defaults", func(t *testing.T) {
		src := open(t)
		mustRecord(t, src, review("a", t0, srs.Good))
		st := DefaultSettings()
		st.NewPerDay = 3
		if err := src.SaveSettings(st); err != nil {
			t.Fatal(err)
		}
		doc := export(t, src)
		v1 := strings.Replace(doc, `"version": 2`, `"version": 1`, 1)
		v1 = regexp.MustCompile(`(?s),\n  "suspended": \{\},\n  "interviews": \[\]`).ReplaceAllString(v1, "")
		v1 = strings.Replace(v1, `,"interview_questions":5,"interview_seconds":180,"theme":"auto"`, "", 1)
		if strings.Contains(v1, "interview") {
			t.Fatalf("not a version-1 backup:\n%s", v1)
		}
		dst := open(t)
		if _, err := dst.Import(strings.NewReader(v1)); err != nil {
			t.Fatal(err)
		}
		if got, _ := dst.Settings(); !got.Equal(st) {
			t.Errorf("settings %+v, want %+v", got, st)
		}
		// Version 2 must hold every part.
		for _, part := range []string{`"suspended": {},`, `"interviews": [],`, `,"theme":"auto"`} {
			broken := strings.Replace(doc, part, "", 1)
			if broken == doc {
				t.Fatalf("%s not in the backup", part)
			}
			if _, err := open(t).Import(strings.NewReader(broken)); !errors.Is(err, ErrInvalid) {
				t.Errorf("a version-2 backup without %s: err = %v, want ErrInvalid", part, err)
			}
		}
	})

	t.Run("bad new parts of a backup are refused", func(t *testing.T) {
		src := open(t)
		if err := src.Suspend("a", true, t0); err != nil {
			t.Fatal(err)
		}
		if err := src.RecordInterview(interview(t0)); err != nil {
			t.Fatal(err)
		}
		good := export(t, src)
		dst := open(t)
		before := export(t, dst)
		cases := map[string]struct{ old, new string }{
			"suspended in 1999":  {`"a": "` + rfc3339ms(t0) + `"`, `"a": "1999-01-01T00:00:00Z"`},
			"suspended ahead":    {`"a": "` + rfc3339ms(t0) + `"`, `"a": "2999-01-01T00:00:00Z"`},
			"ticked > points":    {`"ticked":2,"points":4`, `"ticked":5,"points":4`},
			"unknown field":      {`"budget_seconds":180`, `"budget_seconds":180,"x":1`},
			"weights: 2 numbers": {`"theme":"auto"`, `"theme":"auto","weights":[1,2]`},
			"theme":              {`"theme":"auto"`, `"theme":"pink"`},
			"interview 2 times":  {`"interviews": [`, `"interviews": [{"start":"` + rfc3339ms(t0) + `","questions":[{"note_id":"a","seconds":1,"budget_seconds":1,"ticked":0,"points":0,"rating":0}]},`},
		}
		for name, c := range cases {
			doc := strings.Replace(good, c.old, c.new, 1)
			if doc == good {
				t.Fatalf("%s: the case does not change the backup", name)
			}
			if _, err := dst.Import(strings.NewReader(doc)); !errors.Is(err, ErrInvalid) {
				t.Errorf("%s: err = %v, want ErrInvalid", name, err)
			}
		}
		if export(t, dst) != before {
			t.Error("refused backups changed the store")
		}
	})

	t.Run("revlog CSV leaves out cram grades, resets and what a reset undid", func(t *testing.T) {
		s := open(t)
		mustRecord(t, s, review("a", t0, srs.Good))
		mustRecord(t, s, review("b", t0.Add(time.Minute), srs.Good))
		if _, err := s.ResetCard("a", t0.Add(2*time.Minute)); err != nil {
			t.Fatal(err)
		}
		cram := review("b", t0.Add(3*time.Minute), srs.Again)
		cram.Mode = ModeCram
		mustRecord(t, s, cram)
		mustRecord(t, s, review("a", t0.Add(4*time.Minute), srs.Easy))
		var buf bytes.Buffer
		if err := WriteRevlogCSV(s, &buf); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
		if len(lines) != 3 || !strings.Contains(lines[1], ",3,") || !strings.Contains(lines[2], ",4,") {
			t.Errorf("revlog:\n%s\nwant b's Good and a's Easy after its reset", buf.String())
		}
	})
}

func withAnswer(r Review, answer string) Review { r.Answer = answer; return r }
