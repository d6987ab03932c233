package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
)

// streamLevel is the zlib level the pages are compressed at (gofpdf is
// told to leave them uncompressed; they are a sixteenth of the file). The
// fastest level makes them 9 % larger than the default, 0.5 % of the
// file, in a third of the time, and its writer touches a quarter of the
// memory.
const streamLevel = zlib.BestSpeed

var (
	startXref  = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	xrefEntry  = regexp.MustCompile(`(\d{10}) (\d{5}) ([nf])`)
	lengthKey  = regexp.MustCompile(`/Length (\d+)`)
	streamHead = []byte("stream\n")
)

// recompress returns gofpdf's file with each stream compressed (see
// writeObject), the /Length of each changed stream and the
// cross-reference table set to the new offsets. It reads only the layout
// gofpdf writes (a classic xref table, direct stream lengths) and refuses
// anything else, so a change in gofpdf shows as an error, not a broken file.
func recompress(pdf []byte) ([]byte, error) {
	offsets, xref, err := objectOffsets(pdf)
	if err != nil {
		return nil, err
	}
	order := make([]int, 0, len(offsets))
	for n, off := range offsets {
		if off > 0 {
			order = append(order, n)
		}
	}
	slices.SortFunc(order, func(a, b int) int { return offsets[a] - offsets[b] })
	if len(order) == 0 {
		return nil, fmt.Errorf("pdf: recompress: no objects")
	}
	out := bytes.NewBuffer(make([]byte, 0, len(pdf)))
	out.Write(pdf[:offsets[order[0]]])
	moved := make([]int, len(offsets))
	z := newRezipper()
	for i, n := range order {
		end := xref
		if i+1 < len(order) {
			end = offsets[order[i+1]]
		}
		moved[n] = out.Len()
		if err := z.writeObject(out, pdf[offsets[n]:end]); err != nil {
			return nil, fmt.Errorf("pdf: recompress object %d: %w", n, err)
		}
	}
	writeXref(out, moved, pdf[xref:])
	return out.Bytes(), nil
}

// objectOffsets reads the cross-reference table: the offset of each
// object by number (0 for a free entry) and where the table starts.
func objectOffsets(pdf []byte) ([]int, int, error) {
	// The regexp is matched against the file's tail only: unanchored at
	// its start, it would try every offset of the whole file.
	m := startXref.FindSubmatch(pdf[max(0, bytes.LastIndex(pdf, []byte("startxref"))):])
	if m == nil {
		return nil, 0, fmt.Errorf("pdf: recompress: no startxref")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if xref >= len(pdf) || !bytes.HasPrefix(pdf[xref:], []byte("xref\n0 ")) {
		return nil, 0, fmt.Errorf("pdf: recompress: no xref table at %d", xref)
	}
	table := pdf[xref:]
	t := bytes.Index(table, []byte("trailer"))
	if t < 0 || !bytes.Contains(table[t:], []byte("startxref")) {
		return nil, 0, fmt.Errorf("pdf: recompress: no trailer")
	}
	table = table[:t]
	var offsets []int
	for _, e := range xrefEntry.FindAllSubmatch(table, -1) {
		off := 0
		if string(e[3]) == "n" {
			off, _ = strconv.Atoi(string(e[1]))
		}
		if off >= xref {
			return nil, 0, fmt.Errorf("pdf: recompress: object offset %d past the xref", off)
		}
		offsets = append(offsets, off)
	}
	return offsets, xref, nil
}

// rezipper compresses the streams of one file with one writer and buffer
// for all of them: a zlib writer allocates about a megabyte, which for
// twenty streams cost more than compressing.
type rezipper struct {
	w   *zlib.Writer
	out bytes.Buffer
}

func newRezipper() *rezipper {
	w, _ := zlib.NewWriterLevel(io.Discard, streamLevel)
	return &rezipper{w: w}
}

// writeObject copies one object: a stream without a filter (the pages,
// which gofpdf is told to leave uncompressed) compressed at streamLevel,
// a stream gofpdf compressed (the fonts) as it is, and the widths of a
// CIDFont without the entries its default width already gives
// (trimWidths).
func (z *rezipper) writeObject(out *bytes.Buffer, obj []byte) error {
	s := bytes.Index(obj, streamHead)
	if s < 0 {
		out.Write(trimWidths(obj))
		return nil
	}
	dict := obj[:s]
	if bytes.Contains(dict, []byte("/Filter")) {
		out.Write(obj)
		return nil
	}
	lm := lengthKey.FindSubmatchIndex(dict)
	if lm == nil {
		return fmt.Errorf("stream without a direct /Length")
	}
	n, _ := strconv.Atoi(string(dict[lm[2]:lm[3]]))
	body := s + len(streamHead)
	if body+n > len(obj) {
		return fmt.Errorf("stream of %d bytes overruns the object", n)
	}
	data, err := z.compress(obj[body : body+n])
	if err != nil {
		return err
	}
	out.Write(dict[:lm[0]])
	out.WriteString("/Filter /FlateDecode /Length ")
	out.WriteString(strconv.Itoa(len(data)))
	out.Write(dict[lm[1]:])
	out.Write(streamHead)
	out.Write(data)
	out.Write(obj[body+n:])
	return nil
}

// compress returns a stream's bytes compressed at streamLevel. The bytes
// it returns are valid until the next call.
func (z *rezipper) compress(raw []byte) ([]byte, error) {
	z.out.Reset()
	z.w.Reset(&z.out)
	z.w.Write(raw)
	if err := z.w.Close(); err != nil {
		return nil, fmt.Errorf("compress stream: %w", err)
	}
	return z.out.Bytes(), nil
}

// trimWidths drops from a CIDFont's /W array the entries that only repeat
// its /DW, the width a glyph missing from /W has (ISO 32000-1 §9.7.4.3):
// gofpdf lists every Chinese character at the default 1000, a twentieth of
// a report's PDF. The entries are gofpdf's two forms, "first last width"
// and "first [ widths ]\n"; a list stays whole unless all its widths are
// the default. Anything else leaves the object as it is.
func trimWidths(obj []byte) []byte {
	at := bytes.Index(obj, []byte("/DW "))
	if at < 0 {
		return obj
	}
	dw, rest := token(obj[at+len("/DW "):])
	w, ok := bytes.CutPrefix(rest, []byte("\n/W ["))
	if !isNumber(dw) || !ok {
		return obj
	}
	out := make([]byte, 0, len(obj))
	out = append(out, obj[:len(obj)-len(w)]...)
	for {
		first, after := token(w)
		switch {
		case string(first) == "]":
			return append(out, w...)
		case !isNumber(first):
			return obj
		}
		second, tail := token(after)
		var widths [][]byte
		if string(second) == "[" {
			for {
				var v []byte
				if v, tail = token(tail); string(v) == "]" {
					break
				} else if !isNumber(v) {
					return obj
				}
				widths = append(widths, v)
			}
			tail = bytes.TrimPrefix(tail, []byte("\n"))
		} else {
			var v []byte
			if v, tail = token(tail); !isNumber(second) || !isNumber(v) {
				return obj
			}
			widths = [][]byte{v}
		}
		if slices.ContainsFunc(widths, func(v []byte) bool { return !bytes.Equal(v, dw) }) {
			out = append(out, w[:len(w)-len(tail)]...)
		}
		w = tail
	}
}

// token returns the next space-separated token of b and what follows it.
func token(b []byte) (tok, rest []byte) {
	b = bytes.TrimLeft(b, " ")
	n := bytes.IndexAny(b, " \n")
	if n < 0 {
		return b, nil
	}
	if n == 0 { // a newline
		return b[:1], b[1:]
	}
	return b[:n], b[n:]
}

func isNumber(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// writeXref writes the cross-reference table for the moved objects and
// the trailer gofpdf wrote after its own table.
func writeXref(out *bytes.Buffer, moved []int, oldXref []byte) {
	start := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", len(moved))
	for _, off := range moved[1:] {
		if off == 0 {
			out.WriteString("0000000000 65535 f \n")
			continue
		}
		fmt.Fprintf(out, "%010d 00000 n \n", off)
	}
	trailer := oldXref[bytes.Index(oldXref, []byte("trailer")):]
	trailer = trailer[:bytes.Index(trailer, []byte("startxref"))]
	out.Write(trailer)
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", start)
}
