package store

import (
	"bytes"
	"maps"
	"slices"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"

	"mianjing/srs"
)

// validateRecorded is validateNewReview for RecordReview, which takes
// every mode but ModeReset: a reset comes only from ResetCard.
func validateRecorded(r Review, now time.Time) error {
	if r.Mode == ModeReset {
		return invalidf("note %s: a reset is recorded with ResetCard, not RecordReview", r.NoteID)
	}
	return validateNewReview(r, now)
}

// newReset builds the log entry that resets card c of note id at now.
func newReset(id string, c srs.Card, now time.Time) (Review, error) {
	if err := validateID(id); err != nil {
		return Review{}, err
	}
	r := normReview(Review{NoteID: id, Time: now, Before: c, Mode: ModeReset})
	if err := validateNewReview(r, time.Now()); err != nil {
		return Review{}, err
	}
	if isNewCard(c) {
		return Review{}, invalidf("note %s is already new: nothing to reset", id)
	}
	return r, nil
}

// Suspend takes a note out of study (on) or puts it back.
func (b *Bolt) Suspend(id string, on bool, now time.Time) error {
	if err := validateID(id); err != nil {
		return b.fail("suspend", err)
	}
	now = normTime(now)
	b.wmu.Lock()
	defer b.wmu.Unlock()
	b.mu.RLock()
	_, already := b.suspended[id]
	b.mu.RUnlock()
	if on == already {
		return nil // a suspended note keeps its first time
	}
	if on {
		if err := validateMarkTime("suspension time", now); err != nil {
			return b.fail("suspend", err)
		}
	}
	err := b.update(func(tx *bolt.Tx) error {
		sb := tx.Bucket([]byte(bucketSuspended))
		if !on {
			return sb.Delete([]byte(id))
		}
		return sb.Put([]byte(id), strconv.AppendInt(nil, now.UnixMilli(), 10))
	})
	if err != nil {
		return b.fail("suspend", err)
	}
	b.mu.Lock()
	if on {
		b.suspended[id] = now
	} else {
		delete(b.suspended, id)
	}
	b.mu.Unlock()
	return nil
}

// Suspended returns a copy of every suspension, from memory.
func (b *Bolt) Suspended() map[string]time.Time {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return maps.Clone(b.suspended)
}

// ResetCard appends a ModeReset entry for the note's stored card and
// deletes the card, in one transaction.
func (b *Bolt) ResetCard(id string, now time.Time) (Review, error) {
	if err := validateID(id); err != nil {
		return Review{}, b.fail("reset", err)
	}
	b.wmu.Lock()
	defer b.wmu.Unlock()
	var r Review
	err := b.update(func(tx *bolt.Tx) error {
		c, _, err := getCard(tx, id)
		if err != nil {
			return err
		}
		if r, err = newReset(id, c, now); err != nil {
			return err
		}
		last, err := lastSeq(tx)
		if err != nil {
			return err
		}
		r.Seq = last + 1
		if err := tx.Bucket([]byte(bucketCards)).Delete([]byte(id)); err != nil {
			return err
		}
		return putReview(tx, r)
	})
	if err != nil {
		return Review{}, b.fail("reset", err)
	}
	return r, nil
}

// Answers scans the log from its newest entry; entries without an answer
// are skipped before they are decoded.
func (b *Bolt) Answers(id string) ([]Review, error) {
	var out []Review
	err := b.view(func(tx *bolt.Tx) error {
		rd := newReviewDecoder()
		c := tx.Bucket([]byte(bucketReviews)).Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			if !bytes.Contains(v, []byte(`"answer":`)) {
				continue
			}
			r, err := rd.readReview(k, v)
			if err != nil {
				return err
			}
			if r.NoteID == id && r.Answer != "" {
				out = append(out, r)
			}
		}
		return nil
	})
	if err != nil {
		return nil, b.fail("read answers", err)
	}
	return out, nil
}

// RecordInterview validates and stores one interview report.
func (b *Bolt) RecordInterview(iv Interview) error {
	iv = normInterview(iv)
	if err := validateNewInterview(iv, time.Now()); err != nil {
		return b.fail("record interview", err)
	}
	v, err := encodeInterview(iv)
	if err != nil {
		return b.fail("record interview", err)
	}
	b.wmu.Lock()
	defer b.wmu.Unlock()
	err = b.update(func(tx *bolt.Tx) error {
		ib := tx.Bucket([]byte(bucketInterviews))
		k := interviewKey(iv.Start)
		if ib.Get(k) != nil {
			return invalidf("an interview started at %s is already recorded", fmtTime(iv.Start))
		}
		return ib.Put(k, v)
	})
	if err != nil {
		return b.fail("record interview", err)
	}
	return nil
}

// Interviews returns every interview report, newest first.
func (b *Bolt) Interviews() ([]Interview, error) {
	var out []Interview
	err := b.view(func(tx *bolt.Tx) error {
		var err error
		out, err = readInterviews(tx)
		return err
	})
	if err != nil {
		return nil, b.fail("read interviews", err)
	}
	slices.Reverse(out)
	return out, nil
}

// importMarks adds the marks (note id → time) bucket bk lacks and returns
// those it added.
func importMarks(bk *bolt.Bucket, marks map[string]time.Time) (map[string]time.Time, error) {
	added := make(map[string]time.Time)
	for id, t := range marks {
		if bk.Get([]byte(id)) != nil {
			continue
		}
		if err := bk.Put([]byte(id), strconv.AppendInt(nil, t.UnixMilli(), 10)); err != nil {
			return nil, err
		}
		added[id] = t
	}
	return added, nil
}
