package main

// End-to-end tests of bad input: decks with escape sequences or errors,
// no terminal, a locked or corrupt database, a window too small.

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"

	"mianjing/store"
	"mianjing/tui/termtest"
)

// TestE2EStartTooSmall: started in a tiny terminal the app shows the
// enlarge message; 40×12 is the smallest size with the list.
func TestE2EStartTooSmall(t *testing.T) {
	t.Parallel()
	d := defaultDeck(t)
	const enlarge = "请放大窗口"
	term := startApp(t, nil, nil, 30, 10)
	waitText(t, term, enlarge)
	for _, size := range []struct {
		cols, rows int
		small      bool
	}{{40, 12, false}, {39, 12, true}, {40, 12, false}, {40, 11, true}, {120, 40, false}} {
		if err := term.Resize(size.cols, size.rows); err != nil {
			t.Fatal(err)
		}
		waitFor(t, term, fmt.Sprintf("the right screen at %d×%d", size.cols, size.rows), func(s string) bool {
			list := strings.Contains(s, "11 题") && strings.Contains(s, "❯")
			return strings.Contains(s, enlarge) == size.small && list != size.small
		})
	}
	waitList(t, term, d)
	quitApp(t, term)
}

// writeDeck writes files (name → content) into a new directory named deck.
func writeDeck(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "deck")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestE2EEscapeSequencesInDeck: terminal control sequences in a learner's
// deck are shown as text, never executed: the window title stays the app's.
func TestE2EEscapeSequencesInDeck(t *testing.T) {
	t.Parallel()
	dir := writeDeck(t, map[string]string{
		"01-raw.md": "---\nid: raw\ntitle: 标题\x1b]2;PWNED\x07注入\ntags:\n  - 安全\x1b[2J\n---\n\n" +
			"正文第一段\x1b]0;PWNED\x07继续\x1b[2J\x1b[H\x1b[31m红字\x1b[0m结束。\n\n" +
			"- 列表\x1b]2;PWNED\x1b\\项\n- 第二项\u009b2J\n",
		// YAML escapes decode to control characters after the file is cleaned.
		"02-yaml.md": "---\nid: yaml\ntitle: \"转义\\e]2;PWNED\\a标题\"\n---\n\n第二题正文。\n",
	})
	term := startApp(t, []string{"--notes", dir}, nil, 100, 30)
	s := waitFor(t, term, "the list of the deck", func(s string) bool {
		return strings.Contains(s, "注入") && strings.Contains(s, "标题") && strings.Contains(s, "2 题")
	})
	if !strings.Contains(lineWith(s, "注入"), "PWNED") {
		t.Errorf("the rest of the title's sequence should show as text:\n%s", s)
	}
	term.Key("enter")
	s = waitFor(t, term, "the note open", func(s string) bool {
		return strings.Contains(s, "1/2") && strings.Contains(s, "正文第一段") &&
			strings.Contains(s, "红字") && strings.Contains(s, "第二项") && scrollPercent(s) >= 0
	})
	if !strings.Contains(strings.Split(s, "\n")[0], "注入") {
		t.Errorf("the title bar does not show the note's title:\n%s", s)
	}
	term.Key("n")
	waitFor(t, term, "the second note", func(s string) bool {
		return strings.Contains(s, "2/2") && strings.Contains(s, "第二题正文")
	})

	if got := term.Title(); strings.Contains(got, "PWNED") || got != "mianjing" {
		t.Errorf("window title = %q, want %q", got, "mianjing")
	}
	out := term.Output()
	for _, seq := range []string{"\x1b]2;PWNED", "\x1b]0;PWNED", "\x1b[2J\x1b[H\x1b[31m"} {
		if bytes.Contains(out, []byte(seq)) {
			t.Errorf("the app wrote the deck's sequence %q to the terminal", seq)
		}
	}
	term.Key("esc")
	waitText(t, term, "2 题")
	quitApp(t, term)
}

// TestE2ENotATerminal: without a terminal on stdin or stdout the app exits
// non-zero with one line on stderr and writes nothing to stdout.
func TestE2ENotATerminal(t *testing.T) {
	t.Parallel()
	check := func(t *testing.T, code int, stdout, stderr string) {
		t.Helper()
		if code == 0 {
			t.Errorf("exit code 0, want non-zero")
		}
		if stdout != "" {
			t.Errorf("stdout = %q, want nothing", stdout)
		}
		if strings.Count(stderr, "\n") != 1 || !strings.HasSuffix(stderr, "\n") || strings.TrimSpace(stderr) == "" {
			t.Errorf("stderr = %q, want exactly one line", stderr)
		}
		if strings.Contains(stderr, "\x1b") {
			t.Errorf("stderr holds escape codes: %q", stderr)
		}
		if !strings.Contains(stderr, "help") {
			t.Errorf("stderr = %q, want a pointer to the commands that need no terminal (help)", stderr)
		}
	}
	t.Run("pipes", func(t *testing.T) {
		t.Parallel()
		r := runPiped(t, nil, nil)
		check(t, r.code, r.stdout, r.stderr)
	})
	// One end a terminal, the other a pipe.
	for _, ttyIn := range []bool{true, false} {
		name := "stdout pipe"
		if !ttyIn {
			name = "stdin pipe"
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ptm, tty, err := pty.Open()
			if err != nil {
				t.Skipf("no pseudo-terminal: %v", err)
			}
			defer ptm.Close()
			defer tty.Close()
			go func() { _, _ = io.Copy(io.Discard, ptm) }() // never block a writer
			var stdout, stderr bytes.Buffer
			cmd := exec.Command(binPath(), withDB(t, nil)...)
			cmd.Env = append(os.Environ(), baseEnv(t)...)
			cmd.Stderr = &stderr
			if ttyIn {
				cmd.Stdin, cmd.Stdout = tty, &stdout
			} else {
				cmd.Stdin, cmd.Stdout = strings.NewReader(""), tty
			}
			code := runCmd(t, cmd)
			check(t, code, stdout.String(), stderr.String())
		})
	}
}

// checkRefused checks an app that must refuse its database: it exits
// non-zero within limit, having printed one line that names path, and
// never entered the alternate screen.
func checkRefused(t *testing.T, term *termtest.Term, path string, limit time.Duration, started time.Time) string {
	t.Helper()
	code := waitExit(t, term)
	if el := time.Since(started); el > limit {
		t.Errorf("the app took %v to give up, want under %v", el.Round(time.Millisecond), limit)
	}
	if code == 0 {
		t.Errorf("exit code 0, want non-zero")
	}
	out := term.Output()
	if bytes.Contains(out, []byte("\x1b[?1049h")) || term.AltScreen() {
		t.Errorf("the app entered the alternate screen before failing; output %q", out)
	}
	msg := strings.TrimSpace(strings.ReplaceAll(ansi.Strip(string(out)), "\r\n", "\n"))
	if strings.Contains(msg, "\n") || msg == "" {
		t.Errorf("output = %q, want one line", msg)
	}
	if !strings.Contains(msg, path) {
		t.Errorf("message %q does not name the file %s", msg, path)
	}
	return msg
}

// TestE2ELockedDatabase: a database another process holds is refused with
// the store's message, quickly and before the alternate screen.
func TestE2ELockedDatabase(t *testing.T) {
	t.Parallel()
	// The store waits one second for the lock; startup adds ~0.1 s when
	// idle. The margin is for loaded machines and the race detector: a
	// hang would take e2eWait.
	const limit = 5 * time.Second
	t.Run("held by the test", func(t *testing.T) {
		t.Parallel()
		db := filepath.Join(t.TempDir(), "locked.db")
		st, err := store.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		started := time.Now()
		term := startApp(t, []string{"--db", db}, nil, 200, 10)
		msg := checkRefused(t, term, db, limit, started)
		if !strings.Contains(msg, store.ErrLocked.Error()) {
			t.Errorf("message %q does not say %q", msg, store.ErrLocked)
		}
	})
	t.Run("held by another mianjing", func(t *testing.T) {
		t.Parallel()
		d := defaultDeck(t)
		db := filepath.Join(t.TempDir(), "locked.db")
		first := startApp(t, []string{"--db", db}, nil, 120, 40)
		waitList(t, first, d)
		started := time.Now()
		second := startApp(t, []string{"--db", db}, nil, 200, 10)
		msg := checkRefused(t, second, db, limit, started)
		if !strings.Contains(msg, store.ErrLocked.Error()) {
			t.Errorf("message %q does not say %q", msg, store.ErrLocked)
		}
		// The first instance is unharmed and still works.
		first.Key("b")
		waitFor(t, first, "★ in the first instance", func(s string) bool { return starred(s, d.Notes[0].Title) })
		quitApp(t, first)
	})
}

// TestE2ECorruptDatabase: a file that is not a database is refused with a
// one-line message naming it, and left exactly as it was.
func TestE2ECorruptDatabase(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(5, 5))
	random := make([]byte, 32<<10)
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	cases := map[string][]byte{
		"random bytes": random,
		"text":         []byte("这不是数据库 / not a database\n"),
		"zeros":        make([]byte, 16<<10),
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			db := filepath.Join(t.TempDir(), "corrupt.db")
			if err := os.WriteFile(db, content, 0o600); err != nil {
				t.Fatal(err)
			}
			started := time.Now()
			term := startApp(t, []string{"--db", db}, nil, 200, 10)
			checkRefused(t, term, db, e2eWait, started)
			got, err := os.ReadFile(db)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, content) {
				t.Errorf("the corrupt file was changed (%d bytes, was %d)", len(got), len(content))
			}
			if entries, _ := os.ReadDir(filepath.Dir(db)); len(entries) != 1 {
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				t.Errorf("files beside the database: %v, want only it", names)
			}
		})
	}
}

// TestE2EBadDeck: a deck with a problem is refused before the alternate
// screen, with one line naming the file.
func TestE2EBadDeck(t *testing.T) {
	t.Parallel()
	dir := writeDeck(t, map[string]string{
		"01-ok.md":     "---\nid: ok\ntitle: 好题\n---\n\n答案。\n",
		"02-broken.md": "---\nid: broken\ntitle: 坏题\nauthor: 某人\n---\n\n答案。\n",
	})
	term := startApp(t, []string{"--notes", dir}, nil, 200, 10)
	checkRefused(t, term, "02-broken.md", e2eWait, time.Now())
}
