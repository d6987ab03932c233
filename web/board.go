package web

import (
	"fmt"
	"net/http"
	"slices"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/store"
	"nianbao/internal/workflow"
	"nianbao/views/board"
	"nianbao/web/paths"
)

// board is the status board of a supervising office (or an administrator):
// every body at or below their grants, with its report of the year.
func (s *Server) board(c echo.Context) error {
	u := currentUser(c)
	roots := boardRoots(u)
	if len(roots) == 0 {
		return errForbidden
	}
	now := s.store.Now()
	q := board.ParseQuery(c.QueryParams(), now.In(workflow.ChinaTime).Year()-1)
	rows, err := s.store.Board(c.Request().Context(), roots, q.Year)
	if err != nil {
		return err
	}
	portals, err := s.store.LatestPortalLinks(c.Request().Context(), q.Year)
	if err != nil {
		return err
	}
	in := make([]board.RowIn, len(rows))
	for i, r := range rows {
		in[i] = boardRow(r, q.Year)
		in[i].PortalURL = portals[r.ReportID].URL
	}
	p := board.Build(s.page(c, "年度报告进度"), in, q, now)
	for y := now.In(workflow.ChinaTime).Year(); y >= 2021; y-- {
		p.Years = append(p.Years, y)
	}
	if p.Rollups, err = s.rollupDownloads(c, roots, q.Year); err != nil {
		return err
	}
	return render(c, http.StatusOK, board.BoardPage(p))
}

// rollupDownloads offers the year's roll-up workbook of each body the
// board starts from.
func (s *Server) rollupDownloads(c echo.Context, roots []int64, year int) ([]board.Download, error) {
	var out []board.Download
	for _, id := range roots {
		b, err := s.store.Body(c.Request().Context(), id)
		if err != nil {
			return nil, err
		}
		out = append(out, board.Download{Label: fmt.Sprintf("下载%s%d年汇总表（Excel，含各单位明细）", b.Name, year),
			URL: paths.BoardRollup(id, year)})
	}
	return out, nil
}

// boardRoots are the bodies a user's board starts from: where they are a
// supervisor or an administrator (those below come with them).
func boardRoots(u *auth.User) []int64 {
	if u == nil {
		return nil
	}
	roots := append(u.BodiesWith(auth.Supervisor), u.BodiesWith(auth.Admin)...)
	slices.Sort(roots)
	return slices.Compact(roots)
}

func boardRow(r store.BoardRow, year int) board.RowIn {
	in := board.RowIn{BodyID: r.Body.ID, Name: r.Body.Name, Depth: r.Depth, State: r.State,
		Errors: r.Errors, Warnings: r.Warnings, Confirmed: r.Confirmed, Activity: r.UpdatedAt, Deadline: r.Body.Deadline(year),
		Published: r.PublishedAt}
	if r.ReportID != 0 {
		in.ReportURL = paths.ReportView(r.ReportID)
	}
	return in
}
