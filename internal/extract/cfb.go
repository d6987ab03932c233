package extract

import (
	"encoding/binary"
	"errors"
	"unicode/utf16"
)

// An OLE2 compound file (MS-CFB) is a little file system inside one file:
// a 512-byte header, then sectors of 512 (version 3) or 4096 (version 4)
// bytes. The FAT chains a stream's sectors (sector n starts at byte
// (n+1)·size); the FAT's own sectors are listed by the header's 109 DIFAT
// entries and, past those, by a chain of DIFAT sectors. The directory — a
// chain of 128-byte entries — names the streams and storages as a
// red-black tree under the root entry. Streams shorter than 4096 bytes
// live in the mini stream (the root entry's stream) in 64-byte mini
// sectors chained by the mini FAT.
//
// Old Word .doc files, WPS Writer .wps files, .xls and .ppt are all such
// files; only the streams directly under the root are read here. Every
// loop is bounded by the file's size and every offset checked, so a
// truncated or hostile file is refused with ErrCFB, never read past.

// ErrCFB: a compound file (.doc, .wps, .xls…) that cannot be read,
// damaged or truncated.
var ErrCFB = errors.New("无法读取这个文件：它是旧版Office格式（OLE复合文件），但文件已损坏或不完整")

const (
	cfbFree       = 0xFFFFFFFF
	cfbEndOfChain = 0xFFFFFFFE
	cfbMaxRegSect = 0xFFFFFFFA
	cfbNoStream   = 0xFFFFFFFF
	cfbHeaderSize = 512
	cfbDirSize    = 128
)

var cfbSignature = []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")

// cfb is a compound file opened for reading its root's streams.
type cfb struct {
	data       []byte
	sectorSize int
	miniSize   int
	miniCutoff uint64
	fat        []uint32
	miniFAT    []uint32
	dir        []cfbEntry
	miniStream []byte
	// streams maps the names of the root's streams to directory entries.
	streams map[string]int
}

// cfbEntry is one directory entry.
type cfbEntry struct {
	name               string
	typ                byte // 1 storage, 2 stream, 5 root
	left, right, child uint32
	start              uint32
	size               uint64
}

// openCFB reads a compound file's header, FAT, directory, mini FAT and
// mini stream.
func openCFB(data []byte) (*cfb, error) {
	if len(data) < cfbHeaderSize || string(data[:8]) != string(cfbSignature) {
		return nil, ErrCFB
	}
	le := binary.LittleEndian
	c := &cfb{data: data, miniCutoff: 4096}
	shift, miniShift := le.Uint16(data[0x1E:]), le.Uint16(data[0x20:])
	switch shift {
	case 9, 12:
	default:
		return nil, ErrCFB
	}
	if miniShift != 6 {
		return nil, ErrCFB
	}
	c.sectorSize, c.miniSize = 1<<shift, 1<<miniShift
	if cut := le.Uint32(data[0x38:]); cut != 0 {
		c.miniCutoff = uint64(cut)
	}
	if err := c.readFAT(); err != nil {
		return nil, err
	}
	dir, err := c.chain(le.Uint32(data[0x30:]), 0)
	if err != nil {
		return nil, err
	}
	c.readDir(dir)
	if len(c.dir) == 0 || c.dir[0].typ != 5 {
		return nil, ErrCFB
	}
	if n := le.Uint32(data[0x40:]); n > 0 {
		mf, err := c.chain(le.Uint32(data[0x3C:]), 0)
		if err != nil {
			return nil, err
		}
		c.miniFAT = make([]uint32, len(mf)/4)
		for i := range c.miniFAT {
			c.miniFAT[i] = le.Uint32(mf[4*i:])
		}
	}
	root := c.dir[0]
	if root.start < cfbMaxRegSect && root.size > 0 {
		if c.miniStream, err = c.chain(root.start, root.size); err != nil {
			return nil, err
		}
	}
	c.indexRoot()
	return c, nil
}

// sector returns sector n's bytes; a last sector cut short by the file's
// end is returned as far as it goes.
func (c *cfb) sector(n uint32) ([]byte, bool) {
	off := (uint64(n) + 1) * uint64(c.sectorSize)
	if n >= cfbMaxRegSect || off >= uint64(len(c.data)) {
		return nil, false
	}
	end := min(off+uint64(c.sectorSize), uint64(len(c.data)))
	return c.data[off:end], true
}

// sectorCount is the number of sectors the file can hold.
func (c *cfb) sectorCount() int {
	return (len(c.data) + c.sectorSize - 1) / c.sectorSize
}

// readFAT gathers the FAT from the sectors the DIFAT lists.
func (c *cfb) readFAT() error {
	le := binary.LittleEndian
	nFAT := le.Uint32(c.data[0x2C:])
	if uint64(nFAT) > uint64(c.sectorCount()) {
		return ErrCFB
	}
	var fatSectors []uint32
	for i := 0; i < 109 && uint32(len(fatSectors)) < nFAT; i++ {
		fatSectors = append(fatSectors, le.Uint32(c.data[0x4C+4*i:]))
	}
	next := le.Uint32(c.data[0x44:])
	per := c.sectorSize/4 - 1
	for hops := 0; uint32(len(fatSectors)) < nFAT && next < cfbMaxRegSect; hops++ {
		if hops > c.sectorCount() {
			return ErrCFB
		}
		s, ok := c.sector(next)
		if !ok || len(s) < c.sectorSize {
			return ErrCFB
		}
		for i := 0; i < per && uint32(len(fatSectors)) < nFAT; i++ {
			fatSectors = append(fatSectors, le.Uint32(s[4*i:]))
		}
		next = le.Uint32(s[4*per:])
	}
	if uint32(len(fatSectors)) < nFAT {
		return ErrCFB
	}
	c.fat = make([]uint32, 0, len(fatSectors)*c.sectorSize/4)
	for _, n := range fatSectors {
		s, ok := c.sector(n)
		if !ok {
			return ErrCFB
		}
		for i := 0; i+4 <= len(s); i += 4 {
			c.fat = append(c.fat, le.Uint32(s[i:]))
		}
	}
	return nil
}

// chain reads the regular sectors chained from start. size > 0 cuts the
// result to size and refuses a chain too short for it; size 0 reads the
// whole chain (the directory, the mini FAT).
func (c *cfb) chain(start uint32, size uint64) ([]byte, error) {
	if size > uint64(len(c.data)) {
		return nil, ErrCFB
	}
	var out []byte
	for n, hops := start, 0; n != cfbEndOfChain; hops++ {
		// A chain longer than the file has sectors loops.
		if hops > c.sectorCount() || int(n) >= len(c.fat) {
			return nil, ErrCFB
		}
		s, ok := c.sector(n)
		if !ok {
			return nil, ErrCFB
		}
		out = append(out, s...)
		if size > 0 && uint64(len(out)) >= size {
			break
		}
		n = c.fat[n]
	}
	if uint64(len(out)) < size {
		return nil, ErrCFB
	}
	if size > 0 {
		out = out[:size]
	}
	return out, nil
}

// miniChain reads a stream of size bytes from the mini stream.
func (c *cfb) miniChain(start uint32, size uint64) ([]byte, error) {
	if size > uint64(len(c.miniStream)) {
		return nil, ErrCFB
	}
	out := make([]byte, 0, size)
	for n, hops := start, 0; uint64(len(out)) < size; hops++ {
		if hops > len(c.miniStream)/c.miniSize || int(n) >= len(c.miniFAT) {
			return nil, ErrCFB
		}
		off := uint64(n) * uint64(c.miniSize)
		if off >= uint64(len(c.miniStream)) {
			return nil, ErrCFB
		}
		end := min(off+uint64(c.miniSize), uint64(len(c.miniStream)))
		out = append(out, c.miniStream[off:end]...)
		n = c.miniFAT[n]
	}
	return out[:size], nil
}

// readDir parses the directory entries.
func (c *cfb) readDir(dir []byte) {
	le := binary.LittleEndian
	for off := 0; off+cfbDirSize <= len(dir); off += cfbDirSize {
		e := dir[off : off+cfbDirSize]
		nameLen := int(le.Uint16(e[0x40:]))
		if nameLen > 64 {
			nameLen = 64
		}
		units := make([]uint16, 0, 32)
		for i := 0; i+1 < nameLen; i += 2 {
			if u := le.Uint16(e[i:]); u != 0 {
				units = append(units, u)
			}
		}
		size := le.Uint64(e[0x78:])
		if c.sectorSize == 512 {
			size &= 0xFFFFFFFF // version 3: the high half may be garbage
		}
		c.dir = append(c.dir, cfbEntry{
			name: string(utf16.Decode(units)), typ: e[0x42],
			left: le.Uint32(e[0x44:]), right: le.Uint32(e[0x48:]), child: le.Uint32(e[0x4C:]),
			start: le.Uint32(e[0x74:]), size: size,
		})
	}
}

// indexRoot walks the root's tree of children (siblings by left and
// right), each entry at most once.
func (c *cfb) indexRoot() {
	c.streams = map[string]int{}
	seen := make([]bool, len(c.dir))
	stack := []uint32{c.dir[0].child}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n == cfbNoStream || int(n) >= len(c.dir) || seen[n] {
			continue
		}
		seen[n] = true
		e := c.dir[n]
		if e.typ == 1 || e.typ == 2 {
			if _, dup := c.streams[e.name]; !dup {
				c.streams[e.name] = int(n)
			}
		}
		stack = append(stack, e.left, e.right)
	}
}

// has reports whether the root holds a stream or storage of that name.
func (c *cfb) has(name string) bool {
	_, ok := c.streams[name]
	return ok
}

// stream reads a stream directly under the root; ok is false when there
// is none of that name.
func (c *cfb) stream(name string) (data []byte, ok bool, err error) {
	i, found := c.streams[name]
	if !found || c.dir[i].typ != 2 {
		return nil, false, nil
	}
	e := c.dir[i]
	if e.size == 0 {
		return nil, true, nil
	}
	if e.size < c.miniCutoff {
		data, err = c.miniChain(e.start, e.size)
	} else {
		data, err = c.chain(e.start, e.size)
	}
	return data, true, err
}
