package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"mianjing/srs"
)

// Interview is the report of one mock interview.
type Interview struct {
	Start     time.Time           `json:"start"` // identifies the report; stored as UTC milliseconds
	Questions []InterviewQuestion `json:"questions"`
}

// InterviewQuestion is one question of a mock interview as it went.
type InterviewQuestion struct {
	NoteID  string `json:"note_id"`
	Chapter string `json:"chapter,omitempty"`
	Seconds int    `json:"seconds"`        // time taken, overtime included
	Budget  int    `json:"budget_seconds"` // the time allowed
	Ticked  int    `json:"ticked"`         // key points ticked
	Points  int    `json:"points"`         // key points offered
	// Missed lists the texts of the key points not ticked.
	Missed []string `json:"missed,omitempty"`
	// Rating is the grade given, 0 when the interview ended before it.
	Rating srs.Rating `json:"rating"`
}

// Covered returns the key points ticked and offered over all questions.
func (iv Interview) Covered() (ticked, points int) {
	for _, q := range iv.Questions {
		ticked += q.Ticked
		points += q.Points
	}
	return ticked, points
}

// Duration returns the time the questions took, overtime included.
func (iv Interview) Duration() time.Duration {
	var s int
	for _, q := range iv.Questions {
		s += q.Seconds
	}
	return time.Duration(s) * time.Second
}

// Limits of a stored interview report: generous, but a bad caller or a
// hand-edited backup cannot store nonsense.
const (
	maxInterviewQuestions = 100
	maxQuestionSeconds    = 24 * 60 * 60
	maxPoints             = 1000
	maxPointText          = 4096 // bytes
	maxChapterLen         = 512
)

// normInterview stores times in UTC milliseconds and keeps texts valid
// UTF-8, as normReview does for answers. It copies the questions.
func normInterview(iv Interview) Interview {
	iv.Start = normTime(iv.Start)
	qs := make([]InterviewQuestion, len(iv.Questions))
	for i, q := range iv.Questions {
		q.Chapter = strings.ToValidUTF8(q.Chapter, "\uFFFD")
		if q.Missed != nil {
			missed := make([]string, len(q.Missed))
			for j, m := range q.Missed {
				missed[j] = strings.ToValidUTF8(m, "\uFFFD")
			}
			q.Missed = missed
		}
		qs[i] = q
	}
	iv.Questions = qs
	return iv
}

// validateInterview checks a report's ranges; the caller checks Start
// against the clock where that matters.
func validateInterview(iv Interview) error {
	if iv.Start.IsZero() {
		return invalidf("interview: start not set")
	}
	if err := validateTime("interview start", iv.Start); err != nil {
		return err
	}
	if n := len(iv.Questions); n == 0 || n > maxInterviewQuestions {
		return invalidf("interview %s: %d questions, want 1–%d", fmtTime(iv.Start), n, maxInterviewQuestions)
	}
	for i, q := range iv.Questions {
		where := fmt.Sprintf("interview %s: question %d", fmtTime(iv.Start), i+1)
		if err := validateID(q.NoteID); err != nil {
			return invalidf("%s: %s", where, reasonText(err))
		}
		switch {
		case len(q.Chapter) > maxChapterLen || !utf8.ValidString(q.Chapter):
			return invalidf("%s: chapter is longer than %d bytes or not UTF-8", where, maxChapterLen)
		case q.Seconds < 0 || q.Seconds > maxQuestionSeconds:
			return invalidf("%s: seconds %d is not 0–%d", where, q.Seconds, maxQuestionSeconds)
		case q.Budget < 1 || q.Budget > maxQuestionSeconds:
			return invalidf("%s: budget_seconds %d is not 1–%d", where, q.Budget, maxQuestionSeconds)
		case q.Points < 0 || q.Points > maxPoints:
			return invalidf("%s: points %d is not 0–%d", where, q.Points, maxPoints)
		case q.Ticked < 0 || q.Ticked > q.Points:
			return invalidf("%s: ticked %d is not 0–%d (the points)", where, q.Ticked, q.Points)
		case len(q.Missed) > q.Points-q.Ticked:
			return invalidf("%s: %d missed points, but only %d were not ticked", where, len(q.Missed), q.Points-q.Ticked)
		case q.Rating < 0 || q.Rating > srs.Easy:
			return invalidf("%s: rating %d is not 0–4", where, q.Rating)
		}
		for _, m := range q.Missed {
			if len(m) > maxPointText || !utf8.ValidString(m) {
				return invalidf("%s: a missed point is longer than %d bytes or not UTF-8", where, maxPointText)
			}
		}
	}
	return nil
}

// validateNewInterview is validateInterview for a report being added, on
// record or import: its start may not be ahead of the clock.
func validateNewInterview(iv Interview, now time.Time) error {
	if err := validateInterview(iv); err != nil {
		return err
	}
	return notAhead("interview start", iv.Start, now)
}

// diskInterview is an Interview as stored; the key is the start as a
// big-endian UTC millisecond count, so the bucket sorts by time.
type diskInterview struct {
	Start     int64               `json:"start_ms"`
	Questions []InterviewQuestion `json:"questions"`
}

func interviewKey(start time.Time) []byte {
	return binary.BigEndian.AppendUint64(make([]byte, 0, 8), uint64(start.UnixMilli()))
}

func encodeInterview(iv Interview) ([]byte, error) {
	return marshalValue(diskInterview{Start: toMillis(iv.Start), Questions: iv.Questions})
}

// readInterview decodes and checks the report stored under k.
func readInterview(k, v []byte) (Interview, error) {
	key := fmt.Sprintf("%#x", k)
	fail := func(reason string) error {
		return &damageError{bucket: bucketInterviews, key: key, reason: reason}
	}
	if len(k) != 8 {
		return Interview{}, fail("not a start time")
	}
	var d diskInterview
	if err := json.Unmarshal(v, &d); err != nil {
		return Interview{}, fail(oneLine(err.Error()))
	}
	iv := Interview{Start: fromMillis(d.Start), Questions: d.Questions}
	if err := validateInterview(iv); err != nil {
		return Interview{}, fail(reasonText(err))
	}
	if binary.BigEndian.Uint64(k) != uint64(d.Start) {
		return Interview{}, fail(fmt.Sprintf("start_ms %d differs from its key", d.Start))
	}
	return iv, nil
}
