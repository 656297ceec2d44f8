package store

import (
	"maps"
	"slices"
	"time"
)

// Suspend behaves as Bolt.Suspend.
func (m *Memory) Suspend(id string, on bool, now time.Time) error {
	if err := validateID(id); err != nil {
		return m.fail("suspend", err)
	}
	now = normTime(now)
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, already := m.suspended[id]; on == already {
		return nil
	}
	if on {
		if err := validateMarkTime("suspension time", now); err != nil {
			return m.fail("suspend", err)
		}
	}
	if err := m.writable("suspend"); err != nil {
		return err
	}
	if on {
		m.suspended[id] = now
	} else {
		delete(m.suspended, id)
	}
	return nil
}

// Suspended returns a copy of every suspension.
func (m *Memory) Suspended() map[string]time.Time {
	m.mu.Lock()
	defer m.mu.Unlock()
	return maps.Clone(m.suspended)
}

// ResetCard behaves as Bolt.ResetCard.
func (m *Memory) ResetCard(id string, now time.Time) (Review, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, err := newReset(id, m.cards[id], now)
	if err != nil {
		return Review{}, m.fail("reset", err)
	}
	if err := m.writable("reset"); err != nil {
		return Review{}, err
	}
	r.Seq = uint64(len(m.log) + 1)
	delete(m.cards, id)
	m.log = append(m.log, r)
	return r, nil
}

// Answers behaves as Bolt.Answers.
func (m *Memory) Answers(id string) ([]Review, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []Review
	for i := len(m.log) - 1; i >= 0; i-- {
		if r := m.log[i]; r.NoteID == id && r.Answer != "" {
			out = append(out, r)
		}
	}
	return out, nil
}

// RecordInterview behaves as Bolt.RecordInterview.
func (m *Memory) RecordInterview(iv Interview) error {
	iv = normInterview(iv)
	if err := validateNewInterview(iv, time.Now()); err != nil {
		return m.fail("record interview", err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.writable("record interview"); err != nil {
		return err
	}
	if !m.addInterview(iv) {
		return m.fail("record interview", invalidf("an interview started at %s is already recorded", fmtTime(iv.Start)))
	}
	return nil
}

// addInterview inserts iv in start order unless one with its start is
// there; the caller holds mu. It builds a new slice: Export may hold the
// old one.
func (m *Memory) addInterview(iv Interview) bool {
	i, found := slices.BinarySearchFunc(m.interview, iv.Start, func(x Interview, t time.Time) int {
		return x.Start.Compare(t)
	})
	if found {
		return false
	}
	m.interview = slices.Insert(slices.Clone(m.interview), i, iv)
	return true
}

// Interviews returns every interview report, newest first.
func (m *Memory) Interviews() ([]Interview, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]Interview, len(m.interview))
	for i, iv := range m.interview {
		out[len(out)-1-i] = normInterview(iv) // a copy the caller may change
	}
	return out, nil
}
