package store

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"sync"
	"time"

	"mianjing/srs"
)

// Memory is a Store kept in memory, with the same semantics as Bolt (the
// contract tests run against both). It is safe for concurrent use.
type Memory struct {
	mu        sync.Mutex
	cards     map[string]srs.Card
	log       []Review // log[i].Seq == i+1
	bookmarks map[string]time.Time
	suspended map[string]time.Time
	interview []Interview // oldest first; entries are never changed in place
	settings  *Settings   // nil until saved
	failErr   error
}

var _ Store = (*Memory)(nil)

// NewMemory returns an empty in-memory store.
func NewMemory() *Memory {
	return &Memory{cards: make(map[string]srs.Card), bookmarks: make(map[string]time.Time),
		suspended: make(map[string]time.Time)}
}

// FailWrites makes every later write (RecordReview, UndoLastReview,
// ToggleBookmark, SetBookmark, Suspend, ResetCard, RecordInterview,
// SaveSettings, Import) fail with an error
// wrapping err and change nothing, as a full disk would; reads keep
// working. FailWrites(nil) restores normal writes. For tests of callers.
func (m *Memory) FailWrites(err error) {
	m.mu.Lock()
	m.failErr = err
	m.mu.Unlock()
}

func (m *Memory) fail(op string, err error) error {
	return fmt.Errorf("memory store: %s: %w", op, err)
}

// writable reports the injected failure, if any; the caller holds mu.
func (m *Memory) writable(op string) error {
	if m.failErr != nil {
		return m.fail(op, m.failErr)
	}
	return nil
}

// Path returns "" for a memory store.
func (m *Memory) Path() string { return "" }

// Close does nothing; a memory store keeps working after it.
func (m *Memory) Close() error { return nil }

// Cards returns a copy of every stored card.
func (m *Memory) Cards() (map[string]srs.Card, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return maps.Clone(m.cards), nil
}

// Card returns one note's card; ok is false for a never-reviewed note.
func (m *Memory) Card(id string) (srs.Card, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	c, ok := m.cards[id]
	return c, ok, nil
}

// RecordReview behaves as Bolt.RecordReview.
func (m *Memory) RecordReview(r Review) (Review, error) {
	r = normReview(r)
	if err := validateRecorded(r, time.Now()); err != nil {
		return Review{}, m.fail("record review", err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.writable("record review"); err != nil {
		return Review{}, err
	}
	r.Before = m.cards[r.NoteID]
	r.Seq = uint64(len(m.log) + 1)
	if r.Mode != ModeCram {
		m.cards[r.NoteID] = r.After
	}
	m.log = append(m.log, r)
	return r, nil
}

// UndoLastReview behaves as Bolt.UndoLastReview.
func (m *Memory) UndoLastReview() (Review, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.writable("undo review"); err != nil {
		return Review{}, false, err
	}
	if len(m.log) == 0 {
		return Review{}, false, nil
	}
	r := m.log[len(m.log)-1]
	// Clipped, so the next append cannot overwrite an entry a running
	// ForEachReview or Export still reads.
	m.log = slices.Clip(m.log[:len(m.log)-1])
	switch {
	case r.Mode == ModeCram:
	case isNewCard(r.Before):
		delete(m.cards, r.NoteID)
	default:
		m.cards[r.NoteID] = r.Before
	}
	return r, true, nil
}

// ReviewsSince behaves as Bolt.ReviewsSince: it stops at the first entry,
// from the newest, older than t.
func (m *Memory) ReviewsSince(t time.Time) ([]Review, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	i := len(m.log)
	for i > 0 && !m.log[i-1].Time.Before(t) {
		i--
	}
	if i == len(m.log) {
		return nil, nil
	}
	return append([]Review(nil), m.log[i:]...), nil
}

// ForEachReview calls fn for every entry, oldest first, outside the lock
// (fn may call the store).
func (m *Memory) ForEachReview(fn func(Review) error) error {
	m.mu.Lock()
	log := m.log[:len(m.log):len(m.log)] // entries are never changed in place
	m.mu.Unlock()
	for _, r := range log {
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

// ForEachReviewBrief calls fn with the brief of every entry, oldest first.
func (m *Memory) ForEachReviewBrief(fn func(ReviewBrief) error) error {
	return m.ForEachReview(func(r Review) error { return fn(r.Brief()) })
}

// ReviewCount returns the number of log entries.
func (m *Memory) ReviewCount() (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.log), nil
}

// ToggleBookmark flips a note's bookmark and returns the new state.
func (m *Memory) ToggleBookmark(id string, now time.Time) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, on := m.bookmarks[id]
	if err := m.setBookmark("toggle bookmark", id, !on, now); err != nil {
		return on, err
	}
	return !on, nil
}

// SetBookmark sets a note's bookmark on or off; setting one that is already
// on keeps its original time.
func (m *Memory) SetBookmark(id string, on bool, now time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.setBookmark("set bookmark", id, on, now)
}

func (m *Memory) setBookmark(op, id string, on bool, now time.Time) error {
	if err := validateID(id); err != nil {
		return m.fail(op, err)
	}
	now = normTime(now)
	if _, already := m.bookmarks[id]; on && already {
		return nil
	}
	if on {
		if err := validateBookmarkTime(now); err != nil {
			return m.fail(op, err)
		}
	}
	if err := m.writable(op); err != nil {
		return err
	}
	if on {
		m.bookmarks[id] = now
	} else {
		delete(m.bookmarks, id)
	}
	return nil
}

// IsBookmarked reports whether a note is bookmarked.
func (m *Memory) IsBookmarked(id string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, ok := m.bookmarks[id]
	return ok
}

// Bookmarks returns a copy of every bookmark and when it was made.
func (m *Memory) Bookmarks() map[string]time.Time {
	m.mu.Lock()
	defer m.mu.Unlock()
	return maps.Clone(m.bookmarks)
}

// Settings returns the saved settings, or DefaultSettings when none were
// saved.
func (m *Memory) Settings() (Settings, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.settings == nil {
		return DefaultSettings(), nil
	}
	return m.settings.clone(), nil
}

// SaveSettings validates and stores s.
func (m *Memory) SaveSettings(s Settings) error {
	if err := s.Validate(); err != nil {
		return m.fail("save settings", err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.writable("save settings"); err != nil {
		return err
	}
	s = s.clone()
	m.settings = &s
	return nil
}

// Export writes the same backup Bolt.Export writes for the same data.
func (m *Memory) Export(w io.Writer) error {
	m.mu.Lock()
	cards := maps.Clone(m.cards)
	log := m.log[:len(m.log):len(m.log)]
	bookmarks := maps.Clone(m.bookmarks)
	suspended := maps.Clone(m.suspended)
	interviews := m.interview[:len(m.interview):len(m.interview)]
	settings := DefaultSettings()
	if m.settings != nil {
		settings = m.settings.clone()
	}
	m.mu.Unlock()
	err := writeBackup(w, time.Now(),
		func(yield func(string, srs.Card) error) error {
			for _, id := range sortedKeys(cards) {
				if err := yield(id, cards[id]); err != nil {
					return err
				}
			}
			return nil
		},
		func(yield func(Review) error) error {
			for _, r := range log {
				if err := yield(r); err != nil {
					return err
				}
			}
			return nil
		},
		bookmarks, suspended, interviews, settings)
	if err != nil {
		return m.fail("export", err)
	}
	return nil
}

// Import merges a backup as Bolt.Import does.
func (m *Memory) Import(r io.Reader) (ImportResult, error) {
	bk, err := readBackup(r, time.Now())
	if err != nil {
		return ImportResult{}, m.fail("import", err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.writable("import"); err != nil {
		return ImportResult{}, err
	}
	var res ImportResult
	log, n := mergeReviews(m.log, bk.Reviews)
	res.Reviews = n
	if n > 0 {
		// A fresh slice: ForEachReview and Export may hold the old one.
		fresh := make([]Review, len(log))
		for i, r := range log {
			r.Seq = uint64(i + 1)
			fresh[i] = r
		}
		m.log = fresh
	}
	for id, c := range bk.Cards {
		if old, ok := m.cards[id]; !ok || c.LastReview.After(old.LastReview) {
			m.cards[id] = c
			res.Cards++
		}
	}
	for id, t := range bk.Bookmarks {
		if _, ok := m.bookmarks[id]; !ok {
			m.bookmarks[id] = t
			res.Bookmarks++
		}
	}
	for id, t := range bk.Suspended {
		if _, ok := m.suspended[id]; !ok {
			m.suspended[id] = t
			res.Suspended++
		}
	}
	for _, iv := range bk.Interviews {
		if m.addInterview(iv) {
			res.Interviews++
		}
	}
	if m.settings == nil && !bk.Settings.Equal(DefaultSettings()) {
		s := bk.Settings.clone()
		m.settings = &s
	}
	return res, nil
}
