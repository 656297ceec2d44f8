package tui

import (
	"errors"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
)

// ioQueue runs the app's store calls one at a time, in the order Update
// asked for them, whichever goroutine Bubble Tea runs their commands on: an
// undo can never overtake the grade it takes back, and a read sees every
// write asked for before it.
//
// A job joins the queue inside Update, not when its command starts, so a
// grade already given is queued even if the program quits before running
// its command: Run calls flush after the program ends, which runs what is
// left before the store is closed.
type ioQueue struct {
	run sync.Mutex // held while a job runs; jobs run one at a time

	mu      sync.Mutex
	waiting []*ioJob // queued, not started, oldest first
}

// ioJob is one queued store call and, once it ran, its result.
type ioJob struct {
	fn  func() tea.Msg
	ran bool // guarded by ioQueue.run
	msg tea.Msg
}

// flushTimeout bounds Run's wait for store calls after the program ended:
// a write takes milliseconds, a hung disk must not hang the exit.
const flushTimeout = 10 * time.Second

// errFlushTimeout is returned by flush when a store call does not finish in
// time.
var errFlushTimeout = errors.New("a store write did not finish in time")

// add queues fn and returns the command that runs it (and every job queued
// before it that has not run yet) and reports fn's message.
func (q *ioQueue) add(fn func() tea.Msg) tea.Cmd {
	j := &ioJob{fn: fn}
	q.mu.Lock()
	q.waiting = append(q.waiting, j)
	q.mu.Unlock()
	return func() tea.Msg {
		q.runThrough(j)
		return j.msg
	}
}

// runThrough runs queued jobs in order until j has run.
func (q *ioQueue) runThrough(j *ioJob) {
	q.run.Lock()
	defer q.run.Unlock()
	for !j.ran {
		if !q.runNext() {
			return // cannot happen: j was queued and has not run
		}
	}
}

// runNext runs the oldest waiting job; false when none waits. The caller
// holds q.run.
func (q *ioQueue) runNext() bool {
	q.mu.Lock()
	if len(q.waiting) == 0 {
		q.mu.Unlock()
		return false
	}
	j := q.waiting[0]
	q.waiting = q.waiting[1:]
	q.mu.Unlock()
	j.msg = j.fn()
	j.ran = true
	return true
}

// flush waits for the running job and runs every waiting one, for at most
// timeout. Jobs whose commands never ran (the program quit first) run here;
// their messages go nowhere, which is fine once the interface is gone.
func (q *ioQueue) flush(timeout time.Duration) error {
	done := make(chan struct{})
	go func() {
		defer close(done)
		q.run.Lock()
		defer q.run.Unlock()
		for q.runNext() {
		}
	}()
	select {
	case <-done:
		return nil
	case <-time.After(timeout):
		return errFlushTimeout
	}
}
