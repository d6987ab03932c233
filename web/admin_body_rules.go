package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"nianbao/internal/report"
	"nianbao/internal/store"
	"nianbao/views/admin"
	"nianbao/views/ui"
	"nianbao/web/paths"
)

// adminBodyRules sets the body's own rules for 第一部分 (W13, W14), which
// hold for the bodies below it too; both fields blank removes them.
func (s *Server) adminBodyRules(c echo.Context) error {
	b, err := s.bodyToManage(c)
	if err != nil {
		return err
	}
	maxText, itemsText := formText(c, "overview_max"), c.FormValue("overview_items")
	lr, problems := report.ParseLocalRules(maxText, itemsText)
	if len(problems) > 0 {
		rf, err := s.storedRules(c, b)
		if err != nil {
			return err
		}
		rf.Max, rf.Items, rf.Errors = maxText, itemsText, ui.Errors(problems)
		return s.renderBody(c, http.StatusUnprocessableEntity, b, bodyForm(b), rf)
	}
	if err := s.store.SetLocalRules(c.Request().Context(), b.ID, lr, currentUser(c).ID); err != nil {
		return err
	}
	s.recountReports(c, b.ID)
	msg := "已取消“" + b.Name + "”对第一部分的要求。"
	if !lr.IsZero() {
		msg = "已保存“" + b.Name + "”及下级机关第一部分的要求：" + lr.Summary()
	}
	s.flash(c.Request().Context(), msg)
	return c.Redirect(http.StatusSeeOther, paths.AdminBodyURL(b.ID))
}

// storedRules is the rules form of a body as stored: its own rules, or
// what holds for it from above.
func (s *Server) storedRules(c echo.Context, b *store.Body) (*admin.RulesForm, error) {
	cs, err := s.checkSettings(c, b.ID)
	if err != nil {
		return nil, err
	}
	rf := &admin.RulesForm{URL: paths.AdminBodyRulesURL(b.ID), Errors: ui.Errors{}}
	if cs.RulesFrom == b.ID {
		if cs.Local.OverviewMax > 0 {
			rf.Max = strconv.Itoa(cs.Local.OverviewMax)
		}
		rf.Items = cs.Local.ItemsText()
		return rf, nil
	}
	rf.Holding = holdingText(cs)
	return rf, nil
}

// holdingText says what holds for a body without rules of its own.
func holdingText(cs store.CheckSettings) string {
	if cs.RulesFrom == 0 {
		return "本机关和上级机关都没有设置，不检查第一部分的字数和事项。"
	}
	return "本机关没有单独设置，现适用上级机关“" + cs.Local.From + "”的要求：" + cs.Local.Summary()
}
