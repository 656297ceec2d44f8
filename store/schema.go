package store

import (
	"fmt"
	"strconv"

	bolt "go.etcd.io/bbolt"
)

// Bucket and key names of the bbolt file.
const (
	bucketMeta      = "meta"      // keySchema → schema version (JSON number)
	bucketCards     = "cards"     // note id → card (JSON, times in UTC ms)
	bucketReviews   = "reviews"   // big-endian uint64 seq → review (JSON)
	bucketBookmarks = "bookmarks" // note id → time bookmarked (JSON number, UTC ms)
	bucketSettings  = "settings"  // keySettings → Settings (JSON)

	keySchema   = "schema"
	keySettings = "settings"
)

// SchemaVersion is the file layout this binary reads and writes.
const SchemaVersion = 1

// allBuckets lists every bucket a current file has.
func allBuckets() []string {
	return []string{bucketMeta, bucketCards, bucketReviews, bucketBookmarks, bucketSettings}
}

// migration moves a file from one schema version to the next.
type migration struct {
	name string
	up   func(tx *bolt.Tx) error
}

// migrations returns the table: entry n moves a file from version n to n+1.
// Open runs the needed ones, then records the new version, in one
// transaction; len(migrations()) must equal SchemaVersion.
func migrations() []migration {
	return []migration{
		// Version 0 is a file from before the schema key existed: the same
		// value formats, some buckets possibly missing, no meta bucket.
		{name: "create buckets", up: func(tx *bolt.Tx) error {
			for _, name := range allBuckets() {
				if _, err := tx.CreateBucketIfNotExists([]byte(name)); err != nil {
					return err
				}
			}
			return nil
		}},
	}
}

// schemaState is what Open learns about a file before deciding to write.
type schemaState struct {
	version int
	missing bool   // a current bucket is absent
	foreign string // a bucket mianjing never makes
}

func readSchema(tx *bolt.Tx) (schemaState, error) {
	var st schemaState
	if mb := tx.Bucket([]byte(bucketMeta)); mb != nil {
		v := mb.Get([]byte(keySchema))
		n, err := strconv.Atoi(string(v))
		if v == nil || err != nil || n < 0 {
			return st, fmt.Errorf("schema version %q is not a number", v)
		}
		st.version = n
	} else {
		// No meta bucket: version 0, unless it is some other program's file.
		ours := make(map[string]bool)
		for _, name := range allBuckets() {
			ours[name] = true
		}
		err := tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
			if !ours[string(name)] && st.foreign == "" {
				st.foreign = string(name)
			}
			return nil
		})
		if err != nil {
			return st, err
		}
	}
	for _, name := range allBuckets() {
		if tx.Bucket([]byte(name)) == nil {
			st.missing = true
		}
	}
	return st, nil
}

// migrate brings tx's file from version from to len(table), then makes sure
// every bucket exists and records the version.
func migrate(tx *bolt.Tx, from int, table []migration) error {
	for v := from; v < len(table); v++ {
		if err := table[v].up(tx); err != nil {
			return fmt.Errorf("migration %d→%d (%s): %w", v, v+1, table[v].name, err)
		}
	}
	for _, name := range allBuckets() {
		if _, err := tx.CreateBucketIfNotExists([]byte(name)); err != nil {
			return err
		}
	}
	return tx.Bucket([]byte(bucketMeta)).Put([]byte(keySchema), []byte(strconv.Itoa(len(table))))
}
