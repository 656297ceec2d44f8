package store

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"mianjing/srs"
)

var writeFixture = flag.Bool("write-fixture", false,
	"write testdata/schema-vN.db for the current SchemaVersion (only when the layout changes)")

// fixtureT0 is the clock of the fixture's contents.
var fixtureT0 = time.Date(2025, 3, 1, 8, 30, 0, 0, time.UTC)

// fixtureReviews are what the schema-v fixture holds, in log order; each
// Before is the card the note's previous review left. Any later layout
// must read them back exactly. Version 2 adds a cram grade and a reset.
func fixtureReviews(v int) []Review {
	sched := srs.NewScheduler()
	sched.Loc = time.UTC
	var out []Review
	cards := map[string]srs.Card{}
	add := func(id string, at time.Time, r srs.Rating, mode Mode, answer string, ticked, points int) {
		after := sched.Review(cards[id], r, at, id)
		out = append(out, normReview(Review{Seq: uint64(len(out) + 1), NoteID: id, Time: at, Rating: r,
			Before: cards[id], After: after, Duration: int64(1000 * (len(out) + 3)), Mode: mode,
			Answer: answer, Ticked: ticked, Points: points}))
		cards[id] = after
	}
	add("lora-ptuning", fixtureT0, srs.Good, ModeDue, "低秩旁路，冻结原权重", 3, 4)
	add("transformer-attention", fixtureT0.Add(2*time.Minute), srs.Again, ModeAll, "", 0, 5)
	add("transformer-attention", fixtureT0.Add(13*time.Minute), srs.Good, ModeAll, "", 4, 5)
	add("lora-ptuning", fixtureT0.Add(3*24*time.Hour), srs.Easy, ModeBookmarked, "", 4, 4)
	add("rlhf", fixtureT0.Add(3*24*time.Hour+time.Hour), srs.Hard, ModeOne, "奖励模型 + PPO\n第二行", 1, 3)
	if v < 2 {
		return out
	}
	// A cram grade leaves the card as it was.
	kept := cards["lora-ptuning"]
	add("lora-ptuning", fixtureT0.Add(4*24*time.Hour), srs.Again, ModeCram, "只记得低秩", 1, 4)
	cards["lora-ptuning"] = kept
	out = append(out, normReview(Review{Seq: uint64(len(out) + 1), NoteID: "transformer-attention",
		Time: fixtureT0.Add(4*24*time.Hour + time.Minute), Before: cards["transformer-attention"], Mode: ModeReset}))
	return out
}

// fixtureCards returns the cards reviews leave.
func fixtureCards(reviews []Review) map[string]srs.Card {
	cards := map[string]srs.Card{}
	for _, r := range reviews {
		switch r.Mode {
		case ModeCram:
		case ModeReset:
			delete(cards, r.NoteID)
		default:
			cards[r.NoteID] = r.After
		}
	}
	return cards
}

func fixtureSuspended(v int) map[string]time.Time {
	if v < 2 {
		return map[string]time.Time{}
	}
	return map[string]time.Time{"rlhf": fixtureT0.Add(4 * 24 * time.Hour)}
}

func fixtureInterviews(v int) []Interview {
	if v < 2 {
		return nil
	}
	return []Interview{{Start: fixtureT0.Add(2 * 24 * time.Hour), Questions: []InterviewQuestion{
		{NoteID: "lora-ptuning", Chapter: "微调", Seconds: 150, Budget: 180, Ticked: 3, Points: 4, Missed: []string{"秩 r 的选择"}, Rating: srs.Good},
		{NoteID: "rlhf", Chapter: "对齐", Seconds: 200, Budget: 180, Ticked: 0, Points: 3, Rating: srs.Again},
	}}}
}

func fixtureBookmarks() map[string]time.Time {
	return map[string]time.Time{
		"lora-ptuning": fixtureT0.Add(-time.Hour),
		"rlhf":         fixtureT0.Add(5 * time.Minute),
	}
}

// fixtureSettings are the fixture's settings as the current schema reads
// them: a version-1 file gets the newer fields' defaults.
func fixtureSettings(v int) Settings {
	s := Settings{Lang: "zh", NewPerDay: 15, Retention: 0.85, RolloverHour: 5, InterviewQuestions: 5, InterviewSeconds: 180, Theme: "auto"}
	if v >= 2 {
		w := srs.DefaultParams()
		w[0], w[20] = 0.3, 0.2
		s.Weights, s.InterviewQuestions, s.InterviewSeconds, s.Theme = w[:], 3, 120, "dark"
	}
	return s
}

// TestWriteSchemaFixture writes testdata/schema-vN.db for the current
// schema with -write-fixture. Run it when SchemaVersion goes up, and keep
// the older files: TestSchemaFixtures opens each one.
func TestWriteSchemaFixture(t *testing.T) {
	if !*writeFixture {
		t.Skip("run with -write-fixture to write testdata/schema-vN.db")
	}
	path := filepath.Join("testdata", "schema-v"+strconv.Itoa(SchemaVersion)+".db")
	if err := os.MkdirAll("testdata", 0o755); err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(t.TempDir(), "fixture.db")
	s, err := Open(tmp)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range fixtureReviews(SchemaVersion) {
		var err error
		if r.Mode == ModeReset {
			_, err = s.ResetCard(r.NoteID, r.Time)
		} else {
			_, err = s.RecordReview(r)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	for id, at := range fixtureSuspended(SchemaVersion) {
		if err := s.Suspend(id, true, at); err != nil {
			t.Fatal(err)
		}
	}
	for _, iv := range fixtureInterviews(SchemaVersion) {
		if err := s.RecordInterview(iv); err != nil {
			t.Fatal(err)
		}
	}
	for id, at := range fixtureBookmarks() {
		if err := s.SetBookmark(id, true, at); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SaveSettings(fixtureSettings(SchemaVersion)); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(tmp)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%d bytes)", path, len(data))
}

// TestSchemaFixtures opens a copy of every testdata/schema-vN.db — a
// store file as each schema version the project has shipped wrote it —
// and checks that it migrates to the current schema and reads back every
// card, review, bookmark and setting; a current file is left byte for
// byte as it was.
func TestSchemaFixtures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "schema-v*.db"))
	if err != nil {
		t.Fatal(err)
	}
	current := "schema-v" + strconv.Itoa(SchemaVersion) + ".db"
	found := false
	for _, f := range files {
		if filepath.Base(f) == current {
			found = true
		}
	}
	if !found {
		t.Fatalf("no testdata/%s: run go test ./store -run TestWriteSchemaFixture -write-fixture", current)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			v, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "schema-v"), ".db"))
			if err != nil {
				t.Fatalf("fixture name %s: %v", f, err)
			}
			orig, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "progress.db")
			if err := os.WriteFile(path, orig, 0o600); err != nil {
				t.Fatal(err)
			}
			checkFixture(t, path, v)
			after, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if v == SchemaVersion && !bytes.Equal(orig, after) {
				t.Error("opening a current file changed it")
			}
			if got := schemaOf(t, path); got != strconv.Itoa(SchemaVersion) {
				t.Errorf("schema %q after opening a v%d file, want %d", got, v, SchemaVersion)
			}
			// A migrated file opens again as it is.
			checkFixture(t, path, v)
		})
	}
}

// checkFixture opens path, a fixture of schema v, and compares everything
// in it with that fixture's contents.
func checkFixture(t *testing.T, path string, v int) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	want := fixtureReviews(v)
	var got []Review
	if err := s.ForEachReview(func(r Review) error { got = append(got, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("reviews:\n got %+v\nwant %+v", got, want)
	}
	wantCards := fixtureCards(want)
	cards, err := s.Cards()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cards, wantCards) {
		t.Errorf("cards:\n got %+v\nwant %+v", cards, wantCards)
	}
	wantMarks := map[string]time.Time{}
	for id, at := range fixtureBookmarks() {
		wantMarks[id] = normTime(at)
	}
	if got := s.Bookmarks(); !reflect.DeepEqual(got, wantMarks) {
		t.Errorf("bookmarks %v, want %v", got, wantMarks)
	}
	if got, err := s.Settings(); err != nil || !got.Equal(fixtureSettings(v)) {
		t.Errorf("settings %+v (%v), want %+v", got, err, fixtureSettings(v))
	}
	wantSusp := map[string]time.Time{}
	for id, at := range fixtureSuspended(v) {
		wantSusp[id] = normTime(at)
	}
	if got := s.Suspended(); !reflect.DeepEqual(got, wantSusp) {
		t.Errorf("suspended %v, want %v", got, wantSusp)
	}
	ivs, err := s.Interviews()
	if err != nil {
		t.Fatal(err)
	}
	if wantIvs := fixtureInterviews(v); !reflect.DeepEqual(ivs, wantIvs) {
		t.Errorf("interviews:\n got %+v\nwant %+v", ivs, wantIvs)
	}
}
