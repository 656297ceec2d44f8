package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"mianjing/srs"
)

// putRaw stores v under key in bucket, bypassing every check.
func putRaw(bucket string, key, v []byte) func(tx *bolt.Tx) error {
	return func(tx *bolt.Tx) error { return tx.Bucket([]byte(bucket)).Put(key, v) }
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := marshalValue(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// checkDamaged asserts err is ErrCorrupt (not ErrInvalid), on one line,
// naming the file, the bucket and the key.
func checkDamaged(t *testing.T, op string, err error, path, bucket, key string) {
	t.Helper()
	if !errors.Is(err, ErrCorrupt) || errors.Is(err, ErrInvalid) {
		t.Errorf("%s: err = %v, want ErrCorrupt", op, err)
		return
	}
	checkMessage(t, err, path, fmt.Sprintf("bucket %q", bucket), key)
}

// TestBadSettingsAndBookmarksAreRefused: settings and bookmarks are read
// when the file is opened, so a bad one refuses the file, untouched.
func TestBadSettingsAndBookmarksAreRefused(t *testing.T) {
	settings := func(s string) func(tx *bolt.Tx) error {
		return putRaw(bucketSettings, []byte(keySettings), []byte(s))
	}
	bookmark := func(id, v string) func(tx *bolt.Tx) error {
		return putRaw(bucketBookmarks, []byte(id), []byte(v))
	}
	ms := func(y int) string { return fmt.Sprint(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli()) }
	cases := map[string]struct {
		change func(tx *bolt.Tx) error
		wants  []string
	}{
		"retention 5":         {settings(`{"lang":"","new_per_day":20,"retention":5,"rollover_hour":4}`), []string{"retention 5"}},
		"retention 0.5":       {settings(`{"lang":"","new_per_day":20,"retention":0.5,"rollover_hour":4}`), []string{"retention 0.5"}},
		"retention 0.999":     {settings(`{"lang":"","new_per_day":20,"retention":0.999,"rollover_hour":4}`), []string{"retention 0.999"}},
		"rollover 99":         {settings(`{"lang":"","new_per_day":20,"retention":0.9,"rollover_hour":99}`), []string{"rollover_hour 99"}},
		"lang fr":             {settings(`{"lang":"fr","new_per_day":20,"retention":0.9,"rollover_hour":4}`), []string{`"fr"`}},
		"negative new":        {settings(`{"lang":"","new_per_day":-3,"retention":0.9,"rollover_hour":4}`), []string{"new_per_day -3"}},
		"settings not JSON":   {settings(`{"lang":`), nil},
		"bookmark in 1999":    {bookmark("a", ms(1999)), []string{"1999"}},
		"bookmark in 10000":   {bookmark("a", ms(10000)), nil},
		"bookmark zero":       {bookmark("a", "0"), nil},
		"bookmark not a time": {bookmark("a", "soon"), nil},
		"bookmark bad id":     {bookmark("\xff", ms(2025)), nil},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			path, _ := richDB(t, true)
			edit(t, path, c.change)
			bucket, key := bucketSettings, `"settings"`
			if strings.HasPrefix(name, "bookmark") {
				bucket, key = bucketBookmarks, `"a"`
				if name == "bookmark bad id" {
					key = `"\xff"`
				}
			}
			checkRefused(t, path, append([]string{fmt.Sprintf("bucket %q", bucket), key}, c.wants...)...)
		})
	}
}

// TestBadCardsAreDamage: a card out of range is a damaged-value error,
// naming bucket and key, from every read of it; nothing is written.
func TestBadCardsAreDamage(t *testing.T) {
	good := normCard(review("a", t0, srs.Good).After)
	card := func(mutate func(c *diskCard)) []byte {
		d := toDiskCard(good)
		mutate(&d)
		return mustJSON(t, d)
	}
	cases := map[string]struct {
		id    string
		value func() []byte
		wants []string
	}{
		"state 9":        {"a", func() []byte { return card(func(c *diskCard) { c.State = 9 }) }, []string{"state 9"}},
		"stability -1":   {"a", func() []byte { return card(func(c *diskCard) { c.Stability = -1 }) }, []string{"stability -1"}},
		"stability 1e9":  {"a", func() []byte { return card(func(c *diskCard) { c.Stability = 1e9 }) }, []string{"stability 1e+09"}},
		"difficulty 11":  {"a", func() []byte { return card(func(c *diskCard) { c.Difficulty = 11 }) }, []string{"difficulty 11"}},
		"difficulty 0.5": {"a", func() []byte { return card(func(c *diskCard) { c.Difficulty = 0.5 }) }, []string{"difficulty 0.5"}},
		"negative reps":  {"a", func() []byte { return card(func(c *diskCard) { c.Reps = -2 }) }, []string{"reps"}},
		"due in 1999": {"a", func() []byte {
			return card(func(c *diskCard) { c.Due = time.Date(1999, 5, 1, 0, 0, 0, 0, time.UTC).UnixMilli() })
		}, []string{"1999"}},
		"last review in 1970": {"a", func() []byte { return card(func(c *diskCard) { c.LastReview = 1 }) }, []string{"1970"}},
		"not JSON":            {"a", func() []byte { return []byte(`{"state":`) }, nil},
		"slow path state 9": {"a", func() []byte {
			b, _ := json.MarshalIndent(map[string]any{"state": 9, "stability": 1.5}, "", " ")
			return b
		}, []string{"state 9"}},
		"key not UTF-8": {"\xff", func() []byte { return card(func(*diskCard) {}) }, []string{`"\xff"`}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			path, backup := richDB(t, true)
			edit(t, path, putRaw(bucketCards, []byte(c.id), c.value()))
			before := snap(t, path)
			key := fmt.Sprintf("%q", c.id)
			b := openPath(t, path)
			_, err := b.Cards()
			checkDamaged(t, "Cards", err, path, bucketCards, key)
			if err != nil {
				checkMessage(t, err, path, c.wants...)
			}
			if c.id == "a" {
				_, _, err = b.Card("a")
				checkDamaged(t, "Card", err, path, bucketCards, key)
				_, err = b.RecordReview(review("a", t0.Add(3*time.Hour), srs.Good))
				checkDamaged(t, "RecordReview", err, path, bucketCards, key)
				_, err = b.Import(strings.NewReader(backup))
				checkDamaged(t, "Import", err, path, bucketCards, key)
			}
			err = b.Export(io.Discard)
			checkDamaged(t, "Export", err, path, bucketCards, key)
			if err := b.Close(); err != nil {
				t.Fatal(err)
			}
			if snap(t, path) != before {
				t.Error("the file changed")
			}
		})
	}
}

// TestBadReviewsAreDamage: a log entry out of range is a damaged-value
// error, naming bucket and key, from every read that decodes it.
func TestBadReviewsAreDamage(t *testing.T) {
	good := normReview(review("a", t0.Add(2*time.Hour), srs.Easy)) // the last entry's
	entry := func(mutate func(r *diskReview)) func() []byte {
		return func() []byte {
			d := toDiskReview(good)
			mutate(&d)
			v, err := marshalValue(d)
			if err != nil {
				panic(err)
			}
			return v
		}
	}
	ms1999 := time.Date(1999, 12, 31, 0, 0, 0, 0, time.UTC).UnixMilli()
	cases := map[string]struct {
		value func() []byte
		brief bool // in a field ForEachReviewBrief decodes
		wants []string
	}{
		"rating 9":          {entry(func(d *diskReview) { d.Rating = 9 }), true, []string{"rating 9"}},
		"rating 0":          {entry(func(d *diskReview) { d.Rating = 0 }), true, []string{"rating 0"}},
		"no time":           {entry(func(d *diskReview) { d.Time = 0 }), true, []string{"time"}},
		"time in 1999":      {entry(func(d *diskReview) { d.Time = ms1999 }), true, []string{"1999"}},
		"unknown mode":      {entry(func(d *diskReview) { d.Mode = "drill" }), true, []string{`"drill"`}},
		"empty note id":     {entry(func(d *diskReview) { d.NoteID = "" }), true, []string{"note id"}},
		"negative duration": {entry(func(d *diskReview) { d.Duration = -5 }), true, []string{"duration"}},
		"state before 7":    {entry(func(d *diskReview) { d.Before.State = 7 }), true, []string{"state 7"}},
		"difficulty 11":     {entry(func(d *diskReview) { d.After.Difficulty = 11 }), false, []string{"difficulty 11"}},
		"stability huge":    {entry(func(d *diskReview) { d.After.Stability = math.MaxFloat64 }), false, []string{"stability"}},
		"slow path rating 9": {func() []byte {
			d := toDiskReview(good)
			d.Rating = 9
			b, _ := json.MarshalIndent(d, "", "  ")
			return b
		}, true, []string{"rating 9"}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			path, backup := richDB(t, true)
			edit(t, path, putRaw(bucketReviews, seqKey(3), c.value()))
			before := snap(t, path)
			b := openPath(t, path)
			key := "key 3"
			err := b.ForEachReview(func(Review) error { return nil })
			checkDamaged(t, "ForEachReview", err, path, bucketReviews, key)
			if err != nil {
				checkMessage(t, err, path, c.wants...)
			}
			if c.brief {
				err = b.ForEachReviewBrief(func(ReviewBrief) error { return nil })
				checkDamaged(t, "ForEachReviewBrief", err, path, bucketReviews, key)
			}
			_, err = b.ReviewsSince(time.Time{})
			checkDamaged(t, "ReviewsSince", err, path, bucketReviews, key)
			err = b.Export(io.Discard)
			checkDamaged(t, "Export", err, path, bucketReviews, key)
			_, err = b.Import(strings.NewReader(backup))
			checkDamaged(t, "Import", err, path, bucketReviews, key)
			_, _, err = b.UndoLastReview()
			checkDamaged(t, "UndoLastReview", err, path, bucketReviews, key)
			if err := b.Close(); err != nil {
				t.Fatal(err)
			}
			if snap(t, path) != before {
				t.Error("the file changed")
			}
		})
	}
}

// TestBadReviewKeyIsDamage: a log key that is not a sequence number makes
// counting, appending and reading fail, not restart the log at 1.
func TestBadReviewKeyIsDamage(t *testing.T) {
	path, _ := richDB(t, true)
	v, err := encodeReview(normReview(review("c", t0.Add(5*time.Hour), srs.Good)))
	if err != nil {
		t.Fatal(err)
	}
	edit(t, path, putRaw(bucketReviews, []byte("xyz"), v)) // sorts after every seq
	before := snap(t, path)
	b := openPath(t, path)
	const key = "78797a"
	_, err = b.ReviewCount()
	checkDamaged(t, "ReviewCount", err, path, bucketReviews, key)
	_, err = b.RecordReview(review("c", t0.Add(6*time.Hour), srs.Good))
	checkDamaged(t, "RecordReview", err, path, bucketReviews, key)
	err = b.ForEachReview(func(Review) error { return nil })
	checkDamaged(t, "ForEachReview", err, path, bucketReviews, key)
	_, _, err = b.UndoLastReview()
	checkDamaged(t, "UndoLastReview", err, path, bucketReviews, key)
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if snap(t, path) != before {
		t.Error("the file changed")
	}
}
