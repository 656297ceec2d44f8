package cli

import (
	"flag"
	"fmt"
	"slices"

	"mianjing/notes"
)

// bookmarkFlags runs "bookmark" (on) or "unbookmark" (off).
func bookmarkFlags(on bool) func(*flag.FlagSet) func(*runner, []string) int {
	return func(*flag.FlagSet) func(*runner, []string) int {
		return func(r *runner, ids []string) int { return r.bookmark(ids, on) }
	}
}

// bookmark sets or clears the bookmarks of ids. Every id is checked before
// anything is written; unbookmark also takes an id no longer in the deck
// that still has a bookmark.
func (r *runner) bookmark(ids []string, on bool) int {
	d, code := r.deck()
	if d == nil {
		return code
	}
	var outside []string // ids not in the deck
	for _, id := range ids {
		if !slices.ContainsFunc(d.Notes, func(n notes.Note) bool { return n.ID == id }) {
			if on {
				return r.unknownID(d, id)
			}
			outside = append(outside, id)
		}
	}
	st, code := r.open()
	if st == nil {
		return code
	}
	defer st.Close()
	for _, id := range outside {
		if !st.IsBookmarked(id) {
			return r.unknownID(d, id)
		}
	}
	for _, id := range ids {
		was := st.IsBookmarked(id)
		if was != on {
			if err := st.SetBookmark(id, on, r.now); err != nil {
				return r.fail(exitError, "%s", err)
			}
		}
		var format string
		switch {
		case on && !was:
			format = r.text.BookmarkedFmt
		case on:
			format = r.text.AlreadyFmt
		case was:
			format = r.text.UnbookmarkFmt
		default:
			format = r.text.NotMarkedFmt
		}
		r.println(fmt.Sprintf(format, id))
	}
	return exitOK
}
