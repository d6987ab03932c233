package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/views/editor"
	"nianbao/web/paths"
)

// reportSave is the editor's plain form post (it works without
// JavaScript) and the way a conflict is resolved. A save goes on to the
// editor page (post/redirect/get); a conflict or a refused state shows the
// page again with everything the clerk typed, and says why.
func (s *Server) reportSave(c echo.Context) error {
	rec, u, err := s.reportFor(c, auth.EditReport)
	if err != nil {
		return err
	}
	in, err := readForm(c)
	if err != nil {
		return err
	}
	d, err := s.saveDraft(c.Request().Context(), rec, in, u.ID)
	if err != nil {
		return err
	}
	if d.Problem == "" {
		return c.Redirect(http.StatusSeeOther, paths.ReportEditSaved(rec.ID, d.Version))
	}
	p, err := s.editorPage(c, rec, d)
	if err != nil {
		return err
	}
	if err := s.withComments(c.Request().Context(), rec, p); err != nil {
		return err
	}
	status := http.StatusConflict
	if d.TooLong != nil {
		status = http.StatusUnprocessableEntity
	}
	return render(c, status, editor.EditPage(p))
}

// readForm reads the editor's form: the fields, base_version and, when
// resolving a conflict, conflict_version and the keep.<field> choices.
func readForm(c echo.Context) (formInput, error) {
	form, err := c.FormParams()
	if err != nil {
		return formInput{}, echo.NewHTTPError(http.StatusBadRequest, "无法读取提交的表单。")
	}
	base, err := strconv.Atoi(form.Get("base_version"))
	if err != nil || base < 1 {
		return formInput{}, echo.NewHTTPError(http.StatusUnprocessableEntity, "缺少报告版本号（base_version），请刷新页面后再保存。")
	}
	in := formInput{base: base, get: func(f string) (string, bool) {
		v, ok := form[f]
		if !ok || len(v) == 0 {
			return "", false
		}
		return v[len(v)-1], true
	}}
	if form.Get("resolve") != "" {
		in.conflictVersion, _ = strconv.Atoi(form.Get("conflict_version"))
		in.keep = map[string]string{}
		for k, v := range form {
			if field, ok := strings.CutPrefix(k, "keep."); ok && len(v) > 0 {
				in.keep[field] = v[0]
			}
		}
	}
	return in, nil
}
