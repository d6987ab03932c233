package extract_test

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"nianbao/internal/docx"
	"nianbao/internal/extract"
	"nianbao/internal/testenv"
)

// realDoc is seed 003 as nianbao's .docx saved by LibreOffice as a Word
// 97–2003 .doc (its big table's row properties in the Data stream).
func realDoc(tb testing.TB) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := docx.Write(&buf, testenv.Seed(tb, "003")); err != nil {
		tb.Fatal(err)
	}
	return testenv.LibreOfficeConvert(tb, map[string][]byte{"003.docx": buf.Bytes()}, "doc:MS Word 97")["003.docx"]
}

// TestDocMutated: 2,000 damaged copies of a real .doc — bytes changed at
// random, and the header's, directory's and FIB's fields set to random
// values — never make the reader panic or take long; each is read or
// refused with a message.
func TestDocMutated(t *testing.T) {
	orig := realDoc(t)
	if _, err := extract.Read(orig); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(12, 1))
	// Where the structures are: the header, the directory's first sector
	// and the WordDocument stream's start (its FIB).
	hot := []int{0, 0x2C, 0x30, 0x3C, 0x40, 0x44, 0x4C}
	dirAt := (int(uint32(orig[0x30])|uint32(orig[0x31])<<8) + 1) * 512
	for i := 0; i < 4*128; i += 4 {
		hot = append(hot, dirAt+i)
	}
	for i := 512; i < 512+1024; i += 2 {
		hot = append(hot, i)
	}
	var read, refused int
	var slowest time.Duration
	for n := range 2000 {
		data := bytes.Clone(orig)
		for range 1 + rng.IntN(16) {
			at := rng.IntN(len(data))
			if n%2 == 0 {
				at = hot[rng.IntN(len(hot))]
			}
			if at+4 <= len(data) && rng.IntN(2) == 0 {
				le.PutUint32(data[at:], rng.Uint32()>>(rng.IntN(4)*8))
			} else {
				data[at] = byte(rng.Uint32())
			}
		}
		if n%50 == 0 {
			data = data[:rng.IntN(len(data))]
		}
		start := time.Now()
		d, err := extract.Read(data)
		if el := time.Since(start); el > slowest {
			slowest = el
		}
		switch {
		case err != nil && err.Error() == "":
			t.Fatalf("mutation %d: an empty message", n)
		case err != nil:
			refused++
		default:
			read++
			_ = d.Text()
		}
	}
	if slowest > 500*time.Millisecond {
		t.Errorf("slowest read %v", slowest)
	}
	t.Logf("%d read, %d refused, slowest %v", read, refused, slowest)
}

// BenchmarkReadDoc: reading a real report's .doc (seed 003, 62 KB).
func BenchmarkReadDoc(b *testing.B) {
	data := realDoc(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := extract.Read(data); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDocByWord: .doc files that Microsoft Word wrote (8-bit pieces)
// read as their text, paragraph for paragraph (blank paragraphs aside).
func TestDocByWord(t *testing.T) {
	tests := []struct{ file, want string }{
		{"textract-raw_text.doc", string(mustFile(t, "textract-raw_text.txt"))},
		{"textract-standardized_text.doc", "the quick brown fox jumps over the lazy dog\n"},
	}
	for _, tt := range tests {
		d, err := extract.Read(mustFile(t, tt.file))
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		if d.Kind != extract.DOC {
			t.Errorf("%s: kind %s", tt.file, d.Kind)
		}
		var want []string
		for _, l := range strings.Split(tt.want, "\n") {
			if l != "" {
				want = append(want, l)
			}
		}
		if got := d.Text(); got != strings.Join(want, "\n") {
			t.Errorf("%s:\n%s\nwant\n%s", tt.file, got, strings.Join(want, "\n"))
		}
	}
}

func mustFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "word", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestDocReal: real .doc files from Apache POI's test data, each read as
// an office suite shows it (LibreOffice's text and HTML export, and POI's
// own tests, checked by hand): a Chinese Word 97–2003 document with a
// 3×3 table; merged cells laid out as LibreOffice lays them (POI's test
// gives the row's six cell edges); a table inside a cell; stream names in
// lower case; tracked deletions skipped; a password, Word 95 and a
// fuzzed file refused in words.
func TestDocReal(t *testing.T) {
	tests := []struct {
		file string
		want []string // lines, in order (not all of them)
		not  string   // text that must not be there
		err  error
	}{
		{file: "poi-61490.doc", want: []string{"居中的大标题", "章节1", "章节1的内容，一段话", "章节1.2", "下面是表格3x3",
			"11 | 12 | 13", "21 | 22 | 23", "31 | 32 | 33"}},
		{file: "poi-table-merges.doc", want: []string{"A | B", "C | D | E | F", " | G | H | I J", "K"}},
		{file: "poi-innertable.doc", want: []string{"A | B | C", "D | E 1 2 3 4 F | G", "H | I | J"}},
		{file: "poi-47950_lower.doc", want: []string{"This is a sample Word document"}},
		{file: "poi-MarkAuthorsTable.doc", want: []string{"The Lifecycle of a Project: CDPMF", "Project Workflow –", "Adding something here for tracked changes"}, not: "The two top level models making up the framework are"},
		{file: "poi-PasswordProtected.doc", err: extract.ErrDocEncrypted},
		{file: "poi-Word95.doc", err: extract.ErrDocOld},
		{file: "poi-clusterfuzz-5074346559012864.doc", err: extract.ErrDocBroken},
	}
	for _, tt := range tests {
		d, err := extract.Read(mustFile(t, tt.file))
		if tt.err != nil || err != nil {
			if !errors.Is(err, tt.err) {
				t.Errorf("%s: %v, want %v", tt.file, err, tt.err)
			}
			continue
		}
		text := d.Text()
		rest := "\n" + text + "\n"
		for _, l := range tt.want {
			i := strings.Index(rest, "\n"+l+"\n")
			if i < 0 {
				t.Errorf("%s: no line %q (in order) in\n%s", tt.file, l, text)
				break
			}
			rest = rest[i+len(l)+1:]
		}
		if tt.not != "" && strings.Contains(text, tt.not) {
			t.Errorf("%s: deleted text %q read", tt.file, tt.not)
		}
	}
	d, err := extract.Read(mustFile(t, "poi-table-merges.doc"))
	if err != nil {
		t.Fatal(err)
	}
	rows := d.Blocks[len(d.Blocks)-1].Table.Rows
	if got := spans(rows[1]); got != "1 1 2 1" {
		t.Errorf("row 2 spans %s, want 1 1 2 1 (as LibreOffice's colspans)", got)
	}
	if got := spans(rows[0]); got != "3 2" {
		t.Errorf("row 1 spans %s, want 3 2", got)
	}
	if got := spans(rows[3]); got != "5" {
		t.Errorf("row 4 spans %s, want 5", got)
	}
}

// spans are a grid row's cells' widths in grid columns.
func spans(row []extract.Cell) string {
	var out []string
	for _, c := range row {
		if !c.Covered {
			out = append(out, "1")
			continue
		}
		if len(out) > 0 {
			n := len(out) - 1
			out[n] = strconv.Itoa(atoi(out[n]) + 1)
		}
	}
	return strings.Join(out, " ")
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }
