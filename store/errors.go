package store

import (
	"errors"
	"fmt"
	"strings"
)

// ErrLocked means another process (another mianjing) holds the database file.
var ErrLocked = errors.New("another mianjing is using this file")

// ErrCorrupt means the file is damaged or is not a mianjing database. The
// store leaves such a file exactly as it found it.
var ErrCorrupt = errors.New("damaged, or not a mianjing database")

// ErrNewerSchema means the file was written by a newer mianjing whose format
// this binary does not know. The file is left untouched.
var ErrNewerSchema = errors.New("written by a newer mianjing")

// ErrInvalid means a value handed to the store (a review, a setting, a
// backup) failed validation; nothing was written.
var ErrInvalid = errors.New("invalid")

// moveAside is the advice given with every error about an unusable file.
const moveAside = "move it aside, or use --db to choose another file"

// oneLine folds a message onto one line: panic values and OS errors can
// carry newlines, and the CLI prints errors as single lines.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// corruptError builds the ErrCorrupt error for path with a short reason.
func corruptError(path, reason string) error {
	return fmt.Errorf("%s: %w (%s); %s", path, ErrCorrupt, oneLine(reason), moveAside)
}

// invalidf builds an ErrInvalid error.
func invalidf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalid, oneLine(fmt.Sprintf(format, args...)))
}

// damageError is a stored value, or its key, that cannot be decoded or
// fails the checks values get on the way in. It counts as ErrCorrupt.
type damageError struct {
	bucket string
	key    string // as the message shows it: quoted, a seq, or hex
	reason string
}

func (e *damageError) Error() string {
	return fmt.Sprintf("damaged value in bucket %q, key %s: %s; %s", e.bucket, e.key, e.reason, moveAside)
}

func (e *damageError) Unwrap() error { return ErrCorrupt }

// damaged reports the value under key in bucket as damaged because of
// err, a decoding or validation error.
func damaged(bucket string, key []byte, err error) error {
	return &damageError{bucket: bucket, key: fmt.Sprintf("%q", key), reason: reasonText(err)}
}

// damagedSeq is damaged for the log, whose keys show as numbers.
func damagedSeq(seq uint64, err error) error {
	return &damageError{bucket: bucketReviews, key: fmt.Sprint(seq), reason: reasonText(err)}
}

// reasonText is err without the "invalid: " a validation error starts
// with: in a stored value it is damage, not bad input.
func reasonText(err error) string {
	return oneLine(strings.TrimPrefix(err.Error(), ErrInvalid.Error()+": "))
}

// layoutError is a file whose buckets are not the current schema's. It
// counts as ErrCorrupt.
type layoutError string

func (e layoutError) Error() string { return string(e) }
func (e layoutError) Unwrap() error { return ErrCorrupt }
