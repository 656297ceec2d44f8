package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"mianjing/notes"
	"mianjing/srs"
	"mianjing/store"
)

// openDB opens the harness's database for a check and closes it after.
func (h *harness) openDB(fn func(st *store.Bolt)) {
	h.t.Helper()
	st, err := store.Open(h.dbPath())
	if err != nil {
		h.t.Fatal(err)
	}
	defer st.Close()
	fn(st)
}

// wantUsageError checks a refused command: exit 2, one line on stderr
// naming the command and holding want, nothing on stdout.
func wantUsageError(t *testing.T, res result, want string) {
	t.Helper()
	if res.code != exitUsage || res.stdout != "" || strings.Count(res.stderr, "\n") != 1 ||
		!strings.HasPrefix(res.stderr, "mianjing ") || !strings.Contains(res.stderr, want) {
		t.Errorf("exit %d, stdout %q, stderr %q; want exit 2 and one line with %q", res.code, res.stdout, res.stderr, want)
	}
}

func TestConfig(t *testing.T) {
	h := newHarness(t)
	res := h.run("config", "list")
	if res.code != exitOK {
		t.Fatalf("config list: %+v", res)
	}
	for _, want := range []string{"retention            0.9", "weights              default", "interview_questions  5",
		"interview_seconds    180", "theme                auto", "rollover_hour        4", "new_per_day          20"} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("config list lacks %q:\n%s", want, res.stdout)
		}
	}
	sets := map[string]string{"retention": "0.85", "new_per_day": "12", "rollover_hour": "0",
		"interview_questions": "20", "interview_seconds": "30", "theme": "dark"}
	for k, v := range sets {
		if res := h.run("config", "set", k, v); res.code != exitOK || res.stdout != k+" = "+v+"\n" {
			t.Errorf("config set %s %s: %+v", k, v, res)
		}
		if res := h.run("config", "get", k); res.stdout != v+"\n" {
			t.Errorf("config get %s = %q, want %q", k, res.stdout, v)
		}
	}
	w := srs.DefaultParams()
	w[0] = 0.4
	var parts []string
	for _, x := range w {
		parts = append(parts, strconv.FormatFloat(x, 'f', -1, 64))
	}
	// The optimizer's own layout: brackets and ", ".
	if res := h.run("config", "set", "weights", "["+strings.Join(parts, ", ")+"]"); res.code != exitOK {
		t.Fatalf("config set weights: %+v", res)
	}
	h.openDB(func(st *store.Bolt) {
		s, _ := st.Settings()
		if s.Scheduler(time.UTC).Params != w {
			t.Errorf("stored weights %v, want %v", s.Weights, w)
		}
	})
	before := h.run("config", "list").stdout
	bad := map[string][]string{
		"retention 1.5":   {"retention", "1.5", "between 0.7 and 0.99"},
		"retention 0.5":   {"retention", "0.5", "between 0.7 and 0.99"},
		"retention abc":   {"retention", "abc", "not a number"},
		"retention NaN":   {"retention", "NaN", "not a number"},
		"new_per_day -1":  {"new_per_day", "-1", "negative"},
		"new_per_day 1.5": {"new_per_day", "1.5", "not a whole number"},
		"rollover 24":     {"rollover_hour", "24", "0–23"},
		"20 weights":      {"weights", strings.Join(parts[:20], ","), "20 numbers, want 21"},
		"22 weights":      {"weights", strings.Join(append(slices.Clone(parts), "1"), ","), "22 numbers, want 21"},
		"weight w4 0.5":   {"weights", strings.Join(slices.Replace(slices.Clone(parts), 4, 5, "0.5"), ","), "w4"},
		"weight x":        {"weights", strings.Join(slices.Replace(slices.Clone(parts), 2, 3, "x"), ","), `w2 "x" is not a number`},
		"questions 0":     {"interview_questions", "0", "1–20"},
		"questions 21":    {"interview_questions", "21", "1–20"},
		"seconds 29":      {"interview_seconds", "29", "30–1800"},
		"seconds 1801":    {"interview_seconds", "1801", "30–1800"},
		"theme pink":      {"theme", "pink", `"pink"`},
		"unknown key":     {"retnetion", "0.8", `did you mean "retention"`},
	}
	for name, c := range bad {
		t.Run(name, func(t *testing.T) {
			// "--": a value starting with "-" would read as a flag.
			wantUsageError(t, h.run("config", "set", c[0], "--", c[1]), c[2])
		})
	}
	wantUsageError(t, h.run("config", "frob"), `unknown action "frob"`)
	wantUsageError(t, h.run("config", "set", "theme"), "usage")
	wantUsageError(t, h.run("config", "get", "nope"), `unknown key "nope"`)
	if after := h.run("config", "list").stdout; after != before {
		t.Errorf("refused values changed the settings:\n%s\nwant\n%s", after, before)
	}
	if res := h.run("config", "set", "weights", "default"); res.code != exitOK {
		t.Fatal(res)
	}
	if res := h.run("config", "get", "weights"); res.stdout != "default\n" {
		t.Errorf("weights after default: %q", res.stdout)
	}
}

func TestSuspendAndReset(t *testing.T) {
	h := newHarness(t)
	wantUsageError(t, h.run("--notes", goodDeck, "suspend", "lora"), `did you mean "lora-ptuning"`)
	if res := h.run("--notes", goodDeck, "suspend", "lora-ptuning", "clip"); res.code != exitOK || !strings.Contains(res.stdout, "suspended clip") {
		t.Fatalf("suspend: %+v", res)
	}
	if res := h.run("--notes", goodDeck, "suspend", "clip"); !strings.Contains(res.stdout, "already suspended") {
		t.Errorf("suspend again: %+v", res)
	}
	if res := h.run("--notes", goodDeck, "unsuspend", "clip"); res.code != exitOK || !strings.Contains(res.stdout, "unsuspended clip") {
		t.Errorf("unsuspend: %+v", res)
	}
	wantUsageError(t, h.run("--notes", goodDeck, "unsuspend", "gone"), `no note with id "gone"`)
	h.openDB(func(st *store.Bolt) {
		if got := st.Suspended(); len(got) != 1 || !got["lora-ptuning"].Equal(testNow) {
			t.Errorf("suspended %v, want lora-ptuning at %v", got, testNow)
		}
		r := store.Review{NoteID: "clip", Time: testNow.Add(-time.Hour), Rating: srs.Good, Mode: store.ModeDue,
			After: srs.Card{State: srs.Review, Stability: 3, Difficulty: 5, Due: testNow.Add(48 * time.Hour), LastReview: testNow.Add(-time.Hour), Reps: 1}}
		if _, err := st.RecordReview(r); err != nil {
			t.Fatal(err)
		}
	})
	wantUsageError(t, h.run("--notes", goodDeck, "reset", "clip", "nope"), `no note with id "nope"`)
	res := h.run("--notes", goodDeck, "reset", "clip", "decoder-only")
	if res.code != exitOK || !strings.Contains(res.stdout, "reset clip") || !strings.Contains(res.stdout, "decoder-only is still new") {
		t.Errorf("reset: %+v", res)
	}
	h.openDB(func(st *store.Bolt) {
		if _, ok, _ := st.Card("clip"); ok {
			t.Error("clip still has a card after reset")
		}
		revs, _ := st.ReviewsSince(time.Time{})
		if len(revs) != 2 || revs[1].Mode != store.ModeReset || revs[1].NoteID != "clip" {
			t.Errorf("log %+v, want the review and a reset", revs)
		}
	})
}

func TestDeckExport(t *testing.T) {
	h := newHarness(t)
	dir := filepath.Join(h.dir, "my-deck")
	res := h.run("deck", "export", dir)
	if res.code != exitOK || !strings.Contains(res.stdout, dir) {
		t.Fatalf("deck export: %+v", res)
	}
	got, err := notes.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	want, err := notes.Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Notes) != len(want.Notes) || got.Notes[0].ID != want.Notes[0].ID || got.Notes[0].Body != want.Notes[0].Body {
		t.Errorf("exported deck has %d notes, the built-in %d", len(got.Notes), len(want.Notes))
	}
	entries, _ := os.ReadDir(dir)
	res = h.run("deck", "export", dir)
	if res.code != exitError || !strings.Contains(res.stderr, "not empty") {
		t.Errorf("export into a non-empty dir: %+v", res)
	}
	if again, _ := os.ReadDir(dir); len(again) != len(entries) {
		t.Error("a refused export changed the directory")
	}
	wantUsageError(t, h.run("deck", "import", dir), "usage")
}

func TestShowAnswers(t *testing.T) {
	h := newHarness(t)
	if res := h.run("--notes", goodDeck, "show", "clip", "--answers"); res.code != exitOK || !strings.Contains(res.stdout, "no saved answers") {
		t.Errorf("show --answers with none: %+v", res)
	}
	h.openDB(func(st *store.Bolt) {
		for i, a := range []string{"first try", "second try\nline two"} {
			at := testNow.Add(time.Duration(i-3) * time.Hour)
			r := store.Review{NoteID: "clip", Time: at, Rating: srs.Good, Mode: store.ModeDue, Answer: a, Ticked: i + 1, Points: 3,
				After: srs.Card{State: srs.Review, Stability: 3, Difficulty: 5, Due: at.Add(48 * time.Hour), LastReview: at, Reps: i + 1}}
			if _, err := st.RecordReview(r); err != nil {
				t.Fatal(err)
			}
		}
	})
	res := h.run("--notes", goodDeck, "show", "clip", "--answers")
	second, first := strings.Index(res.stdout, "second try"), strings.Index(res.stdout, "first try")
	if res.code != exitOK || second < 0 || first < second || !strings.Contains(res.stdout, "  line two") ||
		!strings.Contains(res.stdout, "Mar 12 08:00 · points 2/3 · Good") {
		t.Errorf("show --answers:\n%s", res.stdout)
	}
	wantUsageError(t, h.run("--notes", goodDeck, "show", "nope", "--answers"), `no note with id "nope"`)
}

func TestStatsCountsCramAndInterviewsApart(t *testing.T) {
	h := newHarness(t)
	if res := h.run("--notes", goodDeck, "stats"); strings.Contains(res.stdout, "Cram") || strings.Contains(res.stdout, "Interviews") {
		t.Errorf("stats without cram grades or interviews:\n%s", res.stdout)
	}
	h.openDB(func(st *store.Bolt) {
		for i, mode := range []store.Mode{store.ModeDue, store.ModeCram, store.ModeCram} {
			at := testNow.Add(time.Duration(i-3) * time.Hour)
			if i == 2 {
				at = testNow.Add(-72 * time.Hour)
			}
			r := store.Review{NoteID: "clip", Time: at, Rating: srs.Good, Mode: mode,
				After: srs.Card{State: srs.Review, Stability: 3, Difficulty: 5, Due: at.Add(48 * time.Hour), LastReview: at, Reps: 1}}
			if _, err := st.RecordReview(r); err != nil {
				t.Fatal(err)
			}
		}
		iv := store.Interview{Start: testNow.Add(-time.Hour), Questions: []store.InterviewQuestion{
			{NoteID: "clip", Seconds: 100, Budget: 180, Ticked: 1, Points: 4, Rating: srs.Hard}}}
		if err := st.RecordInterview(iv); err != nil {
			t.Fatal(err)
		}
	})
	res := h.run("--notes", goodDeck, "stats")
	if res.code != exitOK || !strings.Contains(res.stdout, "Cram        today 1 · in all 2 (not scheduled)") ||
		!strings.Contains(res.stdout, "Interviews  1 mock interview · latest Mar 12 · 25% of points covered") ||
		!strings.Contains(res.stdout, "1 today · 1 in 7 days · 1 in all") {
		t.Errorf("stats:\n%s", res.stdout)
	}
}

func TestListMarksSuspendedAndDueLeavesThemOut(t *testing.T) {
	h := newHarness(t)
	if res := h.run("--notes", goodDeck, "suspend", "clip"); res.code != exitOK {
		t.Fatal(res)
	}
	res := h.run("--notes", goodDeck, "list")
	if !regexp.MustCompile(`(?m)^clip .*new · suspended`).MatchString(res.stdout) || strings.Count(res.stdout, "suspended") != 1 {
		t.Errorf("list:\n%s", res.stdout)
	}
	res = h.run("--notes", goodDeck, "list", "--scope", "due")
	if res.code != exitOK || strings.Contains(res.stdout, "clip") || !strings.Contains(res.stdout, "lora-ptuning") {
		t.Errorf("list --scope due:\n%s", res.stdout)
	}
	res = h.run("--notes", goodDeck, "list", "--json")
	if !strings.Contains(res.stdout, `"suspended": true`) || strings.Count(res.stdout, `"suspended"`) != 1 {
		t.Errorf("list --json:\n%s", res.stdout)
	}
}
