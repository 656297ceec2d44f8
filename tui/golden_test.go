package tui

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"mianjing/srs"
	"mianjing/store"
)

var update = flag.Bool("update", false, "rewrite tui/testdata/*.golden")

// golden compares got with testdata/name.golden (or rewrites it).
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./tui/ -run Golden -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from %s (rerun with -update if the change is intended):\n--- got\n%s\n--- want\n%s",
			name, path, got, want)
	}
}

// goldenStore has a bookmark and a few cards in every study state.
func goldenStore(t *testing.T) store.Store {
	st := newTestStore(t)
	if err := st.SetBookmark("note-02", true, testNow); err != nil {
		t.Fatal(err)
	}
	for id, c := range map[string]srs.Card{
		"note-01": {State: srs.Review, Stability: 3, Due: testNow.Add(-time.Hour)},
		"note-03": {State: srs.Review, Stability: 5, Due: testNow.Add(3 * 24 * time.Hour)},
		"note-04": {State: srs.Review, Stability: 40, Due: testNow.Add(40 * 24 * time.Hour)},
	} {
		if _, err := st.RecordReview(store.Review{NoteID: id, Time: testNow.Add(-48 * time.Hour),
			Rating: srs.Good, After: c}); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

func TestGoldenList(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		for _, lang := range []string{"zh", "en"} {
			d := newDriver(t, Options{Store: goldenStore(t), Lang: lang}, sz[0], sz[1])
			d.keys("j", "j")
			golden(t, fmt.Sprintf("list_%s_%dx%d", lang, sz[0], sz[1]), d.screen())
		}
	}
}

func TestGoldenListFiltered(t *testing.T) {
	d := newDriver(t, Options{Store: goldenStore(t)}, 80, 24)
	d.keys("/")
	d.typeText("attention")
	golden(t, "list_filtering_80x24", d.screen())
	d.keys("enter", "?")
	golden(t, "list_filtered_help_80x24", d.screen())
}

func TestGoldenSmall(t *testing.T) {
	d := newDriver(t, Options{Store: goldenStore(t)}, 40, 12)
	golden(t, "list_zh_40x12", d.screen())
	d.send(sizeMsg(39, 12))
	golden(t, "enlarge_39x12", d.screen())
}

func TestGoldenDetail(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		d := newDriver(t, Options{Store: goldenStore(t)}, sz[0], sz[1])
		d.keys("j", "enter", "j", "j")
		golden(t, fmt.Sprintf("detail_zh_%dx%d", sz[0], sz[1]), d.screen())
	}
	d := newDriver(t, Options{Store: goldenStore(t), Lang: "en"}, 80, 24)
	d.keys("enter", "?")
	golden(t, "detail_en_help_80x24", d.screen())
}
