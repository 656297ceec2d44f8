// Package notes loads and validates decks of markdown notes: the embedded
// default deck or a learner's own directory, through the same fs.FS path.
package notes

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
	// Points are the lines of the body's "## 要点" section, in order.
	Points []string
}

// Deck is an ordered set of notes (ordered by file name).
type Deck struct {
	Name  string
	Notes []Note
}
