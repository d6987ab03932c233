package extract_test

import (
	"bytes"
	"math/rand/v2"
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
