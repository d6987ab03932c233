package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// parseTree reads JSON into nodes that remember where they start, so that
// an error can name its line. It is a small scanner of our own: the
// standard library's token API costs half a millisecond per report, and a
// report is read on every request of the live check. Duplicate keys and
// trailing data are refused.
func parseTree(data []byte) (*node, error) {
	p := &scanner{data: data}
	root, err := p.value(0)
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.pos < len(data) {
		return nil, p.fail(p.pos, "JSON对象结束后还有多余的内容")
	}
	return root, nil
}

type scanner struct {
	data []byte
	pos  int
}

// maxDepth bounds nesting, so that hostile input cannot exhaust the stack.
const maxDepth = 64

func (p *scanner) fail(at int, msg string) error {
	return &DecodeError{Line: lineAt(p.data, int64(at)), Msg: msg}
}

func (p *scanner) syntax(at int, what string) error {
	if at >= len(p.data) {
		return p.fail(len(p.data), "文件不完整，JSON在结尾处中断")
	}
	return p.fail(at, fmt.Sprintf("JSON格式错误（多了逗号、少了引号或括号不配对？）：在 %q 处应为%s", p.data[at], what))
}

func (p *scanner) skipSpace() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\r', '\n':
			p.pos++
		default:
			return
		}
	}
}

func (p *scanner) value(depth int) (*node, error) {
	p.skipSpace()
	if p.pos >= len(p.data) {
		return nil, p.syntax(p.pos, "一个值")
	}
	if depth > maxDepth {
		return nil, p.fail(p.pos, "JSON嵌套过深")
	}
	start := p.pos
	n := &node{off: int64(start), data: p.data}
	var err error
	switch c := p.data[p.pos]; {
	case c == '{':
		err = p.object(n, depth)
	case c == '[':
		err = p.array(n, depth)
	case c == '"':
		n.kind = 's'
		n.str, err = p.string()
	case c == '-' || (c >= '0' && c <= '9'):
		n.kind = 'n'
		n.num, err = p.number()
	default:
		err = p.literal(n)
	}
	if err != nil {
		return nil, err
	}
	n.raw = p.data[start:p.pos]
	return n, nil
}

func (p *scanner) object(n *node, depth int) error {
	n.kind = '{'
	p.pos++ // {
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
		return nil
	}
	for {
		p.skipSpace()
		keyOff := p.pos
		if p.pos >= len(p.data) || p.data[p.pos] != '"' {
			return p.syntax(p.pos, "带引号的键名")
		}
		key, err := p.string()
		if err != nil {
			return err
		}
		if n.get(key) != nil {
			return &DecodeError{Line: lineAt(p.data, int64(keyOff)), Path: key, Msg: "键重复出现"}
		}
		p.skipSpace()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			return p.syntax(p.pos, "冒号")
		}
		p.pos++
		v, err := p.value(depth + 1)
		if err != nil {
			return err
		}
		v.keyOff = int64(keyOff)
		n.keys, n.vals = append(n.keys, key), append(n.vals, v)
		if done, err := p.next('}'); done || err != nil {
			return err
		}
	}
}

func (p *scanner) array(n *node, depth int) error {
	n.kind = '['
	p.pos++ // [
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		return nil
	}
	for {
		v, err := p.value(depth + 1)
		if err != nil {
			return err
		}
		n.vals = append(n.vals, v)
		if done, err := p.next(']'); done || err != nil {
			return err
		}
	}
}

// next reads a comma (more to come) or the closing bracket (done).
func (p *scanner) next(closing byte) (bool, error) {
	p.skipSpace()
	if p.pos >= len(p.data) {
		return false, p.syntax(p.pos, "")
	}
	switch p.data[p.pos] {
	case ',':
		p.pos++
		return false, nil
	case closing:
		p.pos++
		return true, nil
	}
	return false, p.syntax(p.pos, "逗号或 "+string(closing))
}

func (p *scanner) literal(n *node) error {
	for _, lit := range []struct {
		text string
		kind byte
	}{{"true", 'b'}, {"false", 'b'}, {"null", '0'}} {
		if len(p.data)-p.pos >= len(lit.text) && string(p.data[p.pos:p.pos+len(lit.text)]) == lit.text {
			n.kind = lit.kind
			p.pos += len(lit.text)
			return nil
		}
	}
	return p.syntax(p.pos, "一个值（数字、带引号的文字、true、false 或 null）")
}

// number reads a JSON number and keeps its text (never a float).
func (p *scanner) number() (json.Number, error) {
	start := p.pos
	if p.data[p.pos] == '-' {
		p.pos++
	}
	if !p.digits() {
		return "", p.syntax(p.pos, "数字")
	}
	if p.pos < len(p.data) && p.data[p.pos] == '.' {
		p.pos++
		if !p.digits() {
			return "", p.syntax(p.pos, "小数点后的数字")
		}
	}
	if p.pos < len(p.data) && (p.data[p.pos] == 'e' || p.data[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.data) && (p.data[p.pos] == '+' || p.data[p.pos] == '-') {
			p.pos++
		}
		if !p.digits() {
			return "", p.syntax(p.pos, "指数的数字")
		}
	}
	text := p.data[start:p.pos]
	if len(text) > 1 && text[0] == '0' && text[1] >= '0' && text[1] <= '9' ||
		len(text) > 2 && text[0] == '-' && text[1] == '0' && text[2] >= '0' && text[2] <= '9' {
		return "", p.fail(start, "JSON格式错误：数字不能以0开头")
	}
	return json.Number(text), nil
}

func (p *scanner) digits() bool {
	start := p.pos
	for p.pos < len(p.data) && p.data[p.pos] >= '0' && p.data[p.pos] <= '9' {
		p.pos++
	}
	return p.pos > start
}

// string reads a quoted string, unescaping as encoding/json does (invalid
// UTF-8 and lone surrogates become U+FFFD).
func (p *scanner) string() (string, error) {
	start := p.pos
	p.pos++ // opening quote
	plain := true
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == '"':
			p.pos++
			body := p.data[start+1 : p.pos-1]
			if plain && utf8.Valid(body) {
				return string(body), nil
			}
			return p.unescape(start, body)
		case c == '\\':
			plain = false
			p.pos += 2
		case c < 0x20:
			return "", p.fail(p.pos, "JSON格式错误：文字中有未转义的换行或控制字符")
		default:
			p.pos++
		}
	}
	return "", p.fail(start, "文件不完整：引号没有闭合")
}

func (p *scanner) unescape(start int, body []byte) (string, error) {
	out := make([]byte, 0, len(body))
	for i := 0; i < len(body); {
		if body[i] != '\\' {
			j := bytes.IndexByte(body[i:], '\\')
			if j < 0 {
				j = len(body) - i
			}
			if chunk := body[i : i+j]; utf8.Valid(chunk) {
				out = append(out, chunk...)
			} else {
				out = append(out, bytes.ToValidUTF8(chunk, []byte("\uFFFD"))...)
			}
			i += j
			continue
		}
		if i+1 >= len(body) {
			return "", p.fail(start, "JSON格式错误：文字末尾的反斜杠")
		}
		i += 2
		switch body[i-1] {
		case '"', '\\', '/':
			out = append(out, body[i-1])
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, used, ok := unicodeEscape(body[i:])
			if !ok {
				return "", p.fail(start, "JSON格式错误：\\u 后应为四位十六进制数")
			}
			out = utf8.AppendRune(out, r)
			i += used
		default:
			return "", p.fail(start, "JSON格式错误：不认识的转义 \\"+string(body[i-1]))
		}
	}
	return string(out), nil
}

// unicodeEscape reads the XXXX of \uXXXX, joining a surrogate pair.
func unicodeEscape(b []byte) (rune, int, bool) {
	r, ok := hex4(b)
	if !ok {
		return 0, 0, false
	}
	if utf16.IsSurrogate(r) {
		if len(b) >= 10 && b[4] == '\\' && b[5] == 'u' {
			if r2, ok := hex4(b[6:]); ok {
				if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
					return dec, 10, true
				}
			}
		}
		return utf8.RuneError, 4, true
	}
	return r, 4, true
}

func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	v, err := strconv.ParseUint(string(b[:4]), 16, 32)
	return rune(v), err == nil
}
