package store

import (
	"time"

	"mianjing/srs"
)

// NewCardsSince counts the notes first reviewed (new before the grade)
// since t: the new cards a study day has started, for its daily limit. Cram
// grades change no schedule and do not count. It reads only the log's
// entries since t.
func NewCardsSince(st Store, t time.Time) (int, error) {
	revs, err := st.ReviewsSince(t)
	if err != nil {
		return 0, err
	}
	fresh := map[string]bool{}
	for _, r := range revs {
		if r.Before.State == srs.New && r.Mode != ModeCram && r.Mode != ModeReset {
			fresh[r.NoteID] = true
		}
	}
	return len(fresh), nil
}
