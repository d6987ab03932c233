package web

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/report"
	"nianbao/views/findings"
	"nianbao/views/review"
	"nianbao/web/paths"
)

// reportMark keeps a reviewer's triage of one warning of the report as it
// stands (form fields print, status confirmed|returned|clear, reason):
// 已核实（确认无误） or 退回修改 with a reason, or the mark taken back. The
// mark holds for the finding's fingerprint, so it stays across saves
// while the finding is the same and falls away when it changes; the
// report's count of confirmed warnings (the board's) is kept with it.
func (s *Server) reportMark(c echo.Context) error {
	rec, u, err := s.reportFor(c, auth.ReviewReport)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	print, reason := formText(c, "print"), formText(c, "reason")
	status, ok := report.ParseMarkStatus(formText(c, "status"))
	if !ok {
		return echo.NewHTTPError(http.StatusBadRequest, "不认识的核实操作。")
	}
	last, err := s.lastYear(ctx, rec)
	if err != nil {
		return err
	}
	fs, err := s.findings(c, rec, rec.Report, report.Options{Final: true, LastYear: last})
	if err != nil {
		return err
	}
	f := warningWithPrint(fs, print)
	if f == nil {
		p, err := s.reviewPage(c, rec, u, reviewExtras{refusal: "这条提醒已经变了（您打开页面后报告又有修改），请看页面上现在的检查结果。"})
		if err != nil {
			return err
		}
		return render(c, http.StatusConflict, review.ReviewPage(p))
	}
	if problem := report.MarkReasonProblem(reason); status != "" && problem != "" {
		p, err := s.reviewPage(c, rec, u, reviewExtras{mark: review.MarkTyped{Print: print, Reason: reason, Error: problem}})
		if err != nil {
			return err
		}
		return render(c, http.StatusUnprocessableEntity, review.ReviewPage(p))
	}
	m := report.Mark{Print: print, Rule: f.Rule, Status: status, Reason: reason}
	confirmed := func(marks map[string]report.Mark) int { return report.TallyMarked(fs, marks).Confirmed }
	if err := s.store.SetFindingMark(ctx, rec.ID, m, confirmed, u.ID); err != nil {
		return err
	}
	msg := "已撤销对这条提醒的标记。"
	if status != "" {
		msg = "已将这条提醒标记为" + status.Label() + "。"
	}
	s.flash(ctx, msg)
	return c.Redirect(http.StatusSeeOther, paths.ReportView(rec.ID)+"#"+findings.ItemID(print))
}

// warningWithPrint is the warning of fs with the fingerprint, or nil.
func warningWithPrint(fs []report.Finding, print string) *report.Finding {
	for i := range fs {
		if fs[i].Severity == report.Warning && fs[i].Fingerprint() == print {
			return &fs[i]
		}
	}
	return nil
}

// tallyOf is the tally of a check of the report to save, with the warnings
// a reviewer confirmed counted for the board.
func (s *Server) tallyOf(ctx context.Context, reportID int64, fs []report.Finding) (report.Tally, error) {
	marks, err := s.store.FindingMarks(ctx, reportID)
	if err != nil {
		return report.Tally{}, err
	}
	return report.TallyMarked(fs, marks), nil
}
