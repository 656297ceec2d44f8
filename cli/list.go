package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"mianjing/notes"
	"mianjing/srs"
	"mianjing/wording"
)

// listScopes are the values of list --scope.
var listScopes = [...]string{"all", "due", "bookmarked"}

func listFlags(fs *flag.FlagSet) func(*runner, []string) int {
	scope := fs.String("scope", "all", "`all|due|bookmarked` which notes: all (the default), those due before the study day ends, or the bookmarked ones")
	asJSON := fs.Bool("json", false, "print a JSON array of {id, title, tags, difficulty, chapter, state, due, bookmarked}")
	chapter := fs.String("chapter", "", "`NAME` only the notes of this chapter (e.g. 架构)")
	return func(r *runner, _ []string) int {
		if !slices.Contains(listScopes[:], *scope) {
			msg := "--scope must be all, due or bookmarked, not %q"
			if s, ok := suggest(*scope, listScopes[:]); ok {
				msg += "; did you mean " + s + "?"
			}
			return r.fail(exitUsage, msg, *scope)
		}
		return r.list(*scope, *chapter, *asJSON)
	}
}

// listed is one note of list's output.
type listed struct {
	note   *notes.Note
	card   srs.Card
	marked bool
}

// listJSON is one element of list --json.
type listJSON struct {
	ID         string     `json:"id"`
	Title      string     `json:"title"`
	Tags       []string   `json:"tags"`
	Difficulty int        `json:"difficulty"`
	Chapter    string     `json:"chapter"`
	State      string     `json:"state"`
	Due        *time.Time `json:"due"`
	Bookmarked bool       `json:"bookmarked"`
	Suspended  bool       `json:"suspended,omitempty"` // only suspended notes carry it
}

// stateNames are the JSON names of the srs states.
var stateNames = [4]string{"new", "learning", "review", "relearning"}

func stateIndex(s srs.State) int {
	if s < srs.New || s > srs.Relearning {
		return int(srs.Review) // as the scheduler repairs an unknown state
	}
	return int(s)
}

func (r *runner) list(scope, chapter string, asJSON bool) int {
	d, code := r.deck()
	if d == nil {
		return code
	}
	if chapter != "" && !slices.Contains(d.Chapters(), chapter) {
		msg := "--chapter %q: the deck has no such chapter (chapters: %s)"
		if len(d.Chapters()) == 0 {
			msg = "--chapter %q: the deck has no chapters%s"
		}
		return r.fail(exitUsage, msg, chapter, strings.Join(d.Chapters(), ", "))
	}
	st, code := r.open()
	if st == nil {
		return code
	}
	defer st.Close()
	p, err := r.readProgress(st)
	if err != nil {
		return r.fail(exitError, "%s", err)
	}
	// The due scope is today's study, as the app's: due cards and new
	// ones within the daily limit; suspended notes are in no study scope.
	suspended := st.Suspended()
	ids := make([]string, 0, len(d.Notes))
	for _, n := range d.Notes {
		if _, off := suspended[n.ID]; !off {
			ids = append(ids, n.ID)
		}
	}
	today := map[string]bool{}
	for _, id := range srs.TodayIDs(srs.QueueInput{Deck: ids, Cards: p.cards, NewToday: p.newToday,
		NewPerDay: p.settings.NewPerDay, Now: r.now, Sched: p.sched}) {
		today[id] = true
	}
	newIn := 0
	var rows []listed
	for i := range d.Notes {
		n := &d.Notes[i]
		c, ok := p.cards[n.ID]
		if !ok {
			c = srs.Card{}
		}
		_, marked := p.bookmarks[n.ID]
		if chapter != "" && n.Chapter != chapter {
			continue
		}
		switch scope {
		case "due":
			if !today[n.ID] {
				continue
			}
			if c.State == srs.New {
				newIn++
			}
		case "bookmarked":
			if !marked {
				continue
			}
		}
		rows = append(rows, listed{note: n, card: c, marked: marked})
	}
	if asJSON {
		out := make([]listJSON, 0, len(rows))
		for _, l := range rows {
			j := listJSON{ID: l.note.ID, Title: l.note.Title, Tags: l.note.Tags, Difficulty: l.note.Difficulty, Chapter: l.note.Chapter,
				State: stateNames[stateIndex(l.card.State)], Bookmarked: l.marked, Suspended: isSuspended(suspended, l.note.ID)}
			if j.Tags == nil {
				j.Tags = []string{}
			}
			if l.card.State != srs.New {
				due := l.card.Due.In(r.now.Location())
				j.Due = &due
			}
			out = append(out, j)
		}
		return r.writeJSON(out)
	}
	if len(rows) == 0 {
		msg := map[string]string{"all": r.text.EmptyAll, "due": r.text.EmptyDue, "bookmarked": r.text.EmptyMarked}[scope]
		r.println(msg)
		return exitOK
	}
	table := [][]string{{r.text.ColID, r.text.ColTitle, r.text.ColTags, r.text.ColState, r.text.ColDue, "★"}}
	for _, l := range rows {
		star := ""
		if l.marked {
			star = "★"
		}
		table = append(table, []string{l.note.ID, l.note.Title, strings.Join(l.note.Tags, ","),
			r.suspendedState(r.text.States[stateIndex(l.card.State)], suspended, l.note.ID), r.dueLabel(p.sched, l.card), star})
	}
	// On a terminal, titles are cut to fit its width.
	if w := r.width(0, 1<<30); w > 0 {
		fitColumns(table, w)
	}
	writeTable(r.env.Stdout, table)
	if scope == "due" && newIn > 0 {
		r.println(fmt.Sprintf(r.text.DueNewNoteFmt, newIn, p.settings.NewPerDay))
	}
	return exitOK
}

// dueLabel says when a card is due: "-" for a new card, "now" when due,
// else the interval ("10m", "3d", "1.5mo").
func (r *runner) dueLabel(s srs.Scheduler, c srs.Card) string {
	switch {
	case c.State == srs.New:
		return "-"
	case !c.Due.After(r.now):
		return r.text.DueNow
	}
	return wording.Interval(r.lang, s.IntervalLabel(r.now, c.Due))
}

// fitColumns cuts the cells of table so rows fit width cells when written
// by writeTable: first the titles (column 1) down to 8 cells, then the
// tags (column 2) down to 4, then the titles down to 4. Rows may still be
// wider on a very narrow terminal.
func fitColumns(table [][]string, width int) {
	for _, step := range [][2]int{{1, 8}, {2, 4}, {1, 4}} {
		widths := columnWidths(table)
		total := 2 * (len(widths) - 1)
		for _, w := range widths {
			total += w
		}
		if total <= width {
			return
		}
		col := step[0]
		keep := max(step[1], widths[col]-(total-width))
		if keep >= widths[col] {
			continue
		}
		for _, row := range table {
			row[col] = ansi.Truncate(row[col], keep, "…")
		}
	}
}

func columnWidths(table [][]string) []int {
	var widths []int
	for _, row := range table {
		for i, cell := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], ansi.StringWidth(cell))
		}
	}
	return widths
}

// writeTable writes rows with columns aligned by display width (a Chinese
// character takes two cells), two spaces apart, without trailing spaces.
func writeTable(w io.Writer, table [][]string) {
	widths := columnWidths(table)
	var b strings.Builder
	for _, row := range table {
		b.Reset()
		for i, cell := range row {
			if i > 0 {
				b.WriteString("  ")
			}
			b.WriteString(cell)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(cell)))
			}
		}
		io.WriteString(w, strings.TrimRight(b.String(), " ")+"\n")
	}
}

// writeJSON prints v as indented JSON.
func (r *runner) writeJSON(v any) int {
	enc := json.NewEncoder(r.env.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return r.fail(exitError, "%s", err)
	}
	return exitOK
}

func (r *runner) println(s string) {
	io.WriteString(r.env.Stdout, s+"\n")
}
