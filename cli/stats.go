package cli

import (
	"flag"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"mianjing/notes"
	"mianjing/srs"
	"mianjing/store"
	"mianjing/tui/charts"
	"mianjing/wording"
)

// recallRows is how many notes stats lists, weakest first.
const recallRows = 10

// Widths of the recall bars on a terminal: at most rbarWidth, and none
// (a percentage) when less than rbarMinWidth fits.
const (
	rbarWidth    = 16
	rbarMinWidth = 8
)

func statsFlags(fs *flag.FlagSet) func(*runner, []string) int {
	asJSON := fs.Bool("json", false, "print the numbers as a JSON object")
	all := fs.Bool("all", false, "list every note, not only the weakest 10 (the default when stdout is not a terminal)")
	return func(r *runner, _ []string) int { return r.stats(*asJSON, *all) }
}

// statsInput reads everything ComputeStats needs from st, as the TUI's
// stats screen does.
func (r *runner) statsInput(d *notes.Deck, st store.Store) (srs.StatsInput, error) {
	ids := make([]string, len(d.Notes))
	for i, n := range d.Notes {
		ids[i] = n.ID
	}
	return store.StatsInput(st, ids, r.now)
}

func (r *runner) stats(asJSON, all bool) int {
	d, code := r.deck()
	if d == nil {
		return code
	}
	st, code := r.open()
	if st == nil {
		return code
	}
	defer st.Close()
	in, err := r.statsInput(d, st)
	if err != nil {
		return r.fail(exitError, "%s", err)
	}
	s := srs.ComputeStats(in)
	if asJSON {
		return r.writeJSON(statsToJSON(s, d, r.now.Location()))
	}
	out := r.env.Stdout
	colour := r.colour()
	if colour {
		out = r.colourOut(false)
	}
	terminal := r.env.StdoutIsTerminal()
	// A pipe or a file gets every note: nobody scrolls it on a screen.
	if err := r.writeStats(out, s, d, terminal, all || !terminal, charts.NewStyles(r.darkBackground(), !colour)); err != nil {
		return r.fail(exitError, "%s", err)
	}
	if err := r.writeStudyStats(out, st, s); err != nil {
		return r.fail(exitError, "%s", err)
	}
	return exitOK
}

// writeStats prints the numbers; with charts (a terminal) it draws the
// forecast as bars, recall as bars and the review calendar.
func (r *runner) writeStats(w io.Writer, s srs.Stats, d *notes.Deck, withCharts, all bool, cs charts.Styles) error {
	t := r.text
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	line(t.DeckFmt, d.Name, count(len(s.Notes), t.Notes), s.New, s.Learning, s.Review, s.Mastered)
	if s.Empty {
		line("%s", t.NoReviews)
	}
	labelW := 0
	for _, l := range []string{t.Reviews, t.Streak, t.Retention, t.Due, t.Forecast} {
		labelW = max(labelW, ansi.StringWidth(l))
	}
	field := func(label, value string) {
		line("%s%s  %s", label, strings.Repeat(" ", labelW-ansi.StringWidth(label)), value)
	}
	within := 0
	for _, n := range s.Forecast {
		within += n
	}
	if !s.Empty {
		field(t.Reviews, fmt.Sprintf(t.ReviewsFmt, s.ReviewsToday, s.ReviewsWeek, s.ReviewsTotal))
		field(t.Streak, fmt.Sprintf(t.StreakFmt, count(s.CurrentStreak, t.Days), s.LongestStreak))
		if s.RetentionReviews > 0 {
			field(t.Retention, fmt.Sprintf(t.RetentionFmt, int(math.Round(s.Retention*100)), s.RetentionPasses, s.RetentionReviews))
		} else {
			field(t.Retention, t.RetentionNone)
		}
	}
	field(t.Due, fmt.Sprintf(t.DueFmt, s.Forecast[0], s.Forecast[1], within))
	width := r.width(defaultWidth, 1<<30)
	if withCharts {
		labels := make([]string, len(s.Forecast))
		for i := range labels {
			labels[i] = strconv.Itoa(srs.DayDate(s.Today + i).Day())
		}
		labels[0] = t.Today
		line("")
		line("%s", t.ForecastTitle)
		line("%s", charts.Bars(s.Forecast, labels, 5, width, cs))
	} else {
		nums := make([]string, len(s.Forecast))
		for i, n := range s.Forecast {
			nums[i] = strconv.Itoa(n)
		}
		field(t.Forecast, strings.Join(nums, " ")+"  "+t.ForecastHint)
	}
	r.writeRecall(line, s, withCharts, all, width, cs)
	if withCharts && !s.Empty {
		weeks := min(srs.HeatmapWeeks, charts.MaxWeeks(width))
		if weeks > 0 {
			line("")
			line("%s", t.Calendar)
			line("%s", charts.Heatmap(s.Daily, s.Today, weeks, cs, r.lang))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeRecall lists the reviewed notes, weakest first (srs.WeakestFirst),
// the first recallRows unless all; with charts recall is a bar, as wide as
// width leaves room for.
func (r *runner) writeRecall(line func(string, ...any), s srs.Stats, withCharts, all bool, width int, cs charts.Styles) {
	var seen []srs.NoteStats
	for _, n := range s.Notes {
		if n.State != srs.New {
			seen = append(seen, n)
		}
	}
	if len(seen) == 0 {
		return
	}
	slices.SortStableFunc(seen, srs.WeakestFirst)
	shown := seen
	if !all {
		shown = seen[:min(len(seen), recallRows)]
	}
	table := [][]string{{r.text.ColID, r.text.Recall, r.text.Stability, r.text.Lapses, "★"}}
	for _, n := range shown {
		star := ""
		if n.Bookmarked {
			star = "★"
		}
		table = append(table, []string{n.ID, fmt.Sprintf("%d%%", int(math.Round(n.R*100))),
			wording.Days(r.lang, n.Stability), strconv.Itoa(n.Lapses), star})
	}
	if withCharts {
		widths := columnWidths(table)
		room := width - (widths[0] + widths[2] + widths[3] + widths[4] + 2*4)
		if barW := min(rbarWidth, room); barW >= rbarMinWidth {
			for i, n := range shown {
				table[i+1][1] = charts.RBar(n.R, barW, cs)
			}
		}
	}
	line("")
	var b strings.Builder
	writeTable(&b, table)
	line("%s", strings.TrimSuffix(b.String(), "\n"))
	if more := len(seen) - len(shown); more > 0 {
		line(r.text.RecallMoreFmt, more)
	}
}

// statsJSON is the output of stats --json.
type statsJSON struct {
	Deck             string         `json:"deck"`
	Today            string         `json:"today"`
	Empty            bool           `json:"empty"`
	Notes            int            `json:"notes"`
	New              int            `json:"new"`
	Learning         int            `json:"learning"`
	Review           int            `json:"review"`
	Mastered         int            `json:"mastered"`
	ReviewsToday     int            `json:"reviews_today"`
	ReviewsWeek      int            `json:"reviews_week"`
	ReviewsTotal     int            `json:"reviews_total"`
	StreakCurrent    int            `json:"streak_current"`
	StreakLongest    int            `json:"streak_longest"`
	StudyDays        int            `json:"study_days"`
	Retention        *float64       `json:"retention"` // null without reviews of review cards
	RetentionReviews int            `json:"retention_reviews"`
	RetentionPasses  int            `json:"retention_passes"`
	Forecast         []int          `json:"forecast"`
	Daily            []dayJSON      `json:"daily"`
	Cards            []noteStatJSON `json:"cards"`
}

type dayJSON struct {
	Date    string `json:"date"`
	Reviews int    `json:"reviews"`
}

type noteStatJSON struct {
	ID         string     `json:"id"`
	State      string     `json:"state"`
	R          float64    `json:"r"`
	Stability  float64    `json:"stability"`
	Difficulty float64    `json:"difficulty"`
	Lapses     int        `json:"lapses"`
	Reps       int        `json:"reps"`
	Due        *time.Time `json:"due"`
	Bookmarked bool       `json:"bookmarked"`
}

// statsToJSON converts s; daily lists the days with reviews in the last
// srs.HeatmapDays days, as dates.
func statsToJSON(s srs.Stats, d *notes.Deck, loc *time.Location) statsJSON {
	j := statsJSON{
		Deck: d.Name, Today: srs.DayDate(s.Today).Format(time.DateOnly), Empty: s.Empty,
		Notes: len(s.Notes), New: s.New, Learning: s.Learning, Review: s.Review, Mastered: s.Mastered,
		ReviewsToday: s.ReviewsToday, ReviewsWeek: s.ReviewsWeek, ReviewsTotal: s.ReviewsTotal,
		StreakCurrent: s.CurrentStreak, StreakLongest: s.LongestStreak, StudyDays: s.StudyDays,
		RetentionReviews: s.RetentionReviews, RetentionPasses: s.RetentionPasses,
		Forecast: s.Forecast, Daily: []dayJSON{}, Cards: make([]noteStatJSON, 0, len(s.Notes)),
	}
	if s.RetentionReviews > 0 {
		ret := round4(s.Retention)
		j.Retention = &ret
	}
	first := s.Today - len(s.Daily) + 1
	for i, n := range s.Daily {
		if n > 0 {
			j.Daily = append(j.Daily, dayJSON{srs.DayDate(first + i).Format(time.DateOnly), n})
		}
	}
	for _, n := range s.Notes {
		c := noteStatJSON{ID: n.ID, State: stateNames[stateIndex(n.State)], R: round4(n.R),
			Stability: round4(n.Stability), Difficulty: round4(n.Difficulty),
			Lapses: n.Lapses, Reps: n.Reps, Bookmarked: n.Bookmarked}
		if n.State != srs.New {
			due := n.Due.In(loc)
			c.Due = &due
		}
		j.Cards = append(j.Cards, c)
	}
	return j
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }
