package store

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"mianjing/srs"
)

// crashEnv names the database a TestCrashChild process writes to.
const crashEnv = "MIANJING_STORE_CRASH_CHILD"

// crashReview is the review the crash child records as seq: everything in
// it follows from seq, so the parent can check what it finds.
func crashReview(seq int) Review {
	t := t0.Add(time.Duration(seq) * time.Minute)
	return Review{
		NoteID: fmt.Sprintf("c%d", seq%5),
		Time:   t,
		Rating: srs.Rating(1 + seq%4),
		After: srs.Card{State: srs.Review, Stability: float64(seq) + 0.5, Difficulty: 4,
			Due: t.Add(24 * time.Hour), LastReview: t, Reps: seq},
		Duration: int64(seq),
		Mode:     ModeAll,
	}
}

// TestCrashChild is not a test on its own: TestCrashSafety runs the test
// binary with crashEnv set to make it record reviews until it is killed,
// printing "ok <seq>" after each RecordReview has returned.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("run by TestCrashSafety")
	}
	b, err := Open(path)
	if err != nil {
		fmt.Printf("error %v\n", err)
		os.Exit(3)
	}
	n, err := b.ReviewCount()
	if err != nil {
		fmt.Printf("error %v\n", err)
		os.Exit(3)
	}
	stop := time.Now().Add(20 * time.Second) // never outlive a lost parent for long
	for seq := n + 1; time.Now().Before(stop); seq++ {
		r, err := b.RecordReview(crashReview(seq))
		if err != nil || r.Seq != uint64(seq) {
			fmt.Printf("error seq %d: %v %d\n", seq, err, r.Seq)
			os.Exit(4)
		}
		fmt.Printf("ok %d\n", seq) // os.Stdout is unbuffered: one write per line
	}
	os.Exit(5)
}

// TestCrashSafety kills a writing child with SIGKILL at random moments and
// checks after each kill that every review the child saw committed is in
// the file, the cards match the log, and the file is consistent.
func TestCrashSafety(t *testing.T) {
	if os.Getenv(crashEnv) != "" {
		t.Skip("inside the child")
	}
	kills := 50
	if testing.Short() {
		kills = 20
	}
	path := filepath.Join(t.TempDir(), "m.db")
	rng := rand.New(rand.NewPCG(2025, 3))
	maxDone, killedDuringOpen := 0, 0
	startup := 20 * time.Millisecond // start → first review, measured each round
	for round := range kills {
		done, gotOK, err := runAndKill(path, rng, &startup)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if !gotOK {
			killedDuringOpen++
		}
		maxDone = max(maxDone, done)
		if verifyCrashFile(t, path, maxDone) {
			checkConsistent(t, path)
		}
	}
	t.Logf("%d kills (%d before the first review), %d reviews confirmed", kills, killedDuringOpen, maxDone)
	if maxDone == 0 {
		t.Fatal("the child never recorded a review")
	}
}

// runAndKill runs one child and kills it: in one round of three while it
// is starting (at a random point of the last measured start-up time, so
// often inside Open), otherwise 0–30 ms after its first review. It returns
// the highest seq the child reported done and whether it reported any.
func runAndKill(path string, rng *rand.Rand, startup *time.Duration) (int, bool, error) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return 0, false, err
	}
	if err := cmd.Start(); err != nil {
		return 0, false, err
	}
	started := time.Now()
	first := make(chan struct{})
	var once sync.Once
	var done int
	var bad string
	read := make(chan struct{})
	go func() {
		defer close(read)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			line := sc.Text()
			if seq, ok := strings.CutPrefix(line, "ok "); ok {
				n, _ := strconv.Atoi(seq)
				done = max(done, n)
				once.Do(func() { close(first) })
			} else if strings.HasPrefix(line, "error") && bad == "" {
				bad = line
			}
		}
		once.Do(func() { close(first) })
	}()
	if rng.IntN(3) == 0 {
		time.Sleep(time.Duration(rng.Int64N(int64(*startup))))
	} else {
		<-first
		*startup = time.Since(started)
		time.Sleep(time.Duration(rng.IntN(30_000)) * time.Microsecond)
	}
	cmd.Process.Kill()
	<-read
	cmd.Wait()
	if bad != "" {
		return done, done > 0, fmt.Errorf("child: %s", bad)
	}
	return done, done > 0, nil
}

// verifyCrashFile reopens the file the way the app does and checks it
// holds at least the confirmed reviews, each as the child wrote it, and
// that every card is the After of its note's last review. It reports
// false when the child died before creating the file.
func verifyCrashFile(t *testing.T, path string, confirmed int) bool {
	t.Helper()
	if _, err := os.Stat(path); os.IsNotExist(err) && confirmed == 0 {
		return false
	}
	b, err := Open(path)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer b.Close()
	log := allReviews(t, b)
	if len(log) < confirmed {
		t.Fatalf("log has %d entries, the child confirmed %d", len(log), confirmed)
	}
	last := make(map[string]srs.Card)
	for i, r := range log {
		want := normReview(crashReview(i + 1))
		want.Seq = uint64(i + 1)
		want.Before = last[want.NoteID]
		if r != want {
			t.Fatalf("entry %d = %+v, want %+v", i+1, r, want)
		}
		last[r.NoteID] = r.After
	}
	cards, err := b.Cards()
	if err != nil {
		t.Fatal(err)
	}
	if len(cards) != len(last) {
		t.Fatalf("%d cards for %d reviewed notes", len(cards), len(last))
	}
	for id, c := range last {
		if cards[id] != c {
			t.Fatalf("card %s = %+v, want its last After %+v", id, cards[id], c)
		}
	}
	return true
}
