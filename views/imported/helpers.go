package imported

import (
	"fmt"
	"strconv"
	"strings"

	"nianbao/internal/report"
)

func headers(g report.GridCell) string { return strings.Join(g.Headers, " ") }

func legacyID(block int, kind string, n int) string { return fmt.Sprintf("lg%d-%s%d", block, kind, n) }

// legacyHeaders names a legacy value's row and, where printed, its column
// (the first header is over the row labels).
func legacyHeaders(b LegacyBlock, bi, ri, vi int) string {
	h := legacyID(bi, "r", ri)
	if vi+1 < len(b.Headers) {
		h = legacyID(bi, "h", vi+1) + " " + h
	}
	return h
}

func orNone(s string) string {
	if s == "" {
		return "（未读到）"
	}
	return s
}

func yearText(y int) string {
	if y == 0 {
		return "（未读到）"
	}
	return strconv.Itoa(y) + "年"
}

// cellCounts says how many cells were read and which need a look.
func (r *Reading) cellCounts() string {
	s := fmt.Sprintf("共%d格", len(r.cells))
	var parts []string
	if r.Unsure > 0 {
		parts = append(parts, fmt.Sprintf("%d格需核对（标“核”）", r.Unsure))
	}
	if r.Filled > 0 {
		parts = append(parts, fmt.Sprintf("%d格原文缺失、已补0（标“补”）", r.Filled))
	}
	if r.Unread > 0 {
		parts = append(parts, fmt.Sprintf("%d格未读到（标“—”）", r.Unread))
	}
	if len(parts) == 0 {
		return s + "，都已读到"
	}
	return s + "：" + strings.Join(parts, "，")
}

// Name names the report read: its title, or its body and year.
func (r *Reading) Name() string {
	switch {
	case r.Title != "":
		return r.Title
	case r.Org != "" && r.Year != 0:
		return r.Org + strconv.Itoa(r.Year) + "年度报告"
	}
	return "未读到标题"
}
