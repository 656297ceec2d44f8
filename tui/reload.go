package tui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"mianjing/notes"
)

// reloadDebounce is the quiet time after a change in the deck's directory
// before it is read again: an editor's save is several events.
const reloadDebounce = 200 * time.Millisecond

// reloader keeps a deck given with --notes in step with its files: it
// reads the directory again when the watcher reports a change or the
// editor started by e exits.
type reloader struct {
	dir     string
	watcher *notes.Watcher // nil: not watching (tests, or Watch failed)
	gen     int            // reads asked for
	applied int            // the newest read taken
	// pending is a read that waits for the self-test to end: a session
	// holds the notes it was started with.
	pending *deckLoadedMsg
}

// startWatching watches the deck's directory, if the app has one; Run
// calls it before the program starts and closes the watcher after.
func (r *reloader) startWatching() error {
	if r.dir == "" {
		return nil
	}
	w, err := notes.Watch(r.dir, reloadDebounce)
	if err != nil {
		return err
	}
	r.watcher = w
	return nil
}

// wait returns the command that waits for the next change.
func (r *reloader) wait() tea.Cmd {
	w := r.watcher
	if w == nil {
		return nil
	}
	return func() tea.Msg {
		files, err := w.Next()
		if errors.Is(err, notes.ErrWatchClosed) {
			return nil
		}
		return deckChangedMsg{files: files, err: err}
	}
}

// read asks for the directory to be read again.
func (r *reloader) read() tea.Cmd {
	if r.dir == "" {
		return nil
	}
	r.gen++
	return loadDeckCmd(r.dir, r.gen)
}

// loadDeckCmd reads the deck's directory. Files with problems are left
// out (and reported) so the rest still loads: the old versions of those
// files are kept.
func loadDeckCmd(dir string, gen int) tea.Cmd {
	return func() tea.Msg {
		msg := deckLoadedMsg{gen: gen, broken: map[string]bool{}}
		notesFS := hideFS{FS: os.DirFS(dir), hide: msg.broken}
		// Leaving a file out can break a related id elsewhere; each round
		// leaves out more files, so this ends.
		for round := 0; ; round++ {
			d, err := notes.Load(notesFS)
			if err == nil {
				msg.notes = d.Notes
				return msg
			}
			var de *notes.DeckError
			if !errors.As(err, &de) {
				msg.err = err
				return msg
			}
			grew := false
			for _, p := range de.Problems {
				if round == 0 {
					// Named within the deck: the status line is short.
					msg.problems = append(msg.problems, p)
				}
				base := filepath.Base(p.File)
				if p.File != "" && p.File != "." && !msg.broken[base] {
					msg.broken[base] = true
					grew = true
				}
			}
			if !grew {
				// A problem of the whole deck (no notes at all): keep it all.
				msg.err = err
				return msg
			}
		}
	}
}

// hideFS is a deck directory without some of its files.
type hideFS struct {
	fs.FS
	hide map[string]bool
}

// ReadDir lists name without the hidden files.
func (h hideFS) ReadDir(name string) ([]fs.DirEntry, error) {
	es, err := fs.ReadDir(h.FS, name)
	return slices.DeleteFunc(es, func(e fs.DirEntry) bool { return h.hide[e.Name()] }), err
}

// Open opens name unless it is hidden.
func (h hideFS) Open(name string) (fs.File, error) {
	if h.hide[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return h.FS.Open(name)
}

// deckDiff counts what a reload changed.
type deckDiff struct {
	changed, added, removed int
	ids                     map[string]bool // the notes changed or removed
}

// none reports whether the reload changed nothing.
func (d deckDiff) none() bool { return d.changed+d.added+d.removed == 0 }

// mergeNotes returns old updated from fresh, matched by id: changed notes
// replaced where they stand, notes gone dropped, new notes appended in
// fresh's order. Notes of the files in broken (which did not load) keep
// their old version.
func mergeNotes(old, fresh []notes.Note, broken map[string]bool) ([]notes.Note, deckDiff) {
	diff := deckDiff{ids: map[string]bool{}}
	byID := make(map[string]int, len(fresh))
	for i, n := range fresh {
		byID[n.ID] = i
	}
	out := make([]notes.Note, 0, len(fresh)+len(broken))
	seen := map[string]bool{}
	for _, n := range old {
		i, ok := byID[n.ID]
		switch {
		case ok:
			if !reflect.DeepEqual(n, fresh[i]) {
				diff.changed++
				diff.ids[n.ID] = true
			}
			out = append(out, fresh[i])
		case broken[n.File]:
			out = append(out, n)
		default:
			diff.removed++
			diff.ids[n.ID] = true
			continue
		}
		seen[n.ID] = true
	}
	for _, n := range fresh {
		if !seen[n.ID] {
			out = append(out, n)
			diff.added++
		}
	}
	return out, diff
}

// deckLoaded takes a read of the deck's directory: the newest one is
// applied now, or when the self-test ends if one is running.
func (m *Model) deckLoaded(msg deckLoadedMsg) tea.Cmd {
	if msg.gen <= m.reload.applied {
		return nil // an older read than one already taken
	}
	m.reload.applied = msg.gen
	if m.active == viewQuiz {
		m.reload.pending = &msg
		return nil
	}
	return m.applyDeck(msg)
}

// applyPending applies a read that waited for the self-test to end.
func (m *Model) applyPending() tea.Cmd {
	p := m.reload.pending
	if p == nil {
		return nil
	}
	m.reload.pending = nil
	return m.applyDeck(*p)
}

// applyDeck replaces the deck's notes by the read's and brings every view
// up to date; progress is keyed by id, so it carries over.
func (m *Model) applyDeck(msg deckLoadedMsg) tea.Cmd {
	c := m.c
	if msg.err != nil {
		c.setError(c.text.ErrReloadFmt, msg.err)
		return nil
	}
	if len(msg.problems) > 0 {
		c.setError(c.text.ErrReloadFmt, &notes.DeckError{Problems: msg.problems})
	}
	merged, diff := mergeNotes(c.deck.Notes, msg.notes, msg.broken)
	if diff.none() {
		return nil
	}
	shownIDs := m.detail.orderIDs()
	c.deck.Notes = merged
	for k := range c.renders {
		if diff.ids[k.id] {
			delete(c.renders, k)
		}
	}
	c.hasDifficulty = deckHasDifficulty(c.deck)
	c.tally.ok = false
	if len(msg.problems) == 0 {
		c.status = fmt.Sprintf(c.text.ReloadedFmt, diff.changed, diff.added, diff.removed)
	}
	m.list.deckChanged()
	m.stats.deckChanged()
	m.quiz.deckChanged()
	cmds := []tea.Cmd{m.list.setItems(), m.detail.deckChanged(shownIDs, diff.ids)}
	if m.active == viewDetail && m.detail.note() == nil {
		// Every note the reading view could show is gone.
		c.navigate(backMsg{index: -1})
	}
	return tea.Batch(append(cmds, m.relayout())...)
}

// deckChanged rebuilds what the list keeps per deck: the search text and
// the chapters.
func (m *listModel) deckChanged() {
	deck := m.c.deck
	m.chapters = deck.Chapters()
	m.search = sync.OnceValue(func() []string {
		out := make([]string, len(deck.Notes))
		for i := range deck.Notes {
			out[i] = searchValue(&deck.Notes[i])
		}
		return out
	})
}

// deckChanged rebuilds the stats screen's note ids.
func (m *statsModel) deckChanged() {
	m.ids, m.index = nil, map[string]int{}
	for i, n := range m.c.deck.Notes {
		m.ids = append(m.ids, n.ID)
		m.index[n.ID] = i
	}
}

// deckChanged points the self-test's notes at the new deck; it runs only
// between sessions.
func (q *quizModel) deckChanged() {
	q.notes = make(map[string]*notes.Note, len(q.c.deck.Notes))
	for i := range q.c.deck.Notes {
		q.notes[q.c.deck.Notes[i].ID] = &q.c.deck.Notes[i]
	}
}

// orderIDs returns the ids of the notes the reading view steps through.
func (d *detailModel) orderIDs() []string {
	out := make([]string, 0, len(d.order))
	for _, i := range d.order {
		if i >= 0 && i < len(d.c.deck.Notes) {
			out = append(out, d.c.deck.Notes[i].ID)
		}
	}
	return out
}

// deckChanged maps the reading view's order onto the new deck by id (the
// current note, if gone, gives way to the next one left) and shows the
// current note again if it changed.
func (d *detailModel) deckChanged(ids []string, changed map[string]bool) tea.Cmd {
	index := make(map[string]int, len(d.c.deck.Notes))
	for i, n := range d.c.deck.Notes {
		index[n.ID] = i
	}
	cur := ""
	if d.pos >= 0 && d.pos < len(ids) {
		cur = ids[d.pos]
	}
	order, pos := make([]int, 0, len(ids)), -1
	for i, id := range ids {
		j, ok := index[id]
		if !ok {
			continue
		}
		if pos < 0 && i >= d.pos {
			pos = len(order)
		}
		order = append(order, j)
	}
	if pos < 0 {
		pos = len(order) - 1
	}
	d.order, d.pos = order, pos
	d.updateKeys()
	n := d.note()
	if n == nil || (n.ID == cur && !changed[cur]) {
		return nil
	}
	// A new rendering of the same id keeps the scroll position.
	d.want, d.err = renderKey{}, nil
	if n.ID == cur {
		return d.request()
	}
	return tea.Batch(d.request(), d.loadAnswers())
}

// edit opens the note's file in the learner's editor; the deck is read
// again when the editor exits. The built-in deck has no files to edit.
func (d *detailModel) edit(n *notes.Note) tea.Cmd {
	if d.notesDir == "" {
		d.c.status = d.c.text.EditBuiltin
		return nil
	}
	argv := editorArgv(os.Getenv)
	cmd := exec.Command(argv[0], append(argv[1:], filepath.Join(d.notesDir, n.File))...)
	return tea.ExecProcess(cmd, func(err error) tea.Msg { return editorDoneMsg{err: err} })
}

// editorArgv is the learner's editor: $VISUAL, else $EDITOR (either may
// carry arguments, as in "code -w"), else vi.
func editorArgv(getenv func(string) string) []string {
	for _, v := range []string{"VISUAL", "EDITOR"} {
		if f := strings.Fields(getenv(v)); len(f) > 0 {
			return f
		}
	}
	return []string{"vi"}
}
