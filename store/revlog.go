package store

import (
	"encoding/csv"
	"hash/fnv"
	"io"
	"strconv"
)

// RevlogHeader is the header row of WriteRevlogCSV, the columns the FSRS
// optimizer reads.
const RevlogHeader = "card_id,review_time,review_rating,review_state,review_duration"

// CardID returns the revlog card_id of a note: FNV-1a 64 of the note id
// with the top bit cleared, a positive int64 that depends only on the id,
// so exports of different stores, or of one store at different times,
// agree.
func CardID(noteID string) int64 {
	h := fnv.New64a()
	h.Write([]byte(noteID))
	return int64(h.Sum64() &^ (1 << 63))
}

// WriteRevlogCSV writes s's review log as the FSRS optimizer's revlog CSV,
// oldest first: card_id (CardID of the note id), review_time (UTC Unix
// milliseconds), review_rating (1–4), review_state (the card's state
// before the review: 0 new, 1 learning, 2 review, 3 relearning) and
// review_duration (milliseconds). Only grades that moved the schedule are
// written, as the scheduler saw them: cram grades and resets are left out,
// and so is a note's history before its latest reset (its card started
// again from new there).
func WriteRevlogCSV(s Store, w io.Writer) error {
	lastReset := make(map[string]uint64) // note id → seq of its newest reset
	err := s.ForEachReviewBrief(func(r ReviewBrief) error {
		if r.Mode == ModeReset {
			lastReset[r.NoteID] = r.Seq
		}
		return nil
	})
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"card_id", "review_time", "review_rating", "review_state", "review_duration"}); err != nil {
		return err
	}
	ids := make(map[string]string) // note id → card_id text, computed once
	err = s.ForEachReview(func(r Review) error {
		if !r.Brief().Scheduled() || r.Seq <= lastReset[r.NoteID] {
			return nil
		}
		id, ok := ids[r.NoteID]
		if !ok {
			id = strconv.FormatInt(CardID(r.NoteID), 10)
			ids[r.NoteID] = id
		}
		return cw.Write([]string{
			id,
			strconv.FormatInt(r.Time.UnixMilli(), 10),
			strconv.Itoa(int(r.Rating)),
			strconv.Itoa(int(r.Before.State)),
			strconv.FormatInt(r.Duration, 10),
		})
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}
