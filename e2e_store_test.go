//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package main

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"mianjing/srs"
	"mianjing/store"
)

// fileSum returns the sha256 of the file at path.
func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

// checkOneLineError checks a piped run that must refuse its database: exit
// code 1, nothing on stdout, one line on stderr holding every want.
func checkOneLineError(t *testing.T, what string, r runResult, wants ...string) {
	t.Helper()
	if r.code != 1 {
		t.Errorf("%s: exit code %d, want 1", what, r.code)
	}
	if r.stdout != "" {
		t.Errorf("%s: stdout = %q, want nothing", what, r.stdout)
	}
	msg := strings.TrimSuffix(r.stderr, "\n")
	if msg == "" || strings.Contains(msg, "\n") {
		t.Errorf("%s: stderr = %q, want one line", what, r.stderr)
	}
	for _, w := range wants {
		if !strings.Contains(msg, w) {
			t.Errorf("%s: message %q lacks %q", what, msg, w)
		}
	}
}

// TestE2EStoreMissingBucket: a database whose cards bucket was removed is
// damage, not a fresh start: list, stats and the app each exit 1 naming
// the file and the bucket, and the file stays byte for byte as it was.
func TestE2EStoreMissingBucket(t *testing.T) {
	t.Parallel()
	d := defaultDeck(t)
	db := filepath.Join(t.TempDir(), "mianjing.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Now().Add(-time.Hour)
	id := d.Notes[0].ID
	after := srs.NewScheduler().Review(srs.Card{}, srs.Good, at, id)
	if _, err := st.RecordReview(store.Review{NoteID: id, Time: at, Rating: srs.Good, After: after, Mode: store.ModeDue}); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	bdb, err := bolt.Open(db, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = bdb.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket([]byte("cards")) })
	if cerr := bdb.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	sum := fileSum(t, db)
	const want = `"cards" bucket is missing`

	for _, cmd := range []string{"list", "stats"} {
		r := runPiped(t, []string{"--db", db, cmd}, nil)
		checkOneLineError(t, cmd, r, db, want)
		if fileSum(t, db) != sum {
			t.Fatalf("%s changed the database", cmd)
		}
	}

	term := startApp(t, []string{"--db", db}, nil, 200, 10)
	msg := checkRefused(t, term, db, e2eWait, time.Now())
	if !strings.Contains(msg, want) {
		t.Errorf("app: message %q lacks %q", msg, want)
	}
	if code, _ := term.Wait(e2eWait); code != 1 {
		t.Errorf("app: exit code %d, want 1", code)
	}
	if fileSum(t, db) != sum {
		t.Error("the app changed the database")
	}
	if entries, _ := os.ReadDir(filepath.Dir(db)); len(entries) != 1 {
		t.Errorf("files beside the database: %v, want only it", entries)
	}
}

// TestE2EStoreFIFO: a FIFO at the database path is refused at once with a
// message naming it, instead of a blank screen waiting for a writer.
func TestE2EStoreFIFO(t *testing.T) {
	t.Parallel()
	// The store refuses without waiting; start-up adds ~0.1 s when idle.
	// The margin is for loaded machines and the race detector, as in
	// TestE2ELockedDatabase: a hang would take e2eWait.
	const limit = 5 * time.Second
	fifo := filepath.Join(t.TempDir(), "fifo.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	const want = "named pipe (FIFO)"

	started := time.Now()
	r := runPiped(t, []string{"--db", fifo, "list"}, nil)
	if el := time.Since(started); el > limit {
		t.Errorf("list took %v to give up, want under %v", el.Round(time.Millisecond), limit)
	}
	checkOneLineError(t, "list", r, fifo, want)

	started = time.Now()
	term := startApp(t, []string{"--db", fifo}, nil, 200, 10)
	msg := checkRefused(t, term, fifo, limit, started)
	if !strings.Contains(msg, want) {
		t.Errorf("app: message %q lacks %q", msg, want)
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v %v", fi, err)
	}
}
