package store

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"mianjing/srs"
)

// Bolt is the Store kept in one bbolt file. It is safe for concurrent use.
type Bolt struct {
	db   *bolt.DB
	path string

	wmu sync.Mutex // serialises writes, so the copies below follow commit order

	mu        sync.RWMutex // guards the copies of committed state below
	bookmarks map[string]time.Time
	suspended map[string]time.Time
	settings  Settings
	closed    bool
}

var _ Store = (*Bolt)(nil)

// reasonOf is err as the reason in an ErrCorrupt message.
func reasonOf(err error) string {
	var pe panicError
	if errors.As(err, &pe) {
		return fmt.Sprintf("bbolt: %v", pe.v)
	}
	var de *damageError
	if errors.As(err, &de) { // corruptError adds the advice
		return oneLine(fmt.Sprintf("bucket %q, key %s: %s", de.bucket, de.key, de.reason))
	}
	return oneLine(err.Error())
}

// view runs a read transaction under guard.
func (b *Bolt) view(fn func(tx *bolt.Tx) error) error {
	return guard(func() error { return b.db.View(fn) })
}

// update runs a write transaction under guard.
func (b *Bolt) update(fn func(tx *bolt.Tx) error) error {
	return guard(func() error { return b.db.Update(fn) })
}

// fail wraps an error of operation op with the file's name, on one line.
func (b *Bolt) fail(op string, err error) error {
	if errors.Is(err, berrors.ErrDatabaseNotOpen) {
		return fmt.Errorf("%s: %s: the store is closed", b.path, op)
	}
	return fmt.Errorf("%s: %s: %w", b.path, op, &oneLineError{err})
}

// oneLineError prints its cause on one line and still unwraps to it.
type oneLineError struct{ err error }

func (e *oneLineError) Error() string { return oneLine(e.err.Error()) }
func (e *oneLineError) Unwrap() error { return e.err }

// Path returns the database file's absolute path.
func (b *Bolt) Path() string { return b.path }

// Close releases the file. Closing twice is harmless.
func (b *Bolt) Close() error {
	b.wmu.Lock()
	defer b.wmu.Unlock()
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return nil
	}
	b.closed = true
	b.mu.Unlock()
	if err := b.db.Close(); err != nil {
		return b.fail("close", err)
	}
	return nil
}

// Cards returns every stored card, including notes gone from the deck.
func (b *Bolt) Cards() (map[string]srs.Card, error) {
	cards := make(map[string]srs.Card)
	err := b.view(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte(bucketCards)).ForEach(func(k, v []byte) error {
			c, err := readCard(k, v)
			if err != nil {
				return err
			}
			cards[string(k)] = c
			return nil
		})
	})
	if err != nil {
		return nil, b.fail("read cards", err)
	}
	return cards, nil
}

// Card returns one note's card; ok is false for a never-reviewed note.
func (b *Bolt) Card(id string) (srs.Card, bool, error) {
	var c srs.Card
	var ok bool
	err := b.view(func(tx *bolt.Tx) error {
		var err error
		c, ok, err = getCard(tx, id)
		return err
	})
	if err != nil {
		return srs.Card{}, false, b.fail("read card", err)
	}
	return c, ok, nil
}

func getCard(tx *bolt.Tx, id string) (srs.Card, bool, error) {
	v := tx.Bucket([]byte(bucketCards)).Get([]byte(id))
	if v == nil {
		return srs.Card{}, false, nil
	}
	c, err := readCard([]byte(id), v)
	if err != nil {
		return c, false, err
	}
	return c, true, nil
}

func putCard(tx *bolt.Tx, id string, c srs.Card) error {
	v, err := encodeCard(c)
	if err != nil {
		return err
	}
	return tx.Bucket([]byte(bucketCards)).Put([]byte(id), v)
}

func putReview(tx *bolt.Tx, r Review) error {
	v, err := encodeReview(r)
	if err != nil {
		return err
	}
	return tx.Bucket([]byte(bucketReviews)).Put(seqKey(r.Seq), v)
}

// RecordReview validates r, stores r.After as the note's card and appends r
// to the log, in one transaction. Times are stored as UTC milliseconds and
// r.Before is replaced by the card the store holds (the zero card for a
// new note), so undo restores exactly what was there. It returns r as
// stored, with Seq assigned.
func (b *Bolt) RecordReview(r Review) (Review, error) {
	r = normReview(r)
	if err := validateRecorded(r, time.Now()); err != nil {
		return Review{}, b.fail("record review", err)
	}
	b.wmu.Lock()
	defer b.wmu.Unlock()
	err := b.update(func(tx *bolt.Tx) error {
		before, _, err := getCard(tx, r.NoteID)
		if err != nil {
			return err
		}
		r.Before = before
		last, err := lastSeq(tx)
		if err != nil {
			return err
		}
		r.Seq = last + 1
		if r.Mode != ModeCram { // a cram grade leaves the schedule alone
			if err := putCard(tx, r.NoteID, r.After); err != nil {
				return err
			}
		}
		return putReview(tx, r)
	})
	if err != nil {
		return Review{}, b.fail("record review", err)
	}
	return r, nil
}

// UndoLastReview removes the newest log entry and restores its Before card
// (deleting the card when Before is a new card), in one transaction.
func (b *Bolt) UndoLastReview() (Review, bool, error) {
	b.wmu.Lock()
	defer b.wmu.Unlock()
	var r Review
	var ok bool
	err := b.update(func(tx *bolt.Tx) error {
		c := tx.Bucket([]byte(bucketReviews)).Cursor()
		k, v := c.Last()
		if k == nil {
			return nil
		}
		var err error
		if r, err = newReviewDecoder().readReview(k, v); err != nil {
			return err
		}
		if err := c.Delete(); err != nil {
			return err
		}
		ok = true
		if r.Mode == ModeCram {
			return nil // it never changed the card
		}
		if isNewCard(r.Before) {
			return tx.Bucket([]byte(bucketCards)).Delete([]byte(r.NoteID))
		}
		return putCard(tx, r.NoteID, r.Before)
	})
	if err != nil {
		return Review{}, false, b.fail("undo review", err)
	}
	return r, ok, nil
}

// ReviewsSince returns the entries with Time ≥ t, oldest first. It walks
// the log backwards from the newest entry and stops at the first older one,
// so its cost follows the number of recent entries, not the history.
func (b *Bolt) ReviewsSince(t time.Time) ([]Review, error) {
	var out []Review
	err := b.view(func(tx *bolt.Tx) error {
		rd := newReviewDecoder()
		c := tx.Bucket([]byte(bucketReviews)).Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			r, err := rd.readReview(k, v)
			if err != nil {
				return err
			}
			if r.Time.Before(t) {
				break
			}
			out = append(out, r)
		}
		return nil
	})
	if err != nil {
		return nil, b.fail("read recent reviews", err)
	}
	slices.Reverse(out)
	return out, nil
}

// forEachBatch is how many entries ForEachReview reads per transaction.
const forEachBatch = 1024

// ForEachReview calls fn for every log entry, oldest first, stopping at
// fn's first error, which it returns. fn runs outside any transaction, so
// it may call the store (entries are read in batches; writes made meanwhile
// may or may not be seen).
func (b *Bolt) ForEachReview(fn func(Review) error) error {
	rd := newReviewDecoder()
	return forEachBatched(b, rd.readReview, fn)
}

// ForEachReviewBrief is ForEachReview with ReviewBrief, which skips
// decoding most of the cards.
func (b *Bolt) ForEachReviewBrief(fn func(ReviewBrief) error) error {
	rd := newReviewDecoder()
	return forEachBatched(b, rd.readBrief, fn)
}

func forEachBatched[T any](b *Bolt, read func(k, v []byte) (T, error), fn func(T) error) error {
	batch := make([]T, 0, forEachBatch)
	var next uint64 = 1
	for {
		batch = batch[:0]
		err := b.view(func(tx *bolt.Tx) error {
			c := tx.Bucket([]byte(bucketReviews)).Cursor()
			for k, v := c.Seek(seqKey(next)); k != nil && len(batch) < forEachBatch; k, v = c.Next() {
				r, err := read(k, v)
				if err != nil {
					return err
				}
				batch = append(batch, r)
				seq, _ := keySeq(k) // read checked it
				next = seq + 1
			}
			return nil
		})
		if err != nil {
			return b.fail("read reviews", err)
		}
		for _, r := range batch {
			if err := fn(r); err != nil {
				return err
			}
		}
		if len(batch) < forEachBatch {
			return nil
		}
	}
}

// ReviewCount returns the number of log entries, from the last seq.
func (b *Bolt) ReviewCount() (int, error) {
	var n uint64
	err := b.view(func(tx *bolt.Tx) error {
		var err error
		n, err = lastSeq(tx)
		return err
	})
	if err != nil {
		return 0, b.fail("count reviews", err)
	}
	return int(n), nil
}

// ToggleBookmark flips a note's bookmark and returns the new state.
func (b *Bolt) ToggleBookmark(id string, now time.Time) (bool, error) {
	b.wmu.Lock()
	defer b.wmu.Unlock()
	on := !b.IsBookmarked(id)
	if err := b.setBookmark(id, on, now); err != nil {
		return !on, b.fail("toggle bookmark", err)
	}
	return on, nil
}

// SetBookmark sets a note's bookmark on or off; setting one that is already
// on keeps its original time.
func (b *Bolt) SetBookmark(id string, on bool, now time.Time) error {
	b.wmu.Lock()
	defer b.wmu.Unlock()
	if err := b.setBookmark(id, on, now); err != nil {
		return b.fail("set bookmark", err)
	}
	return nil
}

// setBookmark writes one bookmark change and, after the commit, the copy.
// The caller holds wmu, so the copy equals the file.
func (b *Bolt) setBookmark(id string, on bool, now time.Time) error {
	if err := validateID(id); err != nil {
		return err
	}
	now = normTime(now)
	if on && b.IsBookmarked(id) {
		return nil
	}
	if on {
		if err := validateBookmarkTime(now); err != nil {
			return err
		}
	}
	err := b.update(func(tx *bolt.Tx) error {
		bk := tx.Bucket([]byte(bucketBookmarks))
		if !on {
			return bk.Delete([]byte(id))
		}
		return bk.Put([]byte(id), strconv.AppendInt(nil, now.UnixMilli(), 10))
	})
	if err != nil {
		return err
	}
	b.mu.Lock()
	if on {
		b.bookmarks[id] = now
	} else {
		delete(b.bookmarks, id)
	}
	b.mu.Unlock()
	return nil
}

// IsBookmarked reports whether a note is bookmarked, from memory.
func (b *Bolt) IsBookmarked(id string) bool {
	b.mu.RLock()
	_, ok := b.bookmarks[id]
	b.mu.RUnlock()
	return ok
}

// Bookmarks returns a copy of every bookmark and when it was made.
func (b *Bolt) Bookmarks() map[string]time.Time {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return maps.Clone(b.bookmarks)
}

// Settings returns the saved settings, or DefaultSettings when none were
// saved.
func (b *Bolt) Settings() (Settings, error) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.settings.clone(), nil
}

// SaveSettings validates and stores s.
func (b *Bolt) SaveSettings(s Settings) error {
	if err := s.Validate(); err != nil {
		return b.fail("save settings", err)
	}
	s = s.clone()
	b.wmu.Lock()
	defer b.wmu.Unlock()
	err := b.update(func(tx *bolt.Tx) error { return putSettings(tx, s) })
	if err != nil {
		return b.fail("save settings", err)
	}
	b.mu.Lock()
	b.settings = s
	b.mu.Unlock()
	return nil
}

func putSettings(tx *bolt.Tx, s Settings) error {
	v, err := marshalValue(s)
	if err != nil {
		return err
	}
	return tx.Bucket([]byte(bucketSettings)).Put([]byte(keySettings), v)
}

// Export writes a complete backup (see Import) from one consistent
// snapshot of the file.
func (b *Bolt) Export(w io.Writer) error {
	b.mu.RLock()
	settings := b.settings.clone()
	b.mu.RUnlock()
	err := b.view(func(tx *bolt.Tx) error {
		bookmarks, err := readBookmarks(tx)
		if err != nil {
			return err
		}
		suspended, err := readSuspended(tx)
		if err != nil {
			return err
		}
		interviews, err := readInterviews(tx)
		if err != nil {
			return err
		}
		cards := func(yield func(string, srs.Card) error) error {
			return tx.Bucket([]byte(bucketCards)).ForEach(func(k, v []byte) error {
				c, err := readCard(k, v)
				if err != nil {
					return err
				}
				return yield(string(k), c)
			})
		}
		reviews := func(yield func(Review) error) error {
			rd := newReviewDecoder()
			return tx.Bucket([]byte(bucketReviews)).ForEach(func(k, v []byte) error {
				r, err := rd.readReview(k, v)
				if err != nil {
					return err
				}
				return yield(r)
			})
		}
		return writeBackup(w, time.Now(), cards, reviews, bookmarks, suspended, interviews, settings)
	})
	if err != nil {
		return b.fail("export", err)
	}
	return nil
}

// errNothingToImport rolls back an import that would change nothing, so
// that it writes nothing: a committed transaction rewrites a meta page.
var errNothingToImport = errors.New("nothing to import")

// Import merges a backup written by Export (see mergeReviews for the rules)
// in one transaction, after validating all of it. An import that adds
// nothing writes nothing.
func (b *Bolt) Import(r io.Reader) (ImportResult, error) {
	bk, err := readBackup(r, time.Now())
	if err != nil {
		return ImportResult{}, b.fail("import", err)
	}
	b.wmu.Lock()
	defer b.wmu.Unlock()
	var res ImportResult
	var added, addedSusp map[string]time.Time
	var settingsSet bool
	err = b.update(func(tx *bolt.Tx) error {
		res, added, addedSusp, settingsSet = ImportResult{}, nil, nil, false
		// Reviews: dedupe against the log, then append or, when some are
		// older than the newest entry, rewrite the log in time order so
		// ReviewsSince can stop at the first older entry.
		rb := tx.Bucket([]byte(bucketReviews))
		var existing []Review
		rd := newReviewDecoder()
		err := rb.ForEach(func(k, v []byte) error {
			r, err := rd.readReview(k, v)
			if err != nil {
				return err
			}
			existing = append(existing, r)
			return nil
		})
		if err != nil {
			return err
		}
		log, n := mergeReviews(existing, bk.Reviews)
		res.Reviews = n
		for i := range log {
			seq := uint64(i + 1)
			if log[i].Seq == seq {
				continue // an existing entry still in its place
			}
			log[i].Seq = seq
			if err := putReview(tx, log[i]); err != nil {
				return err
			}
		}
		for id, c := range bk.Cards {
			old, ok, err := getCard(tx, id)
			if err != nil {
				return err
			}
			if !ok || c.LastReview.After(old.LastReview) {
				if err := putCard(tx, id, c); err != nil {
					return err
				}
				res.Cards++
			}
		}
		bmb := tx.Bucket([]byte(bucketBookmarks))
		added = make(map[string]time.Time)
		for id, t := range bk.Bookmarks {
			if bmb.Get([]byte(id)) != nil {
				continue
			}
			if err := bmb.Put([]byte(id), strconv.AppendInt(nil, t.UnixMilli(), 10)); err != nil {
				return err
			}
			added[id] = t
		}
		res.Bookmarks = len(added)
		if addedSusp, err = importMarks(tx.Bucket([]byte(bucketSuspended)), bk.Suspended); err != nil {
			return err
		}
		res.Suspended = len(addedSusp)
		ib := tx.Bucket([]byte(bucketInterviews))
		for _, iv := range bk.Interviews {
			k := interviewKey(iv.Start)
			if ib.Get(k) != nil {
				continue
			}
			v, err := encodeInterview(iv)
			if err != nil {
				return err
			}
			if err := ib.Put(k, v); err != nil {
				return err
			}
			res.Interviews++
		}
		if tx.Bucket([]byte(bucketSettings)).Get([]byte(keySettings)) == nil && !bk.Settings.Equal(DefaultSettings()) {
			settingsSet = true
			return putSettings(tx, *bk.Settings)
		}
		if res == (ImportResult{}) {
			return errNothingToImport
		}
		return nil
	})
	if errors.Is(err, errNothingToImport) {
		return ImportResult{}, nil
	}
	if err != nil {
		return ImportResult{}, b.fail("import", err)
	}
	b.mu.Lock()
	maps.Copy(b.bookmarks, added)
	maps.Copy(b.suspended, addedSusp)
	if settingsSet {
		b.settings = bk.Settings.clone()
	}
	b.mu.Unlock()
	return res, nil
}
