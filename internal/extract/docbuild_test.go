package extract_test

import (
	"encoding/binary"
	"slices"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// This file writes compound files and Word 97 documents byte by byte,
// from the layouts of MS-CFB and MS-DOC, so that the tests can make the
// cases an office suite does not write on request: 8-bit and GBK
// pieces, pieces stored out of order (a fast save), tracked deletions,
// encryption, damage.

var le = binary.LittleEndian

// cfbStream is a stream under a compound file's root.
type cfbStream struct {
	name string
	data []byte
}

// buildCFB writes a version 3 compound file (512-byte sectors): streams
// under 4096 bytes in the mini stream, the others in sectors of their
// own; the directory's entries as a chain of right siblings.
func buildCFB(streams []cfbStream) []byte {
	const ss, end, free, fatSect = 512, 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
	var mini []byte
	var miniFAT []uint32
	type placed struct {
		start uint32
		size  int
	}
	at := make([]placed, len(streams))
	var big []int
	for i, s := range streams {
		if len(s.data) >= 4096 {
			big = append(big, i)
			continue
		}
		if len(s.data) == 0 {
			at[i] = placed{end, 0}
			continue
		}
		first := uint32(len(miniFAT))
		n := (len(s.data) + 63) / 64
		for k := range n {
			next := first + uint32(k) + 1
			if k == n-1 {
				next = end
			}
			miniFAT = append(miniFAT, next)
		}
		mini = append(mini, s.data...)
		mini = append(mini, make([]byte, n*64-len(s.data))...)
		at[i] = placed{first, len(s.data)}
	}
	// Chains to place, in order: directory, mini FAT, mini stream, big
	// streams.
	dir := make([]byte, 128*(len(streams)+1))
	var miniFATBytes []byte
	for _, v := range miniFAT {
		miniFATBytes = le.AppendUint32(miniFATBytes, v)
	}
	chains := [][]byte{dir, miniFATBytes, mini}
	for _, i := range big {
		chains = append(chains, streams[i].data)
	}
	var fat []uint32
	starts := make([]uint32, len(chains))
	for ci, c := range chains {
		n := (len(c) + ss - 1) / ss
		starts[ci] = end
		if n == 0 {
			continue
		}
		starts[ci] = uint32(len(fat))
		for k := range n {
			next := uint32(len(fat)) + 1
			if k == n-1 {
				next = end
			}
			_ = k
			fat = append(fat, next)
		}
	}
	nFAT := 1
	for (len(fat)+nFAT+127)/128 > nFAT {
		nFAT++
	}
	firstFAT := uint32(len(fat))
	for range nFAT {
		fat = append(fat, fatSect)
	}
	for len(fat)%128 != 0 {
		fat = append(fat, free)
	}
	for i, s := range streams {
		if k := slices.Index(big, i); k >= 0 {
			at[i] = placed{starts[3+k], len(s.data)}
		}
	}
	entry := func(n int, name string, typ byte, start uint32, size int, right, child uint32) {
		e := dir[128*n : 128*(n+1)]
		u := utf16.Encode([]rune(name))
		for i, c := range u {
			le.PutUint16(e[2*i:], c)
		}
		le.PutUint16(e[0x40:], uint16(2*(len(u)+1)))
		e[0x42], e[0x43] = typ, 1
		le.PutUint32(e[0x44:], free)
		le.PutUint32(e[0x48:], right)
		le.PutUint32(e[0x4C:], child)
		le.PutUint32(e[0x74:], start)
		le.PutUint32(e[0x78:], uint32(size))
	}
	rootChild := uint32(free)
	if len(streams) > 0 {
		rootChild = 1
	}
	entry(0, "Root Entry", 5, starts[2], len(mini), free, rootChild)
	for i, s := range streams {
		right := uint32(i + 2)
		if i == len(streams)-1 {
			right = free
		}
		entry(i+1, s.name, 2, at[i].start, at[i].size, right, free)
	}
	h := make([]byte, ss)
	copy(h, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
	le.PutUint16(h[0x18:], 0x3E)
	le.PutUint16(h[0x1A:], 3)
	le.PutUint16(h[0x1C:], 0xFFFE)
	le.PutUint16(h[0x1E:], 9)
	le.PutUint16(h[0x20:], 6)
	le.PutUint32(h[0x2C:], uint32(nFAT))
	le.PutUint32(h[0x30:], starts[0])
	le.PutUint32(h[0x38:], 4096)
	le.PutUint32(h[0x3C:], starts[1])
	le.PutUint32(h[0x40:], uint32((len(miniFATBytes)+ss-1)/ss))
	le.PutUint32(h[0x44:], end)
	for i := range 109 {
		v := uint32(free)
		if i < nFAT {
			v = firstFAT + uint32(i)
		}
		le.PutUint32(h[0x4C+4*i:], v)
	}
	out := h
	for _, c := range chains {
		out = append(out, c...)
		if r := len(c) % ss; r != 0 {
			out = append(out, make([]byte, ss-r)...)
		}
	}
	for _, v := range fat {
		out = le.AppendUint32(out, v)
	}
	return out
}

// docPiece is a piece of the main text and how it is stored.
type docPiece struct {
	text string
	enc  string // "utf16", "cp1252" or "gbk" (the last two 8-bit pieces)
}

// docPara is a paragraph's properties, for the paragraph ending at the
// mark at CP end (exclusive of the next one).
type docPara struct {
	end    int // CP of the paragraph's mark
	grpprl []byte
}

// wordDoc describes a Word 97 document to write.
type wordDoc struct {
	pieces []docPiece
	// reversed stores the pieces in the file in the opposite order of
	// the text (as fast saves leave them).
	reversed bool
	paras    []docPara
	// piecePrc are fast-saved properties of pieces, by piece index: each
	// written as a Prc before the piece table, the piece's Prm naming it.
	piecePrc map[int][]byte
	// deleted are CP ranges [a, b) marked deleted by tracked changes.
	deleted [][2]int
	lid     uint16
	flags   uint16
	nFib    uint16
	extra   []cfbStream
	noTable bool
}

// encodePiece is a piece's bytes.
func encodePiece(p docPiece) []byte {
	switch p.enc {
	case "cp1252":
		b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(p.text))
		if err != nil {
			panic(err)
		}
		return b
	case "gbk":
		b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(p.text))
		if err != nil {
			panic(err)
		}
		return b
	}
	var b []byte
	for _, u := range utf16.Encode([]rune(p.text)) {
		b = le.AppendUint16(b, u)
	}
	return b
}

// build writes the document as a compound file.
func (w wordDoc) build() []byte {
	const fibSize, textAt = 898, 1024
	wd := make([]byte, textAt)
	type stored struct{ fc, width, cps int }
	st := make([]stored, len(w.pieces))
	order := make([]int, len(w.pieces))
	for i := range order {
		order[i] = i
	}
	if w.reversed {
		slices.Reverse(order)
	}
	for _, i := range order {
		b := encodePiece(w.pieces[i])
		width := 2
		if w.pieces[i].enc != "utf16" {
			width = 1
		}
		st[i] = stored{len(wd), width, len(b) / width}
		wd = append(wd, b...)
	}
	// fcOf is a CP's file position.
	var cpStart []int
	total := 0
	for _, s := range st {
		cpStart = append(cpStart, total)
		total += s.cps
	}
	fcOf := func(cp int) uint32 {
		for i := len(st) - 1; i >= 0; i-- {
			if cp >= cpStart[i] {
				return uint32(st[i].fc + (cp-cpStart[i])*st[i].width)
			}
		}
		return 0
	}
	var table []byte
	// The piece table.
	var plc []byte
	for _, c := range cpStart {
		plc = le.AppendUint32(plc, uint32(c))
	}
	plc = le.AppendUint32(plc, uint32(total))
	fcClx := len(table)
	nPrc := 0
	for i, s := range st {
		fc := uint32(s.fc)
		if s.width == 1 {
			fc = uint32(2*s.fc) | 0x40000000
		}
		plc = append(plc, 0, 0)
		plc = le.AppendUint32(plc, fc)
		var prm uint16
		if g, ok := w.piecePrc[i]; ok {
			table = append(table, 1)
			table = le.AppendUint16(table, uint16(len(g)))
			table = append(table, g...)
			prm = uint16(nPrc<<1 | 1)
			nPrc++
		}
		plc = le.AppendUint16(plc, prm)
	}
	table = append(table, 2)
	table = le.AppendUint32(table, uint32(len(plc)))
	table = append(table, plc...)
	lcbClx := len(table) - fcClx
	papx := func() (int, int) {
		if len(w.paras) == 0 {
			return 0, 0
		}
		start := 0
		var runs []fkpRun
		for _, p := range w.paras {
			runs = append(runs, fkpRun{fcOf(start), fcOf(p.end + 1), p.grpprl})
			start = p.end + 1
		}
		return w.plcBte(&wd, &table, runs, papxPage)
	}
	fcPapx, lcbPapx := papx()
	fcChpx, lcbChpx := 0, 0
	if len(w.deleted) > 0 {
		var runs []fkpRun
		for _, d := range w.deleted {
			runs = append(runs, fkpRun{fcOf(d[0]), fcOf(d[1]), []byte{0x00, 0x08, 1}})
		}
		fcChpx, lcbChpx = w.plcBte(&wd, &table, runs, chpxPage)
	}
	// The FIB.
	le.PutUint16(wd[0:], 0xA5EC)
	nFib := w.nFib
	if nFib == 0 {
		nFib = 0xC1
	}
	le.PutUint16(wd[2:], nFib)
	lid := w.lid
	if lid == 0 {
		lid = 0x0804
	}
	le.PutUint16(wd[6:], lid)
	le.PutUint16(wd[0x0A:], w.flags|0x0200) // 1Table
	le.PutUint16(wd[32:], 14)
	le.PutUint16(wd[62:], 22)
	le.PutUint32(wd[64+12:], uint32(total)) // ccpText
	le.PutUint16(wd[152:], 93)
	pair := func(i, fc, lcb int) {
		le.PutUint32(wd[154+8*i:], uint32(fc))
		le.PutUint32(wd[154+8*i+4:], uint32(lcb))
	}
	pair(12, fcChpx, lcbChpx)
	pair(13, fcPapx, lcbPapx)
	pair(33, fcClx, lcbClx)
	_ = fibSize
	for len(wd) < 4096 {
		wd = append(wd, 0)
	}
	streams := []cfbStream{{"WordDocument", wd}}
	if !w.noTable {
		streams = append(streams, cfbStream{"1Table", table})
	}
	return buildCFB(append(streams, w.extra...))
}

// fkpRun is a run of text [start, end) by file position and its grpprl.
type fkpRun struct {
	start, end uint32
	grpprl     []byte
}

// plcBte writes the runs as FKP pages at the end of WordDocument (a few
// runs a page, so that rows of a few cells fit) and their PlcBte in the table stream.
func (w wordDoc) plcBte(wd, table *[]byte, runs []fkpRun, page func([]fkpRun) []byte) (int, int) {
	var fcs, pns []uint32
	for i := 0; i < len(runs); i += 3 {
		chunk := runs[i:min(i+3, len(runs))]
		for len(*wd)%512 != 0 {
			*wd = append(*wd, 0)
		}
		pns = append(pns, uint32(len(*wd)/512))
		fcs = append(fcs, chunk[0].start)
		*wd = append(*wd, page(chunk)...)
	}
	fcs = append(fcs, runs[len(runs)-1].end)
	at := len(*table)
	for _, v := range fcs {
		*table = le.AppendUint32(*table, v)
	}
	for _, v := range pns {
		*table = le.AppendUint32(*table, v)
	}
	return at, len(*table) - at
}

// fkpPage is a formatted disk page: the runs' rgfc, then for each run
// an entry of width bytes whose first byte is the word offset of its
// properties, written by body from the end of the page backwards.
func fkpPage(runs []fkpRun, width int, body func(fkpRun) []byte) []byte {
	p := make([]byte, 512)
	n := len(runs)
	for i, r := range runs {
		le.PutUint32(p[4*i:], r.start)
	}
	le.PutUint32(p[4*n:], runs[n-1].end)
	top := 511
	for i, r := range runs {
		b := body(r)
		top = (top - len(b)) &^ 1
		copy(p[top:], b)
		p[4*(n+1)+width*i] = byte(top / 2)
	}
	p[511] = byte(n)
	return p
}

// papxPage is a PapxFkp: each PapxInFkp is cb 0, cb' and istd 0 with
// the grpprl (padded to whole words).
func papxPage(runs []fkpRun) []byte {
	return fkpPage(runs, 13, func(r fkpRun) []byte {
		body := append([]byte{0, 0}, r.grpprl...)
		if len(body)%2 == 1 {
			body = append(body, 0)
		}
		return append([]byte{0, byte(len(body) / 2)}, body...)
	})
}

// chpxPage is a ChpxFkp: each Chpx is cb and the grpprl.
func chpxPage(runs []fkpRun) []byte {
	return fkpPage(runs, 1, func(r fkpRun) []byte { return append([]byte{byte(len(r.grpprl))}, r.grpprl...) })
}

// inCell is a table cell's paragraph properties: in a table, depth 1.
var inCell = []byte{0x16, 0x24, 1, 0x49, 0x66, 1, 0, 0, 0}

// docText is a document's text as paragraphs, each ending in its mark
// (\r, or \x07 in a table) with its properties.
type docText []struct {
	text   string // the paragraph with its mark
	grpprl []byte
}

// doc is the text as one UTF-16 piece with each paragraph's properties.
func (t docText) doc() wordDoc {
	var text []rune
	var paras []docPara
	for _, p := range t {
		text = append(text, []rune(p.text)...)
		paras = append(paras, docPara{end: len(text) - 1, grpprl: p.grpprl})
	}
	return wordDoc{pieces: []docPiece{{string(text), "utf16"}}, paras: paras}
}

// rowEnd is a TTP's grpprl: in a table, the row's end, and its cells'
// boundaries (in twips) with each cell's vertMerge (0, 1 continued,
// 3 first) and horzMerge.
func rowEnd(bounds []int, vert, horz []byte) []byte {
	g := []byte{0x16, 0x24, 1, 0x17, 0x24, 1, 0x49, 0x66, 1, 0, 0, 0}
	n := len(bounds) - 1
	op := []byte{byte(n)}
	for _, b := range bounds {
		op = le.AppendUint16(op, uint16(int16(b)))
	}
	for i := range n {
		var grf uint16
		if i < len(horz) {
			grf |= uint16(horz[i])
		}
		if i < len(vert) {
			grf |= uint16(vert[i]) << 5
		}
		tc := make([]byte, 20)
		le.PutUint16(tc, grf)
		op = append(op, tc...)
	}
	g = le.AppendUint16(g, 0xD608)
	g = le.AppendUint16(g, uint16(len(op)+1))
	return append(g, op...)
}
