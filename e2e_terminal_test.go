package main

// End-to-end tests of what the app does with the terminal itself: a bare
// pseudo-terminal that answers nothing (or only what a test writes),
// colours, NO_COLOR, the language, the mouse, ctrl+c.

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"

	"mianjing/notes"
)

// TestE2EKeysEverywhere checks the global keys: ? toggles full help, esc
// and q go back from a note to where the list was left, keys typed into
// the filter box are text, and q quits from the list.
func TestE2EKeysEverywhere(t *testing.T) {
	t.Parallel()
	d := defaultDeck(t)
	term := startApp(t, nil, nil, 120, 40)
	waitList(t, term, d)

	// Full help lists ctrl+c; short help does not.
	s := term.ScreenText()
	if strings.Contains(s, "强制退出") {
		t.Fatalf("short help already shows force quit:\n%s", s)
	}
	term.Key("?")
	waitText(t, term, "强制退出")
	term.Key("?")
	waitFor(t, term, "full help closed", func(s string) bool {
		return !strings.Contains(s, "强制退出") && allVisible(s, titles(d))
	})

	// esc and q both return from a note to the same row.
	const idx = 3
	moveTo(t, term, d, idx)
	for _, back := range []string{"esc", "q"} {
		term.Key("enter")
		waitFor(t, term, "the note open", func(s string) bool {
			return strings.Contains(s, fmt.Sprintf("%d/%d", idx+1, len(d.Notes))) && scrollPercent(s) >= 0
		})
		term.Key("?")
		waitText(t, term, "强制退出")
		term.Key("?")
		waitFor(t, term, "full help closed in the note", func(s string) bool { return !strings.Contains(s, "强制退出") })
		term.Key(back)
		waitFor(t, term, back+" back to the list on the same row", func(s string) bool {
			return allVisible(s, titles(d)) && selected(s, d.Notes[idx].Title)
		})
	}

	// Typed into the filter, q and ? are text, not commands.
	term.Key("/")
	waitText(t, term, "筛选：")
	term.Type("q?")
	waitFor(t, term, "q? in the filter box", func(s string) bool {
		return strings.Contains(lineWith(s, "筛选："), "q?")
	})
	term.Key("esc")
	waitFor(t, term, "the filter cleared", func(s string) bool {
		return allVisible(s, titles(d)) && !strings.Contains(s, "q?")
	})
	quitApp(t, term)
}

// TestE2ECtrlCQuits: ctrl+c quits from the list, a note and the filter box,
// restoring the terminal.
func TestE2ECtrlCQuits(t *testing.T) {
	t.Parallel()
	d := defaultDeck(t)
	for _, where := range []string{"list", "note", "filter"} {
		t.Run(where, func(t *testing.T) {
			t.Parallel()
			term := startApp(t, nil, nil, 100, 30)
			waitList(t, term, d)
			switch where {
			case "note":
				term.Key("enter")
				waitFor(t, term, "the note open", func(s string) bool {
					return strings.Contains(s, fmt.Sprintf("1/%d", len(d.Notes))) && scrollPercent(s) >= 0
				})
			case "filter":
				term.Key("/")
				waitText(t, term, "筛选：")
			}
			term.Key("ctrl+c")
			if code := waitExit(t, term); code != 0 {
				t.Errorf("ctrl+c: exit code %d, want 0", code)
			}
			if term.AltScreen() {
				t.Error("ctrl+c left the terminal in the alternate screen")
			}
		})
	}
}

// colourParams returns the SGR parameters in out that set a colour.
func colourParams(out []byte) []string {
	var found []string
	for _, m := range sgrRe.FindAllSubmatch(out, -1) {
		params := strings.FieldsFunc(string(m[1]), func(r rune) bool { return r == ';' || r == ':' })
		for i := 0; i < len(params); i++ {
			n, err := strconv.Atoi(params[i])
			if err != nil {
				continue
			}
			switch {
			case n == 38 || n == 48 || n == 58: // extended colour, skip its arguments
				found = append(found, string(m[0]))
				i = len(params)
			case 30 <= n && n <= 37, 40 <= n && n <= 47, 90 <= n && n <= 97, 100 <= n && n <= 107:
				found = append(found, string(m[0]))
			}
		}
	}
	return found
}

// TestE2ENoColor: with NO_COLOR set neither the list nor a note is
// coloured; without it they are (so the check can fail).
func TestE2ENoColor(t *testing.T) {
	t.Parallel()
	d := defaultDeck(t)
	for _, noColor := range []bool{true, false} {
		t.Run(fmt.Sprintf("NO_COLOR=%v", noColor), func(t *testing.T) {
			t.Parallel()
			var env []string
			if noColor {
				env = []string{"NO_COLOR=1"}
			}
			term := startApp(t, nil, env, 100, 30)
			waitList(t, term, d)
			term.Key("enter")
			waitFor(t, term, "the note open", func(s string) bool {
				return strings.Contains(s, fmt.Sprintf("1/%d", len(d.Notes))) && scrollPercent(s) >= 0
			})
			term.Key("esc")
			waitList(t, term, d)
			quitApp(t, term)
			found := colourParams(term.Output())
			if noColor && len(found) > 0 {
				t.Errorf("NO_COLOR is set, but the app wrote %d colour sequences, e.g. %q", len(found), found[:min(5, len(found))])
			}
			if !noColor && len(found) == 0 {
				t.Error("without NO_COLOR the app wrote no colour at all")
			}
		})
	}
}

// TestE2ELanguage: the interface follows LANG, and --lang overrides it.
func TestE2ELanguage(t *testing.T) {
	t.Parallel()
	d := defaultDeck(t)
	cases := []struct {
		name string
		args []string
		env  []string
		want string // in the header
	}{
		{"LANG=zh", nil, nil, "11 题"},
		{"LANG=en", nil, []string{"LANG=en_US.UTF-8"}, "11 notes"},
		{"LC_ALL wins", nil, []string{"LANG=zh_CN.UTF-8", "LC_ALL=C"}, "11 notes"},
		{"--lang en", []string{"--lang", "en"}, nil, "11 notes"},
		{"--lang zh", []string{"--lang", "zh"}, []string{"LANG=C"}, "11 题"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			term := startApp(t, c.args, c.env, 120, 40)
			s := waitList(t, term, d)
			if !strings.Contains(strings.Split(s, "\n")[0], c.want) {
				t.Errorf("header %q, want it to contain %q", strings.Split(s, "\n")[0], c.want)
			}
			quitApp(t, term)
		})
	}
}

// TestE2EMouseWheel: the wheel scrolls a note.
func TestE2EMouseWheel(t *testing.T) {
	t.Parallel()
	d := defaultDeck(t)
	idx, _ := longestNote(t, d, 80)
	term := startApp(t, nil, nil, 80, 24)
	waitList(t, term, d)
	openNote(t, term, d, idx)
	if !bytes.Contains(term.Output(), []byte("\x1b[?1006h")) {
		t.Fatal("the reading view did not turn on SGR mouse reporting")
	}
	// SGR wheel-down (button 65) inside the viewport, a few notches.
	for range 3 {
		term.Send("\x1b[<65;10;10M")
	}
	waitFor(t, term, "the wheel to scroll", func(s string) bool { return scrollPercent(s) > 0 })
	term.Key("esc")
	waitList(t, term, d)
	quitApp(t, term)
}

// rawTerm is the app in a bare pseudo-terminal, without termtest's
// emulator: nothing answers the app's terminal queries unless the test
// does, and the test sees the raw output.
type rawTerm struct {
	cmd    *exec.Cmd
	ptm    *os.File
	exited chan struct{}

	mu      sync.Mutex
	out     []byte
	eof     bool
	changed chan struct{} // closed and replaced after every chunk
}

// startRaw runs the binary like startApp, in a bare cols×rows pty.
func startRaw(t testing.TB, args, env []string, cols, rows int) *rawTerm {
	t.Helper()
	cmd := exec.Command(binPath(), withDB(t, withSeedDeck(args))...)
	cmd.Env = append(append(append(os.Environ(), "TERM=xterm-256color"), baseEnv(t)...), env...)
	ptm, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)})
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	r := &rawTerm{cmd: cmd, ptm: ptm, exited: make(chan struct{}), changed: make(chan struct{})}
	go func() { _ = cmd.Wait(); close(r.exited) }()
	go r.read()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-r.exited
		ptm.Close()
	})
	return r
}

func (r *rawTerm) read() {
	buf := make([]byte, 32<<10)
	for {
		n, err := r.ptm.Read(buf)
		r.mu.Lock()
		r.out = append(r.out, buf[:n]...)
		r.eof = err != nil
		close(r.changed)
		r.changed = make(chan struct{})
		r.mu.Unlock()
		if err != nil {
			return
		}
	}
}

// waitOutput waits until cond holds for all the output so far, and
// returns that output.
func (r *rawTerm) waitOutput(t testing.TB, what string, cond func(out []byte) bool) []byte {
	t.Helper()
	timeout := time.After(e2eWait)
	for {
		r.mu.Lock()
		out, eof, ch := bytes.Clone(r.out), r.eof, r.changed
		r.mu.Unlock()
		if cond(out) {
			return out
		}
		if eof {
			t.Fatalf("waiting for %s: the output ended; it was:\n%q", what, out)
		}
		select {
		case <-ch:
		case <-timeout:
			t.Fatalf("waiting for %s: nothing after %v; output so far:\n%q", what, e2eWait, out)
		}
	}
}

// all waits for the end of the output (the app has exited) and returns it.
func (r *rawTerm) all(t testing.TB) []byte {
	t.Helper()
	timeout := time.After(e2eWait)
	for {
		r.mu.Lock()
		out, eof, ch := bytes.Clone(r.out), r.eof, r.changed
		r.mu.Unlock()
		if eof {
			return out
		}
		select {
		case <-ch:
		case <-timeout:
			t.Fatalf("the output has not ended after %v", e2eWait)
		}
	}
}

// write sends s to the app as terminal input.
func (r *rawTerm) write(t testing.TB, s string) {
	t.Helper()
	if _, err := r.ptm.Write([]byte(s)); err != nil {
		t.Fatalf("write to the app: %v", err)
	}
}

// wait waits for the app to exit and returns its exit code.
func (r *rawTerm) wait(t testing.TB) int {
	t.Helper()
	select {
	case <-r.exited:
		return r.cmd.ProcessState.ExitCode()
	case <-time.After(e2eWait):
		t.Fatalf("the app still runs after %v", e2eWait)
		return 0
	}
}

// listDrawn is a waitOutput condition: the raw output shows every title.
func listDrawn(d *notes.Deck) func([]byte) bool {
	want := titles(d)
	return func(out []byte) bool { return allVisible(ansi.Strip(string(out)), want) }
}

// TestE2ESilentTerminal: in a terminal that answers none of the app's
// queries (background colour, capabilities) the list still appears, and q
// quits.
func TestE2ESilentTerminal(t *testing.T) {
	t.Parallel()
	d := defaultDeck(t)
	r := startRaw(t, nil, nil, 120, 40)
	r.waitOutput(t, "the list", listDrawn(d))
	r.write(t, "q")
	if code := r.wait(t); code != 0 {
		t.Errorf("q: exit code %d, want 0", code)
	}
}

// colourSet returns the distinct colour-setting SGR sequences in out.
func colourSet(out []byte) map[string]bool {
	set := map[string]bool{}
	for _, c := range colourParams(out) {
		set[c] = true
	}
	return set
}

// TestE2ELightTerminal: the app asks the terminal for its background and
// styles itself from the answer: a white background brings colours a
// black one never shows.
func TestE2ELightTerminal(t *testing.T) {
	t.Parallel()
	d := defaultDeck(t)
	env := []string{"COLORTERM=truecolor"}
	query := []byte("\x1b]11;?")
	run := func(reply string) *rawTerm {
		r := startRaw(t, nil, env, 120, 40)
		r.waitOutput(t, "the background query", func(out []byte) bool { return bytes.Contains(out, query) })
		r.write(t, "\x1b]11;"+reply+"\x1b\\")
		return r
	}

	// The dark answer matches the app's default: nothing restyles.
	dark := run("rgb:0000/0000/0000")
	dark.waitOutput(t, "the list", listDrawn(d))
	dark.write(t, "q")
	dark.wait(t)
	darkColours := colourSet(dark.all(t))
	if len(darkColours) == 0 {
		t.Fatal("the app drew no colour at all on a dark background")
	}

	light := run("rgb:ffff/ffff/ffff")
	light.waitOutput(t, "colours only a light background brings", func(out []byte) bool {
		for c := range colourSet(out) {
			if !darkColours[c] {
				return listDrawn(d)(out)
			}
		}
		return false
	})
	light.write(t, "q")
	light.wait(t)
}
