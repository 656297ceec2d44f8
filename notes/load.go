package notes

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// DefaultName is the name of the embedded deck.
const DefaultName = "面经 · LLM"

//go:embed deck/*.md
var embedded embed.FS

// Load reads every .md file of fsys's root directory as a note, ordered by
// file name; other files, dot files and directories are ignored. If any
// file has a problem it returns a *DeckError listing all of them. The
// deck's Name is left for the caller to set.
func Load(fsys fs.FS) (*Deck, error) {
	d, probs := load(fsys, "")
	if len(probs) > 0 {
		return nil, &DeckError{Problems: probs}
	}
	return d, nil
}

// Default returns the embedded deck, named DefaultName.
func Default() (*Deck, error) {
	sub, err := fs.Sub(embedded, "deck")
	if err != nil {
		return nil, err
	}
	d, err := Load(sub)
	if err != nil {
		return nil, fmt.Errorf("embedded deck: %w", err)
	}
	d.Name = DefaultName
	return d, nil
}

// LoadDir loads the deck in directory path, named after the directory.
// Problems name files by their path under path.
func LoadDir(path string) (*Deck, error) {
	if err := checkDir(path); err != nil {
		return nil, err
	}
	d, probs := load(os.DirFS(path), path)
	if len(probs) > 0 {
		return nil, &DeckError{Problems: probs}
	}
	d.Name = deckName(path)
	return d, nil
}

// Check returns every problem of every note file in fsys, in file order;
// none means Load would succeed.
func Check(fsys fs.FS) []Problem {
	_, probs := load(fsys, "")
	return probs
}

// CheckDefault returns every problem of the embedded deck; none means
// Default would succeed.
func CheckDefault() []Problem {
	sub, err := fs.Sub(embedded, "deck")
	if err != nil {
		return []Problem{{Msg: err.Error()}}
	}
	return Check(sub)
}

// CheckDir is Check for directory path, naming files by their path under it.
func CheckDir(path string) []Problem {
	if err := checkDir(path); err != nil {
		return []Problem{{File: path, Msg: strings.TrimPrefix(err.Error(), path+": ")}}
	}
	_, probs := load(os.DirFS(path), path)
	return probs
}

// checkDir returns a one-line error naming path unless it is a directory.
func checkDir(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("%s: %s", path, unwrapPath(err))
	}
	if !info.IsDir() {
		return fmt.Errorf("%s: not a directory", path)
	}
	return nil
}

// deckName is the base name of the directory path.
func deckName(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return filepath.Base(path)
}

// load parses the deck; prefix, when set, is joined to file names in
// problems so they name real paths.
func load(fsys fs.FS, prefix string) (*Deck, []Problem) {
	name := func(file string) string {
		if prefix == "" {
			return file
		}
		return filepath.Join(prefix, file)
	}
	deckFile := "."
	if prefix != "" {
		deckFile = prefix
	}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, []Problem{{File: deckFile, Msg: "cannot read deck: " + unwrapPath(err)}}
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })

	// Files are read in order on this goroutine (an fs.FS need not be safe
	// for concurrent use) and parsed by a worker per CPU.
	type result struct {
		skip   bool
		note   Note
		idLine int
		probs  []Problem
	}
	var files []fs.DirEntry
	for _, e := range entries {
		fname := e.Name()
		// A deck is often a git repository with a README: not a note.
		if strings.HasSuffix(fname, ".md") && !strings.HasPrefix(fname, ".") && !e.IsDir() &&
			!strings.EqualFold(fname, "README.md") {
			files = append(files, e)
		}
	}
	results := make([]result, len(files))
	type job struct {
		i    int
		data []byte
	}
	jobs := make(chan job, 64)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(files), 1)) {
		wg.Go(func() {
			for j := range jobs {
				r := &results[j.i]
				r.note, r.idLine, r.probs = parseFile(files[j.i].Name(), j.data)
			}
		})
	}
	for i, e := range files {
		data, skip, p := readNote(fsys, e)
		switch {
		case skip:
			results[i].skip = true
		case p != "":
			results[i].probs = []Problem{{File: e.Name(), Msg: p}}
		default:
			jobs <- job{i, data}
		}
	}
	close(jobs)
	wg.Wait()

	d := &Deck{Notes: make([]Note, 0, len(files))}
	var probs []Problem
	type first struct {
		file string
		line int
	}
	seen := make(map[string]first, len(files)) // id -> where it was first used
	for _, r := range results {
		if r.skip {
			continue
		}
		fileProbs := slices.Clone(r.probs)
		// A file with other problems still takes part in the duplicate
		// check when its id is good, so one run reports every problem.
		n := r.note
		if n.ID != "" {
			if f, dup := seen[n.ID]; dup {
				fileProbs = append(fileProbs, Problem{File: n.File, Line: r.idLine, Msg: fmt.Sprintf(
					"duplicate id %q: also used by %s:%d", n.ID, name(f.file), f.line)})
			} else {
				seen[n.ID] = first{n.File, r.idLine}
			}
		}
		// In line order, so a file reads top to bottom.
		slices.SortStableFunc(fileProbs, func(a, b Problem) int { return a.Line - b.Line })
		for _, q := range fileProbs {
			q.File = name(q.File)
			probs = append(probs, q)
		}
		if len(fileProbs) == 0 {
			d.Notes = append(d.Notes, n)
		}
	}
	// A chapter's notes stand together in file order, so that the list
	// shows each chapter once.
	chapterFirst := map[string]string{} // chapter -> its first file
	prev := ""
	for _, n := range d.Notes {
		if n.Chapter == "" || n.Chapter == prev {
			prev = n.Chapter
			continue
		}
		if first, ok := chapterFirst[n.Chapter]; ok {
			probs = append(probs, Problem{File: name(n.File), Line: n.chapterLine, Msg: fmt.Sprintf(
				"chapter %q comes back after %q: its notes begin at %s and must stand together in file-name order",
				n.Chapter, prev, name(first))})
		} else {
			chapterFirst[n.Chapter] = n.File
		}
		prev = n.Chapter
	}
	for _, n := range d.Notes {
		for _, r := range n.Related {
			if _, ok := seen[r]; !ok {
				probs = append(probs, Problem{File: name(n.File), Line: n.relatedLine, Msg: fmt.Sprintf(
					"related id %q: no note in the deck has it", r)})
			} else if r == n.ID {
				probs = append(probs, Problem{File: name(n.File), Line: n.relatedLine, Msg: fmt.Sprintf(
					"related id %q: a note cannot relate to itself", r)})
			}
		}
	}
	if len(d.Notes) == 0 && len(probs) == 0 {
		probs = append(probs, Problem{File: deckFile, Msg: "no notes: the deck has no .md files"})
	}
	return d, probs
}

// readNote reads a deck entry, refusing files over MaxFileSize before
// reading them; skip is set for entries that turn out to be directories.
func readNote(fsys fs.FS, e fs.DirEntry) (data []byte, skip bool, problem string) {
	var info fs.FileInfo
	var err error
	if e.Type()&fs.ModeSymlink != 0 {
		info, err = fs.Stat(fsys, e.Name())
	} else {
		info, err = e.Info()
	}
	if err != nil {
		return nil, false, "cannot read: " + unwrapPath(err)
	}
	if info.IsDir() {
		return nil, true, ""
	}
	if !info.Mode().IsRegular() {
		return nil, false, "not a regular file"
	}
	if info.Size() > MaxFileSize {
		return nil, false, fmt.Sprintf("file is %d bytes, over the 1 MiB limit", info.Size())
	}
	f, err := fsys.Open(e.Name())
	if err != nil {
		return nil, false, "cannot read: " + unwrapPath(err)
	}
	defer f.Close()
	// Read one byte past the limit in case the file grew since Stat;
	// parseNote rejects it then.
	buf := bytes.NewBuffer(make([]byte, 0, info.Size()+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxFileSize+1)); err != nil {
		return nil, false, "cannot read: " + unwrapPath(err)
	}
	return buf.Bytes(), false, ""
}

// unwrapPath drops the operation and path of a *fs.PathError, which the
// problem already names.
func unwrapPath(err error) string {
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
