package store

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// Bucket and key names of the bbolt file.
const (
	bucketMeta      = "meta"      // keySchema → schema version (JSON number)
	bucketCards     = "cards"     // note id → card (JSON, times in UTC ms)
	bucketReviews   = "reviews"   // big-endian uint64 seq → review (JSON)
	bucketBookmarks = "bookmarks" // note id → time bookmarked (JSON number, UTC ms)
	bucketSettings  = "settings"  // keySettings → Settings (JSON)
	// Since schema 2:
	bucketSuspended  = "suspended"  // note id → time suspended (JSON number, UTC ms)
	bucketInterviews = "interviews" // big-endian UTC ms of the start → interview report (JSON)

	keySchema   = "schema"
	keySettings = "settings"
)

// SchemaVersion is the file layout this binary reads and writes.
const SchemaVersion = 2

// allBuckets lists every bucket a current file has.
func allBuckets() []string {
	return []string{bucketMeta, bucketCards, bucketReviews, bucketBookmarks, bucketSettings,
		bucketSuspended, bucketInterviews}
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
		// Version 0 is the empty file create builds the database in.
		{name: "create buckets", up: func(tx *bolt.Tx) error {
			// Version 1's buckets; later migrations add theirs.
			for _, name := range []string{bucketMeta, bucketCards, bucketReviews, bucketBookmarks, bucketSettings} {
				if _, err := tx.CreateBucketIfNotExists([]byte(name)); err != nil {
					return err
				}
			}
			return nil
		}},
		{name: "suspensions, interview reports, new settings", up: migrateTo2},
	}
}

// migrateTo2 adds the buckets of suspended notes and interview reports,
// and writes the saved settings again with the new fields at their
// defaults (weights: the default ones). Settings a version-1 file holds
// are checked as version 1 checked them; damaged ones stop the migration,
// so the file is left as it was.
func migrateTo2(tx *bolt.Tx) error {
	for _, name := range []string{bucketSuspended, bucketInterviews} {
		if _, err := tx.CreateBucket([]byte(name)); err != nil {
			return fmt.Errorf("bucket %q: %w", name, err)
		}
	}
	sb := tx.Bucket([]byte(bucketSettings))
	if sb == nil {
		return nil // the layout check after the migrations names it
	}
	v := sb.Get([]byte(keySettings))
	if v == nil {
		return nil
	}
	s := DefaultSettings()
	if err := json.Unmarshal(v, &s); err != nil {
		return damaged(bucketSettings, []byte(keySettings), err)
	}
	if err := s.Validate(); err != nil {
		return damaged(bucketSettings, []byte(keySettings), err)
	}
	return putSettings(tx, s)
}

// readSchema returns the file's schema version. A file without the meta
// bucket is not one mianjing made (mianjing builds every file complete
// before it appears at its path), and a file at version current must have
// exactly the current buckets; both are refused, never repaired. An older
// file's buckets are checked after its migrations (see migrate).
func readSchema(tx *bolt.Tx, current int) (int, error) {
	names, err := bucketNames(tx)
	if err != nil {
		return 0, err
	}
	if len(names) == 0 {
		return 0, layoutError("it holds no buckets: an empty bbolt database, not a mianjing one")
	}
	mb := tx.Bucket([]byte(bucketMeta))
	if mb == nil {
		return 0, layoutError(layoutProblem(names))
	}
	v := mb.Get([]byte(keySchema))
	n, err := strconv.Atoi(string(v))
	if v == nil || err != nil || n < 0 {
		return 0, layoutError(fmt.Sprintf("schema version %q is not a number", v))
	}
	if n == current {
		if p := layoutProblem(names); p != "" {
			return n, layoutError(p)
		}
	}
	return n, nil
}

func bucketNames(tx *bolt.Tx) ([]string, error) {
	var names []string
	err := tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
		names = append(names, string(name))
		return nil
	})
	return names, err
}

// layoutProblem says which current buckets names lacks and which it has
// that mianjing never makes, or "" when names are exactly the current ones.
func layoutProblem(names []string) string {
	var missing, unknown []string
	for _, want := range allBuckets() {
		if !slices.Contains(names, want) {
			missing = append(missing, strconv.Quote(want))
		}
	}
	for _, name := range names {
		if !slices.Contains(allBuckets(), name) {
			unknown = append(unknown, strconv.Quote(name))
		}
	}
	var parts []string
	switch len(missing) {
	case 0:
	case 1:
		parts = append(parts, "the "+missing[0]+" bucket is missing")
	default:
		parts = append(parts, "the "+strings.Join(missing, ", ")+" buckets are missing")
	}
	switch len(unknown) {
	case 0:
	case 1:
		parts = append(parts, "it holds a bucket "+unknown[0]+" mianjing never makes")
	default:
		parts = append(parts, "it holds buckets "+strings.Join(unknown, ", ")+" mianjing never makes")
	}
	return strings.Join(parts, "; ")
}

// migrate brings tx's file from version from to len(table), checks that it
// then has exactly the current buckets (a migration never papers over a
// bucket an older file lost), and records the version. create runs it
// from version 0 on the empty file it builds.
func migrate(tx *bolt.Tx, from int, table []migration) error {
	for v := from; v < len(table); v++ {
		if err := table[v].up(tx); err != nil {
			return fmt.Errorf("migration %d→%d (%s): %w", v, v+1, table[v].name, err)
		}
	}
	names, err := bucketNames(tx)
	if err != nil {
		return err
	}
	if p := layoutProblem(names); p != "" {
		return layoutError(p)
	}
	return tx.Bucket([]byte(bucketMeta)).Put([]byte(keySchema), []byte(strconv.Itoa(len(table))))
}
