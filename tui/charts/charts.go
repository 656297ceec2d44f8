// Package charts draws mianjing's progress charts as text: a calendar
// heatmap of reviews, a bar chart of the due forecast and retrievability
// bars. Every function is pure and returns a string of lines no wider than
// asked; without colour they use shading characters and no escape codes.
package charts

import (
	"image/color"
	"math"
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Levels is the number of heatmap shades, level 0 (no reviews) included.
const Levels = 5

// Styles colours the charts. The zero value draws without colour: no
// escape codes, heatmap shades by character (· ░ ▒ ▓ █).
type Styles struct {
	Color  bool                   // use the styles below; false means plain text
	Level  [Levels]lipgloss.Style // heatmap cell per level
	Today  lipgloss.Style         // the marker after today's cell
	Label  lipgloss.Style         // weekday, month and bar labels, legend
	Bar    lipgloss.Style         // forecast bars
	Count  lipgloss.Style         // the numbers above the bars
	Filled lipgloss.Style         // RBar's filled part, before its colour is set
	Empty  lipgloss.Style         // RBar's empty part
}

// NewStyles returns the styles for a dark or light background, or plain
// ones (the zero Styles) when noColor is set.
func NewStyles(dark, noColor bool) Styles {
	if noColor {
		return Styles{}
	}
	ld := lipgloss.LightDark(dark)
	c := func(light, darkc string) color.Color { return ld(lipgloss.Color(light), lipgloss.Color(darkc)) }
	fg := func(col color.Color) lipgloss.Style { return lipgloss.NewStyle().Foreground(col) }
	// GitHub's contribution greens.
	return Styles{
		Color: true,
		Level: [Levels]lipgloss.Style{
			fg(c("#D0D7DE", "#3D444D")),
			fg(c("#9BE9A8", "#0E4429")),
			fg(c("#40C463", "#006D32")),
			fg(c("#30A14E", "#26A641")),
			fg(c("#216E39", "#39D353")),
		},
		Today:  fg(c("#C2410C", "#FFA657")).Bold(true),
		Label:  fg(c("#6E7781", "#8B949E")),
		Bar:    fg(c("#5A3FC0", "#B294F7")),
		Count:  fg(c("#262626", "#DDDDDD")),
		Filled: lipgloss.NewStyle(),
		Empty:  fg(c("#D0D7DE", "#3D444D")),
	}
}

func (st Styles) paint(s lipgloss.Style, text string) string {
	if !st.Color || text == "" {
		return text
	}
	return s.Render(text)
}

// plainShades are the heatmap glyphs without colour, by level.
var plainShades = [Levels]string{"·", "░", "▒", "▓", "█"}

// colorGlyph is the heatmap glyph with colour; the level is its colour.
const colorGlyph = "■"

// todayMark follows today's cell in place of the gap.
const todayMark = "<"

// labelWidth is the width of the heatmap's weekday label column.
const labelWidth = 4

// cellWidth is the width of one heatmap day.
const cellWidth = 2

// MaxWeeks returns how many week columns a heatmap fits in width cells.
func MaxWeeks(width int) int {
	return max(0, (width-labelWidth)/cellWidth)
}

// HeatmapWidth returns the width of a heatmap of weeks columns.
func HeatmapWidth(weeks int) int {
	return labelWidth + cellWidth*max(0, weeks)
}

// Level returns the shade (0 to Levels−1) of a day with count reviews when
// the busiest day shown has most: 0 only for no reviews, Levels−1 for the
// busiest day, non-decreasing in count.
func Level(count, most int) int {
	if count <= 0 || most <= 0 {
		return 0
	}
	if count >= most {
		return Levels - 1
	}
	// ceil((Levels−1)·count/most) ≥ 1 for count ≥ 1.
	return min(Levels-1, ((Levels-1)*count+most-1)/most)
}

// calendar words per language.
type words struct {
	weekdays [7]string // Monday first
	months   [12]string
	less     string
	more     string
	today    string
}

func wordsFor(lang string) words {
	if lang == "zh" {
		return words{
			weekdays: [7]string{"一", "", "三", "", "五", "", ""},
			months:   [12]string{"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
			less:     "少", more: "多", today: "今天",
		}
	}
	return words{
		weekdays: [7]string{"Mon", "", "Wed", "", "Fri", "", ""},
		months:   [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		less:     "Less", more: "More", today: "today",
	}
}

// dayDate returns the date of day index d (days since 1970-01-01).
func dayDate(d int) time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// mondayIndex returns 0 for a Monday … 6 for a Sunday.
func mondayIndex(d int) int { return (int(dayDate(d).Weekday()) + 6) % 7 }

// Heatmap draws a calendar of reviews per day: a column per week (Monday
// on top), weeks columns ending with today's week, month names above the
// columns where a month's first Monday falls, Mon/Wed/Fri (一/三/五)
// labels on the left and a legend below. counts holds the reviews of
// consecutive days, the last being today (a day index, as srs.DayIndex
// counts); earlier days count as 0. Today's cell is followed by "<". Every
// line is at most HeatmapWidth(weeks) cells wide; lang "zh" gives Chinese
// labels, anything else English.
func Heatmap(counts []int, today, weeks int, st Styles, lang string) string {
	if weeks < 1 {
		return ""
	}
	w := wordsFor(lang)
	width := HeatmapWidth(weeks)
	start := today - mondayIndex(today) - 7*(weeks-1) // the first column's Monday
	first := today - len(counts) + 1
	count := func(d int) int {
		if d < first || d > today {
			return 0
		}
		return counts[d-first]
	}
	most := 0
	for d := max(start, first); d <= today; d++ {
		most = max(most, count(d))
	}

	lines := make([]string, 0, 9)
	lines = append(lines, st.paint(st.Label, monthLine(start, weeks, w)))
	for row := range 7 {
		var b strings.Builder
		b.WriteString(padRight(st.paint(st.Label, w.weekdays[row]), labelWidth))
		for col := range weeks {
			d := start + 7*col + row
			if d > today {
				break
			}
			lv := Level(count(d), most)
			b.WriteString(st.cell(lv))
			if d == today {
				b.WriteString(st.paint(st.Today, todayMark))
			} else if d < today {
				b.WriteByte(' ')
			}
		}
		lines = append(lines, b.String())
	}
	lines = append(lines, st.legend(w))
	for i, l := range lines {
		lines[i] = trimRight(ansi.Truncate(l, width, ""))
	}
	return strings.Join(lines, "\n")
}

// cell is the glyph of one day at level lv, without its gap.
func (st Styles) cell(lv int) string {
	if !st.Color {
		return plainShades[lv]
	}
	return st.Level[lv].Render(colorGlyph)
}

// legend is "    Less · ░ ▒ ▓ █ More   █< today".
func (st Styles) legend(w words) string {
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", labelWidth))
	b.WriteString(st.paint(st.Label, w.less))
	for lv := range Levels {
		b.WriteByte(' ')
		b.WriteString(st.cell(lv))
	}
	b.WriteByte(' ')
	b.WriteString(st.paint(st.Label, w.more))
	b.WriteString("   ")
	b.WriteString(st.cell(Levels - 1))
	b.WriteString(st.paint(st.Today, todayMark))
	b.WriteByte(' ')
	b.WriteString(st.paint(st.Label, w.today))
	return b.String()
}

// monthLine puts each month's name over the first column whose Monday is
// in that month (and the first column's month over it), skipping a name
// that would touch the one before it or not fit.
func monthLine(start, weeks int, w words) string {
	type label struct {
		x    int
		text string
	}
	var labels []label
	prev := time.Month(0)
	for col := range weeks {
		m := dayDate(start + 7*col).Month()
		if m != prev {
			labels = append(labels, label{labelWidth + cellWidth*col, w.months[m-1]})
			prev = m
		}
	}
	// The first column's month gives way to a real month start close by.
	if len(labels) > 1 && labels[0].x+ansi.StringWidth(labels[0].text) >= labels[1].x {
		labels = labels[1:]
	}
	width := HeatmapWidth(weeks)
	var b strings.Builder
	x := 0
	for _, l := range labels {
		lw := ansi.StringWidth(l.text)
		if l.x < x+1 && x > 0 || l.x+lw > width {
			continue
		}
		b.WriteString(strings.Repeat(" ", l.x-x))
		b.WriteString(l.text)
		x = l.x + lw
	}
	return b.String()
}

// padRight pads s with spaces to width cells.
func padRight(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-ansi.StringWidth(s)))
}

// centered paints text with s and centres it in width cells with
// unpainted spaces.
func (st Styles) centered(s lipgloss.Style, text string, width int) string {
	gap := max(0, width-ansi.StringWidth(text))
	return strings.Repeat(" ", gap/2) + st.paint(s, text) + strings.Repeat(" ", gap-gap/2)
}

// trimRight drops trailing spaces; painted text never ends in one.
func trimRight(s string) string { return strings.TrimRight(s, " ") }

// eighths are the partial block glyphs, 1/8 to 8/8 of a cell high.
var eighths = [9]string{"", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"}

// Bars draws values as a vertical bar chart: height rows of bars (in
// eighths of a row, the largest value filling all of them), each value's
// count right above its bar (on the bottom row for 0), and labels below. Columns are as wide as the widest label or count (at least 2)
// with one space between; as many columns as fit in width are drawn, from
// the first. The result has height+2 lines, none wider than width.
func Bars(values []int, labels []string, height, width int, st Styles) string {
	if height < 1 || width < 1 || len(values) == 0 {
		return ""
	}
	colW := 2
	for i, v := range values {
		colW = max(colW, len(strconv.Itoa(v)))
		if i < len(labels) {
			colW = max(colW, ansi.StringWidth(labels[i]))
		}
	}
	n := min(len(values), (width+1)/(colW+1))
	if n == 0 {
		return ""
	}
	values = values[:n]
	most := 0
	for _, v := range values {
		most = max(most, v)
	}
	// units[i] is the bar's height in eighths of a row.
	units := make([]int, n)
	for i, v := range values {
		if v > 0 {
			units[i] = max(1, int(math.Round(float64(v)*float64(height*8)/float64(most))))
		}
	}
	rows := make([]string, height+2)
	for r := range height + 1 {
		lvl := height - r // rows of chart below this one
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteByte(' ')
			}
			full := (units[i] + 7) / 8 // rows the bar reaches into
			switch {
			case lvl < full:
				part := min(8, units[i]-8*lvl)
				b.WriteString(st.paint(st.Bar, strings.Repeat(eighths[part], colW)))
			case lvl == full:
				b.WriteString(st.centered(st.Count, strconv.Itoa(values[i]), colW))
			default:
				b.WriteString(strings.Repeat(" ", colW))
			}
		}
		rows[r] = trimRight(b.String())
	}
	var lb strings.Builder
	for i := range n {
		if i > 0 {
			lb.WriteByte(' ')
		}
		l := ""
		if i < len(labels) {
			l = ansi.Truncate(labels[i], colW, "")
		}
		lb.WriteString(st.centered(st.Label, l, colW))
	}
	rows[height+1] = trimRight(lb.String())
	return strings.Join(rows, "\n")
}

// RBar draws retrievability r (0–1) as a bar and a percentage, width cells
// in all ("██████░░░░  62%"); with colour the filled part goes from red at
// 0 to green at 1. Below 6 cells only the percentage is drawn, cut to width.
func RBar(r float64, width int, st Styles) string {
	if math.IsNaN(r) {
		r = 0
	}
	r = min(1, max(0, r))
	pct := strconv.Itoa(int(math.Round(r*100))) + "%"
	label := strings.Repeat(" ", max(0, 4-len(pct))) + pct
	barW := width - 1 - len(label)
	if barW < 1 {
		return ansi.Truncate(strings.TrimLeft(label, " "), max(0, width), "")
	}
	filled := int(math.Round(r * float64(barW)))
	fill := strings.Repeat("█", filled)
	if st.Color && filled > 0 {
		fill = st.Filled.Foreground(rColor(r)).Render(fill)
	}
	return fill + st.paint(st.Empty, strings.Repeat("░", barW-filled)) + " " + label
}

// rColor blends red (0) through amber (0.5) to green (1).
func rColor(r float64) color.Color {
	red := [3]float64{0xE5, 0x53, 0x4B}
	amber := [3]float64{0xD4, 0xA7, 0x2C}
	green := [3]float64{0x57, 0xAB, 0x5A}
	a, b, t := red, amber, r*2
	if r > 0.5 {
		a, b, t = amber, green, (r-0.5)*2
	}
	ch := func(i int) uint8 { return uint8(math.Round(a[i] + (b[i]-a[i])*t)) }
	return color.RGBA{R: ch(0), G: ch(1), B: ch(2), A: 0xFF}
}
