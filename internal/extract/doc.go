package extract

import (
	"encoding/binary"
	"errors"
	"slices"
	"sort"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// A Word 97–2003 .doc (MS-DOC) is a compound file (cfb.go) whose
// WordDocument stream starts with the FIB, the file's table of contents.
// The text is not stored in order: the piece table (the CLX, in the
// 0Table or 1Table stream) lists the pieces of the text by character
// position (CP), each at a file position (FC) in WordDocument, either
// 8-bit ("compressed", cp1252) or UTF-16LE. Fast-saved files append
// their edits as new pieces; reading by the piece table reads them as
// Word shows them. The main text is the first ccpText characters;
// footnotes, headers and text boxes follow and are not the report.
//
// In the text, \r ends a paragraph and \x07 ends a table cell; a row
// ends with one more \x07 whose paragraph properties (the PAPX, in
// formatted disk pages the PlcBtePapx lists) carry the "table terminating
// paragraph" flag (TTP) and the row's cell boundaries and merges
// (sprmTDefTable). A field is \x13 code \x14 result \x15: the result is
// what the page shows, the code is dropped. Text marked deleted by
// tracked changes (the character properties' sprmCFRMarkDel) is skipped,
// as in a .docx.
//
// WPS Writer (Kingsoft) saves its .wps files in this format, with
// extensions of its own that are ignored here; a .wps of Microsoft Works
// has no WordDocument stream and is refused in words.

// Errors of reading a .doc, written for the user.
var (
	// ErrDocEncrypted: a Word (or other Office) file with a password.
	ErrDocEncrypted = errors.New("这个文件设置了打开密码（已加密），无法读取。请在Word或WPS中打开它，去掉密码后另存为.docx再上传")
	// ErrDocOld: Word 6.0/95 or older.
	ErrDocOld = errors.New("这是Word 95或更早版本的文件，无法直接读取。请在Word或WPS中打开它，另存为.docx后再上传")
	// ErrDocBroken: a WordDocument stream whose structures do not hold.
	ErrDocBroken = errors.New("无法读取这个Word文档（.doc），文件已损坏或不完整。请在Word或WPS中打开它，另存为.docx后再上传")
)

// cfbKindError says what a compound file without a WordDocument stream is.
func cfbKindError(c *cfb) error {
	switch {
	case c.has("EncryptionInfo") || c.has("EncryptedPackage"):
		return ErrDocEncrypted
	case c.has("Workbook") || c.has("Book"):
		return errors.New("这是Excel表格文件（.xls），不是报告的Word文档。请上传报告本身（网页、PDF或Word文件）")
	case c.has("PowerPoint Document"):
		return errors.New("这是PowerPoint演示文稿（.ppt），不是报告的Word文档。请上传报告本身（网页、PDF或Word文件）")
	case c.has("CONTENTS") || c.has("MatOST"):
		return errors.New("这是Microsoft Works或旧版WPS的文件，无法直接读取。请在WPS或Word中打开它，另存为.docx或PDF后再上传")
	}
	return errors.New("这是旧版Office格式（OLE复合文件）的文件，但其中没有Word文档的正文。如果是WPS或Word文件，请另存为.docx或PDF后再上传")
}

// maxDocChars bounds the text read: a report is some 10,000 characters.
const maxDocChars = 8 << 20

// readDoc reads an OLE2 compound file holding a Word 97–2003 document.
func readDoc(data []byte) (*Document, error) {
	c, err := openCFB(data)
	if err != nil {
		return nil, err
	}
	wd, ok, err := c.stream("WordDocument")
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, cfbKindError(c)
	}
	f, err := readFIB(wd)
	if err != nil {
		return nil, err
	}
	name := "0Table"
	if f.flags&0x0200 != 0 {
		name = "1Table"
	}
	table, ok, err := c.stream(name)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrDocBroken
	}
	chars, pieceSprms, err := f.text(wd, table)
	if err != nil {
		return nil, err
	}
	huge, _, err := c.stream("Data")
	if err != nil {
		huge = nil // only the properties of very long rows live there
	}
	w := &docWalker{
		pieceSprms: pieceSprms,
		paras:      propRuns(wd, table, f.fcPapx, f.lcbPapx, func(page []byte) []propRun { return papxRun(page, huge) }),
		chars:      propRuns(wd, table, f.fcChpx, f.lcbChpx, chpxRun),
	}
	return &Document{Kind: DOC, Blocks: w.walk(chars)}, nil
}

// fib is what is read of the File Information Block.
type fib struct {
	nFib, lid, lidFE, flags uint16
	ccpText                 uint32
	// fc/lcb pairs in the table stream.
	fcClx, lcbClx, fcPapx, lcbPapx, fcChpx, lcbChpx uint32
}

func readFIB(wd []byte) (*fib, error) {
	le := binary.LittleEndian
	if len(wd) < 34 || le.Uint16(wd) != 0xA5EC && le.Uint16(wd) != 0xA5DC {
		return nil, ErrDocBroken
	}
	f := &fib{nFib: le.Uint16(wd[2:]), lid: le.Uint16(wd[6:]), flags: le.Uint16(wd[0x0A:])}
	if f.flags&0x0100 != 0 || f.flags&0x8000 != 0 {
		return nil, ErrDocEncrypted
	}
	if f.nFib < 0xC1 {
		return nil, ErrDocOld
	}
	pos := 32
	csw := int(le.Uint16(wd[pos:]))
	if csw >= 14 && pos+2+28 <= len(wd) {
		f.lidFE = le.Uint16(wd[pos+2+26:])
	}
	pos += 2 + 2*csw
	if pos+2 > len(wd) {
		return nil, ErrDocBroken
	}
	cslw := int(le.Uint16(wd[pos:]))
	if cslw < 4 || pos+2+4*cslw > len(wd) {
		return nil, ErrDocBroken
	}
	f.ccpText = le.Uint32(wd[pos+2+12:])
	pos += 2 + 4*cslw
	if pos+2 > len(wd) {
		return nil, ErrDocBroken
	}
	n := int(le.Uint16(wd[pos:]))
	pos += 2
	if n < 34 || pos+8*n > len(wd) {
		return nil, ErrDocBroken
	}
	pair := func(i int) (uint32, uint32) { return le.Uint32(wd[pos+8*i:]), le.Uint32(wd[pos+8*i+4:]) }
	f.fcChpx, f.lcbChpx = pair(12)
	f.fcPapx, f.lcbPapx = pair(13)
	f.fcClx, f.lcbClx = pair(33)
	return f, nil
}

// chinese: a language id of Chinese (zh-CN, zh-TW, zh-HK, …).
func chinese(lid uint16) bool { return lid&0x3FF == 0x04 }

// dchar is a character of the text and the file position of its first
// byte, by which its paragraph and character properties are found.
type dchar struct {
	r  rune
	fc uint32
	// piece is the index of the character's piece.
	piece int32
}

// text reads the main text through the piece table, and each piece's
// fast-saved properties (its Prm naming a Prc; nil for none).
func (f *fib) text(wd, table []byte) ([]dchar, [][]byte, error) {
	plc, prcs, err := pieceTable(table, f.fcClx, f.lcbClx)
	if err != nil {
		return nil, nil, err
	}
	le := binary.LittleEndian
	n := (len(plc) - 4) / 12
	limit := min(f.ccpText, maxDocChars)
	cps := make([]uint32, n+1)
	for i := range cps {
		cps[i] = le.Uint32(plc[4*i:])
	}
	gbk := chinese(f.lid) || chinese(f.lidFE)
	var out []dchar
	sprms := make([][]byte, n)
	for i := range n {
		// CPs must rise: a piece starting before the text read so far
		// ends is damage, and would read the same bytes again and again.
		start, end := cps[i], min(cps[i+1], limit)
		if start >= end {
			continue
		}
		if start < uint32(len(out)) {
			return nil, nil, ErrDocBroken
		}
		pcd := plc[4*(n+1)+8*i:]
		fc := le.Uint32(pcd[2:])
		if prm := le.Uint16(pcd[6:]); prm&1 == 1 && int(prm>>1) < len(prcs) {
			sprms[i] = prcs[prm>>1]
		}
		count := uint64(end - start)
		from := len(out)
		if fc&0x40000000 != 0 {
			off := uint64(fc&0x3FFFFFFF) / 2
			if off+count > uint64(len(wd)) {
				return nil, nil, ErrDocBroken
			}
			out = appendCompressed(out, wd[off:off+count], uint32(off), gbk)
		} else {
			off := uint64(fc)
			if off+2*count > uint64(len(wd)) {
				return nil, nil, ErrDocBroken
			}
			out = appendUTF16(out, wd[off:off+2*count], uint32(off))
		}
		for k := from; k < len(out); k++ {
			out[k].piece = int32(i)
		}
	}
	return out, sprms, nil
}

// pieceTable finds the PlcPcd in the CLX, and the property lists (Prc)
// before it: the grpprls a fast save gave pieces of the text.
func pieceTable(table []byte, fc, lcb uint32) (plc []byte, prcs [][]byte, err error) {
	if uint64(fc)+uint64(lcb) > uint64(len(table)) || lcb == 0 {
		return nil, nil, ErrDocBroken
	}
	le := binary.LittleEndian
	clx := table[fc : fc+lcb]
	for i := 0; i < len(clx); {
		switch clx[i] {
		case 1: // Prc
			if i+3 > len(clx) {
				return nil, nil, ErrDocBroken
			}
			n := int(int16(le.Uint16(clx[i+1:])) & 0x7FFF)
			if i+3+n > len(clx) {
				return nil, nil, ErrDocBroken
			}
			prcs = append(prcs, clx[i+3:i+3+n])
			i += 3 + n
		case 2: // Pcdt
			if i+5 > len(clx) {
				return nil, nil, ErrDocBroken
			}
			size := uint64(le.Uint32(clx[i+1:]))
			if uint64(i+5)+size > uint64(len(clx)) || size < 16 || (size-4)%12 != 0 {
				return nil, nil, ErrDocBroken
			}
			return clx[i+5 : uint64(i+5)+size], prcs, nil
		default:
			return nil, nil, ErrDocBroken
		}
	}
	return nil, nil, ErrDocBroken
}

// appendCompressed decodes an 8-bit piece. Word 97 and later write 8-bit
// pieces only for text that fits cp1252, and read them as cp1252. Other
// programs writing the format for Chinese text (and Chinese Word 95's
// 8-bit text, in the system's code page) put GBK bytes there; a Chinese
// document's piece whose high bytes all pair up as GBK, mostly as
// GB2312's common characters, is read as GBK. (cp1252 text in a Chinese
// report — “A”, é, — — rarely pairs so: its high bytes are below 0xA1 or
// alone.)
func appendCompressed(out []dchar, b []byte, fc uint32, chineseDoc bool) []dchar {
	if chineseDoc && pairsAsGBK(b) {
		dec := simplifiedchinese.GBK.NewDecoder()
		for i := 0; i < len(b); i++ {
			if b[i] < 0x80 {
				out = append(out, dchar{r: rune(b[i]), fc: fc + uint32(i)})
				continue
			}
			s, err := dec.Bytes(b[i : i+2])
			r := []rune(string(s))
			if err != nil || len(r) != 1 {
				r = []rune{'\uFFFD'}
			}
			out = append(out, dchar{r: r[0], fc: fc + uint32(i)})
			i++
		}
		return out
	}
	for i, c := range b {
		out = append(out, dchar{r: charmap.Windows1252.DecodeByte(c), fc: fc + uint32(i)})
	}
	return out
}

// pairsAsGBK: b has high bytes, every one starts a GBK pair, and at
// least half the pairs are in GB2312's area (both bytes 0xA1 or above).
func pairsAsGBK(b []byte) bool {
	pairs, common := 0, 0
	for i := 0; i < len(b); i++ {
		if b[i] < 0x80 {
			continue
		}
		if b[i] == 0x80 || b[i] == 0xFF || i+1 >= len(b) {
			return false
		}
		t := b[i+1]
		if t < 0x40 || t == 0x7F || t == 0xFF {
			return false
		}
		pairs++
		if b[i] >= 0xA1 && t >= 0xA1 {
			common++
		}
		i++
	}
	return pairs > 0 && 2*common >= pairs
}

// appendUTF16 decodes a UTF-16LE piece; a surrogate pair is one rune.
func appendUTF16(out []dchar, b []byte, fc uint32) []dchar {
	le := binary.LittleEndian
	for i := 0; i+1 < len(b); i += 2 {
		u := le.Uint16(b[i:])
		r := rune(u)
		if utf16.IsSurrogate(r) && i+3 < len(b) {
			if p := utf16.DecodeRune(r, rune(le.Uint16(b[i+2:]))); p != '\uFFFD' {
				out = append(out, dchar{r: p, fc: fc + uint32(i)})
				i += 2
				continue
			}
		}
		if utf16.IsSurrogate(r) {
			r = '\uFFFD'
		}
		out = append(out, dchar{r: r, fc: fc + uint32(i)})
	}
	return out
}

// propRun is a range of file positions [start, end) and the properties
// of the text there.
type propRun struct {
	start, end uint32
	props      docProps
}

// docProps are the paragraph and character properties read.
type docProps struct {
	inTable, ttp, innerCell, innerTtp bool
	itap                              int
	deleted                           bool
	tdef                              *rowDef
}

// propRuns reads a PlcBtePapx or PlcBteChpx: the formatted disk pages
// (512 bytes in WordDocument) and their runs, sorted by position. A
// damaged list gives fewer runs, never an error: the text is still read.
func propRuns(wd, table []byte, fc, lcb uint32, page func([]byte) []propRun) []propRun {
	if lcb < 12 || uint64(fc)+uint64(lcb) > uint64(len(table)) || (lcb-4)%8 != 0 {
		return nil
	}
	le := binary.LittleEndian
	plc := table[fc : fc+lcb]
	n := (len(plc) - 4) / 8
	var runs []propRun
	for i := range n {
		pn := uint64(le.Uint32(plc[4*(n+1)+4*i:]) & 0x3FFFFF)
		if (pn+1)*512 > uint64(len(wd)) {
			continue
		}
		runs = append(runs, page(wd[pn*512:(pn+1)*512])...)
	}
	sort.SliceStable(runs, func(i, j int) bool { return runs[i].start < runs[j].start })
	return runs
}

// fkpRuns reads an FKP's rgfc and calls grpprl for the properties of
// each run.
func fkpRuns(page []byte, width int, props func(i, at int) docProps) []propRun {
	le := binary.LittleEndian
	crun := int(page[511])
	if 4*(crun+1)+width*crun > 511 {
		return nil
	}
	runs := make([]propRun, 0, crun)
	for i := range crun {
		start, end := le.Uint32(page[4*i:]), le.Uint32(page[4*i+4:])
		runs = append(runs, propRun{start: start, end: end, props: props(i, 4*(crun+1)+width*i)})
	}
	return runs
}

// papxRun reads a PapxFkp: each run's BxPap points (in words) at a
// PapxInFkp, an istd and the grpprl. A grpprl too long for the page (a
// table row of many cells) is in the Data stream, where a sprmPHugePapx
// points.
func papxRun(page, data []byte) []propRun {
	return fkpRuns(page, 13, func(_, at int) docProps {
		o := 2 * int(page[at])
		if o == 0 || o >= 511 {
			return docProps{}
		}
		cb, start := 2*int(page[o])-1, o+1
		if page[o] == 0 {
			if o+1 >= 511 {
				return docProps{}
			}
			cb, start = 2*int(page[o+1]), o+2
		}
		if start+cb > 511 || cb < 2 {
			return docProps{}
		}
		return grpprlProps(page[start+2:start+cb], data)
	})
}

// chpxRun reads a ChpxFkp: each run's byte offset (in words) of a Chpx,
// a count and the grpprl.
func chpxRun(page []byte) []propRun {
	return fkpRuns(page, 1, func(_, at int) docProps {
		o := 2 * int(page[at])
		if o == 0 || o >= 511 {
			return docProps{}
		}
		cb := int(page[o])
		if o+1+cb > 511 {
			return docProps{}
		}
		return grpprlProps(page[o+1:o+1+cb], nil)
	})
}

// The sprms read.
const (
	sprmCFRMarkDel        = 0x0800
	sprmPFInTable         = 0x2416
	sprmPFTtp             = 0x2417
	sprmPFInnerTableCell  = 0x244B
	sprmPFInnerTtp        = 0x244C
	sprmPItap             = 0x6649
	sprmTDefTable         = 0xD608
	sprmTVertMerge        = 0xD62B
	sprmTMerge            = 0x5624
	sprmPChgTabs          = 0xC615
	sprmPHugePapx         = 0x6646
	sprmPHugePapx2        = 0x6645
	maxDocTableCols       = 63
	tcHorzMergedFollowing = 2
)

// grpprlProps reads the sprms of a grpprl that matter here; data is the
// Data stream a sprmPHugePapx points into.
func grpprlProps(g, data []byte) docProps {
	var p docProps
	p.read(g, data, true)
	return p
}

// read reads a grpprl into p; huge allows one sprmPHugePapx (its grpprl
// may not point on).
func (p *docProps) read(g, data []byte, huge bool) {
	eachSprm(g, func(sprm uint16, op []byte) {
		switch sprm {
		case sprmPHugePapx, sprmPHugePapx2:
			off := uint64(binary.LittleEndian.Uint32(op))
			if !huge || off+2 > uint64(len(data)) {
				return
			}
			cb := uint64(binary.LittleEndian.Uint16(data[off:]))
			if off+2+cb <= uint64(len(data)) {
				p.read(data[off+2:off+2+cb], nil, false)
			}
		case sprmCFRMarkDel:
			p.deleted = toggle(op)
		case sprmPFInTable:
			p.inTable = op[0] != 0
		case sprmPFTtp:
			p.ttp = op[0] != 0
		case sprmPFInnerTableCell:
			p.innerCell = op[0] != 0
		case sprmPFInnerTtp:
			p.innerTtp = op[0] != 0
		case sprmPItap:
			p.itap = int(int32(binary.LittleEndian.Uint32(op)))
		case sprmTDefTable:
			p.tdef = readRowDef(op)
		case sprmTVertMerge:
			if p.tdef != nil && len(op) >= 3 && int(op[1]) < len(p.tdef.vert) {
				p.tdef = p.tdef.clone()
				p.tdef.vert[op[1]] = op[2]
			}
		case sprmTMerge:
			if p.tdef != nil && len(op) >= 2 {
				p.tdef = p.tdef.clone()
				for i := int(op[0]) + 1; i < int(op[1]) && i < len(p.tdef.horz); i++ {
					p.tdef.horz[i] = tcHorzMergedFollowing
				}
			}
		}
	})
}

// toggle reads a character property's ToggleOperand: 0 off, 1 on, 0x81
// the opposite of the style's (off for revision marks).
func toggle(op []byte) bool { return op[0] == 1 || op[0] == 0x81 }

// eachSprm calls fn with each sprm of a grpprl and its operand; a sprm
// whose operand runs past the end stops the walk.
func eachSprm(g []byte, fn func(sprm uint16, op []byte)) {
	le := binary.LittleEndian
	for i := 0; i+2 <= len(g); {
		sprm := le.Uint16(g[i:])
		i += 2
		var size int
		switch sprm >> 13 {
		case 0, 1:
			size = 1
		case 2, 4, 5:
			size = 2
		case 3:
			size = 4
		case 7:
			size = 3
		case 6:
			switch {
			case sprm == sprmTDefTable || sprm == 0xD606: // sprmTDefTable10
				if i+2 > len(g) {
					return
				}
				size = int(le.Uint16(g[i:])) + 1
			case sprm == sprmPChgTabs && i < len(g) && g[i] == 255:
				size = chgTabsSize(g[i:])
			case i < len(g):
				size = 1 + int(g[i])
			default:
				return
			}
		}
		if size <= 0 || i+size > len(g) {
			return
		}
		fn(sprm, g[i:i+size])
		i += size
	}
}

// chgTabsSize is the size of a sprmPChgTabs operand written in its long
// form (first byte 255): tabs deleted (2+2 bytes each), then added (2+1).
func chgTabsSize(op []byte) int {
	if len(op) < 2 {
		return -1
	}
	i := 2 + 4*int(op[1])
	if i >= len(op) {
		return -1
	}
	return i + 1 + 3*int(op[i])
}

// rowDef is a table row's definition: its cells' boundaries (in twips)
// and merges.
type rowDef struct {
	bounds []int
	// horz, vert: each cell's horzMerge (0 none, 1 first, 2/3 merged into
	// the one before) and vertMerge (0 none, 1 merged into the one above,
	// 3 first of a merge).
	horz, vert []byte
}

// clone copies a definition, so that a property read later (a fast
// save's) changes only its own paragraph's.
func (d *rowDef) clone() *rowDef {
	return &rowDef{bounds: slices.Clone(d.bounds), horz: slices.Clone(d.horz), vert: slices.Clone(d.vert)}
}

// readRowDef reads a TDefTableOperand.
func readRowDef(op []byte) *rowDef {
	le := binary.LittleEndian
	if len(op) < 3 {
		return nil
	}
	n := int(op[2])
	if n == 0 || n > maxDocTableCols || 3+2*(n+1) > len(op) {
		return nil
	}
	d := &rowDef{bounds: make([]int, n+1), horz: make([]byte, n), vert: make([]byte, n)}
	for i := range n + 1 {
		d.bounds[i] = int(int16(le.Uint16(op[3+2*i:])))
	}
	tcs := op[3+2*(n+1):]
	for i := 0; i < n && 20*(i+1) <= len(tcs); i++ {
		grf := le.Uint16(tcs[20*i:])
		d.horz[i], d.vert[i] = byte(grf&3), byte(grf>>5&3)
	}
	return d
}

// propsAt finds the properties of the text at file position fc.
func propsAt(runs []propRun, fc uint32) docProps {
	i := sort.Search(len(runs), func(i int) bool { return runs[i].end > fc })
	if i < len(runs) && runs[i].start <= fc {
		return runs[i].props
	}
	return docProps{}
}

// docWalker lays the characters out as paragraphs and tables.
type docWalker struct {
	paras, chars []propRun
	// pieceSprms are each piece's fast-saved properties, which override
	// the paragraph's for the marks in that piece.
	pieceSprms [][]byte
	blocks     []Block
	para       []rune   // the paragraph being read
	fields     []bool   // open fields, innermost last: true while in its code
	cellParas  []string // the paragraphs of the cell being read
	cells      []string // the cells of the row being read
	rows       []docRow // the rows of the table being read
}

// docRow is a table row as read: its cells and its definition.
type docRow struct {
	cells []string
	def   *rowDef
}

func (w *docWalker) walk(chars []dchar) []Block {
	for _, c := range chars {
		if len(w.chars) > 0 && c.r != '\r' && c.r != 7 && propsAt(w.chars, c.fc).deleted {
			continue
		}
		switch c.r {
		case '\r', 7:
			w.mark(c)
		case 0x13:
			if len(w.fields) < 64 {
				w.fields = append(w.fields, true)
			}
		case 0x14:
			if n := len(w.fields); n > 0 {
				w.fields[n-1] = false
			}
		case 0x15:
			if n := len(w.fields); n > 0 {
				w.fields = w.fields[:n-1]
			}
		default:
			if !slices.Contains(w.fields, true) {
				w.char(c.r)
			}
		}
	}
	w.endParagraph()
	w.endTable()
	return w.blocks
}

// char adds a character of the text, special characters dropped.
func (w *docWalker) char(r rune) {
	switch {
	case r == '\t', r == 0xA0:
		r = ' '
	case r == 0x0B, r == 0x0C, r == 0x0E:
		r = '\n' // line, page or column break
	case r == 0x1E:
		r = '-' // non-breaking hyphen
	case r < 0x20, r == 0x1F, r == '\uFFFD':
		return // pictures, drawings, note references, optional hyphens
	}
	w.para = append(w.para, r)
}

// mark ends a paragraph (\r) or a cell or row (\x07).
func (w *docWalker) mark(c dchar) {
	p := propsAt(w.paras, c.fc)
	if int(c.piece) < len(w.pieceSprms) && w.pieceSprms[c.piece] != nil {
		p.read(w.pieceSprms[c.piece], nil, false)
	}
	if c.r == '\r' && len(w.chars) > 0 && propsAt(w.chars, c.fc).deleted && !p.inTable {
		return // a deleted paragraph mark joins its paragraph to the next
	}
	inner := p.itap >= 2 || p.innerCell || p.innerTtp
	switch {
	case c.r == 7 && !inner && (p.ttp || len(w.paras) == 0 && len(w.para) == 0 && len(w.cellParas) == 0 && len(w.cells) > 0):
		// the row's end; without paragraph properties, a \x07 right after
		// a cell's \x07 is taken for it
		w.para = w.para[:0]
		w.fields = w.fields[:0]
		w.rows = append(w.rows, docRow{cells: w.cells, def: p.tdef})
		w.cells = nil
	case c.r == 7 && !inner:
		w.cellParas = append(w.cellParas, collapse(string(w.para)))
		w.para = w.para[:0]
		w.fields = w.fields[:0]
		var parts []string
		for _, s := range w.cellParas {
			if s != "" {
				parts = append(parts, s)
			}
		}
		w.cells = append(w.cells, joinCell(parts))
		w.cellParas = nil
	case p.innerTtp:
		w.para = w.para[:0] // an inner row's end: its cells are the outer cell's text
	case p.inTable || inner:
		w.cellParas = append(w.cellParas, collapse(string(w.para)))
		w.para = w.para[:0]
	default:
		w.endParagraph()
	}
}

// endParagraph ends a paragraph outside tables (and a table before it).
func (w *docWalker) endParagraph() {
	text := string(w.para)
	w.para = w.para[:0]
	w.endTable()
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		lines = append(lines, collapse(l))
	}
	if s := strings.Trim(strings.Join(lines, "\n"), "\n"); s != "" {
		w.blocks = append(w.blocks, Block{Para: s})
	}
}

// endTable lays the rows read into a grid.
func (w *docWalker) endTable() {
	if len(w.cells) > 0 {
		w.rows = append(w.rows, docRow{cells: w.cells})
		w.cells = nil
	}
	w.cellParas = nil
	if len(w.rows) == 0 {
		return
	}
	if t := docGrid(w.rows); len(t.Rows) > 0 {
		w.blocks = append(w.blocks, Block{Table: t})
	}
	w.rows = nil
}

// docGrid lays rows into a grid by their cells' boundaries: the grid's
// columns are all boundaries of all rows; a cell covers the columns
// between its boundaries, a cell merged into the one above or before is
// covered by it. A row without a definition that fits its cells is laid
// out cell by cell.
func docGrid(rows []docRow) *Table {
	var cols []int
	for _, r := range rows {
		if fits(r) {
			cols = append(cols, r.def.bounds...)
		}
	}
	slices.Sort(cols)
	cols = slices.Compact(cols)
	col := func(x int) int { i, _ := slices.BinarySearch(cols, x); return i }
	t := &Table{Rows: make([][]Cell, len(rows))}
	for ri, r := range rows {
		if !fits(r) {
			for _, s := range r.cells {
				t.Rows[ri] = append(t.Rows[ri], Cell{Text: s})
			}
			continue
		}
		var out []Cell
		for range min(col(r.def.bounds[0]), maxCols) {
			out = append(out, Cell{})
		}
		for ci, s := range r.cells {
			span := max(col(r.def.bounds[ci+1])-col(r.def.bounds[ci]), 1)
			covered, text := false, s
			at := len(out)
			switch {
			case r.def.vert[ci] == 1:
				covered, text = true, ""
				if ri > 0 && at < len(t.Rows[ri-1]) {
					text = t.Rows[ri-1][at].Text
				}
			case r.def.horz[ci] >= tcHorzMergedFollowing && len(out) > 0:
				covered, text = true, out[len(out)-1].Text
			}
			for dc := range span {
				if len(out) >= maxCols {
					break
				}
				out = append(out, Cell{Text: text, Covered: covered || dc > 0})
			}
		}
		t.Rows[ri] = out
	}
	return t
}

// fits: the row's definition has a boundary pair for each of its cells.
func fits(r docRow) bool {
	return r.def != nil && len(r.def.bounds) == len(r.cells)+1 && slices.IsSorted(r.def.bounds)
}
