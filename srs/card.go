// Package srs schedules reviews with FSRS-6 and builds study queues.
// It is pure logic: no I/O, no clock of its own, no hidden randomness.
package srs

import "time"

// State is where a card is in its learning life.
type State int8

// Card states, numbered as in the FSRS reference implementations' revlogs.
const (
	New        State = 0
	Learning   State = 1
	Review     State = 2
	Relearning State = 3
)

// Rating is the learner's grade of one recall.
type Rating int8

// Ratings 1–4, as FSRS numbers them.
const (
	Again Rating = 1
	Hard  Rating = 2
	Good  Rating = 3
	Easy  Rating = 4
)

// Card is the scheduling state of one note. The zero value is a new card.
type Card struct {
	State      State     `json:"state"`
	Stability  float64   `json:"stability"`
	Difficulty float64   `json:"difficulty"`
	Due        time.Time `json:"due"`
	LastReview time.Time `json:"last_review"`
	Step       int       `json:"step"`
	Reps       int       `json:"reps"`
	Lapses     int       `json:"lapses"`
}
