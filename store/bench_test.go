package store

import (
	"encoding/json"
	"io"
	"path/filepath"
	"testing"
	"time"

	"mianjing/srs"
)

const benchReviews = 100_000

// benchDB builds, once per benchmark, a closed database holding 100,000
// reviews of 11 notes, three bookmarks and saved settings.
func benchDB(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "m.db")
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	bulkLoad(b, s, benchReviews, t0)
	for _, id := range []string{"note-01", "note-04", "note-07"} {
		if err := s.SetBookmark(id, true, t0); err != nil {
			b.Fatal(err)
		}
	}
	if err := s.SaveSettings(DefaultSettings()); err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

func openBench(b *testing.B) *Bolt {
	b.Helper()
	s, err := Open(benchDB(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkOpen100k is the app's start-up cost in the store: check the
// file, open it, load bookmarks and settings, and close it again.
func BenchmarkOpen100k(b *testing.B) {
	path := benchDB(b)
	for b.Loop() {
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if len(s.Bookmarks()) != 3 {
			b.Fatal("bookmarks not loaded")
		}
		if _, err := s.Settings(); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkRecordReview is one grade: a committed, fsynced transaction.
func BenchmarkRecordReview(b *testing.B) {
	s := openBench(b)
	tm := t0.Add(benchReviews * 37 * time.Minute)
	for b.Loop() {
		tm = tm.Add(time.Minute)
		if _, err := s.RecordReview(review("note-03", tm, srs.Good)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkIsBookmarked(b *testing.B) {
	s := openBench(b)
	for b.Loop() {
		if !s.IsBookmarked("note-04") {
			b.Fatal("not bookmarked")
		}
	}
}

// BenchmarkReviewsSince100k is start-up's "new cards started today": a
// day's worth of entries (about 39) at the end of 100,000.
func BenchmarkReviewsSince100k(b *testing.B) {
	s := openBench(b)
	since := t0.Add(benchReviews*37*time.Minute - 24*time.Hour)
	for b.Loop() {
		rs, err := s.ReviewsSince(since)
		if err != nil || len(rs) < 38 || len(rs) > 40 {
			b.Fatalf("%d entries, %v", len(rs), err)
		}
	}
}

// BenchmarkStatsData100k is what the stats view needs: the whole log read
// (ForEachReviewBrief) and aggregated into reviews per local day and per
// note.
func BenchmarkStatsData100k(b *testing.B) {
	s := openBench(b)
	for b.Loop() {
		perDay := make(map[int]int)
		perNote := make(map[string]int)
		err := s.ForEachReviewBrief(func(r ReviewBrief) error {
			y, m, d := r.Time.In(time.Local).Date()
			perDay[y*10000+int(m)*100+d]++
			perNote[r.NoteID]++
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		if len(perNote) != 11 {
			b.Fatalf("%d notes", len(perNote))
		}
	}
}

// BenchmarkStatsDataFull100k is BenchmarkStatsData100k reading whole
// reviews with ForEachReview.
func BenchmarkStatsDataFull100k(b *testing.B) {
	s := openBench(b)
	for b.Loop() {
		perDay := make(map[int]int)
		perNote := make(map[string]int)
		err := s.ForEachReview(func(r Review) error {
			y, m, d := r.Time.In(time.Local).Date()
			perDay[y*10000+int(m)*100+d]++
			perNote[r.NoteID]++
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		if len(perNote) != 11 {
			b.Fatalf("%d notes", len(perNote))
		}
	}
}

func BenchmarkExport100k(b *testing.B) {
	s := openBench(b)
	for b.Loop() {
		if err := s.Export(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeReview compares the log decoder with encoding/json on one
// typical entry.
func BenchmarkDecodeReview(b *testing.B) {
	r := review("transformer-attention", t0, srs.Good)
	r.Before = r.After
	v, err := encodeReview(normReview(r))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("fast", func(b *testing.B) {
		rd := newReviewDecoder()
		b.SetBytes(int64(len(v)))
		for b.Loop() {
			if _, err := rd.decode(1, v); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("brief", func(b *testing.B) {
		rd := newReviewDecoder()
		b.SetBytes(int64(len(v)))
		for b.Loop() {
			if _, err := rd.decodeBrief(1, v); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(v)))
		for b.Loop() {
			var d diskReview
			if err := json.Unmarshal(v, &d); err != nil {
				b.Fatal(err)
			}
		}
	})
}
