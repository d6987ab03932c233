package report

import (
	"strings"
	"testing"
)

// TestRowClaims: claims of 三 without a number against the table (seed
// 003: 新收 363, of them 8 by 法人或其他组织 (法律服务机构 7, 其他 1), nothing
// carried; seed 000: 上年结转 104, 结转下年度 38). want is "cells | message".
func TestRowClaims(t *testing.T) {
	for _, tc := range []struct {
		name, seed, text string
		want             []string
	}{
		{"all by natural persons", "003", "全年共收到政府信息公开申请363件，均为自然人申请。", []string{
			"requests.new_received.legal_services+requests.new_received.other | 第一部分写“全年共收到政府信息公开申请363件，均为自然人申请”，所述“均为自然人”即一、本年新收政府信息公开申请数量（法人或其他组织）为0件，与表格的8件不一致"}},
		{"traditional", "003", "全年共收到政府信息公開申請363件，均為自然人申請。", []string{
			"requests.new_received.legal_services+requests.new_received.other | 第一部分写“全年共收到政府信息公開申請363件，均為自然人申請”，所述“均为自然人”即一、本年新收政府信息公开申请数量（法人或其他组织）为0件，与表格的8件不一致"}},
		{"natural persons, no application received said", "003", "申请人均为自然人的情况较多。", nil},
		{"none carried forward", "000", "全年申请均已办结，无下年度结转。", []string{
			"requests.carried_forward.total | 第一部分写“全年申请均已办结，无下年度结转”，所述“无下年度结转”即四、结转下年度继续办理为0件，与表格的38件不一致"}},
		{"none carried forward, indeed", "003", "全年申请均已办结，无下年度结转。", nil},
		{"none carried over", "000", "本年度无上年结转申请。", []string{
			"requests.carried_over.total | 第一部分写“本年度无上年结转申请”，所述“无上年结转”即二、上年结转政府信息公开申请数量为0件，与表格的104件不一致"}},
		{"none carried over, indeed", "003", "本年度无上年结转申请。", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := seedReport(t, tc.seed)
			r.Narrative.Overview = tc.text
			var got []string
			for _, f := range Check(r, Options{}) {
				if f.Rule == RuleNarrativeTables || f.Rule == RuleNarrativeReviews {
					got = append(got, strings.Join(f.Paths(), "+")+" | "+f.Message)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("findings\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}
