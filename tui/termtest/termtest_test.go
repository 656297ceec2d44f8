package termtest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
)

const wait = 5 * time.Second

// buildHello compiles testdata/hello (a tiny Bubble Tea v2 program) into a
// temporary directory and returns the binary's path.
func buildHello(tb testing.TB) string {
	tb.Helper()
	if err := ptyAvailable(); err != nil {
		tb.Skipf("no pseudo-terminal available (%v); skipping terminal tests", err)
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		tb.Skipf("go tool not in PATH (%v); cannot build testdata/hello", err)
	}
	bin := filepath.Join(tb.TempDir(), "hello")
	out, err := exec.Command(gobin, "build", "-o", bin, "./testdata/hello").CombinedOutput()
	if err != nil {
		tb.Fatalf("build testdata/hello: %v\n%s", err, out)
	}
	return bin
}

// lineIs returns a WaitFor condition: screen line i equals want.
func lineIs(i int, want string) func(string) bool {
	return func(s string) bool {
		lines := strings.Split(s, "\n")
		return i < len(lines) && lines[i] == want
	}
}

func mustWait(t *testing.T, term *Term, cond func(string) bool, what string) string {
	t.Helper()
	s, err := term.WaitFor(cond, wait)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return s
}

func TestHello(t *testing.T) {
	bin := buildHello(t)

	t.Run("ScreenSizeTitleAndBackground", func(t *testing.T) {
		t.Parallel()
		term := Start(t, bin, nil, nil, 80, 24)
		mustWait(t, term, lineIs(1, "size 80x24"), "initial size")
		s := mustWait(t, term, func(s string) bool {
			return !strings.Contains(s, "bg waiting")
		}, "background colour answer")
		lines := strings.Split(s, "\n")
		if len(lines) != 24 {
			t.Errorf("screen has %d lines, want 24", len(lines))
		}
		if lines[0] != "hello" {
			t.Errorf("line 0 = %q, want %q", lines[0], "hello")
		}
		// The emulator reports black; "timeout" would mean no answer.
		if lines[2] != "bg #000000" {
			t.Errorf("line 2 = %q, want %q", lines[2], "bg #000000")
		}
		if !bytes.Contains(term.Output(), []byte("\x1b]11;?")) {
			t.Errorf("program output has no OSC 11 query; the answer cannot be a reply")
		}
		// A wide character is returned once, with no filler cell.
		if lines[3] != "中文ab|" {
			t.Errorf("line 3 = %q, want %q", lines[3], "中文ab|")
		}
		// A wide character in the last two columns survives the next line.
		if want := strings.Repeat("-", 78) + "尾"; lines[6] != want || lines[7] != "end" {
			t.Errorf("lines 6-7 = %q, %q; want %q, %q", lines[6], lines[7], want, "end")
		}
		if got := term.Screen(); len(got) != 24 || got[3] != lines[3] {
			t.Errorf("Screen() = %q; want 24 lines matching ScreenText", got)
		}
		if !term.AltScreen() {
			t.Errorf("AltScreen() = false, want true for a Bubble Tea alt-screen program")
		}
		if got := term.Title(); got != "termtest hello" {
			t.Errorf("Title() = %q, want %q", got, "termtest hello")
		}
		term.Key("q")
		code, err := term.Wait(wait)
		if err != nil || code != 0 {
			t.Errorf("Wait after q = %d, %v; want 0, nil", code, err)
		}
	})

	t.Run("Resize", func(t *testing.T) {
		t.Parallel()
		term := Start(t, bin, nil, nil, 80, 24)
		mustWait(t, term, lineIs(1, "size 80x24"), "initial size")
		if err := term.Resize(100, 30); err != nil {
			t.Fatal(err)
		}
		s := mustWait(t, term, lineIs(1, "size 100x30"), "size after growing")
		if n := len(strings.Split(s, "\n")); n != 30 {
			t.Errorf("screen has %d lines after resize, want 30", n)
		}
		if err := term.Resize(41, 10); err != nil {
			t.Fatal(err)
		}
		s = mustWait(t, term, lineIs(1, "size 41x10"), "size after shrinking")
		if want := strings.Repeat("-", 39) + "尾"; !lineIs(6, want)(s) || !lineIs(7, "end")(s) {
			t.Errorf("after shrinking, screen =\n%s\nwant line 6 %q and line 7 %q", s, want, "end")
		}
		if c, r := term.Size(); c != 41 || r != 10 {
			t.Errorf("Size() = %dx%d, want 41x10", c, r)
		}
	})

	t.Run("TypeChinese", func(t *testing.T) {
		t.Parallel()
		term := Start(t, bin, nil, nil, 80, 24)
		mustWait(t, term, lineIs(1, "size 80x24"), "first frame")
		term.Type("你好，世界")
		term.Type("ok 面经")
		mustWait(t, term, lineIs(5, "typed 你好，世界ok 面经"), "typed text")
	})

	t.Run("Keys", func(t *testing.T) {
		t.Parallel()
		term := Start(t, bin, nil, nil, 80, 24)
		mustWait(t, term, lineIs(1, "size 80x24"), "first frame")
		// Consecutive entries differ, so each wait sees a new key.
		for _, k := range []struct{ name, want string }{
			{"enter", "enter"},
			{"up", "up"},
			{"down", "down"},
			{"left", "left"},
			{"right", "right"},
			{"pgup", "pgup"},
			{"pgdown", "pgdown"},
			{"home", "home"},
			{"end", "end"},
			{"tab", "tab"},
			{"shift+tab", "shift+tab"},
			{"space", "space"},
			{"backspace", "backspace"},
			{"ctrl+c", "ctrl+c"},
			{"alt+b", "alt+b"},
			{"a", "a"},
			{"esc", "esc"},
			{"中", "中"},
		} {
			term.Key(k.name)
			mustWait(t, term, lineIs(4, "key "+k.want), "key "+k.name)
		}
	})

	t.Run("ExitCode", func(t *testing.T) {
		t.Parallel()
		term := Start(t, bin, nil, nil, 80, 24)
		mustWait(t, term, lineIs(1, "size 80x24"), "first frame")
		term.Key("x") // hello quits with exit code 3
		code, err := term.Wait(wait)
		if err != nil || code != 3 {
			t.Errorf("Wait = %d, %v; want 3, nil", code, err)
		}
		// The program left the alternate screen when it quit.
		if term.AltScreen() {
			t.Errorf("AltScreen() = true after exit, want false")
		}
	})

	t.Run("Kill", func(t *testing.T) {
		t.Parallel()
		term := Start(t, bin, nil, nil, 80, 24)
		mustWait(t, term, lineIs(1, "size 80x24"), "first frame")
		if err := term.Kill(os.Kill); err != nil {
			t.Fatal(err)
		}
		code, err := term.Wait(wait)
		if err != nil || code != -1 {
			t.Errorf("Wait after SIGKILL = %d, %v; want -1, nil", code, err)
		}
		// WaitFor gives up at once when the output has ended.
		start := time.Now()
		if _, err := term.WaitFor(func(string) bool { return false }, wait); err == nil {
			t.Errorf("WaitFor on an exited program succeeded with a false condition")
		}
		if d := time.Since(start); d > wait/2 {
			t.Errorf("WaitFor on an exited program took %v; want an immediate error", d)
		}
	})

	t.Run("WaitTimeout", func(t *testing.T) {
		t.Parallel()
		term := Start(t, bin, nil, nil, 80, 24)
		err := term.WaitText("never shown", 300*time.Millisecond)
		if err == nil {
			t.Fatalf("WaitText of absent text succeeded")
		}
		if !strings.Contains(err.Error(), "hello") {
			t.Errorf("timeout error does not show the screen: %v", err)
		}
	})

	t.Run("TimeToFirstFrame", func(t *testing.T) {
		t.Parallel()
		d, err := TimeToFirstFrame(bin, nil, nil, 80, 24, lineIs(1, "size 80x24"), wait)
		if err != nil {
			t.Fatal(err)
		}
		if d <= 0 || d >= wait {
			t.Errorf("TimeToFirstFrame = %v, want within (0, %v)", d, wait)
		}
		_, err = TimeToFirstFrame(bin, nil, nil, 80, 24, func(string) bool { return false }, 300*time.Millisecond)
		if err == nil {
			t.Errorf("TimeToFirstFrame with a never-true condition succeeded")
		}
	})
}

func TestShellTitleAndExitCode(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skipf("no sh: %v", err)
	}
	// A title with ';' must survive whole, as in a real terminal.
	term := Start(t, sh, []string{"-c", `printf '\033]2;deck; title\007done'; exit 7`}, nil, 40, 5)
	code, err := term.Wait(wait)
	if err != nil || code != 7 {
		t.Fatalf("Wait = %d, %v; want 7, nil", code, err)
	}
	if got := term.Title(); got != "deck; title" {
		t.Errorf("Title() = %q, want %q", got, "deck; title")
	}
	if got := term.Screen()[0]; got != "done" {
		t.Errorf("line 0 = %q, want %q", got, "done")
	}
}

func TestTimeToFirstFrameEndedOutput(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skipf("no sh: %v", err)
	}
	if err := ptyAvailable(); err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	_, err = TimeToFirstFrame(sh, []string{"-c", "printf partial"}, nil, 40, 5,
		func(s string) bool { return strings.Contains(s, "full") }, wait)
	if err == nil || !strings.Contains(err.Error(), "partial") {
		t.Errorf("TimeToFirstFrame of a program that never draws the frame = %v; want an error showing the screen", err)
	}
}

// TestScreenLinesWide checks the cell-to-text conversion on the emulator
// directly: wide characters cover two cells but appear once, also in the
// last two columns and after a space.
func TestScreenLinesWide(t *testing.T) {
	emu := vt.NewEmulator(7, 3)
	if _, err := emu.WriteString("中文ab\r\nabcde中\r\n 面 经"); err != nil {
		t.Fatal(err)
	}
	got := screenLines(emu)
	want := []string{"中文ab", "abcde中", " 面 经"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("screenLines = %q, want %q", got, want)
	}
	if c := emu.CellAt(0, 0); c == nil || c.Content != "中" || c.Width != 2 {
		t.Errorf("cell (0,0) = %+v, want 中 of width 2", c)
	}
	if c := emu.CellAt(4, 0); c == nil || c.Content != "a" {
		t.Errorf("cell (4,0) = %+v, want a (two wide characters take 4 cells)", c)
	}
}

func TestParseKey(t *testing.T) {
	for _, name := range []string{"", "ctrl+", "ctrl+1", "ctrl+enter", "nosuchkey", "alt+nosuchkey"} {
		if _, ok := parseKey(name); ok {
			t.Errorf("parseKey(%q) accepted an invalid name", name)
		}
	}
	k, ok := parseKey("alt+enter")
	if !ok || k.Code != vt.KeyEnter || k.Mod != vt.ModAlt {
		t.Errorf("parseKey(alt+enter) = %+v, %v", k, ok)
	}
}

// BenchmarkTimeToFirstFrame measures process start to first full frame of
// the tiny Bubble Tea program, i.e. the harness's floor for issue #8.
func BenchmarkTimeToFirstFrame(b *testing.B) {
	bin := buildHello(b)
	var total time.Duration
	n := 0
	for b.Loop() {
		d, err := TimeToFirstFrame(bin, nil, nil, 80, 24, lineIs(1, "size 80x24"), wait)
		if err != nil {
			b.Fatal(err)
		}
		total += d
		n++
	}
	b.ReportMetric(float64(total.Microseconds())/float64(n)/1000, "ms/frame")
}

// TestQueriesAnswered checks that the emulator's replies to a primary
// device attributes query (DA1) and a cursor position report (DSR 6) reach
// the program through the pty, as with a real terminal.
func TestQueriesAnswered(t *testing.T) {
	for _, tool := range []string{"sh", "stty", "head", "tr"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s: %v", tool, err)
		}
	}
	script := `stty raw -echo; printf 'ab\033[c\033[6n'; r=$(head -c 19 | tr '\033' E); printf '\r\n%s' "$r"`
	term := Start(t, "sh", []string{"-c", script}, nil, 40, 5)
	if code, err := term.Wait(wait); err != nil || code != 0 {
		t.Fatalf("Wait = %d, %v; want 0, nil; screen:\n%s", code, err, term.ScreenText())
	}
	if got, want := term.Screen()[1], "E[?62;1;6;22cE[1;3R"; got != want {
		t.Errorf("replies seen by the program = %q, want %q", got, want)
	}
}
