// Package notes loads and validates decks of markdown notes: the embedded
// default deck or a learner's own directory, through the same fs.FS path.
package notes

import "strings"

// Note is one interview question with its answer.
type Note struct {
	// ID is the stable slug progress is keyed by; never derived from text.
	ID    string
	Title string
	Tags  []string
	// Difficulty is 1–3, or 0 when the note does not say.
	Difficulty int
	// File is the note's file name within the deck.
	File string
	// Body is the markdown after the front matter, cleaned of control
	// characters.
	Body string
	// Points are the list items of the body's "## 要点" section, markers
	// stripped, in order (at most MaxPoints); nil without such a section.
	Points []string
	// Chapter groups notes in the list and can be studied as a scope; ""
	// when the note does not say.
	Chapter string
	// Origin is OriginSeed for the questions of the original 面经, else "".
	Origin string
	// Related lists the ids of notes worth reading next; every one exists
	// in the deck (Load checks).
	Related []string
	// relatedLine and chapterLine are the file lines of "related:" and
	// "chapter:", for problems.
	relatedLine, chapterLine int
}

// OriginSeed marks a note that answers one of the original 面经 questions.
const OriginSeed = "seed"

// MaxTags is the most tags a note may have.
const MaxTags = 3

// Chapters returns the deck's chapter names in the order their first note
// appears; notes without a chapter do not add one.
func (d *Deck) Chapters() []string {
	var out []string
	seen := map[string]bool{}
	for i := range d.Notes {
		if n := &d.Notes[i]; n.Chapter != "" && !seen[n.Chapter] {
			seen[n.Chapter] = true
			out = append(out, n.Chapter)
		}
	}
	return out
}

// Deck is an ordered set of notes (ordered by file name).
type Deck struct {
	// Name is shown to the learner: DefaultName, the directory's base name
	// for LoadDir, empty from Load until the caller sets it.
	Name  string
	Notes []Note
}

// Answer returns the body without its "## 要点" section: what the self-test
// shows before the points.
func (n Note) Answer() string {
	s := scanBody(n.Body)
	if s.heading < 0 {
		return n.Body
	}
	return strings.TrimRight(n.Body[:s.start]+n.Body[s.end:], " \t\n")
}

// SearchText returns title, tags and body on separate lines with ASCII
// letters lowercased, for case-insensitive substring search.
func (n Note) SearchText() string {
	s := make([]byte, 0, len(n.Title)+len(n.Body)+16*len(n.Tags)+2)
	s = append(s, n.Title...)
	s = append(s, '\n')
	s = append(s, strings.Join(n.Tags, " ")...)
	s = append(s, '\n')
	s = append(s, n.Body...)
	for i, c := range s {
		if 'A' <= c && c <= 'Z' {
			s[i] = c + 'a' - 'A'
		}
	}
	return string(s)
}
