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

// damaged reports a stored value that cannot be decoded.
func damaged(what string, err error) error {
	return fmt.Errorf("%w: %s cannot be read: %s", ErrCorrupt, what, oneLine(err.Error()))
}
