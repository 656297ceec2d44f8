package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"

	"mianjing/tui/charts"
)

// Styles is every lipgloss style of the interface, built for one terminal
// background (or for no colour at all).
type Styles struct {
	// Screen.
	Header      lipgloss.Style // list header line: deck name, scope, counts
	HeaderTitle lipgloss.Style
	Scope       lipgloss.Style
	Counts      lipgloss.Style
	FilterLine  lipgloss.Style
	FilterHint  lipgloss.Style
	Empty       lipgloss.Style
	Footer      lipgloss.Style // status line and help below every view
	Status      lipgloss.Style
	Error       lipgloss.Style
	Enlarge     lipgloss.Style

	// List items.
	Cursor       lipgloss.Style // the "❯" before the selected row
	Number       lipgloss.Style
	Title        lipgloss.Style
	SelTitle     lipgloss.Style
	Match        lipgloss.Style // filter matches inside a title
	Tags         lipgloss.Style
	Star         lipgloss.Style
	Difficulty   lipgloss.Style
	StateNew     lipgloss.Style
	StateDue     lipgloss.Style
	StateLater   lipgloss.Style
	StateMastery lipgloss.Style

	// Reading view.
	TitleBar lipgloss.Style
	Viewport lipgloss.Style
	Percent  lipgloss.Style

	// Self-test.
	QuizHead     lipgloss.Style // the progress line under the title bar
	Question     lipgloss.Style // the question, large and alone
	QuizTags     lipgloss.Style
	Hint         lipgloss.Style
	Label        lipgloss.Style // "your answer", "reference answer", "key points"
	Typed        lipgloss.Style // the learner's typed answer
	AnswerBox    lipgloss.Style // around the box the answer is typed in
	PointKey     lipgloss.Style
	PointOn      lipgloss.Style
	PointOff     lipgloss.Style
	Grade        lipgloss.Style // a grade button
	GradeSuggest lipgloss.Style // the suggested grade's button
	Confirm      lipgloss.Style
	SumTitle     lipgloss.Style
	BarFull      color.Color
	BarEmpty     color.Color
	TextArea     textarea.Styles

	// Stats screen.
	Section    lipgloss.Style    // a section's heading
	StatsLabel lipgloss.Style    // column heads and other quiet text
	StatsValue lipgloss.Style    // the numbers
	Charts     charts.Styles     // heatmap, forecast and recall bars
	Tally      [4]lipgloss.Style // the notes bar's parts: mastered, review, learning, new
	TallyGlyph [4]string

	Help      help.Styles
	Input     textinput.Styles
	DotActive string
	DotIdle   string
}

// newStyles builds the styles for a dark or light background; noColor
// keeps only attributes such as bold and underline (NO_COLOR).
func newStyles(dark, noColor bool) Styles {
	ld := lipgloss.LightDark(dark)
	c := func(light, darkc string) color.Color {
		if noColor {
			return lipgloss.NoColor{}
		}
		return ld(lipgloss.Color(light), lipgloss.Color(darkc))
	}
	var (
		accent  = c("#5A3FC0", "#B294F7")
		select_ = c("#A21CAF", "#EE6FF8")
		dim     = c("#6E6E6E", "#767676") // quiet, yet 4.5:1 on white and on black
		star    = c("#8B6508", "#F5C542")
		due     = c("#C62828", "#FF7A7A")
		fresh   = c("#1D6FB8", "#5FAFFF")
		master  = c("#2E7D32", "#7EC699")
		match   = c("#B45309", "#FFD75F")
		errc    = c("#C62828", "#FF5F5F")
		barFg   = c("#FFFFFF", "#FFFFFF")
		barBg   = c("#5A3FC0", "#5A3FC0")
	)
	// Text is the terminal's own foreground: readable on whatever
	// background the terminal has, reported or not, and a cell with no
	// colour costs the renderer no conversion on a 256-colour terminal
	// (BENCHMARKS.md).
	text := lipgloss.NoColor{}
	s := Styles{
		Header:      lipgloss.NewStyle().Padding(0, 1),
		HeaderTitle: lipgloss.NewStyle().Bold(true).Foreground(accent),
		Scope:       lipgloss.NewStyle().Foreground(select_),
		Counts:      lipgloss.NewStyle().Foreground(dim),
		FilterLine:  lipgloss.NewStyle().Padding(0, 1),
		FilterHint:  lipgloss.NewStyle().Foreground(dim),
		Empty:       lipgloss.NewStyle().Padding(1, 2).Foreground(dim),
		Footer:      lipgloss.NewStyle().Padding(0, 1),
		Status:      lipgloss.NewStyle().Foreground(accent),
		Error:       lipgloss.NewStyle().Bold(true).Foreground(errc),
		Enlarge:     lipgloss.NewStyle().Bold(true),

		Cursor:       lipgloss.NewStyle().Foreground(select_).Bold(true),
		Number:       lipgloss.NewStyle().Foreground(dim),
		Title:        lipgloss.NewStyle().Foreground(text),
		SelTitle:     lipgloss.NewStyle().Foreground(select_).Bold(true),
		Match:        lipgloss.NewStyle().Foreground(match).Underline(true),
		Tags:         lipgloss.NewStyle().Foreground(dim),
		Star:         lipgloss.NewStyle().Foreground(star),
		Difficulty:   lipgloss.NewStyle().Foreground(dim),
		StateNew:     lipgloss.NewStyle().Foreground(fresh),
		StateDue:     lipgloss.NewStyle().Foreground(due).Bold(true),
		StateLater:   lipgloss.NewStyle().Foreground(dim),
		StateMastery: lipgloss.NewStyle().Foreground(master),

		TitleBar: lipgloss.NewStyle().Padding(0, 1).Bold(true).Foreground(barFg).Background(barBg),
		Viewport: lipgloss.NewStyle().Padding(0, 1),
		Percent:  lipgloss.NewStyle().Foreground(dim),

		QuizHead:     lipgloss.NewStyle().Padding(0, 1).Foreground(dim),
		Question:     lipgloss.NewStyle().Bold(true).Foreground(accent),
		QuizTags:     lipgloss.NewStyle().Foreground(dim),
		Hint:         lipgloss.NewStyle().Foreground(dim),
		Label:        lipgloss.NewStyle().Bold(true).Foreground(select_),
		Typed:        lipgloss.NewStyle().Foreground(text),
		AnswerBox:    lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent),
		PointKey:     lipgloss.NewStyle().Bold(true).Foreground(accent),
		PointOn:      lipgloss.NewStyle().Foreground(master),
		PointOff:     lipgloss.NewStyle().Foreground(text),
		Grade:        lipgloss.NewStyle().Padding(0, 1),
		GradeSuggest: lipgloss.NewStyle().Padding(0, 1).Bold(true).Foreground(barFg).Background(barBg),
		Confirm:      lipgloss.NewStyle().Bold(true).Foreground(due),
		SumTitle:     lipgloss.NewStyle().Bold(true).Foreground(accent),
		BarFull:      accent,
		BarEmpty:     dim,
		TextArea:     textAreaStyles(accent, dim, text),

		Section:    lipgloss.NewStyle().Bold(true).Foreground(accent),
		StatsLabel: lipgloss.NewStyle().Foreground(dim),
		StatsValue: lipgloss.NewStyle().Bold(true).Foreground(text),
		Charts:     charts.NewStyles(dark, noColor),
		Tally: [4]lipgloss.Style{lipgloss.NewStyle().Foreground(master), lipgloss.NewStyle().Foreground(accent),
			lipgloss.NewStyle().Foreground(match), lipgloss.NewStyle().Foreground(fresh)},
		TallyGlyph: [4]string{"█", "█", "█", "█"},

		// bubbles' defaults are grey on grey (2:1 and less): the help and
		// the inputs take the palette's colours instead.
		Help:      helpStyles(dim, text),
		Input:     inputStyles(accent, dim, text),
		DotActive: lipgloss.NewStyle().Foreground(accent).Render("•"),
		DotIdle:   lipgloss.NewStyle().Foreground(dim).Render("•"),
	}
	if noColor {
		s.TitleBar = lipgloss.NewStyle().Padding(0, 1).Bold(true).Reverse(true)
		s.Help = plainHelpStyles()
		s.Input = plainInputStyles()
		s.DotActive, s.DotIdle = "•", "·"
		s.GradeSuggest = lipgloss.NewStyle().Padding(0, 1).Bold(true).Reverse(true)
		s.TextArea = plainTextAreaStyles()
		// Without colour the notes bar's parts differ by shade.
		s.TallyGlyph = [4]string{"█", "▓", "▒", "░"}
	}
	s.TextArea.Cursor.Blink = false
	// A steady cursor: a blinking one would keep a timer running for as long
	// as the filter box is open.
	s.Input.Cursor.Blink = false
	return s
}

// helpStyles draws keys in the text colour and their descriptions and
// separators in the quiet one.
func helpStyles(dim, text color.Color) help.Styles {
	k := lipgloss.NewStyle().Foreground(text).Bold(true)
	d := lipgloss.NewStyle().Foreground(dim)
	return help.Styles{Ellipsis: d, ShortKey: k, ShortDesc: d, ShortSeparator: d, FullKey: k, FullDesc: d, FullSeparator: d}
}

func inputStyles(accent, dim, text color.Color) textinput.Styles {
	s := textinput.DefaultStyles(true)
	for _, st := range []*textinput.StyleState{&s.Focused, &s.Blurred} {
		st.Prompt = lipgloss.NewStyle().Foreground(accent)
		st.Text = lipgloss.NewStyle().Foreground(text)
		st.Placeholder = lipgloss.NewStyle().Foreground(dim)
		st.Suggestion = lipgloss.NewStyle().Foreground(dim)
	}
	s.Cursor.Color = accent
	return s
}

func textAreaStyles(accent, dim, text color.Color) textarea.Styles {
	s := textarea.DefaultStyles(true)
	p := lipgloss.NewStyle()
	for _, st := range []*textarea.StyleState{&s.Focused, &s.Blurred} {
		*st = textarea.StyleState{Base: p, Text: p.Foreground(text), LineNumber: p.Foreground(dim),
			CursorLineNumber: p.Foreground(dim), CursorLine: p.Foreground(text), EndOfBuffer: p.Foreground(dim),
			Placeholder: p.Foreground(dim), Prompt: p.Foreground(accent)}
	}
	s.Cursor.Color = accent
	return s
}

func plainHelpStyles() help.Styles {
	p := lipgloss.NewStyle()
	return help.Styles{
		Ellipsis: p, ShortKey: p.Bold(true), ShortDesc: p, ShortSeparator: p,
		FullKey: p.Bold(true), FullDesc: p, FullSeparator: p,
	}
}

func plainInputStyles() textinput.Styles {
	s := textinput.DefaultStyles(true)
	p := lipgloss.NewStyle()
	for _, st := range []*textinput.StyleState{&s.Focused, &s.Blurred} {
		st.Prompt, st.Text, st.Placeholder, st.Suggestion = p, p, p, p
	}
	s.Cursor.Color = lipgloss.NoColor{}
	return s
}

func plainTextAreaStyles() textarea.Styles {
	s := textarea.DefaultStyles(true)
	p := lipgloss.NewStyle()
	for _, st := range []*textarea.StyleState{&s.Focused, &s.Blurred} {
		*st = textarea.StyleState{Base: p, Text: p, LineNumber: p, CursorLineNumber: p,
			CursorLine: p, EndOfBuffer: p, Placeholder: p, Prompt: p}
	}
	s.Cursor.Color = lipgloss.NoColor{}
	return s
}

// state is the style of a study state marker.
func (s Styles) state(k studyKind) lipgloss.Style {
	switch k {
	case studyDue:
		return s.StateDue
	case studyLater:
		return s.StateLater
	case studyMastered:
		return s.StateMastery
	default:
		return s.StateNew
	}
}
