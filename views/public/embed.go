package public

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"strings"

	"nianbao/static"
	"nianbao/views/document"
)

// EmbedClass is the class of the fragment's outer element; every rule of
// its stylesheet is scoped under it, so that pasting the fragment into a
// portal's page changes nothing else on that page.
const EmbedClass = "nianbao-embed"

// Embed is a published revision as an HTML fragment to paste into a
// portal's CMS: the report's markup, a stylesheet scoped to it, and the
// permanent links. It has no script and loads nothing.
type Embed struct {
	Doc   document.View
	Links []Link
	// Style is the scoped stylesheet (EmbedStyle).
	Style string
}

// Link is a permanent address with its name.
type Link struct {
	Label, URL string
}

// WriteEmbed writes the fragment.
func WriteEmbed(ctx context.Context, w io.Writer, e Embed) error {
	if err := EmbedFragment(e).Render(ctx, w); err != nil {
		return fmt.Errorf("embed: %w", err)
	}
	return nil
}

// EmbedStyle is report.css scoped to the fragment: every selector under
// .nianbao-embed, the page rule and the standalone file's rules left out.
// It is made from report.css, so that the embedded report looks as the
// public page does.
func EmbedStyle() (string, error) {
	css, err := static.File("css/report.css")
	if err != nil {
		return "", fmt.Errorf("embed style: %w", err)
	}
	return scopeCSS(string(css), "."+EmbedClass), nil
}

var cssComment = regexp.MustCompile(`(?s)/\*.*?\*/`)

// scopeCSS puts every selector of css under scope. It reads the plain CSS
// nianbao writes (rules, and @media blocks of rules); an @page or other
// at-rule that is not @media is dropped, since it would reach the host
// page.
func scopeCSS(css, scope string) string {
	css = cssComment.ReplaceAllString(css, "")
	var b strings.Builder
	scopeRules(&b, css, scope)
	return b.String()
}

// scopeRules scopes a run of rules; it returns what follows the run (the
// rest after an unmatched "}").
func scopeRules(b *strings.Builder, css, scope string) string {
	for {
		css = strings.TrimSpace(css)
		if css == "" || css[0] == '}' {
			return strings.TrimPrefix(css, "}")
		}
		open := strings.IndexByte(css, '{')
		if open < 0 {
			return ""
		}
		sel := strings.TrimSpace(css[:open])
		rest := css[open+1:]
		switch {
		case strings.HasPrefix(sel, "@media"):
			b.WriteString(sel + "{")
			rest = scopeRules(b, rest, scope)
			b.WriteString("}\n")
		case strings.HasPrefix(sel, "@"):
			rest = skipBlock(rest)
		default:
			end := strings.IndexByte(rest, '}')
			if end < 0 {
				return ""
			}
			b.WriteString(scopeSelectors(sel, scope) + "{" + strings.Join(strings.Fields(rest[:end]), " ") + "}\n")
			rest = rest[end+1:]
		}
		css = rest
	}
}

// skipBlock returns what follows the block whose "{" was just read.
func skipBlock(css string) string {
	depth := 1
	for i, c := range css {
		switch c {
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				return css[i+1:]
			}
		}
	}
	return ""
}

// scopeSelectors puts each selector of a list under scope; one that names
// the document itself (html, body, :root) becomes the scope.
func scopeSelectors(list, scope string) string {
	parts := strings.Split(list, ",")
	for i, s := range parts {
		s = strings.Join(strings.Fields(s), " ")
		switch {
		case s == "html" || s == "body" || s == ":root":
			s = scope
		case strings.HasPrefix(s, "body "):
			s = scope + strings.TrimPrefix(s, "body")
		default:
			s = scope + " " + s
		}
		parts[i] = s
	}
	return strings.Join(parts, ", ")
}
