package tui

// The mock interview's report: built from the questions done, saved with
// RecordInterview, and drawn at the end.

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"mianjing/srs"
	"mianjing/store"
)

// buildReport is the interview as done: every question revealed, graded or
// not (an interview ended early records what was done), in order.
func (m *interviewModel) buildReport() store.Interview {
	iv := store.Interview{Start: m.startedAt}
	budget := max(1, int(m.budget/time.Second))
	for _, q := range m.qs {
		if !q.revealed {
			continue
		}
		r := store.InterviewQuestion{NoteID: q.note.ID, Chapter: q.note.Chapter,
			Seconds: int(q.took / time.Second), Budget: budget,
			Ticked: countTicked(q.ticked), Points: len(q.ticked), Rating: q.rating}
		for i, on := range q.ticked {
			if !on {
				r.Missed = append(r.Missed, q.note.Points[i])
			}
		}
		iv.Questions = append(iv.Questions, r)
	}
	return iv
}

// recordInterviewJob saves a report.
func recordInterviewJob(st store.Store, gen int, iv store.Interview) func() tea.Msg {
	return func() tea.Msg {
		return interviewRecordedMsg{gen: gen, err: st.RecordInterview(iv)}
	}
}

// weakestChapter is the chapter of the interview whose questions covered
// the smallest share of their points, ties going to the lower mean grade;
// "" when no question has a chapter.
func weakestChapter(iv store.Interview) string {
	type score struct{ ticked, points, grades, graded int }
	by := map[string]*score{}
	var order []string
	for _, q := range iv.Questions {
		if q.Chapter == "" {
			continue
		}
		s := by[q.Chapter]
		if s == nil {
			s = &score{}
			by[q.Chapter] = s
			order = append(order, q.Chapter)
		}
		s.ticked += q.Ticked
		s.points += q.Points
		if q.Rating > 0 {
			s.grades += int(q.Rating)
			s.graded++
		}
	}
	share := func(s *score) float64 {
		if s.points == 0 {
			return 1
		}
		return float64(s.ticked) / float64(s.points)
	}
	mean := func(s *score) float64 {
		if s.graded == 0 {
			return float64(srs.Easy)
		}
		return float64(s.grades) / float64(s.graded)
	}
	best := ""
	for _, ch := range order {
		if best == "" {
			best = ch
			continue
		}
		a, b := by[ch], by[best]
		if share(a) < share(b) || share(a) == share(b) && mean(a) < mean(b) {
			best = ch
		}
	}
	return best
}

// clockText is d as M:SS, the countdown's format.
func clockText(d time.Duration) string {
	s := int(d / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// reportView draws the report: a line per question with its missed points
// below it, the totals, the weakest chapter and whether it was saved.
func (m *interviewModel) reportView(w int) string {
	s, t := m.c.styles, m.c.text
	iv := m.report
	lines := []string{s.SumTitle.Render(t.IvReportTitle), ""}
	if len(iv.Questions) == 0 {
		lines = append(lines, t.IvReportNothing)
	}
	overBudget := 0
	for i, q := range iv.Questions {
		title := q.NoteID
		if n := m.notes[q.NoteID]; n != nil {
			title = n.Title
		}
		took := clockText(time.Duration(q.Seconds) * time.Second)
		if q.Seconds > q.Budget {
			overBudget++
			took = s.Error.Render(took)
		}
		grade := t.IvNotGraded
		if q.Rating > 0 {
			grade = m.gradeName(q.Rating)
		}
		head := fmt.Sprintf("%d. %s", i+1, title)
		lines = append(lines, truncate(head, w))
		detail := fmt.Sprintf(t.IvReportRowFmt, took, clockText(time.Duration(q.Budget)*time.Second),
			q.Ticked, q.Points, grade)
		lines = append(lines, "   "+detail)
		if len(q.Missed) > 0 {
			// One missed point a line, wrapped under its own text.
			lines = append(lines, "   "+s.Hint.Render(strings.TrimSpace(t.IvMissed)))
			for _, p := range q.Missed {
				for j, l := range strings.Split(ansi.Wrap(p, max(1, w-7), ""), "\n") {
					lead := "     · "
					if j > 0 {
						lead = "       "
					}
					lines = append(lines, s.Hint.Render(lead+l))
				}
			}
		}
	}
	if len(iv.Questions) > 0 {
		ticked, points := iv.Covered()
		pct := 0
		if points > 0 {
			pct = ticked * summaryPercent / points
		}
		budget := time.Duration(len(iv.Questions)*iv.Questions[0].Budget) * time.Second
		lines = append(lines, "",
			fmt.Sprintf(t.IvTotalsFmt, len(iv.Questions), len(m.qs), clockText(iv.Duration()), clockText(budget)),
			fmt.Sprintf(t.IvCoveredFmt, ticked, points, pct))
		if overBudget > 0 {
			lines = append(lines, fmt.Sprintf(t.IvOverFmt, overBudget))
		}
		if ch := weakestChapter(iv); ch != "" {
			lines = append(lines, fmt.Sprintf(t.IvWeakestFmt, ch))
		}
		switch {
		case m.saving:
			lines = append(lines, s.Status.Render(t.Saving))
		case m.saveErr != nil:
			lines = append(lines, s.Error.Render(fmt.Sprintf(t.IvErrReportFmt, m.saveErr)))
		default:
			lines = append(lines, s.Status.Render(t.IvReportSaved))
		}
	}
	lines = append(lines, "", s.Hint.Render(t.IvReportBack))
	var out []string
	for _, l := range lines {
		out = append(out, strings.Split(ansi.Wrap(l, max(1, w), ""), "\n")...)
	}
	return strings.Join(out, "\n")
}

// gradeName names rating r.
func (m *interviewModel) gradeName(r srs.Rating) string {
	t := m.c.text
	return [...]string{t.GradeAgain, t.GradeHard, t.GradeGood, t.GradeEasy}[r-1]
}
