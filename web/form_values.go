package web

import (
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
)

// idParam reads the :id of the path; anything but a positive number is a
// page that does not exist.
func idParam(c echo.Context) (int64, error) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, errNotFound
	}
	return id, nil
}

// formText is a form field, trimmed.
func formText(c echo.Context, name string) string { return strings.TrimSpace(c.FormValue(name)) }

// formID reads a numeric id field; 0 when absent or not a number.
func formID(c echo.Context, name string) int64 {
	id, err := strconv.ParseInt(formText(c, name), 10, 64)
	if err != nil || id < 0 {
		return 0
	}
	return id
}
