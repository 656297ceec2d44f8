package tui

// The stats screen's section of past mock interviews.

import (
	"fmt"
	"mianjing/wording"
	"strings"
)

// maxInterviewsShown bounds the past interviews the stats screen lists;
// "mianjing interview --history" lists them all.
const maxInterviewsShown = 5

// interviewsBlock lists the newest past interviews, one a line: date,
// questions, points covered and time taken.
func (m *statsModel) interviewsBlock(width int) string {
	s, t := m.c.styles, m.c.text
	lines := []string{s.Section.Render(fmt.Sprintf(t.IvStatsTitleFmt, len(m.interviews)))}
	for i, iv := range m.interviews {
		if i == maxInterviewsShown {
			break
		}
		ticked, points := iv.Covered()
		pct := 0
		if points > 0 {
			pct = ticked * summaryPercent / points
		}
		row := fmt.Sprintf(t.IvStatsRowFmt, wording.DateTime(m.c.text.Lang, iv.Start, m.c.now()), len(iv.Questions), pct,
			clockText(iv.Duration()))
		lines = append(lines, truncate(row, width))
	}
	return strings.Join(lines, "\n")
}
