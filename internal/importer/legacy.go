package importer

import (
	"bytes"
	"encoding/json"
	"strings"
)

// A 2019-format report's section 二 has other columns than 2021's
// (本年新制作数量 is not 本年制发件数; 行政事业性收费 counts items, not an
// amount; 政府集中采购 is gone), so it is not mapped to 2021 keys. It is kept
// as printed in Report.Legacy2019, as this JSON:
//
//	{"active": [
//	  {"caption": "第二十条第(一)项",
//	   "headers": ["信息内容", "本年新制作数量", "本年 新公开数量", "对外公开 总数量"],
//	   "rows": [{"label": "规章", "values": ["0", "0", "0"]}, …]},
//	  …]}
//
// One block per 第二十条 item, in printed order; headers and labels are the
// printed cells (trimmed, spaces inside kept); values are the printed
// strings, because they may be signed (本年增/减 +1036) or carry a unit
// (251000元).

// legacy2019 is the JSON shape of Report.Legacy2019.
type legacy2019 struct {
	Active []legacyBlock `json:"active"`
}

type legacyBlock struct {
	Caption string      `json:"caption"`
	Headers []string    `json:"headers"`
	Rows    []legacyRow `json:"rows"`
}

type legacyRow struct {
	Label  string   `json:"label"`
	Values []string `json:"values"`
}

// legacyActive keeps a 2019 report's section 二 aside, and says so.
func (rd *reader) legacyActive() {
	blocks := legacyBlocks(rd.toks[0])
	if len(blocks) == 0 {
		rd.note(rd.head[1], Unreadable, "第二部分（2019年格式）没有读到表格")
		return
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(legacy2019{Active: blocks}) // strings and slices always encode
	rd.rep.Legacy2019 = bytes.TrimSpace(b.Bytes())
	rd.note(rd.head[1], Info, "这是2019年格式的报告：第二部分的栏目（如“本年新制作数量”“对外公开总数量”）与2021年格式不同，不可比，按原样保存为legacy2019，未对应到2021年格式的各项")
}

// legacyBlocks reads the blocks: a caption 第二十条第(X)项 (possibly wrapped
// over cells) starts one; the text before its first values is its header
// row and first label.
func legacyBlocks(toks []token) []legacyBlock {
	var blocks []legacyBlock
	var texts []string // text cells since the last values or caption
	for i := 0; i < len(toks); {
		t := toks[i]
		switch {
		case t.kind == tText:
			texts = append(texts, t.text)
			if c := captionStart(toks[:i+1], len(texts)); c > 0 {
				caption := strings.Join(texts[len(texts)-c:], "")
				blocks = append(blocks, legacyBlock{Caption: caption, Headers: []string{}, Rows: []legacyRow{}})
				texts = nil
			}
		case t.isValue() && len(blocks) > 0:
			run, next := valueRun(toks, i)
			blocks[len(blocks)-1].addRow(texts, run)
			texts, i = nil, next
			continue
		}
		i++
	}
	return blocks
}

// captionStart returns how many of the last n text cells of toks make up a
// caption 第二十条第(X)项 that ends them, or 0.
func captionStart(toks []token, n int) int {
	k, cells := "", 0
	for i := len(toks) - 1; i >= 0 && cells < n && cells < 4; i-- {
		if toks[i].kind != tText {
			continue
		}
		k, cells = toks[i].key+k, cells+1
		if isCaption(k) {
			return cells
		}
	}
	return 0
}

// addRow adds a row; the first row's texts hold the headers before its label.
func (b *legacyBlock) addRow(texts []string, run []cell) {
	if len(b.Rows) == 0 && len(texts) > 1 {
		b.Headers = append(b.Headers, texts[:len(texts)-1]...)
		texts = texts[len(texts)-1:]
	}
	row := legacyRow{Label: strings.Join(texts, ""), Values: []string{}}
	for _, c := range run {
		v := ""
		if c.tok != nil {
			v = c.tok.text
		}
		row.Values = append(row.Values, v)
	}
	b.Rows = append(b.Rows, row)
}

// isCaption matches 第二十条第(一)项 … 第二十条第(九)项.
func isCaption(k string) bool {
	return strings.HasPrefix(k, "第二十条第(") && strings.HasSuffix(k, ")项")
}
