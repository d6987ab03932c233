package editor

import (
	"strings"

	"github.com/a-h/templ"

	"nianbao/internal/report"
)

// textAttrs are the attributes of a text field's textarea; a narrative's
// height and placeholder are its section's, in the template.
func textAttrs(p *Page, field string) templ.Attributes {
	a := templ.Attributes{"rows": "4", "aria-describedby": LimitID(field)}
	if field != report.FieldPreface {
		s := narrativeSection(p, strings.TrimPrefix(field, report.FieldNarrative))
		a = templ.Attributes{
			"rows":             itoa(s.Lines),
			"aria-labelledby":  "h-" + s.Number,
			"aria-describedby": "tip-" + s.Number + " " + LimitID(field),
			"placeholder":      s.Placeholder,
		}
	}
	if p.TextErrors[field] != "" {
		a["aria-invalid"] = "true"
	}
	return a
}

// narrativeSection is the template's section of a narrative key.
func narrativeSection(p *Page, key string) report.Section {
	for _, s := range p.tmpl().Sections {
		if s.Narrative == key {
			return s
		}
	}
	return report.Section{}
}
