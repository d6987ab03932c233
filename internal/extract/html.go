package extract

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Web pages as offices publish them: a CMS page with the report among
// menus, breadcrumbs, link lists and metadata tables; Word's "save as web
// page" with <o:p>, inline styles and a <span> around every run (a label
// or a number may be split over several); &nbsp; in blank cells; tables
// with rowspan and colspan; old sites that lay out the whole page in
// tables. The walker keeps the page's text in reading order: block
// elements end a paragraph, inline ones do not; a table that holds
// another table is layout and is read as flow; any other table becomes a
// grid.

// looksHTML: the text starts with markup, or closes the tags a report page
// is made of (a pasted fragment).
func looksHTML(s string) bool {
	t := strings.TrimLeftFunc(s, unicode.IsSpace)
	if strings.HasPrefix(t, "<") && htmlTagRE.MatchString(firstN(t, 4096)) {
		return true
	}
	if hasScriptMarkup(s) {
		return false
	}
	return htmlCloseRE.MatchString(s)
}

var (
	htmlTagRE   = regexp.MustCompile(`(?i)<(!doctype|html|head|body|meta|table|div|p|span|br|h[1-6]|!--|\?xml)[\s>/]`)
	htmlCloseRE = regexp.MustCompile(`(?i)</(p|td|tr|table|div|span|h[1-6])>`)
)

func firstN(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// skipped elements hold no report text.
var skipped = map[atom.Atom]bool{
	atom.Head: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Svg: true, atom.Select: true, atom.Option: true, atom.Button: true,
	atom.Input: true, atom.Textarea: true, atom.Object: true, atom.Embed: true, atom.Map: true,
}

// blockElems end the paragraph before them and the one they hold.
var blockElems = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.Section: true, atom.Article: true, atom.Header: true,
	atom.Footer: true, atom.Nav: true, atom.Aside: true, atom.Main: true, atom.Blockquote: true,
	atom.Center: true, atom.Form: true, atom.Hr: true, atom.Pre: true, atom.Tr: true, atom.Td: true,
	atom.Th: true, atom.Caption: true, atom.Table: true, atom.Tbody: true, atom.Thead: true,
	atom.Tfoot: true, atom.Address: true, atom.Figure: true, atom.Figcaption: true, atom.Body: true,
}

// readHTML reads a web page. A page whose visible text has no statistics
// table but whose scripts hold one in a string (a CMS that writes the
// article with JavaScript) is read from the scripts; one that holds it as
// escaped text (&lt;table&gt; in a <textarea> or a hidden element that a
// script puts in place) from that text.
func readHTML(src string) *Document { return readPage(src, 0) }

// maxEscapedDepth bounds the reading of markup held as text in markup held
// as text…: a page escapes its article once; a hostile page could nest it
// without end.
const maxEscapedDepth = 2

// readPage reads a web page found at depth levels of escaped markup.
func readPage(src string, depth int) *Document {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil { // x/net/html fails only on a reader error
		return plain(src)
	}
	w := &walker{}
	w.walk(root)
	w.flush()
	d := &Document{Kind: HTML, Blocks: w.blocks}
	if !hasGrid(d) && len(w.scripts) > 0 {
		if sd := readScript(strings.Join(w.scripts, "\n")); sd != nil && hasGrid(sd) {
			return sd
		}
	}
	if !hasGrid(d) && len(w.escaped) > 0 && depth < maxEscapedDepth {
		if ed := readPage("<html><body>"+strings.Join(w.escaped, "\n")+"</body></html>", depth+1); hasGrid(ed) {
			return ed
		}
	}
	if !hasGrid(d) && w.hiddenTable {
		// the article itself hidden until a script shows it (a tab, a
		// "loading" cover): read the page as the script would show it
		all := &walker{showHidden: true}
		all.walk(root)
		all.flush()
		if hd := (&Document{Kind: HTML, Blocks: all.blocks}); hasGrid(hd) {
			return hd
		}
	}
	return d
}

// hasGrid: the document has a table of more than three rows.
func hasGrid(d *Document) bool {
	for _, b := range d.Blocks {
		if b.Table != nil && len(b.Table.Rows) > 3 {
			return true
		}
	}
	return false
}

// walker gathers blocks from a parsed page.
type walker struct {
	blocks  []Block
	cur     strings.Builder
	scripts []string
	// escaped is markup held as text (&lt;table&gt;…): a page whose
	// script puts a <textarea>'s or a hidden element's content in place,
	// or that shows its article's markup as text.
	escaped []string
	// hiddenTable: a hidden element holds a table; showHidden reads
	// hidden elements as shown.
	hiddenTable, showHidden bool
}

// keepEscaped keeps a text that holds markup, to read if the page has no
// table of its own.
func (w *walker) keepEscaped(text string) {
	if len(text) > minLiteral && markupLiteral(text) {
		w.escaped = append(w.escaped, text)
	}
}

func (w *walker) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.cur.WriteString(n.Data)
		w.keepEscaped(n.Data)
		return
	case html.ElementNode:
		switch {
		case n.DataAtom == atom.Script:
			if s := nodeText(n); hasScriptMarkup(s) {
				w.scripts = append(w.scripts, s)
			}
			return
		case skipped[n.DataAtom]:
			if n.DataAtom == atom.Textarea {
				w.keepEscaped(nodeText(n))
			}
			return
		case !w.showHidden && isHidden(n):
			w.keepEscaped(nodeText(n))
			w.hiddenTable = w.hiddenTable || n.DataAtom == atom.Table || hasNestedTable(n)
			return
		case n.DataAtom == atom.Br:
			w.flush()
			return
		case n.DataAtom == atom.Img:
			w.image()
			return
		case n.DataAtom == atom.Table && !hasNestedTable(n):
			w.flush()
			if t := buildGrid(n); len(t.Rows) > 0 {
				w.blocks = append(w.blocks, Block{Table: t})
			}
			return
		case isDivGrid(n) && !hasNestedTable(n): // a grid class on a wrapper of a real table is the table's
			if t := divGrid(n); t != nil {
				w.flush()
				w.blocks = append(w.blocks, Block{Table: t})
				return
			}
		case blockElems[n.DataAtom]:
			w.flush()
			defer w.flush()
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}

// isHidden: an element the page does not show — hidden, or styled
// display:none or visibility:hidden in its own style attribute (a
// reader's toolbar, a second copy of the article for another template).
// Hiding by a class in a style sheet is not seen.
func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch strings.ToLower(a.Key) {
		case "hidden":
			return true
		case "style":
			st := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			if strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// ImageMark is the paragraph an image of the page reads as: an office
// that pasted its tables as pictures publishes only the narrative as text,
// and the importer must say that the numbers are in a picture rather than
// that the table is missing. It holds no digit (a file name such as
// table3.png would read as a number).
const ImageMark = "〔图片〕"

// image puts an image's mark in its own paragraph, once for images in a
// row.
func (w *walker) image() {
	w.flush()
	if n := len(w.blocks); n > 0 && w.blocks[n-1].Para == ImageMark {
		return
	}
	w.blocks = append(w.blocks, Block{Para: ImageMark})
}

// flush ends the paragraph being gathered.
func (w *walker) flush() {
	p := collapse(w.cur.String())
	w.cur.Reset()
	if p != "" {
		w.blocks = append(w.blocks, Block{Para: p})
	}
}

// collapse folds white space as a browser shows it (&nbsp; included), and
// drops it between two Chinese characters: a line break in the page's
// source between 报 and 告 shows as nothing to a reader of Chinese.
func collapse(s string) string {
	fields := strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000' })
	var b strings.Builder
	for i, f := range fields {
		if i > 0 {
			last, _ := utf8.DecodeLastRuneInString(fields[i-1])
			first, _ := utf8.DecodeRuneInString(f)
			if !(wide(last) && wide(first)) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(f)
	}
	return b.String()
}

// wide: a character printed full-width (CJK, full-width punctuation).
func wide(r rune) bool { return r >= 0x2E80 }

func hasNestedTable(t *html.Node) bool {
	found := false
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil && !found; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.Table {
				found = true
				return
			}
			visit(c)
		}
	}
	visit(t)
	return found
}

// nodeText is all the text below n.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(n)
	return b.String()
}

// Spans beyond these are markup errors, not tables; they are cut so that
// a hostile page cannot make a huge grid.
const (
	maxColSpan = 64
	maxRowSpan = 256
	maxCols    = 256
)

// buildGrid lays a table's rows into a grid, resolving rowspan and
// colspan the way a browser does: each cell takes the first free column
// of its row. Positions no cell reaches (a ragged row) are empty cells.
func buildGrid(t *html.Node) *Table {
	type slot struct {
		set  bool
		cell Cell
	}
	rows := tableRows(t)
	g := make([][]slot, len(rows))
	put := func(r, c int, cell Cell) {
		for len(g[r]) <= c {
			g[r] = append(g[r], slot{})
		}
		g[r][c] = slot{true, cell}
	}
	for r, tr := range rows {
		c := 0
		for _, td := range rowCells(tr) {
			for c < len(g[r]) && g[r][c].set {
				c++
			}
			if c >= maxCols {
				break
			}
			rs := min(spanAttr(td, "rowspan", maxRowSpan), len(rows)-r)
			cs := min(spanAttr(td, "colspan", maxColSpan), maxCols-c)
			text := cellText(td)
			for dr := range rs {
				for dc := range cs {
					put(r+dr, c+dc, Cell{Text: text, Covered: dr > 0 || dc > 0})
				}
			}
			c += cs
		}
	}
	out := &Table{Rows: make([][]Cell, len(g))}
	for r, row := range g {
		out.Rows[r] = make([]Cell, len(row))
		for c, s := range row {
			out.Rows[r][c] = s.cell
		}
	}
	return out
}

// tableRows are the <tr> of t (in its thead, tbody, tfoot or directly).
func tableRows(t *html.Node) []*html.Node {
	var rows []*html.Node
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Tr:
				rows = append(rows, c)
			case atom.Table:
			default:
				visit(c)
			}
		}
	}
	visit(t)
	return rows
}

func rowCells(tr *html.Node) []*html.Node {
	var cells []*html.Node
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
			cells = append(cells, c)
		}
	}
	return cells
}

func spanAttr(n *html.Node, name string, limit int) int {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, name) {
			v, err := strconv.Atoi(strings.Trim(strings.TrimSpace(a.Val), `\"'`))
			if err != nil || v < 1 {
				return 1
			}
			return min(v, limit)
		}
	}
	return 1
}

// cellText is a cell's text: its paragraphs and line breaks joined (a
// label wrapped as 本年新<br>制作数量 is one label), white space folded;
// a cell of digits split by spaces or spans (1 430 689) is one number.
func cellText(td *html.Node) string {
	var parts []string
	var cur strings.Builder
	flush := func() {
		if s := collapse(cur.String()); s != "" {
			parts = append(parts, s)
		}
		cur.Reset()
	}
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if skipped[n.DataAtom] || n.DataAtom == atom.Script || isHidden(n) {
				return
			}
			if n.DataAtom == atom.Br || blockElems[n.DataAtom] {
				flush()
				defer flush()
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(td)
	flush()
	return joinCell(parts)
}

// joinCell joins the pieces of one cell: nothing between Chinese text, a
// space elsewhere; then a number split by spaces is put together.
func joinCell(parts []string) string {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			last, _ := utf8.DecodeLastRuneInString(parts[i-1])
			first, _ := utf8.DecodeRuneInString(p)
			if !(wide(last) || wide(first)) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(p)
	}
	s := b.String()
	if splitNumberRE.MatchString(s) {
		s = strings.Join(strings.Fields(s), "")
	}
	return s
}

var splitNumberRE = regexp.MustCompile(`^[0-9０-９][0-9０-９,，.． ]*[0-9０-９]$`)

// A table may be drawn with <div>s: a grid element (class table / tbl /
// grid, display:table, or role table / grid) whose child elements are its
// rows and their child elements its cells. Read as a table, its blank
// cells (&nbsp;) stay cells; read as flow, they would vanish.

// isDivGrid: the element says it is a table drawn with <div>s.
func isDivGrid(n *html.Node) bool {
	if n.DataAtom != atom.Div && n.DataAtom != atom.Section && n.DataAtom != atom.Ul {
		return false
	}
	for _, a := range n.Attr {
		v := strings.ToLower(a.Val)
		switch strings.ToLower(a.Key) {
		case "class":
			for _, c := range strings.Fields(v) {
				if c == "table" || c == "tbl" || c == "grid" || c == "div-table" || c == "divtable" {
					return true
				}
			}
		case "style":
			st := strings.Join(strings.Fields(v), "")
			if strings.Contains(st, "display:table;") || strings.HasSuffix(st, "display:table") {
				return true
			}
		case "role":
			if v == "table" || v == "grid" {
				return true
			}
		}
	}
	return false
}

// divGrid reads a div grid's rows and cells; nil when it is not one after
// all (fewer than two rows, or no row of two cells), to be read as flow.
func divGrid(n *html.Node) *Table {
	var rows [][]Cell
	wide := false
	for r := n.FirstChild; r != nil; r = r.NextSibling {
		if r.Type != html.ElementNode || skipped[r.DataAtom] || isHidden(r) {
			continue
		}
		var row []Cell
		for c := r.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && !skipped[c.DataAtom] && !isHidden(c) {
				row = append(row, Cell{Text: cellText(c)})
			}
		}
		if len(row) == 0 {
			row = []Cell{{Text: cellText(r)}}
		}
		wide = wide || len(row) > 1
		rows = append(rows, row)
		if len(rows) > maxRowSpan*4 || len(row) > maxCols {
			return nil
		}
	}
	if len(rows) < 2 || !wide {
		return nil
	}
	return &Table{Rows: rows}
}
