package cli

// Command tests added with the chaptered deck and issue 15: list
// --chapter, check in one run, show --color and --width, stats --all and
// its order, wording.

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"mianjing/notes"
	"mianjing/srs"
	"mianjing/store"
)

// list --chapter lists one chapter of the built-in deck, in deck order, and
// refuses a chapter the deck does not have.
func TestListChapter(t *testing.T) {
	h := newHarness(t)
	d, err := notes.Default()
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, n := range d.Notes {
		if n.Chapter == "多模态" {
			want = append(want, n.ID)
		}
	}
	res := h.run("list", "--chapter", "多模态", "--json")
	var got []struct{ ID, Chapter string }
	if err := json.Unmarshal([]byte(res.stdout), &got); err != nil || res.code != 0 {
		t.Fatalf("exit %d, %v: %s", res.code, err, res.stderr)
	}
	var ids []string
	for _, g := range got {
		ids = append(ids, g.ID)
		if g.Chapter != "多模态" {
			t.Errorf("%s: chapter %q", g.ID, g.Chapter)
		}
	}
	if len(want) < 2 || strings.Join(ids, " ") != strings.Join(want, " ") {
		t.Errorf("list --chapter 多模态 = %q, want %q", ids, want)
	}
	res = h.run("list", "--chapter", "多模", "--json")
	if res.code != exitUsage || !strings.Contains(res.stderr, `--chapter "多模": the deck has no such chapter`) ||
		!strings.Contains(res.stderr, "多模态") || res.stdout != "" {
		t.Errorf("unknown chapter: exit %d, stdout %q, stderr %q", res.code, res.stdout, res.stderr)
	}
	res = h.run("--notes", goodDeck, "list", "--chapter", "架构")
	if res.code != exitUsage || !strings.Contains(res.stderr, "has no chapters") {
		t.Errorf("deck without chapters: exit %d, stderr %q", res.code, res.stderr)
	}
}

// One run of check reports every problem: a file with a bad difficulty and
// too many tags still takes part in the duplicate-id check; a deck's
// README.md is not a note.
func TestCheckEveryProblem(t *testing.T) {
	h := newHarness(t)
	dir := filepath.Join(h.dir, "deck")
	files := map[string]string{
		"a.md":      "---\nid: same\ntitle: A\ndifficulty: 5\ntags: [a, b, c, d]\n---\nbody\n",
		"b.md":      "---\nid: same\ntitle: B\n---\nbody\n",
		"README.md": "# My deck\n\nNotes for interviews.\n",
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, s := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res := h.run("check", dir)
	want := []string{
		dir + "/a.md:4: difficulty must be 1, 2 or 3",
		dir + "/a.md:5: 4 tags; at most 3",
		dir + "/b.md:2: duplicate id \"same\": also used by " + dir + "/a.md:2",
	}
	lines := strings.Split(strings.TrimSuffix(res.stdout, "\n"), "\n")
	if res.code != exitError || len(lines) != len(want) {
		t.Fatalf("exit %d, %d problems, want 1 and %d:\n%s", res.code, len(lines), len(want), res.stdout)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("problem %d: %q, want %q…", i+1, lines[i], w)
		}
	}
	if strings.Contains(res.stdout, "README") {
		t.Errorf("README.md checked as a note:\n%s", res.stdout)
	}
}

// Without DIR and --notes, check validates the deck the app would use: the
// built-in one. The usage line and the behaviour agree.
func TestCheckBuiltIn(t *testing.T) {
	h := newHarness(t)
	res := h.run("check")
	if res.code == exitUsage || strings.Contains(res.stderr, "missing DIR") {
		t.Fatalf("check without DIR: exit %d %s", res.code, res.stderr)
	}
	d, err := notes.Default()
	if err != nil {
		t.Skipf("built-in deck has problems right now: %v", err)
	}
	if res.code != exitOK || !strings.Contains(res.stdout, fmt.Sprint(len(d.Notes))) {
		t.Errorf("check of the built-in deck: exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
	if res := h.run("check", "../notes/deck"); res.code != exitOK {
		t.Errorf("check ../notes/deck: exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
}

// show --color: auto follows the terminal, NO_COLOR and CLICOLOR_FORCE
// (NO_COLOR wins, as in colorprofile); always and never override both, so
// "show ID --color always | less -R" is coloured. Without colour the text
// carries no markdown marks.
func TestShowColorFlag(t *testing.T) {
	cases := []struct {
		terminal       bool
		noColor, force string
		flag           string
		colour         bool
	}{
		{false, "", "", "", false},
		{false, "", "", "--color=always", true},
		{false, "", "1", "", true},
		{false, "1", "1", "", false},
		{false, "1", "", "--color=always", true},
		{true, "", "", "--color=never", false},
		{true, "", "", "--color=auto", true},
		{true, "", "", "--plain", false},
	}
	for _, c := range cases {
		h := newHarness(t)
		h.terminal, h.width = c.terminal, 80
		h.env["NO_COLOR"], h.env["CLICOLOR_FORCE"] = c.noColor, c.force
		if c.terminal {
			h.env["TERM"] = "xterm-256color"
		}
		args := []string{"--notes", goodDeck, "show", "lora-ptuning"}
		if c.flag != "" {
			args = append(args, c.flag)
		}
		res := h.run(args...)
		if res.code != 0 {
			t.Fatalf("%+v: exit %d %s", c, res.code, res.stderr)
		}
		if has := escRE.MatchString(res.stdout); has != c.colour {
			t.Errorf("%+v: escape codes %v, want %v", c, has, c.colour)
		}
		if !c.colour {
			for _, mark := range []string{"**", "`", "\n# ", "\n## "} {
				if strings.Contains("\n"+res.stdout, mark) {
					t.Errorf("%+v: plain output has markdown mark %q:\n%s", c, mark, res.stdout)
				}
			}
		}
	}
	h := newHarness(t)
	if res := h.run("--notes", goodDeck, "show", "clip", "--color", "sometimes"); res.code != exitUsage {
		t.Errorf("--color sometimes: exit %d, want 2", res.code)
	}
}

// One rule for --width, said in the help: at least 20; 0 is not a silent
// "default".
func TestShowWidthRule(t *testing.T) {
	h := newHarness(t)
	for _, w := range []string{"0", "10", "-3"} {
		res := h.run("--notes", goodDeck, "show", "clip", "--width", w)
		if res.code != exitUsage || !strings.Contains(res.stderr, "at least 20") {
			t.Errorf("--width %s: exit %d %q, want 2 and the rule", w, res.code, res.stderr)
		}
	}
	if res := h.run("help", "show"); !strings.Contains(res.stdout, "at least 20") {
		t.Errorf("help show does not state the --width rule:\n%s", res.stdout)
	}
}

// writeDeck writes n notes n00…n{n-1} to a new deck directory.
func writeDeck(t *testing.T, dir string, n int) []string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("n%02d", i)
		s := fmt.Sprintf("---\nid: %s\ntitle: 题 %d\n---\n答案。\n", ids[i], i)
		if err := os.WriteFile(filepath.Join(dir, ids[i]+".md"), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return ids
}

// review records one review of each id at testNow with the given ratings.
func review(t *testing.T, dbPath string, ids []string, ratings []srs.Rating) {
	t.Helper()
	st, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s := srs.NewScheduler()
	s.Loc = cst
	for i, id := range ids {
		after := s.Review(srs.Card{}, ratings[i], testNow, id)
		if _, err := st.RecordReview(store.Review{NoteID: id, Time: testNow, Rating: ratings[i], After: after,
			Duration: 3000, Mode: store.ModeDue}); err != nil {
			t.Fatal(err)
		}
	}
}

// stats lists every note when stdout is not a terminal or with --all; a
// terminal without --all gets the weakest few and a count of the rest.
func TestStatsAll(t *testing.T) {
	h := newHarness(t)
	dir := filepath.Join(h.dir, "deck")
	ids := writeDeck(t, dir, recallRows+3)
	ratings := make([]srs.Rating, len(ids))
	for i := range ratings {
		ratings[i] = srs.Good
	}
	review(t, h.dbPath(), ids, ratings)
	count := func(out string) int {
		n := 0
		for _, id := range ids {
			if regexp.MustCompile(`(?m)^` + id + ` `).MatchString(out) {
				n++
			}
		}
		return n
	}
	if res := h.run("--notes", dir, "stats"); count(res.stdout) != len(ids) || strings.Contains(res.stdout, "more") {
		t.Errorf("stats to a pipe lists %d of %d notes:\n%s", count(res.stdout), len(ids), res.stdout)
	}
	h.terminal, h.width, h.env["NO_COLOR"] = true, 80, "1"
	if res := h.run("--notes", dir, "stats"); count(res.stdout) != recallRows || !strings.Contains(res.stdout, "… and 3 more") {
		t.Errorf("stats on a terminal lists %d notes, want %d and a count:\n%s", count(res.stdout), recallRows, res.stdout)
	}
	if res := h.run("--notes", dir, "stats", "--all"); count(res.stdout) != len(ids) || strings.Contains(res.stdout, "more") {
		t.Errorf("stats --all lists %d of %d notes:\n%s", count(res.stdout), len(ids), res.stdout)
	}
}

// Weakest first breaks ties in recall by stability, lowest first: notes
// all reviewed this instant recall at 100%, and the one graded Again is
// the weakest, whatever the deck order.
func TestStatsTieBreak(t *testing.T) {
	h := newHarness(t)
	dir := filepath.Join(h.dir, "deck")
	ids := writeDeck(t, dir, 3)
	review(t, h.dbPath(), ids, []srs.Rating{srs.Easy, srs.Good, srs.Again})
	res := h.run("--notes", dir, "stats")
	var order []string
	for _, l := range strings.Split(res.stdout, "\n") {
		if f := strings.Fields(l); len(f) > 0 && slices.Contains(ids, f[0]) {
			order = append(order, f[0])
		}
	}
	if want := []string{"n02", "n01", "n00"}; !slices.Equal(order, want) {
		t.Errorf("order %v, want %v (lowest stability first):\n%s", order, want, res.stdout)
	}
}

// Intervals read the same in the commands as in the app, per language, and
// counts agree with their number.
func TestWording(t *testing.T) {
	h := newHarness(t)
	seed(t, h.dbPath())
	latin := regexp.MustCompile(`\b[0-9.]+(d|mo|y|h|m)\b`)
	for _, cmd := range []string{"list", "stats"} {
		res := h.run("--notes", goodDeck, "--lang", "zh", cmd)
		if latin.MatchString(res.stdout) || !strings.Contains(res.stdout, "天") {
			t.Errorf("%s --lang zh writes intervals in Latin units %q:\n%s", cmd, latin.FindString(res.stdout), res.stdout)
		}
	}
	h = newHarness(t)
	dir := filepath.Join(h.dir, "deck")
	ids := writeDeck(t, dir, 1)
	review(t, h.dbPath(), ids, []srs.Rating{srs.Good})
	res := h.run("--notes", dir, "stats")
	for _, bad := range []string{"1 days", "1 notes"} {
		if strings.Contains(res.stdout, bad) {
			t.Errorf("stats says %q:\n%s", bad, res.stdout)
		}
	}
	if res := h.run("check", dir); !strings.HasPrefix(res.stdout, "1 note,") {
		t.Errorf("check of one note: %q", res.stdout)
	}
}
