package pdf_test

import (
	"bytes"
	"testing"

	"nianbao/internal/pdf"
)

// BenchmarkRenderPDF renders each seed whole; the budget is 100 ms and
// 500 KB per report (docs/design.md).
func BenchmarkRenderPDF(b *testing.B) {
	for _, name := range seeds {
		b.Run(name, func(b *testing.B) {
			r := loadSeed(b, name)
			var buf bytes.Buffer
			if err := pdf.Render(r, &buf); err != nil { // parse the fonts outside the loop
				b.Fatal(err)
			}
			b.ResetTimer()
			for b.Loop() {
				buf.Reset()
				if err := pdf.Render(r, &buf); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "bytes/pdf")
		})
	}
}
