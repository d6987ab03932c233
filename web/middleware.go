package web

import (
	"errors"
	"fmt"
	"log/slog"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"runtime/debug"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"nianbao/internal/names"
)

// csp allows nothing inline and nothing from elsewhere: scripts and styles
// come from /static only.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

func securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Frame-Options", "DENY")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		if c.Request().TLS != nil {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		return next(c)
	}
}

// maxBody bounds a request body: a whole report with long narrative
// sections is well under 1 MB.
const maxBody = 4 << 20

// errTooLarge refuses a request body over maxBody that says its length:
// a form posted from a browser (a pasted text, an uploaded file).
var errTooLarge = echo.NewHTTPError(http.StatusRequestEntityTooLarge,
	"提交的内容超过4 MB，无法处理。年度报告的全文通常不到100 KB：请只粘贴报告本身，或选择较小的文件。")

// limitBody refuses to read more than maxBody of a request, and refuses at
// once a request that announces a longer body (before the CSRF check would
// fail to find its token in a body it may not read).
func limitBody(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		if r.ContentLength > maxBody {
			return errTooLarge
		}
		r.Body = http.MaxBytesReader(c.Response(), r.Body, maxBody)
		return next(c)
	}
}

// maxFields bounds the fields of a posted form: the whole report's form
// has about 400 (cells, texts, a reason per warning), far below it.
const maxFields = 2000

// errTooManyFields refuses a form with more fields than any page of
// nianbao posts — in words, not as an expired page.
var errTooManyFields = echo.NewHTTPError(http.StatusRequestEntityTooLarge,
	"提交的表单字段过多（最多2000个），无法处理。请从系统的页面提交，不要合并多个表单。")

var errBadForm = echo.NewHTTPError(http.StatusBadRequest, "提交的内容无法读取，请返回页面重新提交。")

// parseForms reads a posted form once, before the CSRF check looks for
// its token, so that a body too long or with too many fields is refused
// for what it is (and not as "页面已过期", which the check would say of a
// form it could not read).
func parseForms(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		if r.Method != http.MethodPost && r.Method != http.MethodPut && r.Method != http.MethodPatch {
			return next(c)
		}
		var err error
		if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
			err = r.ParseMultipartForm(maxBody)
		} else {
			err = r.ParseForm()
		}
		if err != nil {
			return formError(err)
		}
		n := 0
		for _, v := range r.PostForm {
			n += len(v)
		}
		if r.MultipartForm != nil {
			for _, v := range r.MultipartForm.File {
				n += len(v)
			}
		}
		if n > maxFields {
			return errTooManyFields
		}
		if cleaned := cleanForm(r); cleaned != nil {
			c.Set(cleanedKey, cleaned)
		}
		return next(c)
	}
}

// cleanedKey holds, on the context, the fields cleanForm changed.
const cleanedKey = "nianbao.cleaned"

// cleanForm drops NUL characters and replaces bytes that are not UTF-8 in
// every value of r's form, before any handler reads it: PostgreSQL refuses
// both in a text column (a 500 at whatever table the text reached), and
// every text a form carries is stored somewhere — a comment, a reason, a
// login's failure count. It returns what it took out of each posted field
// (nil when nothing), for a page that tells the user at the field.
func cleanForm(r *http.Request) map[string]names.Cleaned {
	var out map[string]names.Cleaned
	clean := func(vs url.Values, note bool) {
		for k, v := range vs {
			for i := range v {
				var what names.Cleaned
				if v[i], what = names.CleanText(v[i]); what.Any() && note {
					if out == nil {
						out = map[string]names.Cleaned{}
					}
					out[k] = names.Cleaned{NUL: out[k].NUL + what.NUL, Invalid: out[k].Invalid + what.Invalid}
				}
			}
		}
	}
	clean(r.PostForm, true)
	if out == nil && r.URL.RawQuery == "" {
		return nil // r.Form and the multipart values are the post's, as clean
	}
	clean(r.Form, false) // the query's values and a second copy of the post's
	if r.MultipartForm != nil {
		clean(r.MultipartForm.Value, false)
	}
	return out
}

// cleanedFields are the fields of the request's form that cleanForm
// changed, with what it took out.
func cleanedFields(c echo.Context) map[string]names.Cleaned {
	m, _ := c.Get(cleanedKey).(map[string]names.Cleaned)
	return m
}

// formError says why a form could not be read.
func formError(err error) error {
	var tooLong *http.MaxBytesError
	switch {
	case errors.As(err, &tooLong):
		return errTooLarge
	case errors.Is(err, multipart.ErrMessageTooLarge), strings.Contains(err.Error(), "exceeded limit"):
		return errTooManyFields
	}
	return errBadForm
}

// logRequests logs every request with its status and duration.
func (s *Server) logRequests(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if err != nil {
			c.Error(err)
		}
		req := c.Request()
		s.log.LogAttrs(req.Context(), slog.LevelInfo, "request",
			slog.Group("http", slog.String("method", req.Method), slog.String("path", req.URL.Path),
				slog.Int("status", c.Response().Status), slog.Duration("duration", time.Since(start))))
		return nil
	}
}

// recoverPanics turns a panic in a handler into a logged 500.
func (s *Server) recoverPanics(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
			}
		}()
		return next(c)
	}
}
