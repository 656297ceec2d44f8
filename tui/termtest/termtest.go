// Package termtest runs a program in a real pseudo-terminal for end-to-end
// tests: everything the program writes goes through a terminal emulator
// (github.com/charmbracelet/x/vt), so a test can read the screen as plain
// text, send keys, resize the window and wait for conditions.
//
// The emulator answers the queries a real terminal answers (OSC 10/11/12
// colours, DA1, DA2, DSR/CPR, DECRQM mode reports): its replies are
// forwarded to the pty master, so the program is never left waiting. It
// reports a black background and a white foreground, like a typical dark
// terminal, and does not answer the Kitty keyboard query (as xterm).
package termtest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
)

// drainTimeout bounds how long clean-up waits for the process and the
// output reader after killing the process.
const drainTimeout = 5 * time.Second

// Term is a program running in a pseudo-terminal whose output is rendered
// by a terminal emulator. Its methods are safe for concurrent use.
type Term struct {
	cmd *exec.Cmd
	ptm *os.File

	// mu guards the emulator and every field below it.
	mu      sync.Mutex
	emu     *vt.Emulator
	out     []byte
	title   string
	changed chan struct{} // closed and replaced after every output chunk
	eof     bool          // the output reader has finished

	// ready, when set, is checked after each output chunk; readyAt records
	// the first time it held and readyCh is then closed.
	ready   func(screen string) bool
	readyAt time.Time
	readyCh chan struct{}

	started    time.Time
	readerDone chan struct{}
	exited     chan struct{} // closed once cmd.Wait has returned
	exitCode   int           // valid after exited is closed

	// Input for the program: every source writes into the emulator's input
	// pipe (so keys and query replies keep their order), a forwarder moves
	// it into inq, and a writer goroutine copies inq to the pty master. The
	// queue keeps the emulator from blocking while mu is held even if the
	// program stops reading its input.
	inMu     sync.Mutex
	inq      [][]byte
	inWake   chan struct{}
	inClosed bool
	inDone   chan struct{}

	closeOnce sync.Once
}

// Start runs bin with args in a new pseudo-terminal of cols×rows cells and
// returns its Term; a clean-up registered on tb kills the process and
// releases the terminal, logging the final screen if the test failed. The
// child gets os.Environ() plus TERM=xterm-256color, then env, whose entries
// win over inherited ones. Start skips the test if the system has no
// pseudo-terminals and fails it if bin cannot be started.
func Start(tb testing.TB, bin string, args, env []string, cols, rows int) *Term {
	tb.Helper()
	if err := ptyAvailable(); err != nil {
		tb.Skipf("termtest: no pseudo-terminal available (%v); skipping terminal test", err)
	}
	t, err := launch(bin, args, env, cols, rows, nil)
	if err != nil {
		tb.Fatalf("termtest: %v", err)
	}
	tb.Cleanup(func() {
		if tb.Failed() {
			tb.Logf("termtest: screen of %s at the end of the test:\n%s", bin, forMessage(t.ScreenText()))
		}
		t.close()
	})
	return t
}

// TimeToFirstFrame starts bin in a cols×rows pseudo-terminal and returns the
// time from just before the process is started until the emulated screen
// first satisfies ready. ready is checked by the output reader after every
// chunk of output, not by polling, so it must be quick and must not call
// the Term. The start time is taken just before the pty is opened and the
// process forked (under 1 ms for a tiny C program here). The process is
// killed afterwards. It fails if the output ends, or timeout passes, before
// ready holds.
func TimeToFirstFrame(bin string, args, env []string, cols, rows int, ready func(screen string) bool, timeout time.Duration) (time.Duration, error) {
	t, err := launch(bin, args, env, cols, rows, ready)
	if err != nil {
		return 0, err
	}
	defer t.close()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case <-t.readyCh:
	case <-t.readerDone:
		// The last chunk may have made the screen ready just before EOF.
		select {
		case <-t.readyCh:
		default:
			return 0, fmt.Errorf("termtest: %s ended its output before the first frame; screen:\n%s", bin, forMessage(t.ScreenText()))
		}
	case <-timer.C:
		return 0, fmt.Errorf("termtest: no first frame from %s within %v; screen:\n%s", bin, timeout, forMessage(t.ScreenText()))
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.readyAt.Sub(t.started), nil
}

// ptyAvailable reports whether a pseudo-terminal can be opened.
func ptyAvailable() error {
	ptm, tty, err := pty.Open()
	if err != nil {
		return err
	}
	_ = tty.Close()
	return ptm.Close()
}

// launch starts bin in a new pseudo-terminal and the goroutines that connect
// it to the emulator.
func launch(bin string, args, env []string, cols, rows int, ready func(string) bool) (*Term, error) {
	if cols <= 0 || rows <= 0 {
		return nil, fmt.Errorf("termtest: terminal size %dx%d is not positive", cols, rows)
	}
	t := &Term{
		emu:        vt.NewEmulator(cols, rows),
		changed:    make(chan struct{}),
		ready:      ready,
		readyCh:    make(chan struct{}),
		readerDone: make(chan struct{}),
		exited:     make(chan struct{}),
		inWake:     make(chan struct{}, 1),
		inDone:     make(chan struct{}),
	}
	// x/vt drops titles that contain ';'; a real terminal keeps everything
	// after the first ';'. The handler runs with mu held (inside Write).
	for _, cmd := range []int{0, 2} {
		t.emu.RegisterOscHandler(cmd, func(data []byte) bool {
			if _, title, ok := bytes.Cut(data, []byte{';'}); ok {
				t.title = string(title)
			}
			return true
		})
	}

	t.cmd = exec.Command(bin, args...)
	t.cmd.Env = append(append(os.Environ(), "TERM=xterm-256color"), env...)
	size := &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)}

	// The forwarder must run before the program can send a query: the
	// emulator writes its replies into an unbuffered pipe.
	go t.forwardInput()

	t.started = time.Now()
	ptm, err := pty.StartWithSize(t.cmd, size)
	if err != nil {
		t.closeInput()
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	t.ptm = ptm
	go t.writeInput()
	go t.readOutput()
	go func() {
		_ = t.cmd.Wait()
		t.exitCode = t.cmd.ProcessState.ExitCode()
		close(t.exited)
	}()
	return t, nil
}

// readOutput feeds everything the program writes into the emulator.
func (t *Term) readOutput() {
	defer close(t.readerDone)
	buf := make([]byte, 32*1024)
	for {
		n, err := t.ptm.Read(buf)
		if n > 0 {
			t.mu.Lock()
			t.out = append(t.out, buf[:n]...)
			_, _ = t.emu.Write(buf[:n])
			if t.ready != nil && t.readyAt.IsZero() && t.ready(t.screenTextLocked()) {
				t.readyAt = time.Now()
				close(t.readyCh)
			}
			close(t.changed)
			t.changed = make(chan struct{})
			t.mu.Unlock()
		}
		if err != nil {
			// EIO once the program and all its children closed the tty.
			t.mu.Lock()
			t.eof = true
			close(t.changed)
			t.changed = make(chan struct{})
			t.mu.Unlock()
			return
		}
	}
}

// forwardInput moves bytes from the emulator's input pipe (keys and query
// replies) into the input queue.
func (t *Term) forwardInput() {
	buf := make([]byte, 4096)
	for {
		n, err := t.emu.Read(buf)
		if n > 0 {
			t.inMu.Lock()
			t.inq = append(t.inq, bytes.Clone(buf[:n]))
			t.inMu.Unlock()
			select {
			case t.inWake <- struct{}{}:
			default:
			}
		}
		if err != nil {
			t.inMu.Lock()
			t.inClosed = true
			t.inMu.Unlock()
			select {
			case t.inWake <- struct{}{}:
			default:
			}
			return
		}
	}
}

// writeInput copies the input queue to the pty master.
func (t *Term) writeInput() {
	defer close(t.inDone)
	for {
		t.inMu.Lock()
		q, closed := t.inq, t.inClosed
		t.inq = nil
		t.inMu.Unlock()
		for _, b := range q {
			if _, err := t.ptm.Write(b); err != nil {
				return
			}
		}
		if closed {
			return
		}
		if len(q) == 0 {
			<-t.inWake
		}
	}
}

// closeInput ends the forwarder by closing the emulator's input pipe. It
// avoids Emulator.Close, whose unsynchronised flag would race with Read.
func (t *Term) closeInput() {
	if pw, ok := t.emu.InputPipe().(*io.PipeWriter); ok {
		_ = pw.CloseWithError(io.EOF)
	}
}

// close kills the process if it still runs and releases the terminal.
func (t *Term) close() {
	t.closeOnce.Do(func() {
		select {
		case <-t.exited:
		default:
			_ = t.cmd.Process.Kill()
		}
		timer := time.NewTimer(drainTimeout)
		defer timer.Stop()
		select {
		case <-t.exited:
		case <-timer.C:
		}
		// Closing the master ends the reader even if a grandchild still
		// holds the tty open.
		_ = t.ptm.Close()
		select {
		case <-t.readerDone:
		case <-timer.C:
		}
		t.closeInput()
		select {
		case <-t.inDone:
		case <-timer.C:
		}
	})
}

// Screen returns the lines of the current screen as plain text, trailing
// spaces trimmed. A wide character (e.g. Chinese) appears once although it
// covers two cells.
func (t *Term) Screen() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.screenLocked()
}

// ScreenText returns the current screen as one string, lines joined by
// "\n", trailing spaces trimmed from each line.
func (t *Term) ScreenText() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.screenTextLocked()
}

func (t *Term) screenTextLocked() string {
	return strings.Join(t.screenLocked(), "\n")
}

func (t *Term) screenLocked() []string {
	return screenLines(t.emu)
}

// screenLines renders the emulator's active screen as plain text lines.
func screenLines(emu *vt.Emulator) []string {
	w, h := emu.Width(), emu.Height()
	lines := make([]string, h)
	var b strings.Builder
	for y := range h {
		b.Reset()
		for x := 0; x < w; {
			c := emu.CellAt(x, y)
			if c == nil || c.Content == "" {
				b.WriteByte(' ')
				x++
				continue
			}
			b.WriteString(c.Content)
			// Skip the cells a wide character covers.
			x += max(c.Width, 1)
		}
		lines[y] = strings.TrimRight(b.String(), " ")
	}
	return lines
}

// forMessage drops the blank lines at the bottom of a screen shown in an
// error or log, and marks an empty screen.
func forMessage(screen string) string {
	if s := strings.TrimRight(screen, "\n"); s != "" {
		return s
	}
	return "(blank)"
}

// WaitFor waits until cond holds for the screen text (as ScreenText returns
// it) and returns that text. cond is checked now and after every chunk of
// output. It fails after timeout, or once the program's output has ended
// without cond holding; the error shows the last screen.
func (t *Term) WaitFor(cond func(screen string) bool, timeout time.Duration) (string, error) {
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	for {
		t.mu.Lock()
		s := t.screenTextLocked()
		ch, eof := t.changed, t.eof
		t.mu.Unlock()
		if cond(s) {
			return s, nil
		}
		if eof {
			return s, fmt.Errorf("termtest: output ended (program exited) before the condition held; screen:\n%s", forMessage(s))
		}
		select {
		case <-ch:
		case <-timer.C:
			return s, fmt.Errorf("termtest: condition not met within %v; screen:\n%s", timeout, forMessage(s))
		}
	}
}

// WaitText waits until the screen contains s; see WaitFor.
func (t *Term) WaitText(s string, timeout time.Duration) error {
	_, err := t.WaitFor(func(screen string) bool { return strings.Contains(screen, s) }, timeout)
	if err != nil {
		return fmt.Errorf("waiting for %q: %w", s, err)
	}
	return nil
}

// Send writes each string to the program's terminal input as raw bytes.
func (t *Term) Send(keys ...string) {
	for _, k := range keys {
		_, _ = io.WriteString(t.emu.InputPipe(), k)
	}
}

// Type sends UTF-8 text (Chinese included) as typed input, in one write as
// an input method commits it.
func (t *Term) Type(s string) {
	t.Send(s)
}

// namedKeys maps the names Key accepts to emulator key events.
var namedKeys = map[string]vt.KeyPressEvent{
	"enter":     {Code: vt.KeyEnter},
	"esc":       {Code: vt.KeyEscape},
	"tab":       {Code: vt.KeyTab},
	"shift+tab": {Code: vt.KeyTab, Mod: vt.ModShift},
	"backspace": {Code: vt.KeyBackspace},
	"space":     {Code: vt.KeySpace, Text: " "},
	"up":        {Code: vt.KeyUp},
	"down":      {Code: vt.KeyDown},
	"left":      {Code: vt.KeyLeft},
	"right":     {Code: vt.KeyRight},
	"home":      {Code: vt.KeyHome},
	"end":       {Code: vt.KeyEnd},
	"pgup":      {Code: vt.KeyPgUp},
	"pgdown":    {Code: vt.KeyPgDown},
	"insert":    {Code: vt.KeyInsert},
	"delete":    {Code: vt.KeyDelete},
	"f1":        {Code: vt.KeyF1},
}

// Key sends one named key the way the emulated terminal encodes it (cursor
// keys follow the application cursor mode the program set). Names:
// enter, esc, tab, shift+tab, backspace, space, up, down, left, right,
// home, end, pgup, pgdown, insert, delete, f1, ctrl+a … ctrl+z, alt+<char>,
// or a single character. Key panics on an unknown name: that is a bug in
// the test.
func (t *Term) Key(name string) {
	k, ok := parseKey(name)
	if !ok {
		panic(fmt.Sprintf("termtest: unknown key name %q", name))
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.emu.SendKey(k)
}

// parseKey turns a key name into an emulator key event.
func parseKey(name string) (vt.KeyPressEvent, bool) {
	if k, ok := namedKeys[name]; ok {
		return k, true
	}
	if rest, ok := strings.CutPrefix(name, "alt+"); ok {
		k, ok := parseKey(rest)
		k.Mod |= vt.ModAlt
		return k, ok
	}
	if rest, ok := strings.CutPrefix(name, "ctrl+"); ok {
		if r := []rune(rest); len(r) == 1 && r[0] >= 'a' && r[0] <= 'z' {
			return vt.KeyPressEvent{Code: r[0], Mod: vt.ModCtrl}, true
		}
		return vt.KeyPressEvent{}, false
	}
	if r := []rune(name); len(r) == 1 {
		return vt.KeyPressEvent{Code: r[0], Text: name}, true
	}
	return vt.KeyPressEvent{}, false
}

// Resize changes the terminal to cols×rows cells: the emulator first, then
// the pty, whose kernel sends SIGWINCH to the program.
func (t *Term) Resize(cols, rows int) error {
	if cols <= 0 || rows <= 0 {
		return fmt.Errorf("termtest: terminal size %dx%d is not positive", cols, rows)
	}
	t.mu.Lock()
	t.emu.Resize(cols, rows)
	t.mu.Unlock()
	if err := pty.Setsize(t.ptm, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)}); err != nil {
		return fmt.Errorf("termtest: resize pty to %dx%d: %w", cols, rows, err)
	}
	return nil
}

// Size returns the emulated terminal's size in cells.
func (t *Term) Size() (cols, rows int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.emu.Width(), t.emu.Height()
}

// Title returns the window title last set with OSC 0 or OSC 2, or "".
func (t *Term) Title() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.title
}

// AltScreen reports whether the program has switched to the alternate
// screen.
func (t *Term) AltScreen() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.emu.IsAltScreen()
}

// Output returns a copy of all raw bytes the program has written so far.
func (t *Term) Output() []byte {
	t.mu.Lock()
	defer t.mu.Unlock()
	return bytes.Clone(t.out)
}

// Wait waits up to timeout for the process to exit and its output to be
// fully read, so Screen shows the final state. The exit code is -1 if a
// signal ended the process.
func (t *Term) Wait(timeout time.Duration) (exitCode int, err error) {
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case <-t.exited:
	case <-timer.C:
		return 0, fmt.Errorf("termtest: %s still running after %v", t.cmd.Path, timeout)
	}
	select {
	case <-t.readerDone:
	case <-timer.C:
		// A grandchild keeps the tty open; the exit code is still valid.
		return t.exitCode, fmt.Errorf("termtest: %s exited but its terminal output had not ended after %v", t.cmd.Path, timeout)
	}
	return t.exitCode, nil
}

// Pid returns the process id of the program, e.g. to read its
// /proc/PID/status while it runs.
func (t *Term) Pid() int {
	return t.cmd.Process.Pid
}

// Kill sends sig to the process.
func (t *Term) Kill(sig os.Signal) error {
	if err := t.cmd.Process.Signal(sig); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return fmt.Errorf("termtest: signal %s: %w", t.cmd.Path, err)
	}
	return nil
}
