package store

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"mianjing/srs"
)

// BackupFormat is the "format" field of every backup Export writes.
const BackupFormat = "mianjing-backup"

// BackupVersion is the backup layout Export writes and the newest Import
// reads. Version 2 added "suspended", "interviews" and the settings'
// weights, interview and theme fields; Import still reads version 1,
// whose settings get the new fields' defaults.
const BackupVersion = 2

// backupFile is the JSON document Export writes and Import reads.
type backupFile struct {
	Format     string               `json:"format"`
	Version    int                  `json:"version"`
	ExportedAt time.Time            `json:"exported_at"`
	Cards      map[string]srs.Card  `json:"cards"`
	Reviews    []Review             `json:"reviews"`
	Bookmarks  map[string]time.Time `json:"bookmarks"`
	Suspended  map[string]time.Time `json:"suspended"`  // since version 2
	Interviews []Interview          `json:"interviews"` // since version 2, oldest first
	// RawSettings is decoded once the version is known (see readBackup).
	RawSettings json.RawMessage `json:"settings"`
	Settings    *Settings       `json:"-"`
}

// writeBackup streams a backup: one card, review or bookmark per line, in
// a fixed order (cards and bookmarks by id, reviews by seq), so the same
// data always gives the same bytes except exported_at. cards must yield in
// id order.
func writeBackup(w io.Writer, now time.Time,
	cards func(yield func(string, srs.Card) error) error,
	reviews func(yield func(Review) error) error,
	bookmarks, suspended map[string]time.Time, interviews []Interview, settings Settings) error {
	type raw string // literal JSON text; anything else is marshalled
	bw := bufio.NewWriter(w)
	var werr error
	put := func(parts ...any) {
		for _, p := range parts {
			if werr != nil {
				return
			}
			switch p := p.(type) {
			case raw:
				_, werr = bw.WriteString(string(p))
			default:
				var b []byte
				if b, werr = marshalValue(p); werr == nil {
					_, werr = bw.Write(b)
				}
			}
		}
	}
	sep := func(first *bool) raw {
		if *first {
			*first = false
			return "\n    "
		}
		return ",\n    "
	}
	closing := func(first bool, empty, full raw) raw {
		if first {
			return empty
		}
		return full
	}

	put(raw("{\n  \"format\": "), BackupFormat, raw(",\n  \"version\": "), BackupVersion,
		raw(",\n  \"exported_at\": "), normTime(now), raw(",\n  \"cards\": {"))
	first := true
	err := cards(func(id string, c srs.Card) error {
		put(sep(&first), id, raw(": "), c)
		return werr
	})
	if err != nil {
		return err
	}
	put(closing(first, "},\n  \"reviews\": [", "\n  },\n  \"reviews\": ["))
	first = true
	err = reviews(func(r Review) error {
		put(sep(&first), r)
		return werr
	})
	if err != nil {
		return err
	}
	put(closing(first, "],\n  \"bookmarks\": {", "\n  ],\n  \"bookmarks\": {"))
	first = true
	for _, id := range sortedKeys(bookmarks) {
		put(sep(&first), id, raw(": "), bookmarks[id])
	}
	put(closing(first, "},\n  \"suspended\": {", "\n  },\n  \"suspended\": {"))
	first = true
	for _, id := range sortedKeys(suspended) {
		put(sep(&first), id, raw(": "), suspended[id])
	}
	put(closing(first, "},\n  \"interviews\": [", "\n  },\n  \"interviews\": ["))
	first = true
	for _, iv := range interviews {
		put(sep(&first), iv)
	}
	put(closing(first, "],\n  \"settings\": ", "\n  ],\n  \"settings\": "), settings, raw("\n}\n"))
	if werr != nil {
		return werr
	}
	return bw.Flush()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// readBackup decodes and validates a whole backup before anything is
// written, refusing times more than clockSkew after now: a card dated
// ahead would win every later merge and leave study until then. Every
// error wraps ErrInvalid and says where the problem is.
func readBackup(r io.Reader, now time.Time) (*backupFile, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var bk backupFile
	if err := dec.Decode(&bk); err != nil {
		return nil, invalidf("backup is not readable: %s", jsonErr(err))
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, invalidf("backup has data after its end")
	}
	switch {
	case bk.Format != BackupFormat:
		return nil, invalidf("not a mianjing backup (format %q)", bk.Format)
	case bk.Version > BackupVersion:
		return nil, invalidf("backup version %d is newer than this mianjing reads (%d); update mianjing", bk.Version, BackupVersion)
	case bk.Version != BackupVersion && bk.Version != 1:
		return nil, invalidf("backup version %d is not supported", bk.Version)
	case bk.Cards == nil:
		return nil, invalidf("backup has no \"cards\"")
	case bk.Reviews == nil:
		return nil, invalidf("backup has no \"reviews\"")
	case bk.Bookmarks == nil:
		return nil, invalidf("backup has no \"bookmarks\"")
	case bk.RawSettings == nil || string(bk.RawSettings) == "null":
		return nil, invalidf("backup has no \"settings\"")
	case bk.Version >= 2 && bk.Suspended == nil:
		return nil, invalidf("backup has no \"suspended\"")
	case bk.Version >= 2 && bk.Interviews == nil:
		return nil, invalidf("backup has no \"interviews\"")
	case bk.Version < 2 && (bk.Suspended != nil || bk.Interviews != nil):
		return nil, invalidf("backup version %d cannot hold \"suspended\" or \"interviews\"", bk.Version)
	}
	// A version-1 backup's settings lack the newer fields: they take the
	// defaults. From version 2 every field must be there.
	settings := Settings{}
	if bk.Version < 2 {
		settings = DefaultSettings()
	}
	sdec := json.NewDecoder(bytes.NewReader(bk.RawSettings))
	sdec.DisallowUnknownFields()
	if err := sdec.Decode(&settings); err != nil {
		return nil, invalidf("backup settings are not readable: %s", jsonErr(err))
	}
	bk.Settings = &settings
	for id, c := range bk.Cards {
		if err := validateID(id); err != nil {
			return nil, backupInvalid("cards", err)
		}
		c = normCard(c)
		where := fmt.Sprintf("cards[%q]", id)
		if err := validateCard(where, c); err != nil {
			return nil, backupInvalid("", err)
		}
		if err := notAhead(where+": last_review", c.LastReview, now); err != nil {
			return nil, backupInvalid("", err)
		}
		bk.Cards[id] = c
	}
	for i, r := range bk.Reviews {
		r = normReview(r)
		if err := validateNewReview(r, now); err != nil {
			return nil, backupInvalid(fmt.Sprintf("reviews[%d]", i), err)
		}
		r.Seq = 0 // reassigned on import
		bk.Reviews[i] = r
	}
	for id, t := range bk.Bookmarks {
		if err := validateID(id); err != nil {
			return nil, backupInvalid("bookmarks", err)
		}
		t = normTime(t)
		where := fmt.Sprintf("bookmarks[%q]", id)
		if err := validateTime(where, t); err != nil {
			return nil, backupInvalid("", err)
		}
		if err := notAhead(where, t, now); err != nil {
			return nil, backupInvalid("", err)
		}
		if t.IsZero() {
			return nil, invalidf("backup bookmarks[%q]: time not set", id)
		}
		bk.Bookmarks[id] = t
	}
	for id, t := range bk.Suspended {
		if err := validateID(id); err != nil {
			return nil, backupInvalid("suspended", err)
		}
		t = normTime(t)
		where := fmt.Sprintf("suspended[%q]", id)
		if t.IsZero() {
			return nil, invalidf("backup %s: time not set", where)
		}
		if err := validateTime(where, t); err != nil {
			return nil, backupInvalid("", err)
		}
		if err := notAhead(where, t, now); err != nil {
			return nil, backupInvalid("", err)
		}
		bk.Suspended[id] = t
	}
	starts := make(map[int64]bool, len(bk.Interviews))
	for i, iv := range bk.Interviews {
		iv = normInterview(iv)
		if err := validateNewInterview(iv, now); err != nil {
			return nil, backupInvalid(fmt.Sprintf("interviews[%d]", i), err)
		}
		if ms := iv.Start.UnixMilli(); starts[ms] {
			return nil, invalidf("backup interviews[%d]: a second interview started at %s", i, fmtTime(iv.Start))
		} else {
			starts[ms] = true
		}
		bk.Interviews[i] = iv
	}
	if err := bk.Settings.Validate(); err != nil {
		return nil, backupInvalid("", err)
	}
	return &bk, nil
}

// backupInvalid prefixes a validation error with where in the backup it is.
func backupInvalid(where string, err error) error {
	msg := strings.TrimPrefix(err.Error(), ErrInvalid.Error()+": ")
	if where != "" {
		msg = where + ": " + msg
	}
	return invalidf("backup %s", msg)
}

// jsonErr adds the byte offset encoding/json knows but does not print.
func jsonErr(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v (at byte %d)", se, se.Offset)
	}
	if errors.Is(err, io.EOF) {
		return "the file is empty"
	}
	return oneLine(err.Error())
}

// reviewKey identifies a review across stores: seqs differ, these do not.
type reviewKey struct {
	id     string
	ms     int64
	rating srs.Rating
}

func keyOf(r Review) reviewKey { return reviewKey{r.NoteID, r.Time.UnixMilli(), r.Rating} }

// mergeReviews returns the log after importing incoming into existing (a
// log with seqs 1…n) and how many entries were added. Entries already
// present, by (note id, time, rating), are skipped. The new ones, in time
// order, are appended when none is older than the newest existing entry;
// otherwise the whole log is put in time order (a stable sort) so that seq
// order stays time order. New entries have Seq 0; an existing entry whose
// Seq equals its new index+1 has not moved.
func mergeReviews(existing, incoming []Review) ([]Review, int) {
	seen := make(map[reviewKey]bool, len(existing)+len(incoming))
	for _, r := range existing {
		seen[keyOf(r)] = true
	}
	var added []Review
	for _, r := range incoming {
		k := keyOf(r)
		if seen[k] {
			continue
		}
		seen[k] = true
		r.Seq = 0
		added = append(added, r)
	}
	if len(added) == 0 {
		return existing, 0
	}
	byTime := func(a, b Review) int { return a.Time.Compare(b.Time) }
	slices.SortStableFunc(added, byTime)
	log := append(slices.Clip(existing), added...)
	if len(existing) > 0 && added[0].Time.Before(existing[len(existing)-1].Time) {
		slices.SortStableFunc(log, byTime)
	}
	return log, len(added)
}
