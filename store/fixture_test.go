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

// fixtureReviews are what every schema fixture holds, in log order; each
// Before is the card the note's previous review left. Any later layout
// must read them back exactly.
func fixtureReviews() []Review {
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
	return out
}

func fixtureBookmarks() map[string]time.Time {
	return map[string]time.Time{
		"lora-ptuning": fixtureT0.Add(-time.Hour),
		"rlhf":         fixtureT0.Add(5 * time.Minute),
	}
}

func fixtureSettings() Settings {
	return Settings{Lang: "zh", NewPerDay: 15, Retention: 0.85, RolloverHour: 5}
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
	for _, r := range fixtureReviews() {
		if _, err := s.RecordReview(r); err != nil {
			t.Fatal(err)
		}
	}
	for id, at := range fixtureBookmarks() {
		if err := s.SetBookmark(id, true, at); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SaveSettings(fixtureSettings()); err != nil {
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
			checkFixture(t, path)
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
			checkFixture(t, path)
		})
	}
}

// checkFixture opens path and compares everything in it with the fixture's
// contents.
func checkFixture(t *testing.T, path string) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	want := fixtureReviews()
	var got []Review
	if err := s.ForEachReview(func(r Review) error { got = append(got, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("reviews:\n got %+v\nwant %+v", got, want)
	}
	wantCards := map[string]srs.Card{}
	for _, r := range want {
		wantCards[r.NoteID] = r.After
	}
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
	if got, err := s.Settings(); err != nil || got != fixtureSettings() {
		t.Errorf("settings %+v (%v), want %+v", got, err, fixtureSettings())
	}
}
