package main

// End-to-end tests: TestMain builds the real binary once, and each test
// drives it in a pseudo-terminal through a terminal emulator (termtest), or
// through plain pipes where the app must refuse to start.
//
// Tests wait for conditions, never for fixed times. After sending esc,
// wait for its effect before the next key: an ESC followed at once by
// another byte reaches the app as alt+<key>, as in any terminal.

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"mianjing/cli"
	"mianjing/notes"
	"mianjing/tui/render"
	"mianjing/tui/termtest"
)

// e2eBinary is the path of the binary TestMain built. It is set once before
// any test runs and only read afterwards.
var e2eBinary string

// e2eWait bounds every wait for the app. Waits end as soon as their
// condition holds, so this only costs time when a test fails; it is
// generous for slow machines and the race detector.
const e2eWait = 10 * time.Second

// e2eSeedDeck is a deck directory holding the built-in deck's 11 seed
// notes, made by TestMain. The tests of the list, the reading view and the
// self-test were written for a deck that fits on one screen; they run on it
// as a learner's own deck (--notes, which startApp passes). The embedded
// deck in full has its own tests (e2e_chapter_test.go).
var e2eSeedDeck string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "mianjing-e2e-")
	if err != nil {
		fmt.Fprintf(os.Stderr, "e2e: cannot make a directory for the binary: %v\n", err)
		os.Exit(1)
	}
	if e2eSeedDeck, err = writeSeedDeck(dir); err != nil {
		os.RemoveAll(dir)
		fmt.Fprintf(os.Stderr, "e2e: %v\n", err)
		os.Exit(1)
	}
	bin, err := buildBinary(dir)
	if err != nil {
		os.RemoveAll(dir)
		fmt.Fprintf(os.Stderr, "e2e: BUILD FAILED, no test ran:\n%v\n", err)
		os.Exit(1)
	}
	e2eBinary = bin
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// writeSeedDeck copies the notes of notes/deck marked origin: seed into a
// directory named like the built-in deck under dir, without their related
// lines (they may name notes left out) and chapters (a flat deck, as these
// tests were written for), and returns its path.
func writeSeedDeck(dir string) (string, error) {
	out := filepath.Join(dir, notes.DefaultName)
	if err := os.Mkdir(out, 0o755); err != nil {
		return "", err
	}
	files, err := filepath.Glob(filepath.Join("notes", "deck", "*.md"))
	if err != nil {
		return "", err
	}
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return "", err
		}
		if !strings.Contains(string(b), "\norigin: seed\n") {
			continue
		}
		var kept []string
		for _, l := range strings.SplitAfter(string(b), "\n") {
			if !strings.HasPrefix(l, "related:") && !strings.HasPrefix(l, "chapter:") {
				kept = append(kept, l)
			}
		}
		if err := os.WriteFile(filepath.Join(out, filepath.Base(f)), []byte(strings.Join(kept, "")), 0o644); err != nil {
			return "", err
		}
		n++
	}
	if n != 11 {
		return "", fmt.Errorf("found %d seed notes in notes/deck, want 11", n)
	}
	return out, nil
}

// buildBinary runs `go build` on this package into dir. A race-enabled test
// binary builds a race-enabled app, so -race also checks the app itself.
// Go's build cache makes repeated runs cheap.
func buildBinary(dir string) (string, error) {
	bin := filepath.Join(dir, "mianjing")
	args := []string{"build", "-o", bin}
	if raceEnabled() {
		args = append(args, "-race")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		return "", fmt.Errorf("the go tool is not on PATH: %v", err)
	}
	cmd := exec.Command(goTool, append(args, ".")...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return bin, nil
}

// raceEnabled reports whether this test binary was built with -race.
func raceEnabled() bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range bi.Settings {
		if s.Key == "-race" {
			return s.Value == "true"
		}
	}
	return false
}

// binPath returns the path of the binary built for this test run.
func binPath() string { return e2eBinary }

// baseEnv returns the environment every run of the binary gets before the
// test's own entries: Chinese interface, colour allowed, and a private
// XDG_DATA_HOME and HOME so nothing touches the real home.
func baseEnv(t testing.TB) []string {
	home := t.TempDir()
	return []string{
		"LANG=zh_CN.UTF-8",
		"LC_ALL=", // empty: DetectLang skips unset and empty variables
		"LC_MESSAGES=",
		"LANGUAGE=",
		"NO_COLOR=",
		"XDG_DATA_HOME=" + filepath.Join(home, "data"),
		"HOME=" + home,
	}
}

// hasDBFlag reports whether args choose the database themselves.
func hasDBFlag(args []string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if a == "--db" || a == "-db" || strings.HasPrefix(a, "--db=") || strings.HasPrefix(a, "-db=") {
			return true
		}
	}
	return false
}

// withDB prepends --db with a fresh file in a temporary directory unless
// args already have one.
func withDB(t testing.TB, args []string) []string {
	if hasDBFlag(args) {
		return args
	}
	return append([]string{"--db", filepath.Join(t.TempDir(), "mianjing.db")}, args...)
}

// startApp runs the binary with args in a cols×rows terminal. It passes
// --db in a temporary directory unless args has one, and the environment
// of baseEnv; entries of env win over those.
func startApp(t testing.TB, args []string, env []string, cols, rows int) *termtest.Term {
	t.Helper()
	return termtest.Start(t, binPath(), withDB(t, withSeedDeck(args)), append(baseEnv(t), env...), cols, rows)
}

// startEmbedded is startApp on the built-in deck.
func startEmbedded(t testing.TB, args []string, env []string, cols, rows int) *termtest.Term {
	t.Helper()
	return termtest.Start(t, binPath(), withDB(t, args), append(baseEnv(t), env...), cols, rows)
}

// withSeedDeck passes --notes with the seed deck unless args name a deck.
func withSeedDeck(args []string) []string {
	for _, a := range args {
		if a == "--notes" || strings.HasPrefix(a, "--notes=") {
			return args
		}
	}
	return append([]string{"--notes", e2eSeedDeck}, args...)
}

// runResult is the outcome of a run without a terminal.
type runResult struct {
	code           int
	stdout, stderr string
}

// runPiped runs the binary with stdin, stdout and stderr as pipes (no
// terminal). It passes --db like startApp. The run must end within e2eWait.
func runPiped(t testing.TB, args []string, env []string) runResult {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(binPath(), withDB(t, withSeedDeck(args))...)
	cmd.Env = append(append(os.Environ(), baseEnv(t)...), env...)
	cmd.Stdin = strings.NewReader("")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	return runResult{code: runCmd(t, cmd), stdout: stdout.String(), stderr: stderr.String()}
}

// runCmd runs cmd, killing it after e2eWait, and returns its exit code.
func runCmd(t testing.TB, cmd *exec.Cmd) int {
	t.Helper()
	cmd.WaitDelay = time.Second
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", cmd.Path, err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if _, ok := err.(*exec.ExitError); err != nil && !ok {
			t.Fatalf("run %s: %v", cmd.Path, err)
		}
	case <-time.After(e2eWait):
		_ = cmd.Process.Kill()
		<-done
		t.Fatalf("%s %q still running after %v", cmd.Path, cmd.Args[1:], e2eWait)
	}
	return cmd.ProcessState.ExitCode()
}

// waitFor waits until cond holds for the screen and returns that screen,
// failing the test with what did not happen.
func waitFor(t testing.TB, term *termtest.Term, what string, cond func(screen string) bool) string {
	t.Helper()
	s, err := term.WaitFor(cond, e2eWait)
	if err != nil {
		t.Fatalf("waiting for %s: %v", what, err)
	}
	return s
}

// waitText waits until the screen contains s.
func waitText(t testing.TB, term *termtest.Term, s string) string {
	t.Helper()
	return waitFor(t, term, fmt.Sprintf("%q on screen", s), func(screen string) bool {
		return strings.Contains(screen, s)
	})
}

// waitExit waits for the app to exit and returns its exit code.
func waitExit(t testing.TB, term *termtest.Term) int {
	t.Helper()
	code, err := term.Wait(e2eWait)
	if err != nil {
		t.Fatalf("waiting for the app to exit: %v\nscreen:\n%s", err, term.ScreenText())
	}
	return code
}

// quitApp presses q in the list and checks the app exits with 0 and left
// the alternate screen.
func quitApp(t testing.TB, term *termtest.Term) {
	t.Helper()
	term.Key("q")
	if code := waitExit(t, term); code != 0 {
		t.Fatalf("q in the list: exit code %d, want 0", code)
	}
	if term.AltScreen() {
		t.Fatal("the app exited but left the terminal in the alternate screen")
	}
}

// defaultDeck is the deck startApp shows: the seed notes of the built-in
// deck (e2eSeedDeck).
func defaultDeck(t testing.TB) *notes.Deck {
	t.Helper()
	d, err := notes.LoadDir(e2eSeedDeck)
	if err != nil {
		t.Fatalf("notes.LoadDir: %v", err)
	}
	if len(d.Notes) == 0 {
		t.Fatal("the embedded deck is empty")
	}
	return d
}

// titles returns the titles of the deck's notes in order.
func titles(d *notes.Deck) []string {
	out := make([]string, len(d.Notes))
	for i, n := range d.Notes {
		out[i] = n.Title
	}
	return out
}

// lineWith returns the first screen line containing s, or "".
func lineWith(screen, s string) string {
	for l := range strings.SplitSeq(screen, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

// allVisible reports whether every one of ss is on the screen.
func allVisible(screen string, ss []string) bool {
	for _, s := range ss {
		if !strings.Contains(screen, s) {
			return false
		}
	}
	return true
}

// missing returns the ones of ss that are not on the screen.
func missing(screen string, ss []string) []string {
	var out []string
	for _, s := range ss {
		if !strings.Contains(screen, s) {
			out = append(out, s)
		}
	}
	return out
}

// waitList waits until the list shows every title of d.
func waitList(t testing.TB, term *termtest.Term, d *notes.Deck) string {
	t.Helper()
	want := titles(d)
	return waitFor(t, term, "the list with every title", func(s string) bool { return allVisible(s, want) })
}

// selected reports whether the list's cursor (❯) is on the row of title.
func selected(screen, title string) bool {
	return strings.HasPrefix(strings.TrimSpace(lineWith(screen, title)), "❯")
}

// starred reports whether the list row of title shows the bookmark star.
func starred(screen, title string) bool {
	return strings.Contains(lineWith(screen, title), "★")
}

// moveTo moves the list's cursor from the top down to note i of d.
func moveTo(t testing.TB, term *termtest.Term, d *notes.Deck, i int) {
	t.Helper()
	for j := 1; j <= i; j++ {
		term.Key("j")
		waitFor(t, term, fmt.Sprintf("the cursor on note %d", j+1), func(s string) bool {
			return selected(s, d.Notes[j].Title)
		})
	}
}

// bookmark presses b on the selected note and waits for its star: the
// star appears once the store has saved the bookmark.
func bookmark(t testing.TB, term *termtest.Term, title string) {
	t.Helper()
	term.Key("b")
	waitFor(t, term, "★ on "+title, func(s string) bool { return starred(s, title) })
}

// percentRe matches the reading view's scroll percent at the end of a line.
var percentRe = regexp.MustCompile(`(?:^|\s)(\d{1,3})%$`)

// scrollPercent returns the scroll percent shown on the screen (the lowest
// line ending in one), or -1.
func scrollPercent(screen string) int {
	lines := strings.Split(screen, "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if m := percentRe.FindStringSubmatch(strings.TrimSpace(lines[i])); m != nil {
			p, _ := strconv.Atoi(m[1])
			return p
		}
	}
	return -1
}

// renderedLines renders a note's body as the reading view does in a
// terminal cols wide (dark: termtest reports a black background) and
// returns its non-blank lines as plain text, trimmed.
func renderedLines(t testing.TB, n notes.Note, cols int) []string {
	t.Helper()
	out, err := render.New().Render(n.Body, detailWrapWidth(cols), render.Dark)
	if err != nil {
		t.Fatalf("render %s: %v", n.ID, err)
	}
	var lines []string
	for l := range strings.SplitSeq(ansi.Strip(out), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

// longestNote returns the index of the note of d with the most rendered
// lines in a terminal cols wide, and those lines.
func longestNote(t testing.TB, d *notes.Deck, cols int) (int, []string) {
	t.Helper()
	idx, want := -1, []string(nil)
	for i, n := range d.Notes {
		if lines := renderedLines(t, n, cols); len(lines) > len(want) {
			idx, want = i, lines
		}
	}
	return idx, want
}

// openNote moves the list's cursor from the top to note i of d, opens it
// and waits until it is shown, scrolled to the top.
func openNote(t testing.TB, term *termtest.Term, d *notes.Deck, i int) string {
	t.Helper()
	moveTo(t, term, d, i)
	term.Key("enter")
	pos := fmt.Sprintf("%d/%d", i+1, len(d.Notes))
	return waitFor(t, term, "note "+pos+" open at 0%", func(s string) bool {
		return strings.Contains(lineWith(s, pos), d.Notes[i].Title) && scrollPercent(s) == 0
	})
}

// detailWrapWidth is the width the reading view renders a note at in a
// terminal cols wide: the viewport's width less its padding of one column
// each side, capped at 100 (tui/detail.go wrapWidth, readingWidth).
func detailWrapWidth(cols int) int { return min(100, cols-2) }

// TestE2EListShowsAllTitles: the list shows every note of the embedded deck,
// numbered in deck order.
func TestE2EListShowsAllTitles(t *testing.T) {
	t.Parallel()
	d := defaultDeck(t)
	if len(d.Notes) != 11 {
		t.Fatalf("the embedded deck has %d notes, want 11", len(d.Notes))
	}
	term := startApp(t, nil, nil, 120, 40)
	s := waitList(t, term, d)
	for i, n := range d.Notes {
		l := lineWith(s, n.Title)
		// The row starts with the number (after the cursor on row 1).
		if f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(l), "❯")); len(f) == 0 || f[0] != strconv.Itoa(i+1) {
			t.Errorf("row of %q = %q, want it numbered %d", n.Title, l, i+1)
		}
	}
	if !selected(s, d.Notes[0].Title) {
		t.Errorf("the cursor is not on the first note:\n%s", s)
	}
	quitApp(t, term)
}

// TestE2EReadNoteToEnd opens the longest note, pages to its end and checks
// that every line of its rendering appeared on screen, in order.
func TestE2EReadNoteToEnd(t *testing.T) {
	t.Parallel()
	const cols, rows = 80, 24
	d := defaultDeck(t)
	idx, want := longestNote(t, d, cols)
	if len(want) < 2*rows {
		t.Fatalf("the longest note renders to %d non-blank lines; too short to need paging at %dx%d", len(want), cols, rows)
	}
	note := d.Notes[idx]

	term := startApp(t, nil, nil, cols, rows)
	waitList(t, term, d)
	first := openNote(t, term, d, idx)

	// Page down, alternating pgdown and space, until 100%. The percent is
	// drawn below the note's text, so once it changes the frame is complete.
	screens := [][]string{strings.Split(first, "\n")}
	keys := []string{"pgdown", "space"}
	for p := 0; p < 100; {
		if len(screens) > 200 {
			t.Fatalf("still at %d%% after 200 pages", p)
		}
		prev := p
		term.Key(keys[len(screens)%2])
		s := waitFor(t, term, fmt.Sprintf("the percent to move past %d%%", prev), func(s string) bool {
			q := scrollPercent(s)
			return q > prev
		})
		p = scrollPercent(s)
		screens = append(screens, strings.Split(s, "\n"))
	}
	if len(screens) < 3 {
		t.Errorf("the note took %d screens; want paging over at least 3", len(screens))
	}

	// Every rendered line, in order: each one is found on the same screen as
	// the line before it or a later one.
	seen := make([]map[string]bool, len(screens))
	for i, sc := range screens {
		seen[i] = map[string]bool{}
		for _, l := range sc {
			seen[i][strings.TrimSpace(l)] = true
		}
	}
	at := 0
	for i, l := range want {
		j := at
		for j < len(seen) && !seen[j][l] {
			j++
		}
		if j == len(seen) {
			t.Fatalf("line %d of %d of note %s never appeared on screen (after screen %d):\n%q\nlast screen:\n%s",
				i+1, len(want), note.ID, at, l, strings.Join(screens[len(screens)-1], "\n"))
		}
		at = j
	}
	if last := want[len(want)-1]; !seen[len(seen)-1][last] {
		t.Errorf("at 100%% the last line %q is not on screen", last)
	}
}

// TestE2EBookmarkPersists: a bookmark survives quitting and starting again
// on the same database.
func TestE2EBookmarkPersists(t *testing.T) {
	t.Parallel()
	d := defaultDeck(t)
	db := filepath.Join(t.TempDir(), "progress.db")
	args := []string{"--db", db}
	const idx = 2
	title := d.Notes[idx].Title

	term := startApp(t, args, nil, 120, 40)
	s := waitList(t, term, d)
	for _, n := range d.Notes {
		if starred(s, n.Title) {
			t.Fatalf("fresh database, but %q is starred:\n%s", n.Title, s)
		}
	}
	moveTo(t, term, d, idx)
	bookmark(t, term, title)
	quitApp(t, term)

	term = startApp(t, args, nil, 120, 40)
	s = waitFor(t, term, "the list with the bookmark", func(s string) bool {
		return allVisible(s, titles(d)) && starred(s, title)
	})
	for i, n := range d.Notes {
		if i != idx && starred(s, n.Title) {
			t.Errorf("%q is starred but was never bookmarked:\n%s", n.Title, s)
		}
	}
	quitApp(t, term)
}

// TestE2EBookmarkedScope: f cycles all → bookmarked → due → all; the
// bookmarked scope shows exactly the bookmarked notes.
func TestE2EBookmarkedScope(t *testing.T) {
	t.Parallel()
	d := defaultDeck(t)
	marked := []int{1, 4}
	term := startApp(t, nil, nil, 120, 40)
	waitList(t, term, d)
	moveTo(t, term, d, marked[0])
	bookmark(t, term, d.Notes[marked[0]].Title)
	for j := marked[0] + 1; j <= marked[1]; j++ {
		term.Key("j")
		waitFor(t, term, fmt.Sprintf("the cursor on note %d", j+1), func(s string) bool {
			return selected(s, d.Notes[j].Title)
		})
	}
	bookmark(t, term, d.Notes[marked[1]].Title)

	isMarked := func(i int) bool { return i == marked[0] || i == marked[1] }
	term.Key("f")
	s := waitFor(t, term, "the bookmarked scope", func(s string) bool {
		for i, n := range d.Notes {
			if strings.Contains(s, n.Title) != isMarked(i) {
				return false
			}
		}
		return true
	})
	for _, i := range marked {
		if !starred(s, d.Notes[i].Title) {
			t.Errorf("bookmarked scope: %q has no ★:\n%s", d.Notes[i].Title, s)
		}
	}
	if !strings.Contains(strings.Split(s, "\n")[0], "收藏") {
		t.Errorf("bookmarked scope: the header does not name it (收藏):\n%s", s)
	}

	// On a fresh database today's study is the new notes (11, within the
	// daily limit of 20).
	term.Key("f")
	waitFor(t, term, "today's scope with every new note", func(s string) bool {
		return allVisible(s, titles(d)) && strings.Contains(strings.Split(s, "\n")[0], "今日") &&
			strings.Contains(s, fmt.Sprintf("新 %d · 到期 0", len(d.Notes)))
	})
	term.Key("f")
	waitList(t, term, d)
	quitApp(t, term)
}

// TestE2EResizeTooSmallAndBack: at 30×10 the app asks for a larger window;
// back at 100×30 the list is whole again.
func TestE2EResizeTooSmallAndBack(t *testing.T) {
	t.Parallel()
	d := defaultDeck(t)
	const enlarge = "请放大窗口"
	term := startApp(t, nil, nil, 100, 30)
	waitList(t, term, d)

	if err := term.Resize(30, 10); err != nil {
		t.Fatal(err)
	}
	waitFor(t, term, "the enlarge message alone", func(s string) bool {
		return strings.Contains(s, enlarge) && len(missing(s, titles(d))) == len(d.Notes)
	})

	if err := term.Resize(100, 30); err != nil {
		t.Fatal(err)
	}
	s := waitFor(t, term, "the list again, without the enlarge message", func(s string) bool {
		return allVisible(s, titles(d)) && !strings.Contains(s, enlarge) && !strings.Contains(s, "至少")
	})
	if !selected(s, d.Notes[0].Title) {
		t.Errorf("after the resize the cursor is not on the first note:\n%s", s)
	}
	// The header on the first line and the help on the last: nothing left
	// over from the small layout shifted the frame.
	lines := strings.Split(s, "\n")
	if !strings.Contains(lines[0], "11 题") {
		t.Errorf("after the resize the first line is not the header: %q", lines[0])
	}
	if !strings.Contains(lines[len(lines)-1], "退出") {
		t.Errorf("after the resize the last line is not the help: %q", lines[len(lines)-1])
	}
	// Every other line is a note's row or blank: no leftovers.
	rows := 0
	for i, l := range lines[2 : len(lines)-1] {
		switch {
		case strings.TrimSpace(l) == "":
		case rows < len(d.Notes) && strings.Contains(l, d.Notes[rows].Title):
			rows++
		default:
			t.Errorf("after the resize line %d is neither a note's row nor blank: %q", i+2, l)
		}
	}
	quitApp(t, term)
}

// TestE2EVersionAndHelp: --version and --help print to stdout and exit 0.
func TestE2EVersionAndHelp(t *testing.T) {
	t.Parallel()
	r := runPiped(t, []string{"--version"}, nil)
	if r.code != 0 || r.stdout != "mianjing "+cli.Version+"\n" || r.stderr != "" {
		t.Errorf("--version: code %d, stdout %q, stderr %q; want 0, %q, nothing", r.code, r.stdout, "mianjing "+cli.Version+"\n", r.stderr)
	}
	for _, flag := range []string{"--help", "-h"} {
		r := runPiped(t, []string{flag}, nil)
		if r.code != 0 || r.stderr != "" {
			t.Errorf("%s: code %d, stderr %q; want 0 and nothing", flag, r.code, r.stderr)
		}
		for _, want := range []string{"mianjing", "--db", "--notes", "--lang"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("%s: the usage does not mention %q:\n%s", flag, want, r.stdout)
			}
		}
	}
}

// sgrRe matches an SGR sequence; colourParams finds colour codes in
// its parameters.
var sgrRe = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// TestE2EResizeWhileReading: resizing the reading view renders the note
// again at the new width.
func TestE2EResizeWhileReading(t *testing.T) {
	t.Parallel()
	d := defaultDeck(t)
	idx, _ := longestNote(t, d, 100)
	term := startApp(t, nil, nil, 100, 30)
	waitList(t, term, d)
	openNote(t, term, d, idx)
	for _, size := range [][2]int{{60, 20}, {120, 40}} {
		cols, rows := size[0], size[1]
		if err := term.Resize(cols, rows); err != nil {
			t.Fatal(err)
		}
		// The first lines of the rendering at the new width, in order.
		want := renderedLines(t, d.Notes[idx], cols)[:5]
		waitFor(t, term, fmt.Sprintf("the note rendered for %d columns", cols), func(s string) bool {
			at := 0
			lines := strings.Split(s, "\n")
			for _, w := range want {
				for at < len(lines) && strings.TrimSpace(lines[at]) != w {
					at++
				}
				if at == len(lines) {
					return false
				}
			}
			return scrollPercent(s) >= 0
		})
	}
	term.Key("esc")
	waitList(t, term, d)
	quitApp(t, term)
}
