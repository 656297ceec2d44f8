package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestDamagedStudyValuesAreRefused: a damaged suspension or interview
// report makes Open fail with ErrCorrupt naming the bucket, and the file
// stays as it was.
func TestDamagedStudyValuesAreRefused(t *testing.T) {
	cases := map[string]struct {
		bucket string
		key    []byte
		value  string
	}{
		"suspension not a time":  {bucketSuspended, []byte("a"), "soon"},
		"interview not JSON":     {bucketInterviews, interviewKey(t0), "{"},
		"interview key mismatch": {bucketInterviews, interviewKey(t0), `{"start_ms":1,"questions":[{"note_id":"a","seconds":1,"budget_seconds":1,"ticked":0,"points":0,"rating":0}]}`},
		"interview bad rating":   {bucketInterviews, interviewKey(t0), `{"start_ms":1740821400000,"questions":[{"note_id":"a","seconds":1,"budget_seconds":1,"ticked":0,"points":0,"rating":9}]}`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			path := validDB(t, 3)
			edit(t, path, func(tx *bolt.Tx) error { return tx.Bucket([]byte(c.bucket)).Put(c.key, []byte(c.value)) })
			before := snap(t, path)
			_, err := Open(path)
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("err = %v, want ErrCorrupt", err)
			}
			checkMessage(t, err, path, c.bucket)
			if snap(t, path) != before {
				t.Error("the file changed")
			}
		})
	}
}

// TestMigrationRefusesDamagedSettings: a version-1 file whose settings do
// not decode is not migrated, and is left byte for byte.
func TestMigrationRefusesDamagedSettings(t *testing.T) {
	orig, err := os.ReadFile(filepath.Join("testdata", "schema-v1.db"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "m.db")
	if err := os.WriteFile(path, orig, 0o600); err != nil {
		t.Fatal(err)
	}
	edit(t, path, func(tx *bolt.Tx) error {
		return tx.Bucket([]byte(bucketSettings)).Put([]byte(keySettings), []byte(`{"retention":7}`))
	})
	before := snap(t, path)
	_, err = Open(path)
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("err = %v, want ErrCorrupt", err)
	}
	checkMessage(t, err, path, "schema 1", `"settings"`)
	if snap(t, path) != before {
		t.Error("the file changed")
	}
	if v := schemaOf(t, path); v != "1" {
		t.Errorf("schema %q, want 1", v)
	}
}
