package store

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"

	"mianjing/srs"
)

// Every value is checked where it is read from the file, against the
// ranges it was checked against on the way in, so a damaged or hand-edited
// value is reported (ErrCorrupt, naming bucket and key) rather than used,
// and an export never writes a backup that import would refuse.

// readSettings returns the saved settings, or the defaults when none were
// saved.
func readSettings(tx *bolt.Tx) (Settings, error) {
	v := tx.Bucket([]byte(bucketSettings)).Get([]byte(keySettings))
	if v == nil {
		return DefaultSettings(), nil
	}
	var s Settings // no defaults underneath: a missing field is damage
	if err := json.Unmarshal(v, &s); err != nil {
		return s, damaged(bucketSettings, []byte(keySettings), err)
	}
	if err := s.Validate(); err != nil {
		return s, damaged(bucketSettings, []byte(keySettings), err)
	}
	return s, nil
}

// readBookmarks returns every bookmark.
func readBookmarks(tx *bolt.Tx) (map[string]time.Time, error) {
	return readMarks(tx, bucketBookmarks)
}

// readSuspended returns every suspended note.
func readSuspended(tx *bolt.Tx) (map[string]time.Time, error) {
	return readMarks(tx, bucketSuspended)
}

// readMarks reads a bucket of note id → time, as bookmarks and
// suspensions are kept.
func readMarks(tx *bolt.Tx, bucket string) (map[string]time.Time, error) {
	marks := make(map[string]time.Time)
	err := tx.Bucket([]byte(bucket)).ForEach(func(k, v []byte) error {
		t, err := decodeMark(bucket, k, v)
		if err != nil {
			return err
		}
		marks[string(k)] = t
		return nil
	})
	return marks, err
}

func decodeMark(bucket string, k, v []byte) (time.Time, error) {
	if err := validateID(string(k)); err != nil {
		return time.Time{}, damaged(bucket, k, err)
	}
	ms, err := strconv.ParseInt(string(v), 10, 64)
	if err != nil || ms == 0 {
		return time.Time{}, damaged(bucket, k, fmt.Errorf("time %q is not milliseconds", v))
	}
	t := fromMillis(ms)
	if err := validateTime("time", t); err != nil {
		return time.Time{}, damaged(bucket, k, err)
	}
	return t, nil
}

// readInterviews returns every interview report, oldest first.
func readInterviews(tx *bolt.Tx) ([]Interview, error) {
	var out []Interview
	err := tx.Bucket([]byte(bucketInterviews)).ForEach(func(k, v []byte) error {
		iv, err := readInterview(k, v)
		if err != nil {
			return err
		}
		out = append(out, iv)
		return nil
	})
	return out, err
}

// readCard decodes and checks the card stored under note id k.
func readCard(k, v []byte) (srs.Card, error) {
	if err := validateID(string(k)); err != nil {
		return srs.Card{}, damaged(bucketCards, k, err)
	}
	c, err := decodeCard(v)
	if err == nil {
		err = validateCard("", c)
	}
	if err != nil {
		return srs.Card{}, damaged(bucketCards, k, err)
	}
	return c, nil
}

// readSeq returns the sequence number a log key holds.
func readSeq(k []byte) (uint64, error) {
	seq, ok := keySeq(k)
	if !ok || seq == 0 {
		return 0, &damageError{bucket: bucketReviews, key: fmt.Sprintf("%#x", k), reason: "not a sequence number"}
	}
	return seq, nil
}

// readReview decodes and checks the log entry k, v.
func (rd *reviewDecoder) readReview(k, v []byte) (Review, error) {
	seq, err := readSeq(k)
	if err != nil {
		return Review{}, err
	}
	r, err := rd.decode(seq, v)
	if err == nil {
		err = validateReview(r)
	}
	if err != nil {
		return Review{}, damagedSeq(seq, err)
	}
	return r, nil
}

// readBrief is readReview for ReviewBrief: it checks the fields it
// decodes.
func (rd *reviewDecoder) readBrief(k, v []byte) (ReviewBrief, error) {
	seq, err := readSeq(k)
	if err != nil {
		return ReviewBrief{}, err
	}
	r, err := rd.decodeBrief(seq, v)
	if err == nil {
		err = validateBrief(r)
	}
	if err != nil {
		return ReviewBrief{}, damagedSeq(seq, err)
	}
	return r, nil
}

// lastSeq returns the newest log entry's seq, 0 for an empty log. Seqs run
// 1…n without gaps: the log only grows at its end and shrinks by undo at its
// end, so the last seq is also the count.
func lastSeq(tx *bolt.Tx) (uint64, error) {
	k, _ := tx.Bucket([]byte(bucketReviews)).Cursor().Last()
	if k == nil {
		return 0, nil
	}
	return readSeq(k)
}
