package main

// Whole-program benchmarks: the real binary (built by TestMain) in a
// pseudo-terminal, for the embedded deck and for a generated deck of
// 10,000 notes with 1,000 bookmarks and 100,000 reviews (notes/deckgen).
// They run only with -bench; .ci/bench collects them into one table.
//
// The bars are ratios to glow v2.1.2, the Charm stack's own markdown
// reader, measured in the same harness and the same run, interleaved with
// mianjing: this VM's speed drifts by tens of percent between runs, so
// only figures taken side by side compare. Set GLOW to a glow binary
// (.ci/bench builds one from ../shared/peers); without it the glow figures
// are left out and mianjing's are still reported.

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
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

// peerNoteID is the note both programs show: 4.6 KB of Chinese with lists,
// a table and a Python block, so both pay for wrapping and highlighting.
const peerNoteID = "multi-head-attention"

// benchDeck is a deck and store the binary is run with.
type benchDeck struct {
	name   string
	notes  string   // --notes directory; "" is the embedded deck
	db     string   // store to copy before a run
	titles []string // the deck's titles, in order
	marked int      // bookmarks in db
	read   int      // index of the note the reading benchmarks open
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
// rows (the start of their titles: long ones are cut), and the help line
// at the bottom.
func (d benchDeck) firstFrame(screen string) bool {
	if !strings.Contains(screen, fmt.Sprintf("收藏 %d", d.marked)) || !strings.Contains(screen, "退出") {
		return false
	}
	for _, t := range d.titles[:min(10, len(d.titles))] {
		if r := []rune(t); !strings.Contains(screen, string(r[:min(12, len(r))])) {
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
	read := slices.IndexFunc(emb.Notes, func(n notes.Note) bool { return n.ID == peerNoteID })
	if read < 0 {
		b.Fatalf("the embedded deck has no note %q", peerNoteID)
	}
	// In the large deck, the longest of the first 20 notes: it must be
	// longer than a screen to scroll.
	bigRead := 0
	for i := range 20 {
		_, data := deckgen.NoteFile(i)
		if _, longest := deckgen.NoteFile(bigRead); len(data) > len(longest) {
			bigRead = i
		}
	}
	return []benchDeck{
		{name: "embedded", db: embDB, titles: titlesOf(emb), marked: deckgen.Small().Bookmarks, read: read},
		{name: "10k", notes: fx.DeckDir, db: fx.DB, titles: big, marked: deckgen.Bookmarks, read: bigRead},
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
// private home (glow keeps its configuration and log there too).
func benchEnv(b *testing.B) []string {
	home := b.TempDir()
	return []string{"LANG=zh_CN.UTF-8", "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=", "NO_COLOR=",
		"HOME=" + home, "XDG_DATA_HOME=" + filepath.Join(home, "data"),
		"XDG_CONFIG_HOME=" + filepath.Join(home, "config"), "XDG_CACHE_HOME=" + filepath.Join(home, "cache")}
}

// median returns the median of ds in milliseconds, or -1 if ds is empty.
func median(ds []time.Duration) float64 {
	if len(ds) == 0 {
		return -1
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return float64(s[len(s)/2]) / float64(time.Millisecond)
}

// reportMedian reports the median of ds in milliseconds under unit.
func reportMedian(b *testing.B, ds []time.Duration, unit string) {
	if m := median(ds); m >= 0 {
		b.ReportMetric(m, unit)
	}
}

// glow is the peer program: glow v2.1.2's pager on the peer note.
type glow struct {
	bin  string // the binary ($GLOW)
	note string // the note's markdown file, front matter and all
	text string // the start of its first paragraph: a frame showing it is not blank
}

// peer returns glow on the peer note, or false if $GLOW is unset.
func peer(b *testing.B) (glow, bool) {
	b.Helper()
	bin := os.Getenv("GLOW")
	if bin == "" {
		return glow{}, false
	}
	if _, err := os.Stat(bin); err != nil {
		b.Fatalf("GLOW: %v", err)
	}
	deck, err := notes.Default()
	if err != nil {
		b.Fatal(err)
	}
	i := slices.IndexFunc(deck.Notes, func(n notes.Note) bool { return n.ID == peerNoteID })
	if i < 0 {
		b.Fatalf("the embedded deck has no note %q", peerNoteID)
	}
	first, _, _ := strings.Cut(strings.TrimSpace(deck.Notes[i].Body), "\n")
	r := []rune(first)
	text := string(r[:min(6, len(r))])
	files, err := filepath.Glob(filepath.Join("notes", "deck", "*.md"))
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		if strings.Contains(string(data), "\nid: "+peerNoteID+"\n") {
			return glow{bin: bin, note: f, text: text}, true
		}
	}
	b.Fatalf("no file in notes/deck holds the note %q", peerNoteID)
	return glow{}, false
}

func (g glow) args() []string {
	abs, _ := filepath.Abs(g.note)
	return []string{"-t", "-s", "dark", abs}
}

// frame reports whether screen is a complete frame of glow's pager: the
// status bar is drawn last, about one 60 Hz tick after the document.
func (g glow) frame(screen string) bool {
	return strings.Contains(screen, "? Help")
}

// glowStart is how a start of glow ended.
type glowStart int

const (
	glowShown   glowStart = iota // a complete frame showing the note
	glowBlank                    // a complete frame of an empty document
	glowCrashed                  // glow died before its first frame
)

// firstFrame starts glow and returns the time to its first complete frame
// and how the start went: in a fraction of starts glow's two renders race
// and it shows an empty document for good, and now and then its v1
// renderer dies of a concurrent map access (glow's bug, not the harness's).
func (g glow) firstFrame(b *testing.B, env []string) (time.Duration, glowStart) {
	b.Helper()
	shown := false
	dt, err := termtest.TimeToFirstFrame(g.bin, g.args(), env, benchCols, benchRows, func(s string) bool {
		if !g.frame(s) {
			return false
		}
		shown = strings.Contains(s, g.text)
		return true
	}, e2eWait)
	switch {
	case err != nil && strings.Contains(err.Error(), "fatal error:"):
		b.Logf("glow crashed before its first frame: %v", err)
		return 0, glowCrashed
	case err != nil:
		b.Fatal(err)
	case !shown:
		return dt, glowBlank
	}
	return dt, glowShown
}

// start runs glow's pager until it shows the note at the top of a
// scrollable page, restarting it after a bad start: the render race leaves
// either a blank document or the text with a status of 100% that j does
// not scroll, and now and then glow dies before its first frame.
func (g glow) start(b *testing.B) *termtest.Term {
	b.Helper()
	// On a loaded machine more than half of the starts can go bad.
	for range 30 {
		term := termtest.Start(b, g.bin, g.args(), benchEnv(b), benchCols, benchRows)
		s, err := term.WaitFor(g.frame, e2eWait)
		if err != nil && strings.Contains(s, "fatal error:") {
			b.Logf("glow crashed before its first frame: %v", err)
			continue // see glow.firstFrame
		}
		if err != nil {
			b.Fatal(err)
		}
		if strings.Contains(s, g.text) && strings.Contains(s, " 0%  ? Help") {
			return term
		}
		term.Key("q")
		if _, err := term.Wait(e2eWait); err != nil {
			b.Fatal(err)
		}
	}
	b.Fatal("glow started badly 30 times")
	return nil
}

// BenchmarkStartup is process start to the first complete frame of the
// list (progress loaded) in a 100×30 pseudo-terminal; first-frame-ms is
// the median over the runs. On the embedded deck, with $GLOW, each run is
// paired with a start of glow on the peer note (its first frame with the
// status bar, the order alternating): glow-first-frame-ms, the ratio
// x-glow, and glow-blank-runs and glow-crashed-runs, starts left out
// because glow showed an empty document or died (see glow.firstFrame).
func BenchmarkStartup(b *testing.B) {
	for _, d := range benchDecks(b) {
		b.Run(d.name, func(b *testing.B) {
			g, withGlow := peer(b)
			withGlow = withGlow && d.notes == ""
			args, env := d.args(copyDB(b, d)), benchEnv(b)
			mj := func() time.Duration {
				dt, err := termtest.TimeToFirstFrame(binPath(), args, env, benchCols, benchRows, d.firstFrame, e2eWait)
				if err != nil {
					b.Fatal(err)
				}
				return dt
			}
			// One run of each outside the measurement: the page cache holds
			// the binaries and the files afterwards, as for a learner's
			// second start of the day.
			mj()
			if withGlow {
				g.firstFrame(b, env)
			}
			var ds, gs []time.Duration
			blank, crashed, i := 0, 0, 0
			for b.Loop() {
				if !withGlow {
					ds = append(ds, mj())
					continue
				}
				run := []func(){
					func() { ds = append(ds, mj()) },
					func() {
						switch dt, how := g.firstFrame(b, env); how {
						case glowShown:
							gs = append(gs, dt)
						case glowBlank:
							blank++
						case glowCrashed:
							crashed++
						}
					},
				}
				run[i%2]()
				run[1-i%2]()
				i++
			}
			reportMedian(b, ds, "first-frame-ms")
			if withGlow {
				reportMedian(b, gs, "glow-first-frame-ms")
				if len(gs) > 0 {
					b.ReportMetric(median(ds)/median(gs), "x-glow")
				}
				b.ReportMetric(float64(blank), "glow-blank-runs")
				b.ReportMetric(float64(crashed), "glow-crashed-runs")
			}
		})
	}
}

// quietFor is how long a program must write nothing for its screen to
// count as settled.
const quietFor = 150 * time.Millisecond

// settle waits until term has written nothing for quietFor and returns
// the screen.
func settle(b *testing.B, term *termtest.Term) string {
	b.Helper()
	last := term.ScreenText()
	for {
		s, err := term.WaitFor(func(s string) bool { return s != last }, quietFor)
		if err != nil {
			if strings.Contains(err.Error(), "output ended") {
				b.Fatalf("the program exited: %v", err)
			}
			return last
		}
		last = s
	}
}

// toggle is a program and two keys that undo each other (down and up, j
// and k, a character and backspace), pressed in turn.
type toggle struct {
	name    string
	term    *termtest.Term
	keys    [2]string
	screens [2]string // the settled screen after each key
	next    int
	ds      []time.Duration
}

// calibrate presses both keys once and records the screen each leaves.
func (t *toggle) calibrate(b *testing.B) {
	b.Helper()
	before := settle(b, t.term)
	for i, k := range t.keys {
		t.term.Key(k)
		t.screens[i] = settle(b, t.term)
	}
	if t.screens[0] == before || t.screens[1] != before {
		b.Fatalf("%s: %q then %q do not change the screen and back; screens:\n%s\n---\n%s\n---\n%s",
			t.name, t.keys[0], t.keys[1], before, t.screens[0], t.screens[1])
	}
}

// press sends the next key and records the time until the screen is the
// one that key left at calibration: keypress to frame done.
func (t *toggle) press(b *testing.B) {
	b.Helper()
	want := t.screens[t.next]
	start := time.Now()
	t.term.Key(t.keys[t.next])
	if _, err := t.term.WaitFor(func(s string) bool { return s == want }, e2eWait); err != nil {
		b.Fatalf("%s after %q: %v", t.name, t.keys[t.next], err)
	}
	t.ds = append(t.ds, time.Since(start))
	t.next ^= 1
}

// pressInTurn calibrates toggles, then for each op of b presses one key in
// each, in a random order.
func pressInTurn(b *testing.B, toggles []*toggle) {
	b.Helper()
	for _, t := range toggles {
		t.calibrate(b)
	}
	for b.Loop() {
		for _, i := range rand.Perm(len(toggles)) {
			// A pause of at least one 60 Hz frame, uniform over one more,
			// puts the key at a random phase of either ticker.
			time.Sleep(20*time.Millisecond + rand.N(17*time.Millisecond))
			toggles[i].press(b)
		}
	}
}

// BenchmarkKeypress is keypress to frame done in a 100×30 pseudo-terminal:
// the time from sending a key until the screen is the one the key leaves.
// Four programs run side by side and each op presses one key in each, in
// a random order, after a random pause, so a key lands anywhere between
// two frame ticks:
//
//   - list-ms: down or up in mianjing's list, between the first two notes;
//   - scroll-ms: j or k in mianjing's reading view, on the peer note (the
//     large deck: the longest of its first 20 notes);
//   - filter-ms: one more character in mianjing's filter box ("注意" +
//     "力"); filter-back-ms: the backspace after it;
//   - glow-scroll-ms: j or k in glow's pager on the peer note ($GLOW).
func BenchmarkKeypress(b *testing.B) {
	for _, d := range benchDecks(b) {
		b.Run(d.name, func(b *testing.B) {
			start := func() *termtest.Term {
				term := termtest.Start(b, binPath(), d.args(copyDB(b, d)), benchEnv(b), benchCols, benchRows)
				if _, err := term.WaitFor(d.firstFrame, e2eWait); err != nil {
					b.Fatal(err)
				}
				return term
			}
			list := &toggle{name: "list", term: start(), keys: [2]string{"down", "up"}}

			read := &toggle{name: "reading view", term: start(), keys: [2]string{"j", "k"}}
			for range d.read {
				read.term.Key("down")
			}
			read.term.Key("enter")
			pos := fmt.Sprintf("%d/%d", d.read+1, len(d.titles))
			if _, err := read.term.WaitFor(func(s string) bool {
				return strings.Contains(s, pos) && strings.Contains(s, d.titles[d.read]) &&
					strings.Contains(s, "%") && !strings.Contains(s, "渲染中")
			}, e2eWait); err != nil {
				b.Fatalf("opening note %d: %v", d.read+1, err)
			}

			filter := &toggle{name: "filter", term: start(), keys: [2]string{"力", "backspace"}}
			filter.term.Key("/")
			// One key at a time: two typed at once start two searches, and
			// the first one's result can land last (see BENCHMARKS.md).
			for _, k := range []string{"注", "意"} {
				filter.term.Key(k)
				settle(b, filter.term)
			}

			toggles := []*toggle{list, read, filter}
			if g, ok := peer(b); ok {
				toggles = append(toggles, &toggle{name: "glow", term: g.start(b), keys: [2]string{"j", "k"}})
			}
			pressInTurn(b, toggles)
			reportMedian(b, list.ds, "list-ms")
			reportMedian(b, read.ds, "scroll-ms")
			// A backspace returns to a kept search (narrowingFilter): the
			// bar's figure is the typed character's.
			var typed, back []time.Duration
			for i, d := range filter.ds {
				if i%2 == 0 {
					typed = append(typed, d)
				} else {
					back = append(back, d)
				}
			}
			reportMedian(b, typed, "filter-ms")
			reportMedian(b, back, "filter-back-ms")
			if len(toggles) == 4 {
				g := toggles[3].ds
				reportMedian(b, g, "glow-scroll-ms")
				b.ReportMetric(median(list.ds)/median(g), "list-x-glow")
				b.ReportMetric(median(read.ds)/median(g), "scroll-x-glow")
			}
		})
	}
}

// BenchmarkKeypressFloor is BenchmarkKeypress's list move for
// testdata/bare, a Bubble Tea v2 program that draws 29 lines and does
// nothing else, side by side with glow's j/k: what the frame ticker, the
// renderer and the terminal cost any v2 program (bare-ms, bare-x-glow).
func BenchmarkKeypressFloor(b *testing.B) {
	g, ok := peer(b)
	if !ok {
		b.Skip("GLOW is not set")
	}
	bin := filepath.Join(b.TempDir(), "bare")
	if out, err := exec.Command("go", "build", "-o", bin, "./testdata/bare").CombinedOutput(); err != nil {
		b.Fatalf("building testdata/bare: %v\n%s", err, out)
	}
	bare := termtest.Start(b, bin, nil, benchEnv(b), benchCols, benchRows)
	if _, err := bare.WaitFor(func(s string) bool { return strings.Contains(s, "❯") }, e2eWait); err != nil {
		b.Fatal(err)
	}
	toggles := []*toggle{
		{name: "bare", term: bare, keys: [2]string{"down", "up"}},
		{name: "glow", term: g.start(b), keys: [2]string{"j", "k"}},
	}
	pressInTurn(b, toggles)
	reportMedian(b, toggles[0].ds, "bare-ms")
	reportMedian(b, toggles[1].ds, "glow-scroll-ms")
	b.ReportMetric(median(toggles[0].ds)/median(toggles[1].ds), "bare-x-glow")
}

// BenchmarkSession runs a scripted session — move down the list, open a
// note and scroll it, filter, grade three cards of a self-test, quit — and
// reports the process's peak resident set size (the largest over the
// runs). On the embedded deck, with $GLOW, each run is paired with a glow
// session (open the peer note, scroll ten lines, quit): glow-peak-RSS-MB.
func BenchmarkSession(b *testing.B) {
	for _, d := range benchDecks(b) {
		b.Run(d.name, func(b *testing.B) {
			g, withGlow := peer(b)
			withGlow = withGlow && d.notes == ""
			var peak, glowPeak int64
			for b.Loop() {
				peak = max(peak, runSession(b, d))
				if withGlow {
					glowPeak = max(glowPeak, glowSession(b, g))
				}
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-RSS-MB")
			if withGlow {
				b.ReportMetric(float64(glowPeak)/(1<<20), "glow-peak-RSS-MB")
			}
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

// glowSession opens the peer note in glow, scrolls ten lines and returns
// glow's peak RSS in bytes.
func glowSession(b *testing.B, g glow) int64 {
	b.Helper()
	term := g.start(b)
	for range 10 {
		term.Key("j")
	}
	settle(b, term)
	rss, err := peakRSS(term.Pid())
	if err != nil {
		b.Skipf("cannot read the peak RSS: %v", err)
	}
	term.Key("q")
	if _, err := term.Wait(e2eWait); err != nil {
		b.Fatal(err)
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
