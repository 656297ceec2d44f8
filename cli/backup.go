package cli

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"mianjing/store"
)

// exportFormats are the values of export --format.
var exportFormats = [...]string{"json", "revlog-csv"}

func exportFlags(fs *flag.FlagSet) func(*runner, []string) int {
	format := fs.String("format", "json", "`json|revlog-csv` the complete JSON backup (the default), or the review log as the FSRS optimizer's CSV")
	return func(r *runner, args []string) int {
		if !slices.Contains(exportFormats[:], *format) {
			msg := fmt.Sprintf("--format must be json or revlog-csv, not %q", *format)
			if s, ok := suggest(*format, exportFormats[:]); ok {
				msg += "; did you mean " + s + "?"
			}
			return r.fail(exitUsage, "%s", msg)
		}
		file := "-"
		if len(args) > 0 {
			file = args[0]
		}
		return r.export(file, *format)
	}
}

func (r *runner) export(file, format string) int {
	st, code := r.open()
	if st == nil {
		return code
	}
	defer st.Close()
	write := func(w io.Writer) error {
		if format == "revlog-csv" {
			return store.WriteRevlogCSV(st, w)
		}
		return st.Export(w)
	}
	if file == "-" {
		bw := bufio.NewWriter(r.env.Stdout)
		err := write(bw)
		if err == nil {
			err = bw.Flush()
		}
		if err != nil {
			return r.fail(exitError, "%s", err)
		}
		return exitOK
	}
	if err := writeAtomic(file, write); err != nil {
		return r.fail(exitError, "%s", err)
	}
	reviews, err := st.ReviewCount()
	if err != nil {
		return r.fail(exitError, "%s", err)
	}
	if format == "revlog-csv" {
		r.println(fmt.Sprintf(r.text.RevlogFmt, file, reviews))
		return exitOK
	}
	cards, err := st.Cards()
	if err != nil {
		return r.fail(exitError, "%s", err)
	}
	r.println(fmt.Sprintf(r.text.ExportedFmt, file, reviews, len(cards), len(st.Bookmarks())))
	return exitOK
}

// writeAtomic writes path through write: into a temporary file in the same
// directory, synced, then renamed over path, so path holds either its old
// content or all of the new, never part of it. The file is private (0600).
func writeAtomic(path string, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if info, serr := os.Stat(path); serr == nil && info.IsDir() {
		return fmt.Errorf("%s: is a directory", path)
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("%s: cannot create the file: %s", path, unwrapPathErr(err))
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	bw := bufio.NewWriter(f)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return fmt.Errorf("%s: %s", path, unwrapPathErr(err))
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("%s: %s", path, unwrapPathErr(err))
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("%s: %s", path, unwrapPathErr(err))
	}
	if err = os.Rename(tmp, path); err != nil {
		return fmt.Errorf("%s: %s", path, unwrapPathErr(err))
	}
	return nil
}

// unwrapPathErr drops the path and operation an *os.PathError repeats:
// messages name the file first.
func unwrapPathErr(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func importFlags(*flag.FlagSet) func(*runner, []string) int {
	return func(r *runner, args []string) int { return r.importFile(args[0]) }
}

func (r *runner) importFile(file string) int {
	var in io.Reader = r.env.Stdin
	name := "stdin"
	if file != "-" {
		f, err := os.Open(file)
		if err != nil {
			return r.fail(exitError, "%s: %s", file, unwrapPathErr(err))
		}
		defer f.Close()
		in, name = f, file
	}
	st, code := r.open()
	if st == nil {
		return code
	}
	defer st.Close()
	res, err := st.Import(bufio.NewReader(in))
	if err != nil {
		msg := err.Error()
		// The store names its file and "import: invalid: "; the learner
		// needs the reason, and which file it is about.
		if i := strings.Index(msg, store.ErrInvalid.Error()+": "); errors.Is(err, store.ErrInvalid) && i >= 0 {
			msg = msg[i+len(store.ErrInvalid.Error()+": "):]
		}
		return r.fail(exitError, "%s: %s; nothing was imported", name, msg)
	}
	if res == (store.ImportResult{}) {
		r.println(fmt.Sprintf(r.text.ImportedNoneFmt, name))
		return exitOK
	}
	r.println(fmt.Sprintf(r.text.ImportedFmt, name, res.Reviews, res.Cards, res.Bookmarks))
	return exitOK
}
