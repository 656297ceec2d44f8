package cli

import (
	"strings"
	"testing"

	"mianjing/store"
)

// On a fresh database the due scope is today's study: the new notes within
// the daily limit, and it says they are new (issue 14, defect 5).
func TestListDueIncludesNewCards(t *testing.T) {
	h := newHarness(t)
	res := h.run("--notes", goodDeck, "list", "--scope", "due")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	lines := strings.Split(strings.TrimSpace(res.stdout), "\n")
	if len(lines) != 1+4+1 || !strings.Contains(res.stdout, "(4 of them new; daily new-card limit 20)") {
		t.Fatalf("list --scope due on a fresh database:\n%s", res.stdout)
	}
	// With a limit of 1 only the first note in deck order is new today.
	st, err := store.Open(h.dbPath())
	if err != nil {
		t.Fatal(err)
	}
	set := store.DefaultSettings()
	set.NewPerDay = 1
	if err := st.SaveSettings(set); err != nil {
		t.Fatal(err)
	}
	st.Close()
	res = h.run("--notes", goodDeck, "list", "--scope", "due", "--json")
	if n := strings.Count(res.stdout, `"id"`); n != 1 || res.code != 0 {
		t.Errorf("limit 1: %d notes listed:\n%s%s", n, res.stdout, res.stderr)
	}
}
