package tui

import (
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	bolt "go.etcd.io/bbolt"

	"mianjing/store"
)

// TestSoakGrades is a short soak, 500 grades, run with the tests; see
// soak. -short and -race skip it.
func TestSoakGrades(t *testing.T) {
	if testing.Short() || raceBuild() {
		t.Skip("the soak takes seconds; it runs without -short and -race")
	}
	soak(t, 500)
}

// BenchmarkSoak10kGrades is the soak, 10,000 grades (see soak);
// it takes a minute or more, so it is a benchmark: run it with
// -bench Soak -benchtime 1x (.ci/bench does).
func BenchmarkSoak10kGrades(b *testing.B) {
	for b.Loop() {
		soak(b, 10_000)
	}
}

// soak gives grades grades through the self-test (reveal, grade, next
// card; a new session whenever one ends) on a real bbolt store, reopened
// at each fifth of the way as a learner would between days. The heap must
// come back to where it was after the first fifth, and the database must
// grow in proportion to the log.
func soak(tb testing.TB, grades int) {
	t := tb
	const phases = 5
	path := filepath.Join(t.TempDir(), "soak.db")
	deck := testDeck()
	ids := make([]string, len(deck.Notes))
	for i, n := range deck.Notes {
		ids[i] = n.ID
	}
	var heap0 uint64
	var used []int64 // database bytes in use after each fifth
	clock := testNow
	now := func() time.Time { return clock }
	given := 0
	for phase := range phases {
		st, err := store.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		s := newSyncRun(Options{Deck: deck, Store: st, Lang: "zh", Now: now})
		s.must(t, tea0(s)...)
		for range grades / phases {
			if s.m.active != viewQuiz || s.m.quiz.step == quizSummary || s.m.quiz.step == quizEmpty {
				if s.m.active == viewQuiz {
					s.must(t, press("esc"))
				}
				s.must(t, startQuizMsg{ids: ids, mode: store.ModeAll})
			}
			if s.m.quiz.step != quizQuestion {
				t.Fatalf("grade %d: no question (step %d)", given, s.m.quiz.step)
			}
			clock = clock.Add(30 * time.Second)
			s.must(t, press("space"))
			_ = s.m.View()
			clock = clock.Add(10 * time.Second)
			s.must(t, press([]string{"1", "2", "3", "4"}[given%4]))
			_ = s.m.View()
			given++
		}
		if err := st.Close(); err != nil {
			t.Fatal(err)
		}
		n, u := logSize(t, path)
		if n != given {
			t.Fatalf("%d reviews in the log after %d grades", n, given)
		}
		used = append(used, u)
		s = nil
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		if phase == 0 {
			heap0 = ms.HeapAlloc
			continue
		}
		// The tolerance is 256 KB and 50 bytes a grade: a leak of a review
		// or a frame per grade is hundreds of bytes.
		limit := int64(256<<10 + 50*(given-grades/phases))
		if grown := int64(ms.HeapAlloc) - int64(heap0); grown > limit {
			t.Errorf("after %d grades the heap grew by %d KB since grade %d (limit %d KB)",
				given, grown>>10, grades/phases, limit>>10)
		}
	}
	// Each fifth adds the same number of reviews, so it must add about the
	// same bytes: the log grows linearly, whatever it holds already.
	var added []int64
	for i := 1; i < len(used); i++ {
		added = append(added, used[i]-used[i-1])
	}
	t.Logf("database bytes in use after each fifth: %d; added per fifth: %d (%d bytes a review)",
		used, added, added[len(added)-1]/int64(grades/phases))
	lo, hi := slices.Min(added), slices.Max(added)
	if lo <= 0 || float64(hi) > 1.5*float64(lo) {
		t.Errorf("the fifths added %d bytes: not linear in the log", added)
	}
}

// tea0 is what the program sends first: Init's results and a window size.
func tea0(s *syncRun) []tea.Msg {
	return append(execCmd(s.m.Init()), sizeMsg(100, 30))
}

// logSize returns the number of reviews in the log at path and the bytes
// the database uses (its pages in use, not the file's preallocated size).
func logSize(t testing.TB, path string) (reviews int, used int64) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		reviews = tx.Bucket([]byte("reviews")).Stats().KeyN
		used = tx.Size()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return reviews, used
}
