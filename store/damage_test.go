package store

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"mianjing/srs"
)

// richDB makes a closed current database holding reviews of two notes, a
// bookmark, saved settings when saveSettings is set, and returns its path
// and its backup.
func richDB(t *testing.T, saveSettings bool) (string, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "m.db")
	b := openPath(t, path)
	mustRecord(t, b, review("a", t0, srs.Good))
	mustRecord(t, b, review("b", t0.Add(time.Hour), srs.Hard))
	mustRecord(t, b, review("a", t0.Add(2*time.Hour), srs.Easy))
	if err := b.SetBookmark("b", true, t0); err != nil {
		t.Fatal(err)
	}
	if saveSettings {
		if err := b.SaveSettings(Settings{Lang: "zh", NewPerDay: 9, Retention: 0.85, RolloverHour: 3, InterviewQuestions: 5, InterviewSeconds: 180, Theme: "auto"}); err != nil {
			t.Fatal(err)
		}
	}
	backup := export(t, b)
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	return path, backup
}

// edit changes a closed database with bbolt's own API, as another program
// or a damaged disk would.
func edit(t *testing.T, path string, fn func(tx *bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(fn)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
}

func deleteBucket(name string) func(tx *bolt.Tx) error {
	return func(tx *bolt.Tx) error { return tx.DeleteBucket([]byte(name)) }
}

// renameBucket moves a bucket's contents under another name, as a flipped
// byte in its key would.
func renameBucket(from, to string) func(tx *bolt.Tx) error {
	return func(tx *bolt.Tx) error {
		nb, err := tx.CreateBucket([]byte(to))
		if err != nil {
			return err
		}
		err = tx.Bucket([]byte(from)).ForEach(func(k, v []byte) error { return nb.Put(k, v) })
		if err != nil {
			return err
		}
		return tx.DeleteBucket([]byte(from))
	}
}

// checkRefused opens path twice (a failed Open must not leave the file
// locked) and checks each gives ErrCorrupt naming the file and wants,
// and that the file and its directory are left exactly as they were.
func checkRefused(t *testing.T, path string, wants ...string) {
	t.Helper()
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	before := snap(t, path)
	for attempt := range 2 {
		b, err := Open(path)
		if err == nil {
			b.Close()
			t.Fatalf("attempt %d: Open succeeded", attempt)
		}
		if !errors.Is(err, ErrCorrupt) {
			t.Fatalf("attempt %d: err = %v, want ErrCorrupt", attempt, err)
		}
		checkMessage(t, err, path, append(wants, moveAside)...)
	}
	if snap(t, path) != before {
		t.Error("the file changed")
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("Open left extra files: %v", entries)
	}
}

// TestDamagedLayoutIsRefusedUntouched: a current file with a bucket
// missing, renamed or added is damage, never a reason to migrate.
func TestDamagedLayoutIsRefusedUntouched(t *testing.T) {
	cases := map[string]struct {
		change func(tx *bolt.Tx) error
		wants  []string
	}{
		"extra bucket": {func(tx *bolt.Tx) error {
			_, err := tx.CreateBucket([]byte("widgets"))
			return err
		}, []string{`"widgets"`}},
		"garbled bucket name": {renameBucket(bucketCards, "cardt"), []string{`"cards"`, "missing", `"cardt"`}},
		"no schema version": {func(tx *bolt.Tx) error {
			return tx.Bucket([]byte(bucketMeta)).Delete([]byte(keySchema))
		}, []string{"schema version"}},
	}
	for _, name := range allBuckets() {
		cases["no "+name+" bucket"] = struct {
			change func(tx *bolt.Tx) error
			wants  []string
		}{deleteBucket(name), []string{`"` + name + `"`, "missing"}}
	}
	cases["only the meta bucket"] = struct {
		change func(tx *bolt.Tx) error
		wants  []string
	}{func(tx *bolt.Tx) error {
		for _, name := range allBuckets() {
			if name != bucketMeta {
				if err := tx.DeleteBucket([]byte(name)); err != nil {
					return err
				}
			}
		}
		return nil
	}, []string{`"cards"`, `"reviews"`, `"bookmarks"`, `"settings"`, "missing"}}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			path, _ := richDB(t, true)
			edit(t, path, c.change)
			checkRefused(t, path, c.wants...)
		})
	}
}

// TestForeignBboltFilesAreRefusedUntouched: a bbolt file without
// mianjing's meta bucket was made by another program (or lost its meta)
// and is never adopted.
func TestForeignBboltFilesAreRefusedUntouched(t *testing.T) {
	cases := map[string]struct {
		buckets []string
		wants   []string
	}{
		"no buckets":                {nil, []string{"no buckets"}},
		"mianjing buckets, no meta": {[]string{bucketCards, bucketReviews, bucketBookmarks, bucketSettings}, []string{`"meta"`, "missing"}},
		"some mianjing buckets":     {[]string{bucketCards}, []string{`"meta"`, "missing"}},
		"another program's":         {[]string{"widgets", "gadgets"}, []string{`"gadgets"`}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "m.db")
			edit(t, path, func(tx *bolt.Tx) error {
				for _, b := range c.buckets {
					bk, err := tx.CreateBucket([]byte(b))
					if err != nil {
						return err
					}
					if err := bk.Put([]byte("k"), []byte("v")); err != nil {
						return err
					}
				}
				return nil
			})
			checkRefused(t, path, c.wants...)
		})
	}
}

// TestStrayTempFilesAreRemoved: files a creation killed half-way left are
// removed when the database is next opened, but not a file another
// process is still building, nor anything else.
func TestStrayTempFilesAreRemoved(t *testing.T) {
	for _, exists := range []bool{true, false} {
		name := "existing database"
		if !exists {
			name = "database created"
		}
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "m.db")
			if exists {
				path, _ = richDB(t, false)
				dir = filepath.Dir(path)
			}
			for _, f := range []string{"m.db.new-123", "m.db.new-456", "other.db.new-1", "m.db.new"} {
				if err := os.WriteFile(filepath.Join(dir, f), []byte("half"), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			// A creation in progress: bbolt holds its lock on the file.
			busy, err := bolt.Open(filepath.Join(dir, "m.db.new-789"), 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer busy.Close()
			b := openPath(t, path)
			defer b.Close()
			var names []string
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				names = append(names, e.Name())
			}
			want := []string{"m.db", "m.db.new", "m.db.new-789", "other.db.new-1"}
			if !slices.Equal(names, want) {
				t.Errorf("files after Open: %v, want %v", names, want)
			}
		})
	}
}

// TestImportOfNothingWritesNothing: importing a backup that adds nothing
// leaves the file byte for byte as it was, with or without saved settings.
func TestImportOfNothingWritesNothing(t *testing.T) {
	for _, saved := range []bool{false, true} {
		t.Run(map[bool]string{false: "default settings", true: "saved settings"}[saved], func(t *testing.T) {
			path, backup := richDB(t, saved)
			old := time.Now().Add(-time.Hour).Truncate(time.Second)
			if err := os.Chtimes(path, old, old); err != nil {
				t.Fatal(err)
			}
			before := snap(t, path)
			b := openPath(t, path)
			res, err := b.Import(strings.NewReader(backup))
			if err != nil || res != (ImportResult{}) {
				t.Errorf("Import = %+v, %v; want nothing added", res, err)
			}
			if err := b.Close(); err != nil {
				t.Fatal(err)
			}
			if snap(t, path) != before {
				t.Error("an import that added nothing changed the file")
			}
		})
	}
}
