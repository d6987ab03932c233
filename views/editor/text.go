package editor

import (
	"strings"

	"github.com/a-h/templ"

	"nianbao/internal/report"
)

// textAttrs are the attributes of a text field's textarea.
func textAttrs(p *Page, field string) templ.Attributes {
	a := templ.Attributes{"rows": "4", "aria-describedby": LimitID(field)}
	if field != report.FieldPreface {
		key := strings.TrimPrefix(field, report.FieldNarrative)
		num := sectionNumber(p, key)
		a = templ.Attributes{
			"rows":             itoa(narrativeRows(key)),
			"aria-labelledby":  "h-" + num,
			"aria-describedby": "tip-" + num + " " + LimitID(field),
			"placeholder":      narrativePlaceholder(key),
		}
	}
	if p.TextErrors[field] != "" {
		a["aria-invalid"] = "true"
	}
	return a
}

func sectionNumber(p *Page, key string) string {
	for _, s := range p.tmpl().Sections {
		if s.Narrative == key {
			return s.Number
		}
	}
	return ""
}

func narrativeRows(key string) int {
	if key == report.NarrativeOverview {
		return 16
	}
	return 8
}

// narrativePlaceholder offers the usual outline of a section (the format
// names these topics but does not prescribe subheadings).
func narrativePlaceholder(key string) string {
	switch key {
	case report.NarrativeOverview:
		return "（一）主动公开\n（二）依申请公开\n（三）政府信息管理\n（四）政府信息公开平台建设\n（五）监督保障"
	case report.NarrativeProblems:
		return "（一）存在的主要问题\n（二）改进情况"
	case report.NarrativeOther:
		return "本年度未收取信息处理费。"
	}
	return ""
}

func narrativeTip(key string) string {
	switch key {
	case report.NarrativeOverview:
		return "概述本年度贯彻《条例》情况，一般包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等方面；人民政府还应说明工作考核、社会评议和责任追究结果情况。每段一行。"
	case report.NarrativeProblems:
		return "写明存在的主要问题和改进情况，可包括上年度问题的整改情况。"
	case report.NarrativeOther:
		return "须说明本年度是否收取信息处理费（国办函〔2020〕109号）；人民政府可说明落实政务公开工作要点、人大代表建议和政协提案办理结果公开、政务公开工作创新等情况。没有其他事项可写“无”。"
	}
	return ""
}
