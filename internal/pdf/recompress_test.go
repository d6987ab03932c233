package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"nianbao/internal/report"
	"nianbao/internal/testenv"
)

// TestRecompressSamePages compares, for each seed, the file gofpdf writes
// with the one recompress makes of it: smaller, every stream compressed
// (gofpdf leaves the pages uncompressed), every cross-reference
// entry at its object, every stream's /Length its bytes, and pdftotext
// and pdftoppm see the same text and the same pixels.
func TestRecompressSamePages(t *testing.T) {
	faces, err := loadFaces()
	if err != nil {
		t.Fatal(err)
	}
	for _, seed := range []string{"000", "003"} {
		t.Run(seed, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "report", "testdata", "seeds", seed+".json"))
			if err != nil {
				t.Fatal(err)
			}
			r, err := report.Decode(data)
			if err != nil {
				t.Fatal(err)
			}
			drawn, err := drawFile(r, faces)
			if err != nil {
				t.Fatal(err)
			}
			small, err := recompress(drawn)
			if err != nil {
				t.Fatal(err)
			}
			if len(small) >= len(drawn)*19/20 {
				t.Errorf("recompressed %d bytes, gofpdf's %d: not 5 %% smaller", len(small), len(drawn))
			}
			checkXref(t, small)
			if streams, flate := bytes.Count(small, []byte(">>\nstream\n")), bytes.Count(small, []byte("/FlateDecode")); streams < 10 || flate != streams {
				t.Errorf("%d of %d streams compressed", flate, streams)
			}
			dir := testenv.ArtifactDir(t)
			a, b := filepath.Join(dir, "gofpdf.pdf"), filepath.Join(dir, "small.pdf")
			if err := os.WriteFile(a, drawn, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(b, small, 0o644); err != nil {
				t.Fatal(err)
			}
			if ta, tb := testenv.RunPoppler(t, "pdftotext", "-enc", "UTF-8", "-layout", a, "-"), testenv.RunPoppler(t, "pdftotext", "-enc", "UTF-8", "-layout", b, "-"); ta != tb || len(ta) < 1000 {
				t.Errorf("text differs (or is empty): %d and %d bytes", len(ta), len(tb))
			}
			testenv.RunPoppler(t, "pdftoppm", "-r", "60", "-png", a, filepath.Join(dir, "a"))
			testenv.RunPoppler(t, "pdftoppm", "-r", "60", "-png", b, filepath.Join(dir, "b"))
			pages, _ := filepath.Glob(filepath.Join(dir, "a-*.png"))
			if len(pages) < 2 {
				t.Fatalf("%d pages drawn", len(pages))
			}
			for _, pa := range pages {
				pb := filepath.Join(dir, "b"+filepath.Base(pa)[1:])
				ia, _ := os.ReadFile(pa)
				ib, err := os.ReadFile(pb)
				if err != nil || !bytes.Equal(ia, ib) {
					t.Errorf("page %s looks different after recompressing (%v)", filepath.Base(pa), err)
				}
			}
		})
	}
}

// TestRecompressRefusesOtherFiles: what is not gofpdf's layout is an
// error, never a file with wrong offsets.
func TestRecompressRefusesOtherFiles(t *testing.T) {
	const obj = "%PDF-1.3\n1 0 obj\n<<>>\nendobj\n" // the xref would start at 29
	for _, tc := range []struct{ name, in, want string }{
		{"empty", "", "no startxref"},
		{"no xref", obj + "startxref\n9\n%%EOF\n", "no xref table at 9"},
		{"xref past the end", "%PDF-1.3\nstartxref\n999\n%%EOF\n", "no xref table at 999"},
		{"no trailer", obj + "xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \nstartxref\n29\n%%EOF\n", "no trailer"},
		{"object past the xref", obj + "xref\n0 2\n0000000000 65535 f \n0000000040 00000 n \ntrailer\n<<>>\nstartxref\n29\n%%EOF\n", "past the xref"},
	} {
		if _, err := recompress([]byte(tc.in)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one saying %q", tc.name, err, tc.want)
		}
	}
}

var objHead = regexp.MustCompile(`^(\d+) 0 obj`)

// checkXref reads the file's table itself: entry n must point at "n 0
// obj", and each stream must end in endstream after /Length bytes.
func checkXref(t *testing.T, pdf []byte) {
	t.Helper()
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no startxref at the end")
	}
	at, _ := strconv.Atoi(string(m[1]))
	if !bytes.HasPrefix(pdf[at:], []byte("xref\n")) {
		t.Fatalf("startxref %d is not the xref table", at)
	}
	entries := regexp.MustCompile(`(\d{10}) 00000 n `).FindAllSubmatch(pdf[at:], -1)
	if len(entries) < 10 {
		t.Fatalf("%d objects in the table", len(entries))
	}
	for i, e := range entries {
		off, _ := strconv.Atoi(string(e[1]))
		h := objHead.FindSubmatch(pdf[off:])
		if h == nil || string(h[1]) != strconv.Itoa(i+1) {
			t.Errorf("entry %d points at %q", i+1, pdf[off:min(off+12, len(pdf))])
		}
	}
	lengths := regexp.MustCompile(`/Length (\d+)[^>]*>>\nstream\n`)
	for _, loc := range lengths.FindAllSubmatchIndex(pdf, -1) {
		n, _ := strconv.Atoi(string(pdf[loc[2]:loc[3]]))
		if end := loc[1] + n; !bytes.HasPrefix(pdf[end:], []byte("\nendstream")) {
			t.Errorf("a stream of /Length %d does not end there", n)
		}
	}
}

// TestTrimWidths: the entries of a CIDFont's /W that repeat its /DW go,
// the others stay as gofpdf wrote them, and what is not gofpdf's form is
// left whole.
func TestTrimWidths(t *testing.T) {
	const head, tail = "<</Type /Font\n/Subtype /CIDFontType2\n/DW 1000\n/W [", " ]\n/CIDToGIDMap 9 0 R>>\n"
	for _, tc := range []struct{ name, in, want string }{
		{"ranges", head + " 32 32 256 12289 12290 1000 19968 19968 1000 65292 65292 1000" + tail, head + " 32 32 256" + tail},
		{"a list with other widths stays whole", head + " 48 [ 557 1000 558 ]\n 8212 8212 890 20013 20013 1000" + tail, head + " 48 [ 557 1000 558 ]\n 8212 8212 890" + tail},
		{"a list of the default goes", head + " 19968 [ 1000 1000 ]\n 32 32 250" + tail, head + " 32 32 250" + tail},
		{"10000 is not 1000", head + " 40 40 10000 41 41 1000" + tail, head + " 40 40 10000" + tail},
		{"all default", head + " 19968 19968 1000" + tail, head + tail},
		{"another default", "<</DW 500\n/W [ 32 32 500 33 33 1000 ]\n>>", "<</DW 500\n/W [ 33 33 1000 ]\n>>"},
		{"no /DW", "<</W [ 32 32 1000 ]>>", "<</W [ 32 32 1000 ]>>"},
		{"not gofpdf's form", head + " 32 32 1000 [/Oops]" + tail, head + " 32 32 1000 [/Oops]" + tail},
		{"no end", head + " 32 32 1000", head + " 32 32 1000"},
	} {
		if got := string(trimWidths([]byte(tc.in))); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}
