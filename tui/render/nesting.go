package render

import "strings"

// glamour's rendering time grows with the cube of nesting depth (100
// nested list levels took 2.3 s, 400 nested quotes 47 s), so a hostile or
// careless deck could freeze the app. limitNesting flattens what lies
// deeper than any real note goes; text is kept, only markers and
// indentation beyond the limits are dropped.
const (
	maxIndent  = 24 // columns of leading indentation kept
	maxMarkers = 8  // leading quote and list markers kept on one line
)

// limitNesting returns md with leading indentation clamped to maxIndent and
// leading runs of container markers cut to maxMarkers, outside fenced code
// blocks.
func limitNesting(md string) string {
	if !needsLimit(md) {
		return md
	}
	lines := strings.Split(md, "\n")
	fence := ""
	for i, line := range lines {
		trimmed := strings.TrimLeft(line, " \t")
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if f := fenceOf(trimmed); f != "" {
			fence = f
			continue
		}
		lines[i] = limitLine(line)
	}
	return strings.Join(lines, "\n")
}

// needsLimit is a cheap scan so ordinary notes are not copied.
func needsLimit(md string) bool {
	for line := range strings.SplitSeq(md, "\n") {
		indent := len(line) - len(strings.TrimLeft(line, " \t"))
		if indent > maxIndent/4 && indentWidth(line) > maxIndent {
			return true
		}
		if markerCount(line[indent:]) > maxMarkers {
			return true
		}
	}
	return false
}

func fenceOf(trimmed string) string {
	for _, f := range []string{"```", "~~~"} {
		if strings.HasPrefix(trimmed, f) {
			return f
		}
	}
	return ""
}

// indentWidth is the width of line's leading blanks, tabs to stops of 4.
func indentWidth(line string) int {
	w := 0
	for _, r := range line {
		switch r {
		case ' ':
			w++
		case '\t':
			w += 4 - w%4
		default:
			return w
		}
	}
	return w
}

// markerCount counts the container markers ("> ", "- ", "* ", "+ ", "1. ")
// that s starts with.
func markerCount(s string) int {
	n := 0
	for {
		l := markerLen(s)
		if l == 0 {
			return n
		}
		n++
		s = strings.TrimLeft(s[l:], " \t")
	}
}

// markerLen is the length of the container marker s starts with, or 0.
func markerLen(s string) int {
	if s == "" {
		return 0
	}
	switch s[0] {
	case '>':
		return 1
	case '-', '*', '+':
		if len(s) > 1 && (s[1] == ' ' || s[1] == '\t') {
			return 1
		}
		return 0
	}
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && (s[i+1] == ' ' || s[i+1] == '\t') {
		return i + 1
	}
	return 0
}

// limitLine clamps one line's indentation and marker run.
func limitLine(line string) string {
	rest := strings.TrimLeft(line, " \t")
	indent := min(indentWidth(line), maxIndent)
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", indent))
	for n := 0; ; n++ {
		l := markerLen(rest)
		if l == 0 {
			break
		}
		after := strings.TrimLeft(rest[l:], " \t")
		if n < maxMarkers {
			b.WriteString(rest[:l])
			b.WriteByte(' ')
		}
		rest = after
	}
	b.WriteString(rest)
	return b.String()
}
