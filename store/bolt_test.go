package store

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"mianjing/srs"
)

// bulkLoad appends n reviews of 11 notes, one every 37 minutes from start,
// straight into the file (one fsync per 10,000 entries rather than per
// review), keeping each note's card equal to its last After.
func bulkLoad(tb testing.TB, b *Bolt, n int, start time.Time) {
	tb.Helper()
	cards := make(map[string]srs.Card)
	for lo := 1; lo <= n; lo += 10000 {
		err := b.db.Update(func(tx *bolt.Tx) error {
			last, err := lastSeq(tx)
			if err != nil {
				return err
			}
			first := last + 1
			for i := lo; i < lo+10000 && i <= n; i++ {
				r := review(fmt.Sprintf("note-%02d", i%11), start.Add(time.Duration(i)*37*time.Minute), srs.Rating(1+i%4))
				r = normReview(r)
				r.Before = cards[r.NoteID]
				r.Seq = first + uint64(i-lo)
				if err := putReview(tx, r); err != nil {
					return err
				}
				cards[r.NoteID] = r.After
			}
			for id, c := range cards {
				if err := putCard(tx, id, c); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
}

// snapshot is what "left untouched" compares: content, size and mtime.
type snapshot struct {
	sum   [32]byte
	size  int64
	mtime time.Time
	mode  os.FileMode
}

func snap(t *testing.T, path string) snapshot {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return snapshot{sha256.Sum256(data), fi.Size(), fi.ModTime(), fi.Mode()}
}

// checkMessage asserts an error message is one line naming the file.
func checkMessage(t *testing.T, err error, path string, wants ...string) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	if strings.ContainsAny(msg, "\r\n") {
		t.Errorf("message has several lines: %q", msg)
	}
	if !strings.Contains(msg, path) {
		t.Errorf("message does not name %s: %q", path, msg)
	}
	for _, w := range wants {
		if !strings.Contains(msg, w) {
			t.Errorf("message lacks %q: %q", w, msg)
		}
	}
}

func openPath(t *testing.T, path string) *Bolt {
	t.Helper()
	b, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// validDB makes a closed database with n reviews and returns its path.
func validDB(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "m.db")
	b := openPath(t, path)
	bulkLoad(t, b, n, t0)
	if err := b.SetBookmark("note-01", true, t0); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReopenKeepsEverything(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.db")
	b := openPath(t, path)
	r1 := mustRecord(t, b, review("a", t0, srs.Good))
	r2 := mustRecord(t, b, review("b", t0.Add(time.Hour), srs.Hard))
	if err := b.SetBookmark("b", true, t0); err != nil {
		t.Fatal(err)
	}
	settings := Settings{Lang: "zh", NewPerDay: 9, Retention: 0.95, RolloverHour: 3, InterviewQuestions: 5, InterviewSeconds: 180, Theme: "auto"}
	if err := b.SaveSettings(settings); err != nil {
		t.Fatal(err)
	}
	want := export(t, b)
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}

	b = openPath(t, path)
	defer b.Close()
	if got := export(t, b); got != want {
		t.Errorf("after reopening:\n%s\nwant:\n%s", got, want)
	}
	if !b.IsBookmarked("b") {
		t.Error("bookmark copy not loaded on open")
	}
	if st, _ := b.Settings(); !st.Equal(settings) {
		t.Errorf("settings copy not loaded on open: %+v", st)
	}
	if got := allReviews(t, b); len(got) != 2 || got[0] != r1 || got[1] != r2 {
		t.Errorf("log after reopen: %+v", got)
	}
}

func TestOpenCreatesPrivateFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data", "mianjing")
	path := filepath.Join(dir, "mianjing.db")
	b := openPath(t, path)
	defer b.Close()
	if b.Path() != path {
		t.Errorf("Path = %q, want %q", b.Path(), path)
	}
	for p, want := range map[string]os.FileMode{dir: 0o700, path: 0o600} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != want {
			t.Errorf("%s has mode %v, want %v", p, fi.Mode().Perm(), want)
		}
	}
}

func TestDefaultPathEnv(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"XDG_DATA_HOME": "/x/data", "HOME": "/home/u"}, "/x/data/mianjing/mianjing.db"},
		{map[string]string{"XDG_DATA_HOME": "relative", "HOME": "/home/u"}, "/home/u/.local/share/mianjing/mianjing.db"},
		{map[string]string{"HOME": "/home/u"}, "/home/u/.local/share/mianjing/mianjing.db"},
	}
	for _, c := range cases {
		got, err := DefaultPathEnv(env(c.env))
		if err != nil || got != c.want {
			t.Errorf("DefaultPathEnv(%v) = %q, %v; want %q", c.env, got, err, c.want)
		}
	}
	if _, err := DefaultPathEnv(env(nil)); err == nil || !strings.Contains(err.Error(), "--db") {
		t.Errorf("no HOME: err = %v, want advice to use --db", err)
	}
}

func TestSecondOpenIsLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.db")
	first := openPath(t, path)
	mustRecord(t, first, review("a", t0, srs.Good))
	before := snap(t, path)

	start := time.Now()
	second, err := Open(path)
	elapsed := time.Since(start)
	if err == nil {
		second.Close()
		t.Fatal("a second Open of a file in use succeeded")
	}
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("err = %v, want ErrLocked", err)
	}
	checkMessage(t, err, path, "another mianjing is using this file", "--db")
	if elapsed < 900*time.Millisecond || elapsed > 5*time.Second {
		t.Errorf("gave up after %v, want about the 1 s timeout", elapsed)
	}
	// bbolt's own lock, behind the file check, gives the same error.
	if b, err := openBolt(path); !errors.Is(err, ErrLocked) {
		if b != nil {
			b.db.Close()
		}
		t.Errorf("bbolt's lock: err = %v, want ErrLocked", err)
	}
	if snap(t, path) != before {
		t.Error("the locked file changed")
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	second = openPath(t, path)
	defer second.Close()
	if n := count(t, second); n != 1 {
		t.Errorf("ReviewCount after the first closed = %d, want 1", n)
	}
}

// flipByte returns data with the byte at off inverted.
func flipByte(data []byte, off int) []byte {
	out := bytes.Clone(data)
	out[off] ^= 0xFF
	return out
}

func TestCorruptFilesAreRefusedUntouched(t *testing.T) {
	valid, err := os.ReadFile(validDB(t, 2000))
	if err != nil {
		t.Fatal(err)
	}
	pageSize := os.Getpagesize()
	if len(valid) < 20*pageSize {
		t.Fatalf("fixture has only %d bytes", len(valid))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	garbage := make([]byte, 64<<10)
	for i := range garbage {
		garbage[i] = byte(rng.Uint32())
	}
	text := []byte(strings.Repeat("我的笔记 — my notes about attention and transformers.\n", 300))
	foreign := func() []byte {
		p := filepath.Join(t.TempDir(), "other.db")
		db, err := bolt.Open(p, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		err = db.Update(func(tx *bolt.Tx) error {
			bk, err := tx.CreateBucket([]byte("widgets"))
			if err != nil {
				return err
			}
			return bk.Put([]byte("k"), []byte("v"))
		})
		if err != nil {
			t.Fatal(err)
		}
		db.Close()
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}()
	metaByte := pageHeaderSize + 30 // inside the meta struct, before the checksum
	m0, err0 := parseMeta(valid[:metaEnd])
	m1, err1 := parseMeta(valid[pageSize : pageSize+metaEnd])
	if err0 != nil || err1 != nil {
		t.Fatal(err0, err1)
	}
	used := int(max(m0.pgid, m1.pgid)) * pageSize // bbolt may keep slack after the pages in use
	cases := map[string][]byte{
		"garbage":              garbage,
		"short text":           []byte("hello\n"),
		"text file":            text,
		"empty":                {},
		"half truncated":       valid[:len(valid)/2],
		"truncated to 1 page":  valid[:pageSize],
		"truncated to 3 pages": valid[:3*pageSize],
		"cut inside a page":    valid[:used-100],
		"both metas flipped":   flipByte(flipByte(valid, metaByte), pageSize+metaByte),
		"foreign bbolt file":   foreign,
		"zeroed first pages":   append(make([]byte, 4*pageSize), valid[4*pageSize:]...),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "m.db")
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			old := time.Now().Add(-time.Hour).Truncate(time.Second)
			if err := os.Chtimes(path, old, old); err != nil {
				t.Fatal(err)
			}
			before := snap(t, path)
			for attempt := range 2 { // a failed Open must not leave the file locked
				b, err := Open(path)
				if err == nil {
					b.Close()
					t.Fatalf("attempt %d: Open succeeded", attempt)
				}
				if !errors.Is(err, ErrCorrupt) {
					t.Fatalf("attempt %d: err = %v, want ErrCorrupt", attempt, err)
				}
				checkMessage(t, err, path, "move it aside, or use --db to choose another file")
			}
			if snap(t, path) != before {
				t.Error("the file changed")
			}
			entries, _ := os.ReadDir(filepath.Dir(path))
			if len(entries) != 1 {
				t.Errorf("Open left extra files: %v", entries)
			}
		})
	}
}

func TestOneFlippedMetaFallsBackToTheOther(t *testing.T) {
	// bbolt keeps two meta pages so that a torn write of one leaves the
	// other: such a file is healthy and must open with its data.
	path := validDB(t, 500)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, page := range []int{0, 1} {
		p := filepath.Join(t.TempDir(), "m.db")
		if err := os.WriteFile(p, flipByte(data, page*os.Getpagesize()+pageHeaderSize+30), 0o600); err != nil {
			t.Fatal(err)
		}
		b, err := Open(p)
		if err != nil {
			t.Fatalf("meta %d flipped: %v", page, err)
		}
		if n := count(t, b); n != 500 {
			t.Errorf("meta %d flipped: ReviewCount = %d, want 500", page, n)
		}
		b.Close()
	}
}

// TestGuardCatchesBboltPanics opens damaged files with bbolt directly,
// skipping the file check, to show the guard turns bbolt's panics and
// faults into ErrCorrupt instead of crashing.
func TestGuardCatchesBboltPanics(t *testing.T) {
	valid, err := os.ReadFile(validDB(t, 2000))
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []int{len(valid) / 2, len(valid) / 3, 5 * os.Getpagesize()} {
		path := filepath.Join(t.TempDir(), "m.db")
		if err := os.WriteFile(path, valid[:size], 0o600); err != nil {
			t.Fatal(err)
		}
		if reason := checkFile(bytes.NewReader(valid[:size]), int64(size)); reason == "" {
			t.Errorf("size %d: checkFile accepts a truncated file", size)
		}
		var b *Bolt
		err := guard(func() error {
			var err error
			if b, err = openBolt(path); err == nil {
				err = b.prepare(migrations())
			}
			if err == nil { // read everything: the damage may be found late
				err = b.ForEachReview(func(Review) error { return nil })
			}
			return err
		})
		if b != nil {
			b.Close()
		}
		if err == nil {
			t.Errorf("size %d: bbolt read a truncated file without error", size)
		} else {
			t.Logf("size %d: %v", size, err)
		}
	}
}

// TestDamagedPageGivesAnError clobbers a leaf page of the log: Open's check
// reads only the meta, root and freelist pages, so the damage shows when
// history is read, and must come back as ErrCorrupt, not a panic.
func TestDamagedPageGivesAnError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.db")
	b := openPath(t, path)
	bulkLoad(t, b, 1000, t0)
	mustRecord(t, b, review("needle", t0.Add(time.Hour), srs.Good))
	bulkLoad(t, b, 1000, t0.Add(2*time.Hour))
	b.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ps := os.Getpagesize()
	needle := []byte(`"note_id":"needle"`)
	found := 0
	// Every copy: a freed older version of the page may hold it too.
	for off := 0; ; {
		i := bytes.Index(data[off:], needle)
		if i < 0 {
			break
		}
		page := (off + i) / ps * ps
		data[page+8], data[page+9] = 0x7F, 0 // page type unknown
		found++
		off = page + ps
	}
	if found == 0 {
		t.Fatal("needle not found")
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	b, err = Open(path)
	if err != nil {
		t.Fatalf("Open: %v (the damage is not in the pages it checks)", err)
	}
	defer b.Close()
	err = b.ForEachReview(func(Review) error { return nil })
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("ForEachReview over a damaged page: %v, want ErrCorrupt", err)
	}
	checkMessage(t, err, path, "damaged")
}

func TestNewerSchemaIsRefusedUntouched(t *testing.T) {
	path := validDB(t, 10)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte(bucketMeta)).Put([]byte(keySchema), []byte("7"))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	before := snap(t, path)
	_, err = Open(path)
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("err = %v, want ErrNewerSchema", err)
	}
	checkMessage(t, err, path, "schema 7", "update mianjing")
	if snap(t, path) != before {
		t.Error("the file changed")
	}
}

func schemaOf(t *testing.T, path string) string {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v string
	db.View(func(tx *bolt.Tx) error {
		if mb := tx.Bucket([]byte(bucketMeta)); mb != nil {
			v = string(mb.Get([]byte(keySchema)))
		}
		return nil
	})
	return v
}

func TestMigrationsTable(t *testing.T) {
	if len(migrations()) != SchemaVersion {
		t.Fatalf("%d migrations for schema version %d", len(migrations()), SchemaVersion)
	}
}

// TestMigrationsChainInOneTransaction migrates a current file with a
// longer table: the steps run in order in one transaction, and a failing
// step, or one that leaves buckets the schema does not have, leaves the
// file as it was.
func TestMigrationsChainInOneTransaction(t *testing.T) {
	path := validDB(t, 10)
	var ran []string
	step := func(name string, fail bool, bucket string) migration {
		return migration{name: name, up: func(tx *bolt.Tx) error {
			ran = append(ran, name)
			// A mark a later check can see; meta's other keys are free.
			if err := tx.Bucket([]byte(bucketMeta)).Put([]byte("mark-"+name), []byte("1")); err != nil {
				return err
			}
			if bucket != "" {
				if _, err := tx.CreateBucket([]byte(bucket)); err != nil {
					return err
				}
			}
			if fail {
				return errors.New("boom")
			}
			return nil
		}}
	}
	base := migrations()
	with := func(steps ...migration) []migration { return append(slices.Clone(base), steps...) }

	before := snap(t, path)
	_, err := openWith(path, with(step("v2→v3", false, ""), step("v3→v4", true, "")))
	if err == nil || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("err = %v, want the migration's failure", err)
	}
	checkMessage(t, err, path, "migration 3→4")
	if snap(t, path) != before {
		t.Error("a failed migration changed the file")
	}
	if !slices.Equal(ran, []string{"v2→v3", "v3→v4"}) {
		t.Errorf("ran %v", ran)
	}

	_, err = openWith(path, with(step("v2→v3", false, "scratch")))
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("a migration leaving an unknown bucket: err = %v, want ErrCorrupt", err)
	}
	checkMessage(t, err, path, `"scratch"`)
	if snap(t, path) != before {
		t.Error("a refused migration changed the file")
	}

	ran = nil
	b, err := openWith(path, with(step("v2→v3", false, ""), step("v3→v4", false, "")))
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	if !slices.Equal(ran, []string{"v2→v3", "v3→v4"}) {
		t.Errorf("ran %v", ran)
	}
	if v := schemaOf(t, path); v != "4" {
		t.Errorf("schema = %q, want 4", v)
	}
	if _, err := Open(path); !errors.Is(err, ErrNewerSchema) {
		t.Errorf("the real table on a version-4 file: %v, want ErrNewerSchema", err)
	}
}

// TestOlderFileMissingABucketIsRefused: a migration never creates a
// bucket an older file should have had; the loss is reported.
func TestOlderFileMissingABucketIsRefused(t *testing.T) {
	path := validDB(t, 10)
	edit(t, path, deleteBucket(bucketCards))
	before := snap(t, path)
	// The file is at the current schema, older than this longer table.
	noop := migration{name: "next", up: func(*bolt.Tx) error { return nil }}
	_, err := openWith(path, append(migrations(), noop))
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("err = %v, want ErrCorrupt", err)
	}
	checkMessage(t, err, path, `"cards"`, "missing", fmt.Sprint("schema ", SchemaVersion))
	if snap(t, path) != before {
		t.Error("the file changed")
	}
}

func TestUnusableLocations(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "plain")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	under := filepath.Join(file, "m.db")
	_, err := Open(under)
	checkMessage(t, err, under, "directory")
	if errors.Is(err, ErrCorrupt) {
		t.Errorf("a path under a file reported as corrupt: %v", err)
	}

	_, err = Open(dir)
	checkMessage(t, err, dir, "is a directory")

	if os.Geteuid() == 0 {
		t.Log("running as root: permission bits are not enforced, read-only directory case skipped")
		return
	}
	ro := filepath.Join(dir, "ro")
	if err := os.Mkdir(ro, 0o500); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(ro, "m.db")
	_, err = Open(p)
	checkMessage(t, err, p, "permission denied")
}

func TestWritesAfterCloseFail(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.db")
	b := openPath(t, path)
	b.Close()
	_, err := b.RecordReview(review("a", t0, srs.Good))
	checkMessage(t, err, path, "record review", "closed")
	err = b.SetBookmark("a", true, t0)
	checkMessage(t, err, path, "closed")
	if b.IsBookmarked("a") {
		t.Error("a failed bookmark write shows in IsBookmarked")
	}
}

// TestConsistentAfterUse walks every bucket and runs bbolt's own check.
func TestConsistentAfterUse(t *testing.T) {
	path := validDB(t, 3000)
	b := openPath(t, path)
	for range 50 {
		if _, _, err := b.UndoLastReview(); err != nil {
			t.Fatal(err)
		}
	}
	b.Close()
	checkConsistent(t, path)
}

// checkConsistent runs tx.Check and decodes every value of every bucket.
func checkConsistent(t *testing.T, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			return fmt.Errorf("tx.Check: %w", err)
		}
		if v, err := readSchema(tx, SchemaVersion); err != nil || v != SchemaVersion {
			return fmt.Errorf("schema %d, %v", v, err)
		}
		rd := newReviewDecoder()
		var want uint64 = 1
		err = tx.Bucket([]byte(bucketReviews)).ForEach(func(k, v []byte) error {
			seq, ok := keySeq(k)
			if !ok || seq != want {
				return fmt.Errorf("log key %x, want seq %d", k, want)
			}
			want++
			_, err := rd.readReview(k, v)
			return err
		})
		if err != nil {
			return err
		}
		err = tx.Bucket([]byte(bucketCards)).ForEach(func(k, v []byte) error {
			_, err := readCard(k, v)
			return err
		})
		if err != nil {
			return err
		}
		if _, err := readSettings(tx); err != nil {
			return err
		}
		_, err = readBookmarks(tx)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestReviewsSinceReadsOnlyRecentHistory damages the oldest entry: a scan
// that stops at the first older entry never reads it.
func TestReviewsSinceReadsOnlyRecentHistory(t *testing.T) {
	b := openBoltT(t).(*Bolt)
	for i := range 5 {
		mustRecord(t, b, review("a", t0.Add(time.Duration(i)*time.Hour), srs.Good))
	}
	err := b.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte(bucketReviews)).Put(seqKey(1), []byte("not json"))
	})
	if err != nil {
		t.Fatal(err)
	}
	rs, err := b.ReviewsSince(t0.Add(3 * time.Hour))
	if err != nil || len(rs) != 2 || rs[0].Seq != 4 || rs[1].Seq != 5 {
		t.Fatalf("ReviewsSince = %+v, %v; want seqs 4 and 5", rs, err)
	}
	if err := b.ForEachReview(func(Review) error { return nil }); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("ForEachReview over the damaged entry: %v, want ErrCorrupt", err)
	}
	if _, err := b.ReviewsSince(t0); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("ReviewsSince reaching the damaged entry: %v, want ErrCorrupt", err)
	}
}
