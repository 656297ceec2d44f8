package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// BenchmarkInterviewKeyWithTimer measures a mock interview's question
// screen with its countdown running, on the embedded deck and the
// 10,000-note deck: each op is one key typed in the answer box, then one
// tick of the countdown, each followed by the frame drawn as Bubble Tea
// would draw it. The bar is the keypress bar of BENCHMARKS.md: one 60 Hz
// frame.
func BenchmarkInterviewKeyWithTimer(b *testing.B) {
	for _, c := range benchCases(b) {
		b.Run(c.name, func(b *testing.B) {
			s := benchApp(b, c)
			s.must(b, press("m"))
			if s.m.active != viewInterview || s.m.interview.step != ivQuestion {
				b.Fatalf("m did not start an interview: view %v step %v", s.m.active, s.m.interview.step)
			}
			s.must(b, press("i"))
			// The timer itself is off in tests (New leaves it off); its
			// ticks are delivered by hand, as tea.Tick would.
			s.m.interview.tick = tea.Tick
			key := tea.KeyPressMsg{Code: '字', Text: "字"}
			b.ReportAllocs()
			for b.Loop() {
				m, _ := s.m.Update(key)
				s.m = m.(*Model)
				_ = s.view()
				m, _ = s.m.Update(interviewTickMsg{gen: s.m.interview.gen, id: s.m.interview.tickID})
				s.m = m.(*Model)
				_ = s.view()
			}
		})
	}
}
