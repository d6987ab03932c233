package report

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func seedReport(tb testing.TB, name string) *Report {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "seeds", name+".json"))
	if err != nil {
		tb.Fatal(err)
	}
	r, err := Decode(data)
	if err != nil {
		tb.Fatalf("seed %s: %v", name, err)
	}
	return r
}

func TestParseChinese(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
	}{
		{"一百二十八", 128}, {"十二", 12}, {"十", 10}, {"二十", 20}, {"两千零五", 2005},
		{"三百零八", 308}, {"一二八", 128}, {"一万二千", 12000}, {"零", 0}, {"五", 5},
	} {
		got, ok := parseChinese(tc.in)
		if !ok || got != tc.want {
			t.Errorf("parseChinese(%q) = %d, %v; want %d", tc.in, got, ok, tc.want)
		}
	}
}

// figureWords are the ties of a text, as "path+path=n", to compare with a
// list written by hand.
func figureWords(c *checker) []string {
	var out []string
	for _, t := range c.figureTies() {
		out = append(out, strings.Join(t.paths, "+")+"="+strconv.FormatInt(t.n, 10))
	}
	return out
}

// TestSeedTies: the figures the seeds' narratives state about their tables,
// read by hand from the published texts (seed 003 states none: its 一
// speaks of applications without a number). Seed 002's "新收125件涉自然人案件，
// 2件涉企业" are two columns' figures of 一 ("7件涉及集体经济组织" names no
// column); seed 000's "有效规范性文件374件，清理失效155件" repeals 规范性文件.
func TestSeedTies(t *testing.T) {
	want := map[string][]string{
		"000": {
			"requests.new_received.total=2981", "requests.carried_over.total=104",
			"requests.handled_total.total=3047", "requests.carried_forward.total=38",
			"reviews.review.total=68", "reviews.litigation_direct.total+reviews.litigation_after_review.total=44",
			"active.rules.repealed=6", "active.rules.issued=3", "active.normative_docs.in_force=374",
			"active.normative_docs.repealed=155",
		},
		"002": {"active.normative_docs.issued=20", "active.normative_docs.repealed=8", "active.normative_docs.in_force=231",
			"requests.new_received.natural_person=125", "requests.new_received.commercial=2"},
		"003": nil,
		"004": {"requests.new_received.total=14"},
	}
	for name, w := range want {
		t.Run(name, func(t *testing.T) {
			r := seedReport(t, name)
			got := figureWords(&checker{t: r.Template(), r: r})
			if fmt.Sprint(got) != fmt.Sprint(w) {
				t.Errorf("ties\n got %v\nwant %v", got, w)
			}
		})
	}
}

// TestSeedsNoNarrativeFindings: every seed's text agrees with its tables.
func TestSeedsNoNarrativeFindings(t *testing.T) {
	for _, name := range []string{"000", "002", "003", "004"} {
		r := seedReport(t, name)
		for _, f := range Check(r, Options{}) {
			if f.Rule == RuleNarrativeTables || f.Rule == RuleNarrativeReviews {
				t.Errorf("seed %s: false alarm %s: %s", name, f.Rule, f.Message)
			}
		}
	}
}

// TestNarrativeFigures: sentences on seed 003's tables (新收363, 上年结转0,
// 予以公开154, 部分公开10, 不予公开6, 无法提供151, 不予处理5, 办结363,
// 复议11, 诉讼22+6, 规范性文件制发100/废止31/现行有效817, 规章制发1) and
// seed 000's (新收2981, 上年结转104).
func TestNarrativeFigures(t *testing.T) {
	for _, tc := range []struct {
		name, seed, text string
		// want is "rule cells n→sum" per finding; nil: no finding.
		want []string
	}{
		{"agrees", "003", "全年共收到政府信息公开申请363件，予以公开154件，部分公开10件，不予公开6件。", nil},
		{"received differs", "003", "全年共收到政府信息公开申请128件。",
			[]string{"W2 requests.new_received.total 128→363"}},
		{"chinese numerals", "003", "全年共收到政府信息公开申请三百六十件。",
			[]string{"W2 requests.new_received.total 360→363"}},
		{"traditional", "003", "全年新收政府信息公開申請三百六十三件，依法辦結政府信息公開申請360件。",
			[]string{"W2 requests.handled_total.total 360→363"}},
		{"received may include carried over", "000", "全年共收到政府信息公开申请3085件。", nil},
		{"received neither reading", "000", "全年共收到政府信息公开申请3000件。",
			[]string{"W2 requests.new_received.total 3000→2981"}},
		{"新收 is only 一", "000", "全年新收政府信息公开申请3085件。",
			[]string{"W2 requests.new_received.total 3085→2981"}},
		{"granted and partly", "003", "对申请人的申请，予以公开及部分公开165件。",
			[]string{"W2 requests.granted.total+requests.partly_granted.total 165→164"}},
		{"withheld sum", "003", "办理政府信息公开申请时，不予公开7件，无法提供151件，不予处理5件。",
			[]string{"W2 withheld 7→6"}},
		{"carried forward", "003", "申请均已办结，结转下年度继续办理3件。",
			[]string{"W2 requests.carried_forward.total 3→0"}},
		{"reviews", "003", "全年发生政府信息公开行政复议12件、行政诉讼28件。",
			[]string{"W4 reviews.review.total 12→11"}},
		{"litigation sums both groups", "003", "全年发生政府信息公开行政诉讼22件。",
			[]string{"W4 reviews.litigation_direct.total+reviews.litigation_after_review.total 22→28"}},
		{"normative issued, number first", "003", "全年共制发含《关于印发规章的通知》在内的20件行政规范性文件。",
			[]string{"W2 active.normative_docs.issued 20→100"}},
		{"normative in force", "003", "现行有效规范性文件817件，废止规范性文件30件。",
			[]string{"W2 active.normative_docs.repealed 30→31"}},
		{"thousands separator", "000", "全年新收政府信息公开申请2,981件。", nil},
		// No tie, so no finding.
		{"change on last year", "003", "全年收到政府信息公开申请较上年增加20件。", nil},
		{"other year", "003", "2021年共收到政府信息公开申请200件。", nil},
		{"column", "003", "全年收到自然人提出的政府信息公开申请20件。",
			[]string{"W2 requests.new_received.natural_person 20→355"}},
		{"approximate", "003", "全年收到政府信息公开申请约300件。", nil},
		{"not about applications", "003", "全年主动公开政府信息500条，予以公开文件40件。", nil},
		{"timely", "003", "全年收到申请363件，按时办结360件。", nil},
		{"internal rules", "003", "制定规章制度5件。", nil},
		{"upheld review", "003", "行政复议被纠正1件。", nil},
		{"both kinds", "003", "行政复议、行政诉讼共39件。", nil},
		// Years of the carry-over (seed 003 is a 2022 report): last year's
		// 结转 is 上年结转, next year's is 结转下年度 (a 市's 2022 report:
		// "2021年结转…2件，…结转2023年度继续办理2件").
		{"carried over by its year", "003", "全年共收到政府信息公开申请363件，2021年结转政府信息公开申请2件，结转2023年度继续办理1件。",
			[]string{"W2 requests.carried_over.total 2→0", "W2 requests.carried_forward.total 1→0"}},
		{"carried over by its year, 年度", "003", "办结申请363件，另有2021年度结转申请2件。",
			[]string{"W2 requests.carried_over.total 2→0"}},
		{"carried forward to next year, 结转至", "003", "共办结申请363件，结转至2023年继续办理2件。",
			[]string{"W2 requests.carried_forward.total 2→0"}},
		{"carried over from two years back", "003", "2020年结转政府信息公开申请2件。", nil},
		{"next year's plan is another year", "003", "2023年将结转的申请办结5件。", nil},
		// A channel's share is not a row (a district's "共收到群众网上申请105件，
		// 快递17件，合计122件").
		{"by channel", "003", "全年共收到群众网上申请105件，快递17件，合计363件。", nil},
		{"by channel after the total", "003", "全年共收到政府信息公开申请363件，其中网络申请300件，信函申请63件。", nil},
		{"by channel, received in person", "003", "当面受理政府信息公开申请20件，邮寄收到申请343件。", nil},
		// Phrasings of the corpus a reader ties (docs/checks.md, 2021–2025
		// reports of 县, 区, 街道 and 部门).
		{"上年转结", "003", "全年新受理政府信息公开申请363件，上年转结政府信息公开申请2件。",
			[]string{"W2 requests.carried_over.total 2→0"}},
		{"转下一年", "003", "办结申请363件，转下一年办理2件。",
			[]string{"W2 requests.carried_forward.total 2→0"}},
		{"结转下一年", "003", "办结363件，结转下一年办理1件。",
			[]string{"W2 requests.carried_forward.total 1→0"}},
		{"行政復議 with 復", "003", "全年發生行政復議12件。",
			[]string{"W4 reviews.review.total 12→11"}},
		{"诉讼 after 行政复议", "003", "信息公开类行政复议11件，诉讼20件，均依法应诉。",
			[]string{"W4 reviews.litigation_direct.total+reviews.litigation_after_review.total 20→28"}},
		{"诉讼 with no 行政复议 in the sentence", "003", "本年度诉讼20件。", nil},
		{"份 of applications", "003", "全年共收到300份政府信息公开申请。",
			[]string{"W2 requests.new_received.total 300→363"}},
		{"条 of applications", "003", "全年受理依申请公开信息300条。",
			[]string{"W2 requests.new_received.total 300→363"}},
		{"个 of 规范性文件", "003", "制发行政规范性文件6个，清理失效文件31个，现行有效行政规范性文件817个。",
			[]string{"W2 active.normative_docs.issued 6→100"}},
		{"起 of reviews", "003", "全年发生政府信息公开行政复议案件9起。",
			[]string{"W4 reviews.review.total 9→11"}},
		{"个 of days", "003", "规范性文件在印发后3个工作日内公开。", nil},
		{"个 of other things", "003", "组织开展行政规范性文件评估，对2个存在问题的文件提出修改建议。", nil},
		{"条 of information", "003", "全年主动公开政府信息300条，依申请公开信息目录更新2条。", nil},
		{"份 of decisions", "003", "公开行政复议决定书20份。", nil},
		{"the body decides reviews", "003", "我局作为区政府行政复议机构，全年共办理行政复议案件312件。", nil},
		{"review applications received", "003", "全年收到行政复议申请120件，依法受理108件。", nil},
		{"review decisions published", "003", "公开行政复议决定书20件。", nil},
		{"万 after digits", "003", "全年收到政府信息公开申请1.2万件。",
			[]string{"W2 requests.new_received.total 12000→363"}},
		{"approximately 万", "003", "全年受理政府信息公开申请约3万件。", nil},
		{"by channel, on the website and on paper", "003", "通过政府门户网站共办理并答复信息公开申请3件、纸质申请36件。", nil},
		// A sentence opening with 其中 goes on with the one before (a 市's
		// "共受理群众政府信息公开申请54件…。其中予以公开45件，部分公开4件").
		{"其中 after another sentence", "003", "其中予以公开150件。", nil},
		{"条 of information, not applications", "003", "其中主动公开政府信息17条，作为依申请公开信息数28条，不予公开信息数8条。", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := seedReport(t, tc.seed)
			r.Narrative.Overview = "一、总体情况\n" + tc.text
			var got []string
			for _, f := range Check(r, Options{}) {
				if f.Rule != RuleNarrativeTables && f.Rule != RuleNarrativeReviews {
					continue
				}
				paths := strings.Join(f.Paths(), "+")
				if strings.HasPrefix(paths, "requests.withheld_") {
					paths = "withheld"
				}
				var n, sum int64
				fmt.Sscanf(between(f.Message, "所述", "件"), "%d", &n)
				fmt.Sscanf(between(f.Message, "”的", "件"), "%d", &sum)
				got = append(got, fmt.Sprintf("%s %s %d→%d", f.Rule, paths, n, sum))
				if f.Narrative != NarrativeOverview || f.Para != 1 {
					t.Errorf("placed at %q paragraph %d, want overview paragraph 1", f.Narrative, f.Para)
				}
				if !strings.Contains(f.Message, "第一部分写“"+strings.TrimSuffix(strings.SplitN(tc.text, "。", 2)[0], "。")) {
					t.Errorf("message does not quote the sentence: %s", f.Message)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("findings\n got %v\nwant %v", got, tc.want)
			}
		})
	}
}

func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	s = s[i+len(from):]
	if j := strings.Index(s, to); j >= 0 {
		return s[:j]
	}
	return s
}

// BenchmarkCheckLongNarrative: the whole check of seed 000 with a 100 KB
// 第一部分 (the seeds' texts repeated), as the editor's live check runs it.
func BenchmarkCheckLongNarrative(b *testing.B) {
	r := seedReport(b, "000")
	var text strings.Builder
	for text.Len() < 100_000 {
		for _, name := range []string{"000", "002", "003", "004"} {
			s := seedReport(b, name)
			text.WriteString(s.Narrative.Overview + "\n" + s.Narrative.Problems + "\n")
		}
	}
	r.Narrative.Overview = text.String()
	b.ReportAllocs()
	for b.Loop() {
		Check(r, Options{})
	}
}

// BenchmarkCheckSeed: the whole check of the longest seed as printed.
func BenchmarkCheckSeed(b *testing.B) {
	r := seedReport(b, "003")
	b.ReportAllocs()
	for b.Loop() {
		Check(r, Options{})
	}
}

// TestFigureTiesKeptPerText: the ties kept for a narrative are the ties of
// that text: another text, another year (a sentence about 2023 is not this
// year's table) or a changed cell each give what a first check gives.
func TestFigureTiesKeptPerText(t *testing.T) {
	const stated = "本年度新收政府信息公开申请2981件。"
	base := seedReport(t, "000")
	base.Year = 2024
	ties := func(r *Report) []string { return figureWords(&checker{t: r.Template(), r: r}) }
	tests := []struct {
		name   string
		text   string // the overview checked first
		change func(r *Report)
		want   []string // by hand
	}{
		{"the same text", stated, func(r *Report) {}, []string{"requests.new_received.total=2981"}},
		{"another figure", stated, func(r *Report) {
			r.Narrative.Set(NarrativeOverview, strings.Replace(stated, "2981", "2980", 1))
		}, []string{"requests.new_received.total=2980"}},
		{"a sentence of another year", stated, func(r *Report) {
			r.Narrative.Set(NarrativeOverview, "2023年"+stated)
		}, nil},
		{"the report of that year", "2023年" + stated, func(r *Report) { r.Year = 2023 },
			[]string{"requests.new_received.total=2981"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := base.Clone()
			r.Narrative.Set(NarrativeOverview, tc.text)
			r.Narrative.Set(NarrativeProblems, "")
			r.Narrative.Set(NarrativeOther, "")
			ties(r) // kept for the text before the change
			tc.change(r)
			if got := ties(r); fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("ties %v, want %v", got, tc.want)
			}
		})
	}
	// The ties kept, the cells still compared afresh: a cell that no longer
	// matches the text gives W2 at once.
	r := base.Clone()
	r.Narrative.Set(NarrativeOverview, stated)
	Check(r, Options{})
	id := r.Template().Lookup("requests.new_received.total")
	v := r.Values[id]
	v.N++
	r.Values[id] = v
	found := false
	for _, f := range Check(r, Options{}) {
		found = found || f.Narrative == NarrativeOverview && strings.Contains(f.Message, "2981件")
	}
	if !found {
		t.Error("a cell changed under a kept text gives no finding")
	}
}

// TestReviewFigures: what the text says of 四's results against seed 003's
// table (行政复议 11 = 维持6 + 纠正1 + 其他1 + 尚未审结3; 未经复议直接起诉 22 =
// 14 + 5 + 2 + 1; 复议后起诉 6 = 4 + 1 + 0 + 1) and seed 004's (all 0, with
// the cells a case sets). Each finding is written here by hand: its cells
// and the message.
func TestReviewFigures(t *testing.T) {
	pending := func(r *Report) { // 行政复议 2, both still pending
		r.Values[r.Template().Lookup("reviews.review.pending")] = Num(2)
		r.Values[r.Template().Lookup("reviews.review.total")] = Num(2)
	}
	upheld := func(r *Report) { // 行政复议 2, both upheld
		r.Values[r.Template().Lookup("reviews.review.upheld")] = Num(2)
		r.Values[r.Template().Lookup("reviews.review.total")] = Num(2)
	}
	corrected := func(r *Report) { // 行政复议 2: 1 upheld, 1 corrected
		r.Values[r.Template().Lookup("reviews.review.upheld")] = Num(1)
		r.Values[r.Template().Lookup("reviews.review.corrected")] = Num(1)
		r.Values[r.Template().Lookup("reviews.review.total")] = Num(2)
	}
	for _, tc := range []struct {
		name, seed string
		set        func(*Report)
		text       string
		want       []string // "cells | message"
	}{
		{"all upheld, both groups", "003", nil, "全年发生行政复议11件、行政诉讼28件，均获维持。", []string{
			"reviews.review.corrected+reviews.review.other+reviews.litigation_direct.corrected+reviews.litigation_direct.other+reviews.litigation_after_review.corrected | " +
				"第一部分写“全年发生行政复议11件、行政诉讼28件，均获维持”，所述“均获维持”即行政复议、行政诉讼（未经复议直接起诉）、行政诉讼（复议后起诉） 结果纠正、其他结果为0件，与表格的10件不一致"}},
		{"all upheld, the group before it", "003", nil, "行政复议11件，均获维持，行政诉讼28件正在审理。", []string{
			"reviews.review.corrected+reviews.review.other | " +
				"第一部分写“行政复议11件，均获维持，行政诉讼28件正在审理”，所述“均获维持”即行政复议 结果纠正、其他结果为0件，与表格的2件不一致"}},
		{"traditional", "003", nil, "行政複議11件，均獲維持。", []string{
			"reviews.review.corrected+reviews.review.other | " +
				"第一部分写“行政複議11件，均獲維持”，所述“均获维持”即行政复议 结果纠正、其他结果为0件，与表格的2件不一致"}},
		{"the sentence before", "003", nil, "全年发生行政复议11件。上述案件均获维持。", []string{
			"reviews.review.corrected+reviews.review.other | " +
				"第一部分写“上述案件均获维持”，所述“均获维持”即行政复议 结果纠正、其他结果为0件，与表格的2件不一致"}},
		{"none corrected", "003", nil, "行政诉讼案件无被纠错情况。", []string{
			"reviews.litigation_direct.corrected+reviews.litigation_after_review.corrected | " +
				"第一部分写“行政诉讼案件无被纠错情况”，所述“无被纠错”即行政诉讼（未经复议直接起诉）、行政诉讼（复议后起诉） 结果纠正为0件，与表格的6件不一致"}},
		{"no lawsuit lost", "003", nil, "我市在政府信息公开行政诉讼中无败诉案件。", []string{
			"reviews.litigation_direct.corrected+reviews.litigation_after_review.corrected | " +
				"第一部分写“我市在政府信息公开行政诉讼中无败诉案件”，所述“无败诉”即行政诉讼（未经复议直接起诉）、行政诉讼（复议后起诉） 结果纠正为0件，与表格的6件不一致"}},
		{"a result's figure", "003", nil, "行政复议11件，其中维持6件，纠正2件。", []string{
			"reviews.review.corrected | 第一部分写“行政复议11件，其中维持6件，纠正2件”，所述2件与表格“行政复议 结果纠正”的1件不一致"}},
		{"litigation's groups", "003", nil, "行政诉讼28件，其中未经复议直接起诉22件，复议后起诉7件。", []string{
			"reviews.litigation_after_review.total | 第一部分写“行政诉讼28件，其中未经复议直接起诉22件，复议后起诉7件”，所述7件与表格“行政诉讼（复议后起诉） 总计”的6件不一致"}},
		{"all still pending", "004", pending, "全年行政复议2件，均获维持。", []string{
			"reviews.review.upheld | 第一部分写“全年行政复议2件，均获维持”，但表格的2件都尚未审结，结果维持为0件"}},
		{"upheld indeed", "004", upheld, "全年行政复议2件，均获维持。", nil},
		{"one corrected", "004", corrected, "全年行政复议2件，均获维持。", []string{
			"reviews.review.corrected | 第一部分写“全年行政复议2件，均获维持”，所述“均获维持”即行政复议 结果纠正、其他结果为0件，与表格的1件不一致"}},
		{"one corrected, said so", "004", corrected, "全年行政复议2件，其中维持1件，纠正1件。", nil},
		// No tie, so no finding.
		{"no case at all", "004", nil, "全年行政复议案件均获维持。", nil},
		{"a level, not a result", "003", nil, "行政复议11件，网站可用率均维持在99%以上。", nil},
		{"no group named", "003", nil, "各项工作均获维持。", nil},
		{"corrected words elsewhere", "003", nil, "督促整改纠正问题20件。", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := seedReport(t, tc.seed)
			if tc.set != nil {
				tc.set(r)
			}
			r.Narrative.Overview = "一、总体情况\n" + tc.text
			var got []string
			for _, f := range Check(r, Options{}) {
				if f.Rule == RuleNarrativeTables || f.Rule == RuleNarrativeReviews {
					got = append(got, strings.Join(f.Paths(), "+")+" | "+f.Message)
					if f.Rule != RuleNarrativeReviews || f.Narrative != NarrativeOverview || f.Para != 1 {
						t.Errorf("%s placed at %q paragraph %d, want W4 at overview paragraph 1", f.Rule, f.Narrative, f.Para)
					}
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("findings\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestSentenceGoesOn: a sentence that opens with 其中 goes on with the one
// before, so "共受理…申请363件。其中予以公开150件" is about applications (seed 003:
// 予以公开 154, 部分公开 10).
func TestSentenceGoesOn(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"全年共受理政府信息公开申请363件。其中予以公开150件，部分公开10件。", []string{"requests.granted.total"}},
		{"全年主动公开政府信息300条。其中予以公开150件。", nil},
		// seed 001's: its 予以公开 4 counts the 已主动公开 1 as well.
		{"全年共受理政府信息公开申请363件。其中，属于已主动公开范围4件，同意公开答复150件。", nil},
		{"全年共受理政府信息公开申请363件。予以公开文件150件。", nil},
	} {
		r := seedReport(t, "003")
		r.Narrative.Overview = tc.text
		var got []string
		for _, f := range Check(r, Options{}) {
			if f.Rule == RuleNarrativeTables {
				got = append(got, strings.Join(f.Paths(), "+"))
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s: findings on %v, want %v", tc.text, got, tc.want)
		}
	}
}
