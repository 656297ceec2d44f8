package store

import (
	"slices"

	"mianjing/srs"
)

// Bounds of the mock-interview settings (see Settings.Validate).
const (
	MinInterviewQuestions = 1
	MaxInterviewQuestions = 20
	MinInterviewSeconds   = 30
	MaxInterviewSeconds   = 1800
)

// Equal reports whether s and o hold the same settings; empty and nil
// Weights are equal (both mean the defaults).
func (s Settings) Equal(o Settings) bool {
	return s.Lang == o.Lang && s.NewPerDay == o.NewPerDay && s.Retention == o.Retention &&
		s.RolloverHour == o.RolloverHour && slices.Equal(s.Weights, o.Weights) &&
		s.InterviewQuestions == o.InterviewQuestions && s.InterviewSeconds == o.InterviewSeconds &&
		s.Theme == o.Theme
}

// Params returns the FSRS-6 weights s asks for: Weights when it holds all
// 21 numbers, else srs.DefaultParams.
func (s Settings) Params() srs.Params {
	if len(s.Weights) == len(srs.Params{}) {
		return srs.Params(s.Weights)
	}
	return srs.DefaultParams()
}

// clone returns s with its own copy of Weights, so a caller's slice and
// the store's never alias.
func (s Settings) clone() Settings {
	s.Weights = slices.Clone(s.Weights)
	return s
}
