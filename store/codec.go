package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"strconv"
	"time"
	"unicode/utf8"

	"mianjing/srs"
)

// On disk every value is JSON (inspectable with the bbolt CLI) and every
// time is an integer of UTC milliseconds, 0 meaning unset.

// diskCard is srs.Card as stored.
type diskCard struct {
	State      srs.State `json:"state"`
	Stability  float64   `json:"stability"`
	Difficulty float64   `json:"difficulty"`
	Due        int64     `json:"due_ms"`
	LastReview int64     `json:"last_review_ms"`
	Step       int       `json:"step"`
	Reps       int       `json:"reps"`
	Lapses     int       `json:"lapses"`
}

// diskReview is a Review as stored; its Seq is the key.
type diskReview struct {
	NoteID   string     `json:"note_id"`
	Time     int64      `json:"time_ms"`
	Rating   srs.Rating `json:"rating"`
	Before   diskCard   `json:"before"`
	After    diskCard   `json:"after"`
	Duration int64      `json:"duration_ms"`
	Mode     Mode       `json:"mode"`
	Answer   string     `json:"answer,omitempty"`
	Ticked   int        `json:"ticked,omitempty"`
	Points   int        `json:"points,omitempty"`
}

func toMillis(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

func fromMillis(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms).UTC()
}

func toDiskCard(c srs.Card) diskCard {
	return diskCard{c.State, c.Stability, c.Difficulty, toMillis(c.Due), toMillis(c.LastReview), c.Step, c.Reps, c.Lapses}
}

func (d diskCard) card() srs.Card {
	return srs.Card{State: d.State, Stability: d.Stability, Difficulty: d.Difficulty,
		Due: fromMillis(d.Due), LastReview: fromMillis(d.LastReview), Step: d.Step, Reps: d.Reps, Lapses: d.Lapses}
}

func toDiskReview(r Review) diskReview {
	return diskReview{r.NoteID, toMillis(r.Time), r.Rating, toDiskCard(r.Before), toDiskCard(r.After),
		r.Duration, r.Mode, r.Answer, r.Ticked, r.Points}
}

func (d *diskReview) review(seq uint64) Review {
	return Review{Seq: seq, NoteID: d.NoteID, Time: fromMillis(d.Time), Rating: d.Rating,
		Before: d.Before.card(), After: d.After.card(), Duration: d.Duration, Mode: d.Mode,
		Answer: d.Answer, Ticked: d.Ticked, Points: d.Points}
}

// marshalValue encodes v without HTML escaping, so answers stay readable
// and take the decoder's fast path.
func marshalValue(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte{'\n'}), nil
}

func encodeCard(c srs.Card) ([]byte, error) { return marshalValue(toDiskCard(c)) }

// decodeCard reads the layout encodeCard writes with the review decoder's
// parser (Cards of a 10,000-note deck took 60 ms through encoding/json),
// and anything else through encoding/json.
func decodeCard(b []byte) (srs.Card, error) {
	var d diskCard
	p := parser{b: b}
	if p.card(&d) && p.i == len(b) {
		return d.card(), nil
	}
	var slow diskCard
	if err := json.Unmarshal(b, &slow); err != nil {
		return srs.Card{}, err
	}
	return slow.card(), nil
}

func encodeReview(r Review) ([]byte, error) { return marshalValue(toDiskReview(r)) }

func seqKey(seq uint64) []byte {
	return binary.BigEndian.AppendUint64(make([]byte, 0, 8), seq)
}

func keySeq(k []byte) (uint64, bool) {
	if len(k) != 8 {
		return 0, false
	}
	return binary.BigEndian.Uint64(k), true
}

// reviewDecoder decodes log values. Reading the whole log is the cost of
// the stats view, and encoding/json needs about 11 µs per entry on a slow
// machine (over a second for 100,000 entries), so the decoder reads the
// exact layout encodeReview writes (fields in struct order, no spaces) and
// hands anything else to encoding/json. It accepts only input that
// encoding/json decodes the same way (FuzzReviewDecoder checks this).
type reviewDecoder struct {
	ids map[string]string // interned note ids: a log names few notes many times
}

func newReviewDecoder() *reviewDecoder {
	return &reviewDecoder{ids: make(map[string]string)}
}

func (rd *reviewDecoder) decode(seq uint64, b []byte) (Review, error) {
	var d diskReview
	if !rd.fast(b, &d) {
		// A separate variable: passing d itself to json.Unmarshal would
		// move it to the heap on the fast path too.
		var slow diskReview
		if err := json.Unmarshal(b, &slow); err != nil {
			return Review{}, err
		}
		d = slow
	}
	return d.review(seq), nil
}

// fast decodes b into d, reporting false when b is not in the layout
// encodeReview writes.
func (rd *reviewDecoder) fast(b []byte, d *diskReview) bool {
	p := parser{b: b}
	if !p.lit(`{"note_id":`) || !rd.noteID(&p, &d.NoteID) {
		return false
	}
	var rating int64
	ok := p.lit(`,"time_ms":`) && p.int(&d.Time, 64) &&
		p.lit(`,"rating":`) && p.int(&rating, 8) &&
		p.lit(`,"before":`) && p.card(&d.Before) &&
		p.lit(`,"after":`) && p.card(&d.After) &&
		p.lit(`,"duration_ms":`) && p.int(&d.Duration, 64) &&
		p.lit(`,"mode":`) && p.mode(&d.Mode)
	if !ok {
		return false
	}
	d.Rating = srs.Rating(rating)
	if p.lit(`,"answer":`) {
		if d.Answer, ok = p.string(); !ok {
			return false
		}
	}
	if p.lit(`,"ticked":`) && !p.goInt(&d.Ticked) {
		return false
	}
	if p.lit(`,"points":`) && !p.goInt(&d.Points) {
		return false
	}
	return p.lit("}") && p.i == len(b)
}

// decodeBrief is decode for ReviewBrief, skipping most of the cards.
func (rd *reviewDecoder) decodeBrief(seq uint64, b []byte) (ReviewBrief, error) {
	var r ReviewBrief
	if !rd.brief(b, &r) {
		full, err := rd.decode(seq, b)
		if err != nil {
			return ReviewBrief{}, err
		}
		return full.Brief(), nil
	}
	r.Seq = seq
	return r, nil
}

// brief decodes the fields of a ReviewBrief from b, skipping the cards
// but their state; false when b is not in encodeReview's layout.
func (rd *reviewDecoder) brief(b []byte, r *ReviewBrief) bool {
	p := parser{b: b}
	if !p.lit(`{"note_id":`) || !rd.noteID(&p, &r.NoteID) {
		return false
	}
	var ms, rating, state int64
	ok := p.lit(`,"time_ms":`) && p.int(&ms, 64) &&
		p.lit(`,"rating":`) && p.int(&rating, 8) &&
		p.lit(`,"before":{"state":`) && p.int(&state, 8) && p.skipCard() &&
		p.lit(`,"after":{`) && p.skipCard() &&
		p.lit(`,"duration_ms":`) && p.int(&r.Duration, 64) &&
		p.lit(`,"mode":`) && p.mode(&r.Mode)
	r.Time, r.Rating, r.State = fromMillis(ms), srs.Rating(rating), srs.State(state)
	return ok
}

// noteID reads the note id string, interned.
func (rd *reviewDecoder) noteID(p *parser, id *string) bool {
	raw, simple, ok := p.str()
	switch {
	case !ok:
		return false
	case simple:
		s, found := rd.ids[string(raw)]
		if !found {
			s = string(raw)
			rd.ids[s] = s
		}
		*id = s
		return true
	default:
		*id, ok = unquote(raw)
		return ok
	}
}

// skipCard moves past the rest of a card object, which holds only numbers.
func (p *parser) skipCard() bool {
	end := bytes.IndexByte(p.b[p.i:], '}')
	if end < 0 {
		return false
	}
	p.i += end + 1
	return true
}

// parser reads the fixed layout of a stored value.
type parser struct {
	b []byte
	i int
}

// lit consumes s if the input continues with it.
func (p *parser) lit(s string) bool {
	if len(p.b)-p.i >= len(s) && string(p.b[p.i:p.i+len(s)]) == s {
		p.i += len(s)
		return true
	}
	return false
}

func (p *parser) card(c *diskCard) bool {
	var state int64
	ok := p.lit(`{"state":`) && p.int(&state, 8) &&
		p.lit(`,"stability":`) && p.float(&c.Stability) &&
		p.lit(`,"difficulty":`) && p.float(&c.Difficulty) &&
		p.lit(`,"due_ms":`) && p.int(&c.Due, 64) &&
		p.lit(`,"last_review_ms":`) && p.int(&c.LastReview, 64) &&
		p.lit(`,"step":`) && p.goInt(&c.Step) &&
		p.lit(`,"reps":`) && p.goInt(&c.Reps) &&
		p.lit(`,"lapses":`) && p.goInt(&c.Lapses) &&
		p.lit("}")
	c.State = srs.State(state)
	return ok
}

// str scans a string token. simple means raw is the string's exact bytes
// (no escapes); otherwise raw is the quoted token for unquote.
func (p *parser) str() (raw []byte, simple, ok bool) {
	b := p.b
	if p.i >= len(b) || b[p.i] != '"' {
		return nil, false, false
	}
	start := p.i + 1
	end := bytes.IndexByte(b[start:], '"')
	if end < 0 {
		return nil, false, false
	}
	s := b[start : start+end]
	if bytes.IndexByte(s, '\\') >= 0 {
		return p.escaped()
	}
	ascii := true
	for _, c := range s {
		if c < 0x20 {
			return nil, false, false
		}
		if c >= 0x80 {
			ascii = false
		}
	}
	if !ascii && !utf8.Valid(s) {
		return nil, false, false
	}
	p.i = start + end + 1
	return s, true, true
}

// escaped finds the end of a string token holding escapes.
func (p *parser) escaped() ([]byte, bool, bool) {
	for j := p.i + 1; j < len(p.b); j++ {
		switch p.b[j] {
		case '"':
			tok := p.b[p.i : j+1]
			p.i = j + 1
			return tok, false, true
		case '\\':
			j++ // the escaped byte may be a quote
		}
	}
	return nil, false, false
}

func (p *parser) string() (string, bool) {
	raw, simple, ok := p.str()
	if !ok {
		return "", false
	}
	if simple {
		return string(raw), true
	}
	return unquote(raw)
}

// mode reads a Mode, without allocating for the known ones.
func (p *parser) mode(m *Mode) bool {
	raw, simple, ok := p.str()
	if !ok || !simple {
		return false
	}
	switch string(raw) {
	case string(ModeDue):
		*m = ModeDue
	case string(ModeAll):
		*m = ModeAll
	case string(ModeBookmarked):
		*m = ModeBookmarked
	case string(ModeOne):
		*m = ModeOne
	case string(ModeCram):
		*m = ModeCram
	case string(ModeReset):
		*m = ModeReset
	default:
		*m = Mode(raw)
	}
	return true
}

// unquote decodes a string token with escapes the way encoding/json does.
func unquote(tok []byte) (string, bool) {
	var s string
	if err := json.Unmarshal(tok, &s); err != nil {
		return "", false
	}
	return s, true
}

// int reads an integer that fits in bits, as encoding/json does for an
// integer field (strconv.ParseInt on a JSON number without fraction or
// exponent).
func (p *parser) int(v *int64, bits uint) bool {
	b := p.b[p.i:]
	k := 0
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		k = 1
	}
	start := k
	var n uint64
	for ; k < len(b); k++ {
		c := b[k] - '0'
		if c > 9 {
			break
		}
		n = n*10 + uint64(c) // may wrap past 19 digits, refused below
	}
	digits := k - start
	if digits == 0 || digits > 19 || (digits > 1 && b[start] == '0') {
		return false // empty, too long, or a leading zero
	}
	if k < len(b) && (b[k] == '.' || b[k] == 'e' || b[k] == 'E') {
		return false
	}
	limit := uint64(1) << (bits - 1)
	if neg {
		if n > limit {
			return false
		}
		*v = int64(-n) // two's complement: also right for n == limit
	} else {
		if n >= limit {
			return false
		}
		*v = int64(n)
	}
	p.i += k
	return true
}

func (p *parser) goInt(v *int) bool {
	var x int64
	if !p.int(&x, strconv.IntSize) {
		return false
	}
	*v = int(x)
	return true
}

// float reads a token of the JSON number grammar with strconv.ParseFloat,
// as encoding/json does.
func (p *parser) float(v *float64) bool {
	b, i := p.b, p.i
	start := i
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	default:
		return false
	}
	if i < len(b) && b[i] == '.' {
		i++
		d := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		if i == d {
			return false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		d := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		if i == d {
			return false
		}
	}
	// The conversion does not escape, so it costs no allocation.
	f, err := strconv.ParseFloat(string(b[start:i]), 64)
	if err != nil {
		return false
	}
	*v = f
	p.i = i
	return true
}
