package document

import (
	"context"
	"fmt"
	"io"

	rpt "nianbao/internal/report"
	"nianbao/static"
)

// WriteStandalone writes r as a self-contained HTML file, the one
// `nianbao render --format html` writes.
func WriteStandalone(ctx context.Context, w io.Writer, r *rpt.Report) error {
	css, err := static.File("css/report.css")
	if err != nil {
		return fmt.Errorf("report view: %w", err)
	}
	if err := Standalone(NewView(r), string(css)).Render(ctx, w); err != nil {
		return fmt.Errorf("report view: render %q: %w", r.DisplayTitle(), err)
	}
	return nil
}
