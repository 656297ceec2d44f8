package store

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"runtime/debug"
)

// bbolt v1.5.0 panics or faults (SIGBUS on the mapping) instead of
// returning an error on truncated or damaged files, so a file is checked
// here before bbolt sees it, reading the layout bbolt documents in
// internal/common/{page,meta}.go:
//
//	page header (16 bytes): id u64, flags u16, count u16, overflow u32
//	meta (64 bytes):        magic u32, version u32, pageSize u32, flags u32,
//	                        root {pgid u64, sequence u64}, freelist u64,
//	                        pgid u64 (high-water mark), txid u64, checksum u64
//
// The checksum is FNV-64a over the meta up to the checksum field. Integers
// are in the machine's byte order, as bbolt writes them.
const (
	boltMagic        = 0xED0CDAED
	boltVersion      = 2
	pageHeaderSize   = 16
	metaSize         = 64
	metaEnd          = pageHeaderSize + metaSize
	checksumOffset   = pageHeaderSize + 56
	pgidNoFreelist   = ^uint64(0)
	flagBranch       = 0x01
	flagLeaf         = 0x02
	flagFreelist     = 0x10
	minPageSize      = 512
	maxPageSize      = 1 << 24
	secondMetaProbes = 14 // bbolt looks for the second meta at 1 KiB << 0…14
)

type meta struct {
	magic, version, pageSize uint32
	root, freelist, pgid     uint64
	txid                     uint64
}

// parseMeta reads a meta page; the error says why it is unusable.
func parseMeta(b []byte) (meta, error) {
	ne := binary.NativeEndian
	m := meta{
		magic:    ne.Uint32(b[16:]),
		version:  ne.Uint32(b[20:]),
		pageSize: ne.Uint32(b[24:]),
		root:     ne.Uint64(b[32:]),
		freelist: ne.Uint64(b[48:]),
		pgid:     ne.Uint64(b[56:]),
		txid:     ne.Uint64(b[64:]),
	}
	h := fnv.New64a()
	h.Write(b[pageHeaderSize:checksumOffset])
	switch {
	case m.magic != boltMagic:
		return m, fmt.Errorf("not a bbolt database")
	case m.version != boltVersion:
		return m, fmt.Errorf("bbolt format version %d, expected %d", m.version, boltVersion)
	case h.Sum64() != ne.Uint64(b[checksumOffset:]):
		return m, fmt.Errorf("meta page checksum mismatch")
	}
	return m, nil
}

// checkFile returns "" when bbolt can safely open f (of the given size), or
// why not. It only reads.
func checkFile(f io.ReaderAt, size int64) string {
	if size == 0 {
		return "the file is empty (0 bytes)"
	}
	if size < metaEnd {
		return fmt.Sprintf("the file is only %d bytes long", size)
	}
	read := func(off int64) ([]byte, bool) {
		b := make([]byte, metaEnd)
		if off+metaEnd > size {
			return nil, false
		}
		_, err := f.ReadAt(b, off)
		return b, err == nil
	}
	b0, _ := read(0)
	m0, err0 := parseMeta(b0)
	pageSize := int64(m0.pageSize)
	var m1 meta
	var err1 error
	if err0 != nil {
		// Like bbolt, find the page size from the second meta page.
		err1 = err0
		for i := 0; i <= secondMetaProbes; i++ {
			b, ok := read(1024 << i)
			if !ok {
				break
			}
			if m, err := parseMeta(b); err == nil && int64(m.pageSize) == 1024<<i {
				m1, err1, pageSize = m, nil, int64(m.pageSize)
				break
			}
		}
	} else if b1, ok := read(pageSize); ok {
		m1, err1 = parseMeta(b1)
	} else {
		err1 = fmt.Errorf("second meta page missing")
	}
	if err0 != nil && err1 != nil {
		if err0.Error() == err1.Error() {
			return err0.Error()
		}
		return fmt.Sprintf("%v; second meta page: %v", err0, err1)
	}
	if pageSize < minPageSize || pageSize > maxPageSize || pageSize&(pageSize-1) != 0 {
		return fmt.Sprintf("page size %d is not plausible", pageSize)
	}
	// bbolt uses the valid meta with the higher transaction id.
	m := m0
	if err0 != nil || (err1 == nil && m1.txid > m0.txid) {
		m = m1
	}
	switch {
	case int64(m.pageSize) != pageSize:
		return "the two meta pages disagree on the page size"
	case m.pgid < 2 || m.pgid > uint64(size/pageSize):
		return fmt.Sprintf("truncated: %d bytes hold %d pages of %d bytes, the database records %d",
			size, size/pageSize, pageSize, m.pgid)
	case m.root < 2 || m.root >= m.pgid:
		return fmt.Sprintf("root page %d out of range", m.root)
	case m.freelist != pgidNoFreelist && (m.freelist < 2 || m.freelist >= m.pgid):
		return fmt.Sprintf("freelist page %d out of range", m.freelist)
	}
	if flags, ok := pageFlags(f, int64(m.root)*pageSize); !ok || (flags != flagLeaf && flags != flagBranch) {
		return "root page is damaged"
	}
	if m.freelist != pgidNoFreelist {
		if flags, ok := pageFlags(f, int64(m.freelist)*pageSize); !ok || flags != flagFreelist {
			return "freelist page is damaged"
		}
	}
	return ""
}

func pageFlags(f io.ReaderAt, off int64) (uint16, bool) {
	var h [pageHeaderSize]byte
	if _, err := f.ReadAt(h[:], off); err != nil {
		return 0, false
	}
	return binary.NativeEndian.Uint16(h[8:]), true
}

// guard runs fn, turning a panic — including a fault on bbolt's memory map,
// via SetPanicOnFault — into an error. A damaged page must become a clear
// message, not a crash that leaves the terminal in raw mode.
func guard(fn func() error) (err error) {
	old := debug.SetPanicOnFault(true)
	defer func() {
		debug.SetPanicOnFault(old)
		if r := recover(); r != nil {
			err = panicError{r}
		}
	}()
	return fn()
}

// panicError is a panic of bbolt's turned into an error. bbolt panics on
// pages it cannot make sense of, so it counts as ErrCorrupt.
type panicError struct{ v any }

func (e panicError) Error() string {
	return oneLine(fmt.Sprintf("the file is damaged (bbolt: %v); move it aside, or use --db to choose another file", e.v))
}

func (e panicError) Unwrap() error { return ErrCorrupt }
