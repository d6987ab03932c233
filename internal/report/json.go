package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// MarshalJSON writes the report in the public JSON form of
// spec/report-json.md, keys in printed order, two-space indented, with
// characters unescaped. A blank cell is null, a not-applicable one
// "不适用", the fee amount a decimal string in 万元.
func (r *Report) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	field(&b, "format", r.Format, true)
	field(&b, "org", r.Org, false)
	b.WriteString(`,"year":` + strconv.Itoa(r.Year))
	field(&b, "title", r.Title, false)
	field(&b, "preface", r.Preface, false)
	b.WriteString(`,"narrative":{`)
	field(&b, NarrativeOverview, r.Narrative.Overview, true)
	field(&b, NarrativeProblems, r.Narrative.Problems, false)
	field(&b, NarrativeOther, r.Narrative.Other, false)
	b.WriteByte('}')
	for _, tb := range r.Template().Tables {
		r.writeTable(&b, tb)
	}
	if len(r.Legacy2019) > 0 {
		b.WriteString(`,"legacy2019":`)
		b.Write(r.Legacy2019)
	}
	if p := r.Publication; p != nil {
		b.WriteString(`,"publication":{"revision":` + strconv.Itoa(p.Revision))
		field(&b, "date", p.Date, false)
		if p.Correction != "" {
			field(&b, "correction", p.Correction, false)
		}
		b.WriteByte('}')
	}
	b.WriteByte('}')
	var out bytes.Buffer
	if err := json.Indent(&out, b.Bytes(), "", "  "); err != nil {
		return nil, fmt.Errorf("indent report JSON: %w", err)
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

func (r *Report) writeTable(b *bytes.Buffer, tb *Table) {
	b.WriteString(`,"` + tb.Key + `":{`)
	for i, row := range tb.Rows {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"` + row.Key + `":{`)
		for j, id := range row.Cells {
			if j > 0 {
				b.WriteByte(',')
			}
			def := &r.Template().Cells[id]
			b.WriteString(`"` + def.ColKey + `":`)
			b.WriteString(jsonValue(def.Kind, r.Values[id]))
		}
		b.WriteByte('}')
	}
	b.WriteByte('}')
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

// field writes ,"key":"value" (without the comma when first).
func field(b *bytes.Buffer, key, value string, first bool) {
	if !first {
		b.WriteByte(',')
	}
	b.WriteString(`"` + key + `":`)
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(value)   // a string always encodes
	b.Truncate(b.Len() - 1) // Encode's newline
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
		return nil, &DecodeError{Line: root.line, Msg: "报告应为一个JSON对象（以 { 开头）"}
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
			return nil, &DecodeError{Line: f.line, Path: "format", Msg: `应为 "2021"（或旧格式 "2019"）`}
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
	return d.rep, nil
}

func (d *decoder) member(t *Template, key string, n *node) error {
	r := d.rep
	switch key {
	case "format":
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
	return &DecodeError{Line: n.keyLine, Path: key, Msg: "不认识的键"}
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
			return &DecodeError{Line: v.keyLine, Path: path, Msg: "不认识的键（应为 overview、problems 或 other）"}
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
			return &DecodeError{Line: v.keyLine, Path: path, Msg: "不认识的键"}
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
			return &DecodeError{Line: rn.keyLine, Path: rowPath, Msg: "不认识的行，应为 " + rowKeys(tb)}
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
				return &DecodeError{Line: rn.vals[j].keyLine, Path: path, Msg: "不认识的列，应为 " + colKeys(t, row)}
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
	kind    byte // '{' object, '[' array, 's' string, 'n' number, 'b' bool, '0' null
	line    int
	keyLine int // line of the key naming this value in its object
	keys    []string
	vals    []*node
	str     string
	num     json.Number
	raw     []byte
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

func (n *node) wrong(path, msg string) error {
	return &DecodeError{Line: n.line, Path: path, Msg: msg}
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
	if n.kind != 'n' || err != nil || y < 2000 || y > 2200 {
		return n.wrong("year", "应为四位数的年份，如 2024")
	}
	*dst = y
	return nil
}

// parseTree reads data into nodes, recording lines and refusing duplicate
// keys and trailing data.
func parseTree(data []byte) (*node, error) {
	p := treeParser{data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	p.dec.UseNumber()
	root, err := p.value()
	if err != nil {
		return nil, err
	}
	if _, err := p.dec.Token(); err != io.EOF {
		return nil, &DecodeError{Line: p.lineAt(p.dec.InputOffset()), Msg: "JSON对象结束后还有多余的内容"}
	}
	return root, nil
}

type treeParser struct {
	data []byte
	dec  *json.Decoder
}

func (p *treeParser) lineAt(off int64) int {
	if off > int64(len(p.data)) {
		off = int64(len(p.data))
	}
	return bytes.Count(p.data[:off], []byte{'\n'}) + 1
}

// valueLine finds the line of the value that starts after the decoder's
// current offset (skipping whitespace, colons and commas).
func (p *treeParser) valueLine() (int, int64) {
	off := p.dec.InputOffset()
	for off < int64(len(p.data)) {
		switch p.data[off] {
		case ' ', '\t', '\r', '\n', ':', ',':
			off++
			continue
		}
		break
	}
	return p.lineAt(off), off
}

func (p *treeParser) value() (*node, error) {
	line, start := p.valueLine()
	tok, err := p.dec.Token()
	if err != nil {
		return nil, p.syntax(err)
	}
	n := &node{line: line}
	switch v := tok.(type) {
	case json.Delim:
		if err := p.container(n, v); err != nil {
			return nil, err
		}
	case string:
		n.kind, n.str = 's', v
	case json.Number:
		n.kind, n.num = 'n', v
	case bool:
		n.kind = 'b'
	case nil:
		n.kind = '0'
	}
	n.raw = p.data[start:p.dec.InputOffset()]
	return n, nil
}

func (p *treeParser) container(n *node, d json.Delim) error {
	n.kind = byte(d)
	for p.dec.More() {
		if d == '[' {
			el, err := p.value()
			if err != nil {
				return err
			}
			n.vals = append(n.vals, el)
			continue
		}
		keyLine, _ := p.valueLine()
		tok, err := p.dec.Token()
		if err != nil {
			return p.syntax(err)
		}
		key := tok.(string)
		if n.get(key) != nil {
			return &DecodeError{Line: keyLine, Path: key, Msg: "键重复出现"}
		}
		v, err := p.value()
		if err != nil {
			return err
		}
		v.keyLine = keyLine
		n.keys, n.vals = append(n.keys, key), append(n.vals, v)
	}
	if _, err := p.dec.Token(); err != nil {
		return p.syntax(err)
	}
	return nil
}

func (p *treeParser) syntax(err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return &DecodeError{Line: p.lineAt(se.Offset), Msg: "JSON格式错误（多了逗号、少了引号或括号不配对？）：" + se.Error()}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return &DecodeError{Line: p.lineAt(int64(len(p.data))), Msg: "文件不完整，JSON在结尾处中断"}
	}
	return &DecodeError{Line: p.lineAt(p.dec.InputOffset()), Msg: "JSON格式错误：" + err.Error()}
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
