package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"mianjing/notes"
	"mianjing/srs"
	"mianjing/store"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// cst is the learner's zone in these tests: UTC+8, no DST.
var cst = time.FixedZone("CST", 8*3600)

// testNow is Wednesday 12 March 2025, 10:00 in cst.
var testNow = time.Date(2025, 3, 12, 10, 0, 0, 0, cst)

const goodDeck = "testdata/deck-good"

// harness runs Main with a fake Env: buffers, a fixed clock, and the
// database under its own XDG_DATA_HOME in a temporary directory.
type harness struct {
	t        *testing.T
	dir      string
	env      map[string]string
	terminal bool // stdout is a terminal
	width    int  // its width
	stdin    string
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	dir := t.TempDir()
	return &harness{t: t, dir: dir, env: map[string]string{"XDG_DATA_HOME": dir, "LANG": "en_US.UTF-8"}}
}

func (h *harness) dbPath() string { return filepath.Join(h.dir, "mianjing", "mianjing.db") }

type result struct {
	code           int
	stdout, stderr string
}

func (h *harness) run(args ...string) result {
	h.t.Helper()
	var out, errb bytes.Buffer
	env := Env{
		Stdin:            strings.NewReader(h.stdin),
		Stdout:           &out,
		Stderr:           &errb,
		Getenv:           func(k string) string { return h.env[k] },
		IsTerminal:       func() bool { return false },
		StdoutIsTerminal: func() bool { return h.terminal },
		TermWidth:        func() int { return h.width },
		Now:              func() time.Time { return testNow },
	}
	code := Main(args, env)
	return result{code, out.String(), errb.String()}
}

// golden runs args and compares the exit code and output with
// testdata/name.golden; temporary paths read "$TMP".
func (h *harness) golden(name string, args ...string) result {
	h.t.Helper()
	res := h.run(args...)
	got := fmt.Sprintf("$ %s\nexit %d\n--- stdout\n%s--- stderr\n%s", strings.Join(append([]string{"mianjing"}, args...), " "), res.code, res.stdout, res.stderr)
	got = strings.ReplaceAll(got, h.dir, "$TMP")
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			h.t.Fatal(err)
		}
		return res
	}
	want, err := os.ReadFile(path)
	if err != nil {
		h.t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		h.t.Errorf("%s: output differs from %s (go test -update rewrites it)\n--- got\n%s\n--- want\n%s", name, path, got, want)
	}
	return res
}

// seed records a history in the harness's database with the real store
// and scheduler, for the notes of testdata/deck-good:
//
//	attention-complexity  27 Feb 20:00 Good, 20:10 Good, 28 Feb 21:00 Good, 5 Mar 21:00 Good
//	lora-ptuning          1 Mar 09:00 Good, 09:10 Good, 4 Mar 20:00 Good, 11 Mar 21:00 Again, 21:15 Good
//	clip                  10 Mar 02:30 Easy (before 04:00: study day 9 March)
//	decoder-only          12 Mar 09:30 Again
//
// Study days with reviews: 27, 28 Feb, 1, 4, 5, 9, 11, 12 Mar. Bookmarks:
// clip and lora-ptuning.
func seed(t *testing.T, dbPath string) {
	t.Helper()
	st, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s := srs.NewScheduler()
	s.Loc = cst
	at := func(m time.Month, d, h, min int) time.Time { return time.Date(2025, m, d, h, min, 0, 0, cst) }
	type rv struct {
		id string
		t  time.Time
		r  srs.Rating
	}
	cards := map[string]srs.Card{}
	for i, x := range []rv{
		{"attention-complexity", at(2, 27, 20, 0), srs.Good},
		{"attention-complexity", at(2, 27, 20, 10), srs.Good},
		{"attention-complexity", at(2, 28, 21, 0), srs.Good},
		{"lora-ptuning", at(3, 1, 9, 0), srs.Good},
		{"lora-ptuning", at(3, 1, 9, 10), srs.Good},
		{"lora-ptuning", at(3, 4, 20, 0), srs.Good},
		{"attention-complexity", at(3, 5, 21, 0), srs.Good},
		{"clip", at(3, 10, 2, 30), srs.Easy},
		{"lora-ptuning", at(3, 11, 21, 0), srs.Again},
		{"lora-ptuning", at(3, 11, 21, 15), srs.Good},
		{"decoder-only", at(3, 12, 9, 30), srs.Again},
	} {
		before := cards[x.id]
		after := s.Review(before, x.r, x.t, x.id)
		cards[x.id] = after
		_, err := st.RecordReview(store.Review{NoteID: x.id, Time: x.t, Rating: x.r, Before: before, After: after,
			Duration: int64(3000 + 500*i), Mode: store.ModeDue})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range []string{"clip", "lora-ptuning"} {
		if err := st.SetBookmark(id, true, at(3, 1, 8, 0)); err != nil {
			t.Fatal(err)
		}
	}
}

func TestHelp(t *testing.T) {
	h := newHarness(t)
	h.golden("help", "help")
	if a, b := h.run("--help"), h.run("help"); a != b {
		t.Errorf("--help and help differ:\n%s\n%s", a.stdout, b.stdout)
	}
	for _, c := range commands() {
		res := h.golden("help_"+c.name, "help", c.name)
		if res.code != 0 {
			t.Errorf("help %s: exit %d", c.name, res.code)
		}
		if c.name == "help" {
			continue
		}
		// "CMD --help" says the same as "help CMD", and every flag is explained.
		if other := h.run(c.name, "--help"); other != res {
			t.Errorf("%s --help differs from help %s:\n%s", c.name, c.name, other.stdout)
		}
		fs := newFlagSet(c.name)
		var g globals
		g.register(fs)
		c.flags(fs)
		fs.VisitAll(func(f *flag.Flag) {
			if !strings.Contains(res.stdout, "--"+f.Name) {
				t.Errorf("help %s does not explain --%s", c.name, f.Name)
			}
		})
	}
	h.golden("help_unknown", "help", "lst")
	h.golden("version", "--version")
}

// With a Chinese locale the help is in Chinese: every command's summary
// and paragraph and every flag have a translation, and --lang overrides
// the locale either way.
func TestHelpChinese(t *testing.T) {
	h := newHarness(t)
	h.env["LANG"] = "zh_CN.UTF-8"
	top := h.golden("help_zh", "help")
	h.golden("help_zh_export", "help", "export")
	if other := h.run("--help"); other != top {
		t.Errorf("--help and help differ:\n%s\n%s", other.stdout, top.stdout)
	}
	han := regexp.MustCompile(`\p{Han}`)
	for _, line := range strings.Split(strings.TrimSpace(top.stdout), "\n") {
		if line != "" && !han.MatchString(line) {
			t.Errorf("help: line %q is not in Chinese", line)
		}
	}
	zh := helpFor("zh")
	for _, c := range commands() {
		if zh.Summary[c.name] == "" || zh.About[c.name] == "" {
			t.Errorf("command %s lacks a Chinese summary or paragraph", c.name)
		}
		res := h.run("help", c.name)
		if c.name != "help" {
			if other := h.run(c.name, "--help"); other != res {
				t.Errorf("%s --help differs from help %s:\n%s", c.name, c.name, other.stdout)
			}
		}
		if !strings.HasPrefix(res.stdout, "用法：mianjing "+c.name) {
			t.Errorf("help %s starts %q", c.name, firstLine(res.stdout))
		}
		for _, line := range strings.Split(res.stdout, "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "--") && !han.MatchString(line) {
				t.Errorf("help %s: flag line %q is not in Chinese", c.name, line)
			}
			if !strings.HasPrefix(line, " ") && ansi.StringWidth(line) > 80 {
				t.Errorf("help %s: line %q is over 80 columns", c.name, line)
			}
		}
	}
	english := newHarness(t).run("help", "show")
	if got := h.run("--lang", "en", "help", "show"); got != english {
		t.Errorf("--lang en in a Chinese locale:\n%s", got.stdout)
	}
	if got := newHarness(t).run("show", "--lang", "zh", "--help"); !strings.HasPrefix(got.stdout, "用法：") {
		t.Errorf("--lang zh in an English locale:\n%s", got.stdout)
	}
}

func TestUsageErrors(t *testing.T) {
	h := newHarness(t)
	h.golden("err_unknown_command", "lsit")
	h.golden("err_unknown_command_far", "frobnicate")
	h.golden("err_unknown_flag", "list", "--jsn")
	h.golden("err_unknown_flag_top", "--nots", "x")
	h.golden("err_bad_flag_value", "show", "clip", "--width", "wide")
	h.golden("err_missing_arg", "show")
	h.golden("err_extra_arg", "list", "extra")
	h.golden("err_lang", "list", "--lang", "fr")
	h.golden("err_scope", "list", "--scope", "bookmark")
	h.golden("err_width", "--notes", goodDeck, "show", "clip", "--width", "5")
	h.golden("err_unknown_id", "--notes", goodDeck, "show", "lora")
	h.golden("err_unknown_id_far", "--notes", goodDeck, "show", "xyzzy-plugh")
	h.golden("err_bookmark_unknown", "--notes", goodDeck, "bookmark", "clip", "cilp")
	for _, args := range [][]string{{"lsit"}, {"list", "--jsn"}, {"show"}, {"--notes", goodDeck, "show", "lora"}} {
		res := h.run(args...)
		if res.code != exitUsage || strings.Count(res.stderr, "\n") != 1 || res.stdout != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and one line on stderr", args, res.code, res.stdout, res.stderr)
		}
	}
	// Nothing above may have created a database.
	if _, err := os.Stat(h.dbPath()); err == nil {
		t.Error("a usage error created the database")
	}
}

// Without a terminal the app does not start and says what to run instead.
func TestTUINeedsTerminal(t *testing.T) {
	h := newHarness(t)
	h.golden("tui_no_terminal")
	h.golden("tui_no_terminal_flags", "--lang", "zh", "--db", filepath.Join(h.dir, "x.db"))
}

func TestList(t *testing.T) {
	h := newHarness(t)
	seed(t, h.dbPath())
	h.golden("list", "--notes", goodDeck, "list")
	h.golden("list_due", "list", "--notes", goodDeck, "--scope", "due")
	h.golden("list_bookmarked", "list", "--scope=bookmarked", "--notes", goodDeck)
	h.golden("list_json", "--notes", goodDeck, "list", "--json")
	h.golden("list_zh", "--notes", goodDeck, "--lang", "zh", "list")
	h.env["LANG"] = "zh_CN.UTF-8"
	h.golden("list_zh_locale", "--notes", goodDeck, "list", "--scope", "bookmarked")
	delete(h.env, "LANG")
	// On a narrow terminal the titles are cut so rows fit.
	h.terminal, h.width = true, 60
	res := h.golden("list_narrow", "--notes", goodDeck, "list")
	for _, l := range strings.Split(strings.TrimSuffix(res.stdout, "\n"), "\n") {
		if w := displayWidth(l); w > 60 {
			t.Errorf("line %d wide on a 60-column terminal: %q", w, l)
		}
	}

	// The JSON is what it claims.
	var got []map[string]any
	if err := json.Unmarshal([]byte(h.run("--notes", goodDeck, "list", "--json").stdout), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 || got[2]["id"] != "clip" || got[2]["bookmarked"] != true || got[2]["state"] != "review" || got[3]["state"] != "learning" {
		t.Errorf("list --json: %v", got)
	}
	for _, o := range got {
		for _, k := range []string{"id", "title", "tags", "difficulty", "state", "due", "bookmarked"} {
			if _, ok := o[k]; !ok {
				t.Errorf("list --json: %v has no %q", o["id"], k)
			}
		}
	}
}

// The built-in deck lists every note.
func TestListBuiltInDeck(t *testing.T) {
	h := newHarness(t)
	d, err := notes.Default()
	if err != nil {
		t.Fatal(err)
	}
	res := h.run("list", "--json")
	var got []struct{ ID string }
	if err := json.Unmarshal([]byte(res.stdout), &got); err != nil || res.code != 0 {
		t.Fatalf("exit %d, %v: %s", res.code, err, res.stderr)
	}
	if len(got) != len(d.Notes) || len(got) == 0 || got[0].ID != d.Notes[0].ID {
		t.Errorf("listed %d notes, deck has %d", len(got), len(d.Notes))
	}
	if _, err := os.Stat(h.dbPath()); err != nil {
		t.Errorf("database not at $XDG_DATA_HOME/mianjing/mianjing.db: %v", err)
	}
}

var escRE = regexp.MustCompile("\x1b")

func TestShow(t *testing.T) {
	h := newHarness(t)
	h.golden("show_plain", "--notes", goodDeck, "show", "attention-complexity", "--plain", "--width", "60")
	h.golden("show_default_width", "--notes", goodDeck, "show", "lora-ptuning")
	h.golden("show_zh_40", "--notes", goodDeck, "show", "--width", "40", "clip")

	// Colour only on a terminal, without NO_COLOR and without --plain.
	h.env["TERM"] = "xterm-256color"
	cases := []struct {
		terminal bool
		noColor  string
		args     []string
		colour   bool
	}{
		{false, "", nil, false},
		{true, "", nil, true},
		{true, "1", nil, false},
		{true, "", []string{"--plain"}, false},
	}
	for _, c := range cases {
		h.terminal, h.width = c.terminal, 120
		h.env["NO_COLOR"] = c.noColor
		res := h.run(append([]string{"--notes", goodDeck, "show", "clip"}, c.args...)...)
		if res.code != 0 {
			t.Fatalf("%+v: exit %d %s", c, res.code, res.stderr)
		}
		if has := escRE.MatchString(res.stdout); has != c.colour {
			t.Errorf("terminal %v NO_COLOR %q %v: escape codes %v, want %v", c.terminal, c.noColor, c.args, has, c.colour)
		}
		// The terminal's width is used up to 100 columns, else 80.
		limit := 80
		if c.terminal {
			limit = 100
		}
		for _, l := range strings.Split(res.stdout, "\n") {
			if w := displayWidth(l); w > limit {
				t.Errorf("%+v: line %d wide: %q", c, w, l)
			}
		}
	}
	delete(h.env, "NO_COLOR")
	h.terminal, h.width = true, 50
	res := h.run("--notes", goodDeck, "show", "attention-complexity")
	maxW := 0
	for _, l := range strings.Split(res.stdout, "\n") {
		maxW = max(maxW, displayWidth(l))
	}
	if maxW > 50 || maxW < 40 {
		t.Errorf("on a 50-column terminal the widest line is %d", maxW)
	}
}

func TestStats(t *testing.T) {
	h := newHarness(t)
	h.golden("stats_empty", "--notes", goodDeck, "stats")
	seed(t, h.dbPath())
	h.golden("stats", "--notes", goodDeck, "stats")
	h.golden("stats_zh", "--notes", goodDeck, "stats", "--lang", "zh")
	h.golden("stats_json", "--notes", goodDeck, "stats", "--json")
	// A terminal gets the charts; NO_COLOR keeps them plain characters.
	h.terminal, h.width, h.env["NO_COLOR"] = true, 80, "1"
	res := h.golden("stats_terminal", "--notes", goodDeck, "stats")
	if escRE.MatchString(res.stdout) {
		t.Error("NO_COLOR stats has escape codes")
	}
	h.golden("stats_terminal_zh", "--notes", goodDeck, "--lang", "zh", "stats")
	h.width = 40
	h.golden("stats_terminal_40", "--notes", goodDeck, "stats")
	delete(h.env, "NO_COLOR")
	h.env["TERM"] = "xterm-256color"
	h.width = 80
	if res := h.run("--notes", goodDeck, "stats"); !escRE.MatchString(res.stdout) || !strings.Contains(res.stdout, "■") {
		t.Errorf("stats on a colour terminal has no coloured heatmap:\n%s", res.stdout)
	}
}

// The numbers of the seeded history, counted by hand (see seed).
func TestStatsNumbers(t *testing.T) {
	h := newHarness(t)
	seed(t, h.dbPath())
	res := h.run("--notes", goodDeck, "stats", "--json")
	var s statsJSON
	if err := json.Unmarshal([]byte(res.stdout), &s); err != nil {
		t.Fatalf("%v: %s %s", err, res.stdout, res.stderr)
	}
	// Study days 27, 28 Feb, 1 Mar run three days; 11–12 Mar is today's run.
	if s.StreakCurrent != 2 || s.StreakLongest != 3 || s.StudyDays != 8 {
		t.Errorf("streaks %d/%d over %d days, want 2/3 over 8", s.StreakCurrent, s.StreakLongest, s.StudyDays)
	}
	// Today: decoder-only. Last 7 days (6–12 Mar): clip, lora-ptuning twice, decoder-only.
	if s.ReviewsToday != 1 || s.ReviewsWeek != 4 || s.ReviewsTotal != 11 {
		t.Errorf("reviews %d/%d/%d, want 1/4/11", s.ReviewsToday, s.ReviewsWeek, s.ReviewsTotal)
	}
	// Reviews of review cards: attention 28 Feb and 5 Mar, lora 4 Mar (Good)
	// and 11 Mar (Again): 3 of 4.
	if s.RetentionReviews != 4 || s.RetentionPasses != 3 || s.Retention == nil || *s.Retention != 0.75 {
		t.Errorf("retention %v (%d of %d), want 0.75 (3 of 4)", s.Retention, s.RetentionPasses, s.RetentionReviews)
	}
	// decoder-only is learning; the others review cards, mastered from a
	// stability of 21 days (FSRS computes those, so they are read back).
	mastered := 0
	for _, c := range s.Cards {
		if c.State == "review" && c.Stability >= srs.MasteredStability {
			mastered++
		}
	}
	if s.New != 0 || s.Learning != 1 || s.Review+s.Mastered != 3 || s.Mastered != mastered || s.Notes != 4 {
		t.Errorf("cards: %+v", s)
	}
	want := []dayJSON{{"2025-02-27", 2}, {"2025-02-28", 1}, {"2025-03-01", 2}, {"2025-03-04", 1},
		{"2025-03-05", 1}, {"2025-03-09", 1}, {"2025-03-11", 2}, {"2025-03-12", 1}}
	if fmt.Sprint(s.Daily) != fmt.Sprint(want) {
		t.Errorf("daily %v, want %v", s.Daily, want)
	}
	if s.Today != "2025-03-12" || len(s.Forecast) != 14 || s.Forecast[0] < 1 {
		t.Errorf("today %s, forecast %v (decoder-only is due today)", s.Today, s.Forecast)
	}
}

// export → import into an empty database → export gives the same JSON,
// apart from exported_at; importing again adds nothing.
func TestExportImportRoundTrip(t *testing.T) {
	h := newHarness(t)
	seed(t, h.dbPath())
	first := h.run("export")
	if first.code != 0 || first.stderr != "" {
		t.Fatalf("export: exit %d %s", first.code, first.stderr)
	}
	file := filepath.Join(h.dir, "backup.json")
	h.golden("export_file", "export", file)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if stripExportedAt(string(data)) != stripExportedAt(first.stdout) {
		t.Error("export to a file differs from export to stdout")
	}
	if info, _ := os.Stat(file); info.Mode().Perm() != 0o600 {
		t.Errorf("backup file mode %v, want 0600", info.Mode().Perm())
	}
	entries, _ := os.ReadDir(h.dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}

	other := filepath.Join(h.dir, "other.db")
	h.golden("import", "--db", other, "import", file)
	again := h.golden("import_again", "import", file, "--db", other)
	if again.code != 0 {
		t.Errorf("second import: exit %d", again.code)
	}
	second := h.run("--db", other, "export")
	if stripExportedAt(second.stdout) != stripExportedAt(first.stdout) {
		t.Errorf("round trip changed the backup:\n--- first\n%s\n--- second\n%s", first.stdout, second.stdout)
	}
	if !strings.Contains(first.stdout, `"reviews"`) || strings.Count(first.stdout, `"note_id"`) != 11 {
		t.Errorf("backup does not hold the 11 reviews:\n%s", first.stdout)
	}
	// From stdin too.
	h.stdin = first.stdout
	if res := h.run("--db", filepath.Join(h.dir, "third.db"), "import", "-"); res.code != 0 || !strings.Contains(res.stdout, "11 reviews") {
		t.Errorf("import from stdin: exit %d %q %q", res.code, res.stdout, res.stderr)
	}
}

var exportedAtRE = regexp.MustCompile(`"exported_at": "[^"]*"`)

func stripExportedAt(s string) string { return exportedAtRE.ReplaceAllString(s, `"exported_at": ""`) }

// A failed export leaves an existing file as it was and no temporary file.
func TestExportAtomic(t *testing.T) {
	h := newHarness(t)
	seed(t, h.dbPath())
	file := filepath.Join(h.dir, "backup.json")
	if err := os.WriteFile(file, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := writeAtomic(file, func(w io.Writer) error {
		w.Write([]byte("partial"))
		return fmt.Errorf("disk full")
	})
	if err == nil {
		t.Fatal("no error")
	}
	if b, _ := os.ReadFile(file); string(b) != "old" {
		t.Errorf("file now %q", b)
	}
	entries, _ := os.ReadDir(h.dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
	// Into a directory that does not exist: one line, exit 1.
	res := h.golden("err_export_dir", "export", filepath.Join(h.dir, "no", "such", "dir", "b.json"))
	if res.code != exitError {
		t.Errorf("exit %d", res.code)
	}
	h.golden("err_export_format", "export", "--format", "csv")
}

// The revlog CSV of a hand-written history, with every number worked out
// by hand: times are UTC Unix milliseconds, the state is the one before
// the review.
func TestExportRevlogCSV(t *testing.T) {
	h := newHarness(t)
	backup := filepath.Join(h.dir, "hand.json")
	card := func(state int) string {
		return fmt.Sprintf(`{"state": %d, "stability": 3, "difficulty": 5, "due": "2025-03-01T00:00:00Z", "last_review": "2025-02-28T00:00:00Z", "step": 0, "reps": 1, "lapses": 0}`, state)
	}
	review := func(id, at string, rating, before int, ms int) string {
		return fmt.Sprintf(`{"seq": 0, "note_id": %q, "time": %q, "rating": %d, "before": %s, "after": %s, "duration_ms": %d, "mode": "due"}`,
			id, at, rating, card(before), card(2), ms)
	}
	doc := `{"format": "mianjing-backup", "version": 1, "exported_at": "2025-03-06T00:00:00Z", "cards": {}, "reviews": [` +
		review("clip", "2025-03-01T01:00:00Z", 3, 0, 4200) + "," +
		review("clip", "2025-03-01T01:10:00.25Z", 4, 1, 1500) + "," +
		review("lora-ptuning", "2025-03-02T20:00:00+08:00", 1, 2, 0) + "," +
		review("lora-ptuning", "2025-03-05T23:59:59Z", 3, 3, 61000) +
		`], "bookmarks": {}, "settings": {"lang": "", "new_per_day": 20, "retention": 0.9, "rollover_hour": 4}}`
	if err := os.WriteFile(backup, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	if res := h.run("import", backup); res.code != 0 {
		t.Fatalf("import: %s", res.stderr)
	}
	clip, lora := store.CardID("clip"), store.CardID("lora-ptuning")
	want := fmt.Sprintf("card_id,review_time,review_rating,review_state,review_duration\n"+
		"%d,1740790800000,3,0,4200\n"+
		"%d,1740791400250,4,1,1500\n"+
		"%d,1740916800000,1,2,0\n"+
		"%d,1741219199000,3,3,61000\n", clip, clip, lora, lora)
	res := h.run("export", "--format", "revlog-csv")
	if res.code != 0 || res.stdout != want {
		t.Errorf("revlog (exit %d, %s):\n%s\nwant\n%s", res.code, res.stderr, res.stdout, want)
	}
	if clip <= 0 || lora <= 0 || clip == lora {
		t.Errorf("card ids %d, %d", clip, lora)
	}
	file := filepath.Join(h.dir, "revlog.csv")
	h.golden("export_revlog_file", "export", "--format=revlog-csv", file)
	if b, _ := os.ReadFile(file); string(b) != want {
		t.Errorf("revlog file:\n%s", b)
	}
}

// A bad backup is rejected with the reason, and nothing is written.
func TestImportRejects(t *testing.T) {
	h := newHarness(t)
	seed(t, h.dbPath())
	before := h.run("export").stdout
	bad := map[string]string{
		"import_not_json":   "this is not json",
		"import_foreign":    `{"format": "something-else", "version": 1}`,
		"import_bad_rating": strings.Replace(before, `"rating":3`, `"rating":9`, 1),
	}
	if !strings.Contains(before, `"rating":3`) {
		t.Fatalf("the backup's rating field is not spelled as this test expects:\n%.400s", before)
	}
	for name, doc := range bad {
		file := filepath.Join(h.dir, name+".json")
		if err := os.WriteFile(file, []byte(doc), 0o600); err != nil {
			t.Fatal(err)
		}
		res := h.golden(name, "import", file)
		if res.code != exitError || strings.Count(res.stderr, "\n") != 1 {
			t.Errorf("%s: exit %d, stderr %q", name, res.code, res.stderr)
		}
	}
	h.golden("import_missing", "import", filepath.Join(h.dir, "nope.json"))
	if after := h.run("export").stdout; stripExportedAt(after) != stripExportedAt(before) {
		t.Error("a rejected import changed the database")
	}
}

func TestCheck(t *testing.T) {
	h := newHarness(t)
	res := h.golden("check_bad", "check", "testdata/deck-bad")
	if res.code != exitError {
		t.Errorf("exit %d, want 1", res.code)
	}
	lineRE := regexp.MustCompile(`^testdata/deck-bad/[0-9a-z-]+\.md:[0-9]+: .+$`)
	lines := strings.Split(strings.TrimSuffix(res.stdout, "\n"), "\n")
	if len(lines) < 4 {
		t.Errorf("%d problems, want at least 4", len(lines))
	}
	for _, l := range lines {
		if !lineRE.MatchString(l) {
			t.Errorf("not file:line: message: %q", l)
		}
	}
	if res := h.golden("check_good", "check", goodDeck); res.code != 0 {
		t.Errorf("good deck: exit %d", res.code)
	}
	h.golden("check_good_zh", "check", goodDeck, "--lang", "zh")
	h.golden("check_notes_flag", "--notes", "testdata/deck-bad", "check")
	h.golden("check_missing_dir", "check", "testdata/no-such-deck")
	// Other commands on a deck with problems point at check.
	h.golden("list_bad_deck", "--notes", "testdata/deck-bad", "list")
}

func TestBookmark(t *testing.T) {
	h := newHarness(t)
	h.golden("bookmark", "--notes", goodDeck, "bookmark", "clip", "decoder-only")
	h.golden("bookmark_again", "--notes", goodDeck, "bookmark", "clip")
	h.golden("unbookmark", "--notes", goodDeck, "unbookmark", "clip", "lora-ptuning")
	res := h.run("--notes", goodDeck, "list", "--scope", "bookmarked", "--json")
	if !strings.Contains(res.stdout, `"decoder-only"`) || strings.Contains(res.stdout, `"clip"`) {
		t.Errorf("bookmarks after the commands:\n%s", res.stdout)
	}
	// A bookmark of a note no longer in the deck can still be removed; an
	// id neither in the deck nor bookmarked is a mistake.
	if res := h.run("--notes", goodDeck, "unbookmark", "sft-degradation"); res.code != exitUsage {
		t.Errorf("unbookmark of an unknown, unmarked id: exit %d", res.code)
	}
	if res := h.run("bookmark", "sft-degradation"); res.code != 0 { // in the built-in deck
		t.Fatalf("bookmark sft-degradation: %s", res.stderr)
	}
	h.golden("unbookmark_gone", "--notes", goodDeck, "unbookmark", "sft-degradation")
	if res := h.run("list", "--scope", "bookmarked", "--json"); strings.Contains(res.stdout, "sft-degradation") {
		t.Errorf("bookmark not removed:\n%s", res.stdout)
	}
}

// A damaged or locked database gives the store's one-line message, exit 1,
// and is left as it was.
func TestStoreErrors(t *testing.T) {
	h := newHarness(t)
	if err := os.MkdirAll(filepath.Dir(h.dbPath()), 0o700); err != nil {
		t.Fatal(err)
	}
	junk := bytes.Repeat([]byte("not a database "), 1000)
	if err := os.WriteFile(h.dbPath(), junk, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"list"}, {"stats"}, {"export"}, {"bookmark", "clip"}} {
		res := h.run(args...)
		if res.code != exitError || strings.Count(res.stderr, "\n") != 1 || !strings.Contains(res.stderr, "damaged") {
			t.Errorf("%v on a damaged file: exit %d, stderr %q", args, res.code, res.stderr)
		}
	}
	h.golden("err_corrupt", "list")
	if b, _ := os.ReadFile(h.dbPath()); !bytes.Equal(b, junk) {
		t.Error("the damaged file was modified")
	}

	if testing.Short() {
		return
	}
	locked := filepath.Join(h.dir, "locked.db")
	st, err := store.Open(locked)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	res := h.golden("err_locked", "--db", locked, "list")
	if res.code != exitError || !strings.Contains(res.stderr, "another mianjing") {
		t.Errorf("locked: exit %d %q", res.code, res.stderr)
	}
}

func TestSuggest(t *testing.T) {
	ids := []string{"lora-ptuning", "stable-diffusion", "clip", "attention-complexity"}
	for _, c := range []struct {
		word, want string
		ok         bool
	}{
		{"cilp", "clip", true},
		{"lora-ptunin", "lora-ptuning", true},
		{"lora", "lora-ptuning", true}, // the only id containing it
		{"stable-difusion", "stable-diffusion", true},
		{"xyzzy-plugh", "", false},
		{"a", "", false}, // contained in several
	} {
		got, ok := suggest(c.word, ids)
		if got != c.want || ok != c.ok {
			t.Errorf("suggest(%q) = %q, %v; want %q, %v", c.word, got, ok, c.want, c.ok)
		}
	}
	if d := editDistance("注意力", "注意"); d != 1 {
		t.Errorf("edit distance counts bytes, not runes: %d", d)
	}
}

func displayWidth(s string) int { return ansi.StringWidth(ansi.Strip(s)) }

// BenchmarkStatsFromStore is what "mianjing stats" does after opening the
// store: read cards, bookmarks, settings and the whole review log from
// bbolt, convert the log to events, and compute the statistics; 10,000
// notes and 100,000 reviews.
func BenchmarkStatsFromStore(b *testing.B) {
	const nNotes, nReviews = 10000, 100000
	dir := b.TempDir()
	d := &notes.Deck{Name: "bench"}
	for i := range nNotes {
		d.Notes = append(d.Notes, notes.Note{ID: fmt.Sprintf("note-%05d", i)})
	}
	now := time.Date(2025, 6, 1, 20, 0, 0, 0, cst)
	start := now.AddDate(-2, 0, 0)
	var doc strings.Builder
	doc.WriteString(`{"format": "mianjing-backup", "version": 1, "exported_at": "2025-06-01T00:00:00Z", "cards": {`)
	card := func(state, i int) string {
		last := start.Add(time.Duration(i%700) * 24 * time.Hour).UTC().Format(time.RFC3339)
		due := start.Add(time.Duration(i%700+i%40) * 24 * time.Hour).UTC().Format(time.RFC3339)
		return fmt.Sprintf(`{"state": %d, "stability": %d.5, "difficulty": 5, "due": %q, "last_review": %q, "step": 0, "reps": 3, "lapses": %d}`,
			state, 1+i%60, due, last, i%3)
	}
	for i := range nNotes {
		if i > 0 {
			doc.WriteString(",")
		}
		fmt.Fprintf(&doc, "%q: %s", d.Notes[i].ID, card(1+i%3, i))
	}
	doc.WriteString(`}, "reviews": [`)
	step := (now.Sub(start) / nReviews).Truncate(time.Millisecond)
	for i := range nReviews {
		if i > 0 {
			doc.WriteString(",")
		}
		fmt.Fprintf(&doc, `{"seq": 0, "note_id": %q, "time": %q, "rating": %d, "before": %s, "after": %s, "duration_ms": 4000, "mode": "due"}`,
			d.Notes[(i*7919)%nNotes].ID, start.Add(step*time.Duration(i)).UTC().Format(time.RFC3339Nano), 1+i%4, card(i%4, i), card(2, i+1))
	}
	doc.WriteString(`], "bookmarks": {"note-00001": "2025-01-01T00:00:00Z"}, "settings": {"lang": "", "new_per_day": 20, "retention": 0.9, "rollover_hour": 4}}`)
	st, err := store.Open(filepath.Join(dir, "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Import(strings.NewReader(doc.String())); err != nil {
		b.Fatal(err)
	}
	r := &runner{now: now}
	in, err := r.statsInput(d, st)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	// all is the whole job; read and cards its store part, compute the rest.
	parts := []struct {
		name string
		fn   func() error
	}{
		{"all", func() error {
			in, err := r.statsInput(d, st)
			if err != nil {
				return err
			}
			if s := srs.ComputeStats(in); s.ReviewsTotal != nReviews {
				return fmt.Errorf("%d reviews", s.ReviewsTotal)
			}
			return nil
		}},
		{"read", func() error { _, err := r.statsInput(d, st); return err }},
		{"cards", func() error { _, err := st.Cards(); return err }},
		{"compute", func() error { srs.ComputeStats(in); return nil }},
	}
	for _, p := range parts {
		b.Run(p.name, func(b *testing.B) {
			c0, ok := cpuTime()
			for b.Loop() {
				if err := p.fn(); err != nil {
					b.Fatal(err)
				}
			}
			if c1, ok1 := cpuTime(); ok && ok1 && b.N > 0 {
				b.ReportMetric(float64(c1-c0)/float64(b.N), "cpu-ns/op")
			}
		})
	}
}
