package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// streamLevel is the zlib level the pages are compressed at (gofpdf is
// told to leave them uncompressed; they are a tenth of the file).
const streamLevel = zlib.DefaultCompression

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
	m := startXref.FindSubmatch(pdf)
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

var (
	defaultWidth = regexp.MustCompile(`/DW (\d+)\n/W \[`)
	widthRange   = regexp.MustCompile(`^ \d+ \d+ (\d+)`)
	widthList    = regexp.MustCompile(`^ \d+ \[ ([\d ]+) \]\n`)
)

// trimWidths drops from a CIDFont's /W array the entries that only repeat
// its /DW, the width a glyph missing from /W has (ISO 32000-1 §9.7.4.3):
// gofpdf lists every Chinese character at the default 1000, a twentieth of
// a report's PDF. The entries are gofpdf's two forms, "first last width"
// and "first [ widths ]\n"; a list stays whole unless all its widths are
// the default. Anything else leaves the object as it is.
func trimWidths(obj []byte) []byte {
	m := defaultWidth.FindSubmatchIndex(obj)
	if m == nil {
		return obj
	}
	dw := string(obj[m[2]:m[3]])
	out := make([]byte, 0, len(obj))
	out = append(out, obj[:m[1]]...)
	w := obj[m[1]:]
	for !bytes.HasPrefix(w, []byte(" ]")) {
		var e []int
		if e = widthList.FindSubmatchIndex(w); e != nil {
			if !slices.ContainsFunc(strings.Fields(string(w[e[2]:e[3]])), func(v string) bool { return v != dw }) {
				e[2] = -1 // all the default
			}
		} else if e = widthRange.FindSubmatchIndex(w); e != nil {
			if string(w[e[2]:e[3]]) == dw {
				e[2] = -1
			}
		} else {
			return obj
		}
		if e[2] >= 0 {
			out = append(out, w[:e[1]]...)
		}
		w = w[e[1]:]
	}
	return append(out, w...)
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
