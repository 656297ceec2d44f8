package store

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"mianjing/srs"
)

// randomReview makes reviews covering what the encoder can produce:
// awkward floats, extreme integers, escapes, non-ASCII, empty fields.
func randomReview(rng *rand.Rand) Review {
	strs := []string{"", "a", "注意力机制", "tab\there", `quote"and\backslash`, "<b>&</b>", "\u2028line", "emoji 🤖", "ctl\x01"}
	floats := []float64{0, 1, 0.1, 1e-7, 123456.789, math.MaxFloat64, math.SmallestNonzeroFloat64, 5.25}
	card := func() srs.Card {
		return srs.Card{
			State:      srs.State(rng.IntN(4)),
			Stability:  floats[rng.IntN(len(floats))] * rng.Float64(),
			Difficulty: floats[rng.IntN(len(floats))],
			Due:        time.UnixMilli(rng.Int64N(1 << 45)).UTC(),
			LastReview: time.UnixMilli(rng.Int64N(1 << 45)).UTC(),
			Step:       rng.IntN(3),
			Reps:       rng.IntN(1 << 20),
			Lapses:     rng.IntN(10),
		}
	}
	return Review{
		Seq:      rng.Uint64N(1 << 40),
		NoteID:   strs[rng.IntN(len(strs))] + "id",
		Time:     time.UnixMilli(1 + rng.Int64N(1<<45)).UTC(),
		Rating:   srs.Rating(1 + rng.IntN(4)),
		Before:   card(),
		After:    card(),
		Duration: rng.Int64N(math.MaxInt64),
		Mode:     []Mode{"", ModeDue, ModeAll}[rng.IntN(3)],
		Answer:   strs[rng.IntN(len(strs))],
		Ticked:   rng.IntN(3),
		Points:   rng.IntN(3),
	}
}

func TestReviewCodecRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	rd := newReviewDecoder()
	fastHits := 0
	for range 2000 {
		r := randomReview(rng)
		r.Answer = string([]rune(r.Answer)) // as stored: valid UTF-8
		v, err := encodeReview(r)
		if err != nil {
			t.Fatal(err)
		}
		got, err := rd.decode(r.Seq, v)
		if err != nil {
			t.Fatalf("decode %s: %v", v, err)
		}
		if !reflect.DeepEqual(got, r) {
			t.Fatalf("round trip of %s:\n got %+v\nwant %+v", v, got, r)
		}
		var d diskReview
		var br ReviewBrief
		if rd.fast(v, &d) && rd.brief(v, &br) {
			fastHits++
		}
		if brief, err := rd.decodeBrief(r.Seq, v); err != nil || brief != r.Brief() {
			t.Fatalf("brief of %s = %+v, %v; want %+v", v, brief, err, r.Brief())
		}
	}
	// The fast path must carry what the store itself writes.
	if fastHits != 2000 {
		t.Errorf("fast path took %d of 2000 encoded reviews", fastHits)
	}
}

// FuzzReviewDecoder checks the fast decoder never accepts input that
// encoding/json decodes differently or rejects.
func FuzzReviewDecoder(f *testing.F) {
	rng := rand.New(rand.NewPCG(9, 10))
	for range 20 {
		v, _ := encodeReview(randomReview(rng))
		f.Add(v)
	}
	for _, s := range []string{
		`{}`, `{"note_id":"a","note_id":"b"}`, `{"rating":300}`, `{"rating":-128}`, `{"time_ms":1.5}`,
		`{"time_ms":01}`, `{"time_ms":-0}`, `{"Note_ID":"x"}`, `{"note_id":null}`, `{"before":{"state":1,"state":2}}`,
		`{"before":{"stability":1e400}}`, `{"answer":"\ud83e\udd16\n"}`, `{"answer":"\ud800"}`, `{"mode":"a"} x`,
		`{"note_id":"a",}`, `{"a":1}`, ` {"ticked" : 2 } `, `{"time_ms":9223372036854775807}`, `{"time_ms":-9223372036854775808}`,
		`{"time_ms":9223372036854775808}`, "{\"note_id\":\"\xff\"}", `{"before":{}}`, `{"before":[]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var std diskReview
		stdErr := json.Unmarshal(data, &std)
		// The brief path skips the cards, so it is only held to
		// encoding/json where that succeeds.
		var br ReviewBrief
		if stdErr == nil && newReviewDecoder().brief(data, &br) {
			if want := std.review(0).Brief(); br != want {
				t.Fatalf("%q: brief %+v, encoding/json %+v", data, br, want)
			}
		}
		var fast diskReview
		if !newReviewDecoder().fast(data, &fast) {
			return
		}
		if stdErr != nil {
			t.Fatalf("fast path accepted %q, encoding/json says %v", data, stdErr)
		}
		if !reflect.DeepEqual(fast, std) {
			t.Fatalf("%q: fast %+v, encoding/json %+v", data, fast, std)
		}
	})
}
