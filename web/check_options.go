package web

import (
	"fmt"

	"github.com/labstack/echo/v4"

	"nianbao/internal/report"
	"nianbao/internal/store"
)

// keyCheckSettings holds, on the request, the check settings of the body
// whose report it serves: a page asks for them for its findings and again
// for the notice of the rules, a merging live check checks twice.
const keyCheckSettings = "nianbao.checkSettings"

// bodySettings are one body's check settings, as kept on a request.
type bodySettings struct {
	body     int64
	settings store.CheckSettings
}

// checkSettings are what the body decides about its checks (its kind, the
// rules for 第一部分 holding for it), read once per request.
func (s *Server) checkSettings(c echo.Context, bodyID int64) (store.CheckSettings, error) {
	if bs, ok := c.Get(keyCheckSettings).(*bodySettings); ok && bs.body == bodyID {
		return bs.settings, nil
	}
	cs, err := s.store.CheckSettings(c.Request().Context(), bodyID)
	if err != nil {
		return cs, fmt.Errorf("check settings of body %d: %w", bodyID, err)
	}
	c.Set(keyCheckSettings, &bodySettings{body: bodyID, settings: cs})
	return cs, nil
}

// checkOptions adds to opt what the body decides about its checks: whether
// its kind may make 规章, or rightly prints 不适用 in that row (W12), and
// the administrator's rules for 第一部分 that hold for it (W13, W14).
func (s *Server) checkOptions(c echo.Context, bodyID int64, opt report.Options) (report.Options, error) {
	cs, err := s.checkSettings(c, bodyID)
	if err != nil {
		return opt, err
	}
	return cs.Options(opt), nil
}

// localNotice is the line that says the rules for 第一部分 holding for the
// body, for the editor and the review page; "" when none.
func (s *Server) localNotice(c echo.Context, bodyID int64) (string, error) {
	cs, err := s.checkSettings(c, bodyID)
	if err != nil {
		return "", err
	}
	return cs.Local.Notice(), nil
}
