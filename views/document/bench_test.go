package document_test

import (
	"bytes"
	"context"
	"testing"

	"nianbao/views/document"
)

// BenchmarkRenderHTML renders the standalone HTML of each seed.
func BenchmarkRenderHTML(b *testing.B) {
	for _, name := range seeds {
		b.Run(name, func(b *testing.B) {
			r := loadSeed(b, name)
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := document.WriteStandalone(context.Background(), &buf, r); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "bytes/html")
		})
	}
}
