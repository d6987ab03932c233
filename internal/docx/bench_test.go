package docx_test

import (
	"bytes"
	"testing"

	"nianbao/internal/docx"
	"nianbao/internal/testenv"
)

// BenchmarkWrite writes each seed's .docx.
func BenchmarkWrite(b *testing.B) {
	for _, name := range testenv.Seeds {
		b.Run(name, func(b *testing.B) {
			r := testenv.Seed(b, name)
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := docx.Write(&buf, r); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len())/1024, "KiB")
		})
	}
}
