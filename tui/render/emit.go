package render

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// maxPen bounds the SGR sequences reopened on a continuation line; glamour
// resets after every styled run, so only hostile input reaches it.
const maxPen = 16

// penState tracks the SGR style and OSC 8 hyperlink open at a point of a line.
type penState struct {
	sgr  []string
	link string
}

func (p *penState) update(seq string) {
	switch {
	case strings.HasPrefix(seq, "\x1b[") && strings.HasSuffix(seq, "m"):
		params := seq[2 : len(seq)-1]
		switch {
		case params == "" || params == "0":
			p.sgr = p.sgr[:0]
		case strings.HasPrefix(params, "0;") || strings.HasPrefix(params, ";"):
			p.sgr = append(p.sgr[:0], seq)
		case len(p.sgr) > 0 && p.sgr[len(p.sgr)-1] == seq:
		case len(p.sgr) >= maxPen:
			// Keep the latest: reopening costs every continuation line.
			p.sgr = append(p.sgr[1:], seq)
		default:
			p.sgr = append(p.sgr, seq)
		}
	case strings.HasPrefix(seq, "\x1b]8;"):
		// "ESC ] 8 ; params ; uri ST": an empty uri closes the link.
		body := strings.TrimSuffix(strings.TrimSuffix(seq[4:], "\x07"), "\x1b\\")
		if k := strings.IndexByte(body, ';'); k >= 0 && body[k+1:] != "" {
			p.link = seq
		} else {
			p.link = ""
		}
	}
}

// emitSpan writes line k of spans, updating the pen; *ei is the first escape
// not yet written.
func emitSpan(cl []cluster, escs []escape, ei *int, spans []span, k int, hang string, pen *penState) string {
	var b strings.Builder
	last := k == len(spans)-1
	if k > 0 {
		b.WriteString(hang)
		if pen.link != "" {
			b.WriteString(pen.link)
		}
		for _, s := range pen.sgr {
			b.WriteString(s)
		}
	}
	sp := spans[k]
	stop := len(cl)
	if !last {
		stop = spans[k+1].start
	}
	keepStart, keepEnd := sp.keepStart, sp.keepEnd
	for keepEnd > keepStart && cl[keepEnd-1].kind == tkSpace {
		keepEnd--
	}
	if k > 0 {
		for keepStart < keepEnd && cl[keepStart].kind == tkSpace {
			keepStart++
		}
	}
	// A line owns the escapes anchored after its first cluster up to and
	// including its end (the previous line wrote those anchored at its
	// start); the first line also owns those before its first cluster.
	for i := sp.start; ; i++ {
		for ; *ei < len(escs) && escs[*ei].at == i; *ei++ {
			b.WriteString(escs[*ei].seq)
			pen.update(escs[*ei].seq)
		}
		if i == stop {
			break
		}
		if i >= keepStart && i < keepEnd {
			b.WriteString(cl[i].s)
		}
	}
	if !last {
		if len(pen.sgr) > 0 {
			b.WriteString(ansi.ResetStyle)
		}
		if pen.link != "" {
			b.WriteString(ansi.ResetHyperlink())
		}
	}
	return b.String()
}

// emitWhole writes a line that needs no wrapping: clusters [0, keepEnd) and
// every escape, or "" when nothing visible remains.
func emitWhole(cl []cluster, escs []escape, keepEnd int) string {
	if keepEnd == 0 {
		return ""
	}
	var b strings.Builder
	ei := 0
	for i := 0; i <= len(cl); i++ {
		for ; ei < len(escs) && escs[ei].at == i; ei++ {
			b.WriteString(escs[ei].seq)
		}
		if i < keepEnd {
			b.WriteString(cl[i].s)
		}
	}
	return b.String()
}
