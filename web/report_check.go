package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/report"
	"nianbao/internal/versioned"
	"nianbao/views/editor"
)

// reportCheck is the live check: htmx posts the fields edited since the
// last answer after a pause in typing; they are parsed once (report.Apply,
// whose refusals ride along with the report), the result is checked once,
// saved once with that check's tally, and the answer swaps in the totals,
// marks, findings and save state that changed, out-of-band. Findings are
// content, so the answer is 200 even when the report is wrong.
func (s *Server) reportCheck(c echo.Context) error {
	rec, u, err := s.reportFor(c, auth.EditReport)
	if err != nil {
		return err
	}
	in, err := readForm(c)
	if err != nil {
		return err
	}
	last, err := s.lastYear(c.Request().Context(), rec)
	if err != nil {
		return err
	}
	d, err := s.saveDraft(c.Request().Context(), rec, in, u.ID, s.editorCheck(c, rec, last))
	if err != nil {
		return err
	}
	p := s.editorModel(rec, d, last)
	if in.base == rec.Version {
		// The browser shows the page of the version the form was based on:
		// send only what changed since (everything, when that page's check
		// is not at hand).
		if fs, ok := s.shown.Get(rec.ID, rec.Version); ok {
			p.Shown = editor.NewPage(editor.Page{Report: rec.Report, Refused: rec.Report.Refusals(), Findings: fs})
		}
	}
	if d.Problem == "" {
		s.shown.Put(rec.ID, d.Version, d.Findings)
	}
	// Tells the page's script whether what it sent is safe now (saved, or
	// nothing to save) or must be sent again (a conflict with another save,
	// a report no longer editable).
	c.Response().Header().Set("Nianbao-Saved", strconv.FormatBool(d.Problem == ""))
	return render(c, http.StatusOK, editor.LiveCheckFragments(p))
}

// shownChecks keeps, for each report, the findings of the version the
// editor last showed (a page opened, a live check answered), so that the
// next live check, based on that version, sends only the marks that
// changed without checking that version again. A version's findings do
// not change with time, except through last year's report or a summary's
// parts: a change there shows in full at the next page load.
type shownChecks = versioned.Cache[[]report.Finding]

// shownChecksSize bounds the memory: a few hundred clerks typing at once.
const shownChecksSize = 1024

func newShownChecks() *shownChecks { return versioned.New[[]report.Finding](shownChecksSize) }
