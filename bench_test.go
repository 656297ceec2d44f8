package main

// Whole-program benchmarks: the real binary (built by TestMain) in a
// pseudo-terminal, for the embedded deck and for a generated deck of
// 10,000 notes with 1,000 bookmarks and 100,000 reviews (notes/deckgen).
// They run only with -bench; .ci/bench collects them into one table.

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"mianjing/notes"
	"mianjing/notes/deckgen"
	"mianjing/tui/termtest"
)

// Window of every benchmark run.
const benchCols, benchRows = 100, 30

// benchDeck is a deck and store the binary is run with.
type benchDeck struct {
	name   string
	notes  string   // --notes directory; "" is the embedded deck
	db     string   // store to copy before a run
	titles []string // the deck's titles, in order
	marked int      // bookmarks in db
}

// args returns the command line for a run on the store copy db.
func (d benchDeck) args(db string) []string {
	args := []string{"--db", db}
	if d.notes != "" {
		args = append(args, "--notes", d.notes)
	}
	return args
}

// firstFrame reports whether screen is the list's first complete frame:
// the header with the progress loaded (the bookmark count), the first ten
// rows, and the help line at the bottom.
func (d benchDeck) firstFrame(screen string) bool {
	if !strings.Contains(screen, fmt.Sprintf("收藏 %d", d.marked)) || !strings.Contains(screen, "退出") {
		return false
	}
	for _, t := range d.titles[:min(10, len(d.titles))] {
		if !strings.Contains(screen, t) {
			return false
		}
	}
	return true
}

// benchDecks returns the embedded deck with a year of reviews
// (deckgen.Small) and the generated large deck.
func benchDecks(b *testing.B) []benchDeck {
	b.Helper()
	emb, embDB, fx, err := deckgen.BenchPair(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	big := make([]string, deckgen.Notes)
	for i := range big {
		big[i] = deckgen.Title(i)
	}
	return []benchDeck{
		{name: "embedded", db: embDB, titles: titlesOf(emb), marked: deckgen.Small().Bookmarks},
		{name: "10k", notes: fx.DeckDir, db: fx.DB, titles: big, marked: deckgen.Bookmarks},
	}
}

func titlesOf(d *notes.Deck) []string {
	var out []string
	for _, n := range d.Notes {
		out = append(out, n.Title)
	}
	return out
}

// copyDB copies the deck's store into a fresh temporary file.
func copyDB(b *testing.B, d benchDeck) string {
	b.Helper()
	db := filepath.Join(b.TempDir(), "progress.db")
	if err := deckgen.CopyFile(db, d.db); err != nil {
		b.Fatal(err)
	}
	return db
}

// benchEnv is the child's environment: Chinese interface, colour, a
// private home.
func benchEnv(b *testing.B) []string {
	home := b.TempDir()
	return []string{"LANG=zh_CN.UTF-8", "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=", "NO_COLOR=",
		"HOME=" + home, "XDG_DATA_HOME=" + filepath.Join(home, "data")}
}

// reportMedian reports the median of ds in milliseconds under unit.
func reportMedian(b *testing.B, ds []time.Duration, unit string) {
	if len(ds) == 0 {
		return
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	b.ReportMetric(float64(s[len(s)/2])/float64(time.Millisecond), unit)
}

// BenchmarkStartup is process start to the first complete frame of the
// list (progress loaded) in a 100×30 pseudo-terminal; first-frame-ms is
// the median over the runs.
func BenchmarkStartup(b *testing.B) {
	for _, d := range benchDecks(b) {
		b.Run(d.name, func(b *testing.B) {
			args, env := d.args(copyDB(b, d)), benchEnv(b)
			// One run outside the measurement: the page cache holds the
			// binary and the files afterwards, as for a learner's second
			// start of the day.
			if _, err := termtest.TimeToFirstFrame(binPath(), args, env, benchCols, benchRows, d.firstFrame, e2eWait); err != nil {
				b.Fatal(err)
			}
			var ds []time.Duration
			for b.Loop() {
				dt, err := termtest.TimeToFirstFrame(binPath(), args, env, benchCols, benchRows, d.firstFrame, e2eWait)
				if err != nil {
					b.Fatal(err)
				}
				ds = append(ds, dt)
			}
			reportMedian(b, ds, "first-frame-ms")
		})
	}
}

// BenchmarkSession runs a scripted session — move down the list, open a
// note and scroll it, filter, grade three cards of a self-test, quit — and
// reports the process's peak resident set size (the largest over the
// runs).
func BenchmarkSession(b *testing.B) {
	for _, d := range benchDecks(b) {
		b.Run(d.name, func(b *testing.B) {
			var peak int64
			for b.Loop() {
				rss := runSession(b, d)
				peak = max(peak, rss)
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-RSS-MB")
		})
	}
}

// runSession runs the scripted session once and returns the peak RSS in
// bytes.
func runSession(b *testing.B, d benchDeck) int64 {
	b.Helper()
	term := termtest.Start(b, binPath(), d.args(copyDB(b, d)), benchEnv(b), benchCols, benchRows)
	wait := func(what string, cond func(string) bool) {
		b.Helper()
		if _, err := term.WaitFor(cond, e2eWait); err != nil {
			b.Fatalf("waiting for %s: %v", what, err)
		}
	}
	has := func(s string) func(string) bool {
		return func(screen string) bool { return strings.Contains(screen, s) }
	}
	wait("the list", d.firstFrame)
	down := min(20, len(d.titles)-1)
	for range down {
		term.Key("down")
	}
	term.Key("enter")
	pos := fmt.Sprintf("%d/%d", down+1, len(d.titles))
	wait("the note", func(s string) bool {
		return strings.Contains(s, pos) && strings.Contains(s, "%") && !strings.Contains(s, "渲染中")
	})
	for range 10 {
		term.Key("j")
	}
	term.Key("esc")
	wait("the list again", has("按 / 筛选"))
	term.Key("/")
	wait("the filter box", has("筛选："))
	term.Type("注意力")
	term.Key("enter")
	wait("the filtered list", has("筛选“注意力”"))
	term.Key("esc")
	wait("the whole list", has("按 / 筛选"))
	term.Key("s")
	for i := range 3 {
		wait(fmt.Sprintf("question %d", i+1), has("先回想答案"))
		term.Key("space")
		wait(fmt.Sprintf("answer %d", i+1), has("空格确认"))
		term.Key("3")
	}
	wait(fmt.Sprintf("question %d", 4), has("先回想答案"))
	rss, err := peakRSS(term.Pid())
	if err != nil {
		b.Skipf("cannot read the peak RSS: %v", err)
	}
	term.Key("ctrl+c")
	if code, err := term.Wait(e2eWait); err != nil || code != 0 {
		b.Fatalf("exit code %d, %v; screen:\n%s", code, err, term.ScreenText())
	}
	return rss
}

// peakRSS returns the peak resident set size of the running process pid
// (VmHWM), in bytes. The rusage of the exited child would not do: Linux
// carries the parent's peak into ru_maxrss across the fork and exec, so it
// reports the benchmark's own size whenever that is larger.
func peakRSS(pid int) (int64, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, l := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err != nil {
				return 0, fmt.Errorf("VmHWM %q: %v", v, err)
			}
			return kb * 1024, nil
		}
	}
	return 0, errors.New("no VmHWM line")
}
