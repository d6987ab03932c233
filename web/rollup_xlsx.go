package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/report"
	"nianbao/internal/rollup"
	"nianbao/internal/sheet"
)

// rollupXLSX sends a 汇总 report's roll-up as supervisors' spreadsheets
// have it: the report's tables as it stands (overrides included), and a
// row per body in scope with its state, whether it counts and the numbers
// counted now. Its readers are the summary's readers; like the page of
// sums, it holds only approved and published numbers.
func (s *Server) rollupXLSX(c echo.Context) error {
	rec, _, err := s.summaryFor(c, auth.ViewReport)
	if err != nil {
		return err
	}
	sm, err := s.summaryOf(c, rec)
	if err != nil {
		return err
	}
	return sendRollupXLSX(c, rec.Report, sm.cov, sm.now)
}

// boardRollupXLSX is the same workbook from the board, for a body whose
// summary may not exist yet: the sums of the body's region (or, with
// scope=level, its 本级) of the year, as the summary would start. Its
// readers are the supervisors and administrators of the body or above.
func (s *Server) boardRollupXLSX(c echo.Context) error {
	body, err := strconv.ParseInt(c.QueryParam("body"), 10, 64)
	if err != nil {
		return errNotFound
	}
	year, err := strconv.Atoi(c.QueryParam("year"))
	if err != nil || year < 2000 || year > 2100 {
		return echo.NewHTTPError(http.StatusBadRequest, "请选择年度。")
	}
	scope := report.ScopeRegion
	if q := c.QueryParam("scope"); q != "" {
		var ok bool
		if scope, ok = report.ParseScope(q); !ok || !scope.IsSummary() {
			return echo.NewHTTPError(http.StatusBadRequest, "汇总范围应为本级（level）或本行政区域（region）。")
		}
	}
	if _, err := s.authorizeAny(c, body, auth.ViewSubtree, auth.ManageBodies); err != nil {
		return err
	}
	ctx := c.Request().Context()
	b, err := s.store.Body(ctx, body)
	if err != nil {
		return err
	}
	members, err := s.store.RegionMembers(ctx, body, year)
	if err != nil {
		return err
	}
	cov, sum, err := rollup.Take(members, body, scope)
	if err != nil {
		return err
	}
	return sendRollupXLSX(c, rollup.Summary(b.Name, year, scope, sum), cov, sum)
}

// sendRollupXLSX writes the workbook of a summary and the coverage and
// sums it is made of.
func sendRollupXLSX(c echo.Context, summary *report.Report, cov rollup.Coverage, sum *rollup.Sum) error {
	m, err := rollup.NewMatrix(cov, sum)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := sheet.WriteRollupXLSX(&buf, summary, m); err != nil {
		return fmt.Errorf("roll-up workbook of %q: %w", summary.Org, err)
	}
	attachment(c, fmt.Sprintf("%s%d年政府信息公开工作汇总表（%s）.xlsx", summary.Org, summary.Year, summary.Scope.Label()))
	c.Response().Header().Set("Cache-Control", "private, no-store")
	return c.Blob(http.StatusOK, sheet.ContentType, buf.Bytes())
}
