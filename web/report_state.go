package web

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/pdf"
	"nianbao/internal/report"
	"nianbao/internal/store"
	"nianbao/internal/workflow"
	"nianbao/views/review"
	"nianbao/web/paths"
)

// reportState takes a workflow action on a report (form field action:
// submit, withdraw, return, approve, revoke, publish, correct). The
// workflow decides whether this reader may, now; a refusal shows the page
// again with the reason and what was typed.
func (s *Server) reportState(c echo.Context) error {
	rec, u, err := s.reportFor(c, auth.ViewReport)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	acc, err := s.accessTo(ctx, u, rec.BodyID)
	if err != nil {
		return err
	}
	form, err := c.FormParams()
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "无法读取提交的表单。")
	}
	act := workflow.Action(form.Get("action"))
	ch, facts, err := s.stateChange(c, rec, act, form.Get("reason"), typedReasons(form))
	if err != nil {
		return err
	}
	if facts.OwnSubmission = rec.SubmittedBy == u.ID; facts.OwnSubmission {
		body, err := s.store.Body(ctx, rec.BodyID)
		if err != nil {
			return err
		}
		facts.SelfReview = body.SelfReview
	}
	to, err := workflow.Next(rec.State, act, acc.roles, facts)
	var refusal *workflow.Refusal
	if errors.As(err, &refusal) {
		status := http.StatusConflict
		if refusal.NotYours {
			status = http.StatusForbidden
		}
		return s.refuseState(c, rec, u, status, refusal.Msg, form)
	}
	seen, _ := strconv.Atoi(form.Get("version"))
	if err := workflow.OnVersion(act, workflow.Versions{Seen: seen, Current: rec.Version, Reviewed: rec.ReviewedVersion}); errors.As(err, &refusal) {
		return s.refuseState(c, rec, u, http.StatusConflict, refusal.Msg, form)
	}
	if act.AsksConfirmation() && form.Get("confirmed") != "1" {
		// Without JavaScript the first post asks (the page's dialog opens
		// in place); with it, the dialog asked before posting.
		return s.askConfirmation(c, rec, u, act)
	}
	ch.To, ch.By = to, u.ID
	if act == workflow.Publish {
		if ch.Publication, err = s.publication(rec); err != nil {
			return err
		}
	}
	if err := s.store.ChangeState(ctx, ch); errors.Is(err, store.ErrStateChanged) {
		return s.refuseState(c, rec, u, http.StatusConflict, "报告的状态刚被别人改变了，请看清当前状态后再操作。", form)
	} else if err != nil {
		return err
	}
	s.flash(ctx, fmt.Sprintf("已%s。", act.Label()))
	if isHtmx(c) {
		// htmx does not follow a redirect to a whole page: it is told to.
		c.Response().Header().Set("HX-Redirect", paths.ReportView(rec.ID))
		return c.NoContent(http.StatusOK)
	}
	return c.Redirect(http.StatusSeeOther, paths.ReportView(rec.ID))
}

// stateChange prepares the change an action would make, and the facts the
// workflow needs to allow it.
func (s *Server) stateChange(c echo.Context, rec *store.ReportRecord, act workflow.Action, reason string,
	reasons map[string]string) (store.StateChange, workflow.Facts, error) {
	reason = strings.TrimSpace(reason)
	ch := store.StateChange{ReportID: rec.ID, From: rec.State, Version: rec.Version, Action: string(act), Detail: reason}
	facts := workflow.Facts{Reason: reason}
	last, err := s.lastYear(c.Request().Context(), rec)
	if err != nil {
		return ch, facts, err
	}
	// The submit form shows every warning with the reason given before, so
	// what it sends is the whole set of reasons.
	fs, err := s.findings(c, rec, rec.Report, report.Options{Final: true, LastYear: last})
	if err != nil {
		return ch, facts, err
	}
	for _, f := range fs {
		switch {
		case f.Severity == report.Error:
			facts.Errors++
		case reasons[f.Key()] == "":
			facts.UnexplainedWarnings++
		case utf8.RuneCountInString(reasons[f.Key()]) > workflow.MaxReason:
			facts.LongReasons++
		}
	}
	switch act {
	case workflow.Submit:
		ch.Submitted, ch.Reasons, ch.Detail = true, nonEmpty(reasons), ""
	case workflow.Return, workflow.Approve:
		ch.Reviewed = true
	case workflow.Correct:
		ch.Correction = reason
	}
	return ch, facts, nil
}

// publication freezes the report as published: its JSON with the
// publication block, and its PDF.
func (s *Server) publication(rec *store.ReportRecord) (*store.Publication, error) {
	now := s.store.Now().In(workflow.ChinaTime)
	r := asPublished(rec, now)
	data, err := r.MarshalJSON()
	if err != nil {
		return nil, fmt.Errorf("publish report %d: %w", rec.ID, err)
	}
	var buf bytes.Buffer
	if err := pdf.Render(r, &buf); err != nil {
		return nil, fmt.Errorf("publish report %d: %w", rec.ID, err)
	}
	return &store.Publication{Data: data, PDF: buf.Bytes(), Correction: rec.Correction, PublishedAt: now.UTC()}, nil
}

// asPublished is the report of rec as it is published on day now (China
// time): with its publication block, without what the clerk left unread.
// The preview shows the very same, so the reviewer sees what the public
// will.
func asPublished(rec *store.ReportRecord, now time.Time) *report.Report {
	r := rec.Report.Clone()
	r.Unread = nil
	r.Publication = &report.Publication{Revision: rec.Revision, Date: now.Format(time.DateOnly), Correction: rec.Correction}
	return r
}

// refuseState shows the review page again with the refusal and what was
// typed: the whole page, or for htmx the actions panel.
func (s *Server) refuseState(c echo.Context, rec *store.ReportRecord, u *auth.User, status int, msg string, form map[string][]string) error {
	typed := map[string]string{}
	for k, v := range form {
		if (k == "action" || strings.HasPrefix(k, "reason")) && len(v) > 0 {
			typed[k] = v[0]
		}
	}
	return s.answerAction(c, rec, u, status, reviewExtras{refusal: msg, typed: typed})
}

// askConfirmation shows the review page (or, for htmx, the actions panel)
// with the action's confirmation open. Nothing has changed.
func (s *Server) askConfirmation(c echo.Context, rec *store.ReportRecord, u *auth.User, act workflow.Action) error {
	return s.answerAction(c, rec, u, http.StatusOK, reviewExtras{confirm: act})
}

// answerAction answers a state change that did not happen with the review
// page as x makes it: the whole page, or, for a form posted through htmx,
// the actions panel replaced in place (the address stays the report's).
func (s *Server) answerAction(c echo.Context, rec *store.ReportRecord, u *auth.User, status int, x reviewExtras) error {
	p, err := s.reviewPage(c, rec, u, x)
	if err != nil {
		return err
	}
	if isHtmx(c) {
		return render(c, status, review.ActionsPanel(p))
	}
	return render(c, status, review.ReviewPage(p))
}

// isHtmx says whether the request came from htmx (it wants a fragment).
func isHtmx(c echo.Context) bool { return c.Request().Header.Get("HX-Request") == "true" }

// typedReasons are the reasons for warnings in the submit form
// (reason.<finding key>).
func typedReasons(form map[string][]string) map[string]string {
	out := map[string]string{}
	for k, v := range form {
		if key, ok := strings.CutPrefix(k, "reason."); ok && len(v) > 0 {
			out[key] = strings.TrimSpace(v[0])
		}
	}
	return out
}

func nonEmpty(m map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		if v != "" {
			out[k] = v
		}
	}
	return out
}
