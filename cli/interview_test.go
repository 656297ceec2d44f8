package cli

import (
	"strings"
	"testing"
	"time"

	"mianjing/srs"
	"mianjing/store"
)

func TestInterviewHistory(t *testing.T) {
	h := newHarness(t)
	if res := h.run("interview", "--history"); res.code != exitOK || !strings.Contains(res.stdout, "No mock interviews") {
		t.Errorf("interview --history with none: %+v", res)
	}
	h.openDB(func(st *store.Bolt) {
		for i, secs := range []int{200, 30} {
			iv := store.Interview{Start: testNow.Add(time.Duration(i-2) * time.Hour), Questions: []store.InterviewQuestion{
				{NoteID: "clip", Seconds: secs, Budget: 180, Ticked: 1, Points: 3, Rating: srs.Hard},
				{NoteID: "decoder-only", Seconds: 95, Budget: 180, Ticked: 3, Points: 3, Rating: srs.Easy},
			}}
			if err := st.RecordInterview(iv); err != nil {
				t.Fatal(err)
			}
		}
	})
	res := h.run("interview", "--history")
	newer, older := strings.Index(res.stdout, "Mar 12 09:00"), strings.Index(res.stdout, "Mar 12 08:00")
	if res.code != exitOK || newer < 0 || older < newer || !strings.Contains(res.stdout, "66% (4/6)") ||
		!strings.Contains(res.stdout, "4:55") || !strings.Contains(res.stdout, "2:05") {
		t.Errorf("interview --history:\n%s", res.stdout)
	}
	wantUsageError(t, h.run("interview", "--questions", "0"), "--questions must be 1–20")
	wantUsageError(t, h.run("interview", "--questions", "21"), "--questions must be 1–20")
	wantUsageError(t, h.run("interview", "--questions", "3", "--history"), "--history")
	if res := h.run("interview", "--questions", "3"); res.code != exitError || !strings.Contains(res.stderr, "needs a terminal") {
		t.Errorf("interview without a terminal: %+v", res)
	}
}
