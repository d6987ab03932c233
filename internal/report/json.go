package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MarshalJSON writes the report in the public JSON form of
// docs/report-json.md, keys in printed order, two-space indented, with
// characters unescaped. A blank cell is null, a not-applicable one
// "不适用", the fee amount a decimal string in 万元. It writes the indented
// form directly (no json.Indent pass): every save of a draft goes through
// here.
func (r *Report) MarshalJSON() ([]byte, error) {
	text, err := r.JSONText()
	return []byte(text), err
}

// JSONText is MarshalJSON as a string, written once: the store keeps the
// text, and a conversion from bytes would copy it.
func (r *Report) JSONText() (string, error) {
	w := &jsonWriter{}
	// Sized for the whole text at once: each doubling of the buffer would
	// copy and clear what was written so far (most of the time spent here).
	w.b.Grow(1024 + len(r.Title) + len(r.Preface) + len(r.Narrative.Overview) + len(r.Narrative.Problems) +
		len(r.Narrative.Other) + len(r.Legacy2019) + jsonBytesPerCell*len(r.Template().Cells))
	w.open("")
	w.str("format", r.Format)
	w.str("org", r.Org)
	w.raw("year", strconv.Itoa(r.Year))
	if r.Scope.IsSummary() { // a body's own report leaves both out, as before 汇总 reports
		w.str("kind", KindSummaryJSON)
		w.str("scope", string(r.Scope))
	}
	w.str("title", r.Title)
	w.str("preface", r.Preface)
	w.open("narrative")
	w.str(NarrativeOverview, r.Narrative.Overview)
	w.str(NarrativeProblems, r.Narrative.Problems)
	w.str(NarrativeOther, r.Narrative.Other)
	w.close()
	for _, tb := range r.Template().Tables {
		r.writeTable(w, tb)
	}
	if len(r.Legacy2019) > 0 {
		var ind bytes.Buffer
		if err := json.Indent(&ind, r.Legacy2019, "  ", "  "); err != nil {
			return "", fmt.Errorf("report JSON: legacy2019: %w", err)
		}
		w.raw("legacy2019", ind.String())
	}
	if p := r.Publication; p != nil {
		w.open("publication")
		w.raw("revision", strconv.Itoa(p.Revision))
		w.str("date", p.Date)
		if p.Correction != "" {
			w.str("correction", p.Correction)
		}
		w.close()
	}
	w.close()
	w.b.WriteByte('\n')
	return w.b.String(), nil
}

// jsonBytesPerCell bounds what a cell takes in the indented JSON: its
// indentation, key and value (the longest keys and amounts are under 50).
const jsonBytesPerCell = 64

func (r *Report) writeTable(w *jsonWriter, tb *Table) {
	w.open(tb.Key)
	for _, row := range tb.Rows {
		w.open(row.Key)
		for _, id := range row.Cells {
			def := &r.Template().Cells[id]
			w.raw(def.ColKey, jsonValue(def.Kind, r.Values[id]))
		}
		w.close()
	}
	w.close()
}

// jsonWriter writes indented JSON objects, as json.MarshalIndent(v, "", "  ")
// would lay them out.
type jsonWriter struct {
	b     strings.Builder
	depth int
	empty []bool // per open object: nothing written in it yet
}

func (w *jsonWriter) key(k string) {
	if n := len(w.empty); n > 0 {
		if !w.empty[n-1] {
			w.b.WriteByte(',')
		}
		w.empty[n-1] = false
		w.newline()
	}
	if k != "" || w.depth > 0 {
		w.b.WriteByte('"')
		w.b.WriteString(k)
		w.b.WriteString(`": `)
	}
}

func (w *jsonWriter) newline() {
	w.b.WriteByte('\n')
	for range w.depth {
		w.b.WriteString("  ")
	}
}

func (w *jsonWriter) open(k string) {
	w.key(k)
	w.b.WriteByte('{')
	w.depth++
	w.empty = append(w.empty, true)
}

func (w *jsonWriter) close() {
	w.depth--
	if !w.empty[len(w.empty)-1] {
		w.newline()
	}
	w.empty = w.empty[:len(w.empty)-1]
	w.b.WriteByte('}')
}

func (w *jsonWriter) raw(k, v string) {
	w.key(k)
	w.b.WriteString(v)
}

func (w *jsonWriter) str(k, v string) {
	w.key(k)
	writeJSONString(&w.b, v)
}

// writeJSONString quotes s as encoding/json does without HTML escaping:
// quotes, backslashes and control characters escaped, U+2028 and U+2029
// escaped, invalid UTF-8 as U+FFFD.
func writeJSONString(b *strings.Builder, s string) {
	b.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b.WriteString(s[start:i])
			switch c {
			case '"', '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			case '\t':
				b.WriteString(`\t`)
			default:
				fmt.Fprintf(b, `\u%04x`, c)
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			b.WriteString(s[start:i])
			if r == utf8.RuneError {
				b.WriteString(`\ufffd`)
			} else {
				fmt.Fprintf(b, `\u%04x`, r)
			}
			i += size
			start = i
			continue
		}
		i += size
	}
	b.WriteString(s[start:])
	b.WriteByte('"')
}

func jsonValue(k Kind, v Value) string {
	switch {
	case v.State == Blank:
		return "null"
	case v.State == NotApplicable:
		return strconv.Quote(NotApplicableJSON)
	case k == AmountWan:
		return `"` + FormatWan(v.N, false) + `"`
	}
	return strconv.FormatInt(v.N, 10)
}

// DecodeError is a report file that cannot be read: it names the line and
// the key (dotted path) and says what is wrong, in Chinese.
type DecodeError struct {
	Line int
	Path string
	Msg  string
}

func (e *DecodeError) Error() string {
	if e.Path == "" {
		return fmt.Sprintf("第%d行：%s", e.Line, e.Msg)
	}
	return fmt.Sprintf("第%d行，%s：%s", e.Line, e.Path, e.Msg)
}

// Decode reads a report from its JSON form. Any problem is a *DecodeError
// naming the line and key. Counts must be JSON integers (negative ones are
// read and left to the rules to report); the fee amount a decimal string
// (or number) in 万元 with at most four decimals; null is blank. Totals are
// kept as printed.
func Decode(data []byte) (*Report, error) {
	root, err := parseTree(data)
	if err != nil {
		return nil, err
	}
	if root.kind != '{' {
		return nil, &DecodeError{Line: root.line(), Msg: "报告应为一个JSON对象（以 { 开头）"}
	}
	d := decoder{}
	return d.report(root)
}

// UnmarshalJSON implements json.Unmarshaler with Decode.
func (r *Report) UnmarshalJSON(data []byte) error {
	got, err := Decode(data)
	if err != nil {
		return err
	}
	*r = *got
	return nil
}

type decoder struct{ rep *Report }

func (d *decoder) report(root *node) (*Report, error) {
	format := Format2021
	if f := root.get("format"); f != nil {
		if f.kind != 's' || ByFormat(f.str) == nil {
			return nil, &DecodeError{Line: f.line(), Path: "format", Msg: `应为 "2021"（或旧格式 "2019"）`}
		}
		format = f.str
	}
	t := ByFormat(format)
	d.rep = New(t)
	for i, key := range root.keys {
		if err := d.member(t, key, root.vals[i]); err != nil {
			return nil, err
		}
	}
	if err := d.kindScope(root); err != nil {
		return nil, err
	}
	return d.rep, nil
}

func (d *decoder) member(t *Template, key string, n *node) error {
	r := d.rep
	switch key {
	case "format", "kind", "scope": // kind and scope: kindScope
		return nil
	case "org":
		return n.asString(key, &r.Org)
	case "title":
		return n.asString(key, &r.Title)
	case "preface":
		return n.asString(key, &r.Preface)
	case "year":
		return n.asYear(&r.Year)
	case "narrative":
		return d.narrative(n)
	case "legacy2019":
		r.Legacy2019 = append([]byte(nil), n.raw...)
		return nil
	case "publication":
		return d.publication(n)
	}
	if tb := t.Table(key); tb != nil {
		return d.table(t, tb, n)
	}
	return &DecodeError{Line: n.keyLine(), Path: key, Msg: "不认识的键"}
}

func (d *decoder) narrative(n *node) error {
	if n.kind == '0' {
		return nil
	}
	if n.kind != '{' {
		return n.wrong("narrative", "应为对象")
	}
	for i, k := range n.keys {
		v := n.vals[i]
		path := "narrative." + k
		if k != NarrativeOverview && k != NarrativeProblems && k != NarrativeOther {
			return &DecodeError{Line: v.keyLine(), Path: path, Msg: "不认识的键（应为 overview、problems 或 other）"}
		}
		var s string
		if err := v.asString(path, &s); err != nil {
			return err
		}
		d.rep.Narrative.Set(k, s)
	}
	return nil
}

func (d *decoder) publication(n *node) error {
	if n.kind == '0' {
		return nil
	}
	if n.kind != '{' {
		return n.wrong("publication", "应为对象")
	}
	p := &Publication{}
	for i, k := range n.keys {
		v, path := n.vals[i], "publication."+k
		var err error
		switch k {
		case "revision":
			if v.kind != 'n' {
				return v.wrong(path, "应为整数")
			}
			p.Revision, err = strconv.Atoi(string(v.num))
			if err != nil {
				return v.wrong(path, "应为整数")
			}
		case "date":
			err = v.asString(path, &p.Date)
		case "correction":
			err = v.asString(path, &p.Correction)
		default:
			return &DecodeError{Line: v.keyLine(), Path: path, Msg: "不认识的键"}
		}
		if err != nil {
			return err
		}
	}
	d.rep.Publication = p
	return nil
}

func (d *decoder) table(t *Template, tb *Table, n *node) error {
	if n.kind == '0' {
		return nil
	}
	if n.kind != '{' {
		return n.wrong(tb.Key, "应为对象")
	}
	for i, rk := range n.keys {
		rn, rowPath := n.vals[i], tb.Key+"."+rk
		row := tb.Row(rk)
		if row == nil {
			return &DecodeError{Line: rn.keyLine(), Path: rowPath, Msg: "不认识的行，应为 " + rowKeys(tb)}
		}
		if rn.kind == '0' {
			continue
		}
		if rn.kind != '{' {
			return rn.wrong(rowPath, "应为对象")
		}
		for j, ck := range rn.keys {
			path := rowPath + "." + ck
			id := t.Lookup(path)
			if id == NoCell {
				return &DecodeError{Line: rn.vals[j].keyLine(), Path: path, Msg: "不认识的列，应为 " + colKeys(t, row)}
			}
			v, err := cellValue(t.Cell(id), rn.vals[j])
			if err != nil {
				return err
			}
			d.rep.Values[id] = v
		}
	}
	return nil
}

// cellValue reads one cell: null, an integer count, "不适用", or a decimal
// amount in 万元.
func cellValue(def *CellDef, n *node) (Value, error) {
	switch {
	case n.kind == '0':
		return Value{}, nil
	case n.kind == 's' && isNotApplicable(n.str):
		return Value{State: NotApplicable}, nil
	case def.Kind == AmountWan && (n.kind == 's' || n.kind == 'n'):
		text := n.str
		if n.kind == 'n' {
			text = string(n.num)
		}
		return signedNumber(def, n, text)
	case def.Kind == Count && n.kind == 'n':
		return signedNumber(def, n, string(n.num))
	case def.Kind == Count:
		return Value{}, n.wrong(def.Path, "应为整数（件数）、null（未填）或 \"不适用\"")
	}
	return Value{}, n.wrong(def.Path, "应为以万元为单位的小数字符串，如 \"104.17\"")
}

// signedNumber reads a number that may be negative: the JSON form keeps a
// negative count so that the rules can report it with the others.
func signedNumber(def *CellDef, n *node, text string) (Value, error) {
	neg := len(text) > 0 && text[0] == '-'
	if neg {
		text = text[1:]
	}
	v, reason := parseNumber(text, def.Kind)
	if reason == "" && v.State == Blank {
		reason = reasonNotNumber
	}
	if reason != "" {
		return Value{}, n.wrong(def.Path, fmt.Sprintf("%s（读到的是 %s）", reason, n.text()))
	}
	if neg {
		v.N = -v.N
	}
	return v, nil
}

// node is a parsed JSON value with the line it starts on, so that errors can
// point at the file.
type node struct {
	kind   byte // '{' object, '[' array, 's' string, 'n' number, 'b' bool, '0' null
	off    int64
	keyOff int64 // offset of the key naming this value in its object
	data   []byte
	keys   []string
	vals   []*node
	str    string
	num    json.Number
	raw    []byte
}

func (n *node) get(key string) *node {
	for i, k := range n.keys {
		if k == key {
			return n.vals[i]
		}
	}
	return nil
}

func (n *node) text() string {
	switch n.kind {
	case 's':
		return strconv.Quote(n.str)
	case 'n':
		return string(n.num)
	}
	return string(n.raw)
}

// line is the line the value starts on; counted only for an error.
func (n *node) line() int { return lineAt(n.data, n.off) }

// keyLine is the line of the key that names the value.
func (n *node) keyLine() int { return lineAt(n.data, n.keyOff) }

func (n *node) wrong(path, msg string) error {
	return &DecodeError{Line: n.line(), Path: path, Msg: msg}
}

func lineAt(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return bytes.Count(data[:off], []byte{'\n'}) + 1
}

func (n *node) asString(path string, dst *string) error {
	switch n.kind {
	case '0':
		*dst = ""
	case 's':
		*dst = n.str
	default:
		return n.wrong(path, "应为字符串")
	}
	return nil
}

func (n *node) asYear(dst *int) error {
	y, err := strconv.Atoi(string(n.num))
	if n.kind != 'n' || err != nil || (y != 0 && (y < 2000 || y > 2200)) { // 0: not known
		return n.wrong("year", "应为四位数的年份，如 2024")
	}
	*dst = y
	return nil
}

func rowKeys(tb *Table) string {
	keys := make([]string, len(tb.Rows))
	for i, r := range tb.Rows {
		keys[i] = r.Key
	}
	return strings.Join(keys, "、")
}

func colKeys(t *Template, r *Row) string {
	keys := make([]string, len(r.Cells))
	for i, id := range r.Cells {
		keys[i] = t.Cell(id).ColKey
	}
	return strings.Join(keys, "、")
}
