package main

import (
	"mianjing/srs"
	"mianjing/store"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestE2ECommands runs the commands a careful reader tried (issue 15) on
// the built binary, through pipes: check reports every problem at once,
// show without colour is text without markdown marks, stats through a pipe
// lists every note, and counts read naturally.
func TestE2ECommands(t *testing.T) {
	t.Parallel()
	d := defaultDeck(t)

	t.Run("check reports every problem in one run", func(t *testing.T) {
		dir := t.TempDir()
		for name, body := range map[string]string{
			"01-a.md":   "---\nid: same\ntitle: 甲\ndifficulty: 5\n---\n\n回答。\n",
			"02-b.md":   "---\nid: same\ntitle: 乙\ntags: [a, b, c, d]\n---\n\n回答。\n",
			"README.md": "# 这个题库\n\n不是笔记。\n",
		} {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		res := runPiped(t, []string{"check", dir}, nil)
		if res.code != 1 {
			t.Fatalf("exit %d, want 1:\n%s%s", res.code, res.stdout, res.stderr)
		}
		out := res.stdout + res.stderr
		for _, want := range []string{"01-a.md:4: difficulty must be 1, 2 or 3", `02-b.md:2: duplicate id "same"`, "02-b.md:4: 4 tags; at most 3"} {
			if !strings.Contains(out, want) {
				t.Errorf("check lacks %q:\n%s", want, out)
			}
		}
		if strings.Contains(out, "README.md") {
			t.Errorf("check read the deck's README.md:\n%s", out)
		}
	})

	t.Run("show without colour has no markdown marks", func(t *testing.T) {
		res := runPiped(t, []string{"show", "decoder-only", "--color", "never"}, nil)
		if res.code != 0 || strings.Contains(res.stdout, "\x1b[") {
			t.Fatalf("exit %d, escape codes %v:\n%s", res.code, strings.Contains(res.stdout, "\x1b["), res.stderr)
		}
		// The note's source has **Only-encoder** and ## headings; code
		// (where ** is Python's power) keeps its text.
		if strings.Contains(res.stdout, "**Only-encoder**") || !strings.Contains(res.stdout, "Only-encoder") {
			t.Errorf("plain show keeps the bold marks or lost the text:\n%s", res.stdout)
		}
		for _, l := range strings.Split(res.stdout, "\n") {
			// Text sits at a 2-cell margin; code is indented further and
			// may hold Python comments.
			if strings.HasPrefix(l, "  #") {
				t.Errorf("plain show has a heading mark: %q", l)
			}
		}
		colour := runPiped(t, []string{"show", "decoder-only", "--color", "always"}, nil)
		if !strings.Contains(colour.stdout, "\x1b[") {
			t.Error("--color always wrote no colour to a pipe")
		}
	})

	t.Run("stats through a pipe lists every note", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "m.db")
		st, err := store.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		for _, n := range d.Notes {
			after := srs.NewScheduler().Review(srs.Card{}, srs.Good, now.Add(-time.Hour), n.ID)
			if _, err := st.RecordReview(store.Review{NoteID: n.ID, Time: now.Add(-time.Hour), Rating: srs.Good,
				After: after, Mode: store.ModeDue}); err != nil {
				t.Fatal(err)
			}
		}
		st.Close()
		res := runPiped(t, []string{"--db", db, "stats"}, nil)
		if res.code != 0 {
			t.Fatalf("exit %d: %s", res.code, res.stderr)
		}
		for _, n := range d.Notes {
			if !strings.Contains(res.stdout, n.Title) && !strings.Contains(res.stdout, n.ID) {
				t.Errorf("stats through a pipe leaves out %s", n.ID)
			}
		}
		if strings.Contains(res.stdout, "另有") || strings.Contains(res.stdout, "more") {
			t.Errorf("stats cut its table:\n%s", res.stdout)
		}
	})
}
