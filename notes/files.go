package notes

import "io/fs"

// DefaultFiles returns the built-in deck's files at the root of an fs.FS,
// for "mianjing deck export": written to a directory, they load with
// LoadDir as the same deck.
func DefaultFiles() (fs.FS, error) { return fs.Sub(embedded, "deck") }
