package report

// How published reports print what the template names: the data by which
// the importer recognises a section heading or a row label in a report it
// did not write. Kept apart from the template's own labels, which are the
// official text.

// rowLandmarks are the distinctive parts of each row's official label (spec
// §10.5), in the importer's matching form (full-width folded, no spaces,
// 1、 written 1.). A row is found where one of them occurs in the label
// text before its numbers, whatever else that text carries: a group cell,
// an ordinal, spaces, a line break, a variant wording around the landmark
// (2.其他法律法规禁止公开). Each landmark occurs in its own row's label and
// in no other row's of the same table (TestLandmarks).
var rowLandmarks = map[string][]string{
	// section 二 (active)
	"rules":          {"规章"},
	"normative_docs": {"规范性文件"},
	"licensing":      {"行政许可"},
	"punishment":     {"行政处罚"},
	"enforcement":    {"行政强制"},
	"fees":           {"事业性收费"},
	// section 三 (requests)
	"new_received":                {"本年新收"},
	"carried_over":                {"上年结转"},
	"granted":                     {"予以公开"},
	"partly_granted":              {"部分公开"},
	"withheld_state_secret":       {"国家秘密"},
	"withheld_law_prohibited":     {"禁止公开", "其他法律行政"}, // 其他法律行政止公开: a misprint (洪泽区 2023, 2024)
	"withheld_security_stability": {"三安全"},
	"withheld_third_party":        {"第三方合法权益"},
	"withheld_internal_affairs":   {"内部事务"},
	"withheld_process_info":       {"过程性信息"},
	"withheld_enforcement_file":   {"行政执法案卷"},
	"withheld_inquiry":            {"行政查询事项"},
	"unavailable_not_held":        {"不掌握"},
	"unavailable_needs_creation":  {"另行制作"},
	"unavailable_unclear":         {"仍不明确"},
	"not_processed_petition":      {"信访举报投诉"},
	"not_processed_duplicate":     {"重复申请"},
	"not_processed_publication":   {"公开出版物"},
	"not_processed_excessive":     {"大量反复"},
	"not_processed_confirm":       {"确认或重新出具"},
	"other_no_correction":         {"逾期不补正"},
	"other_no_fee":                {"缴纳费用"},
	"other_misc":                  {"3.其他"},
	"other_unsplit":               {"(六)其他处理"}, // 2019: a single （六） row
	"handled_total":               {"(七)"},
	"carried_forward":             {"结转下年度"},
}

// headingVariants are section headings as published reports print them,
// by section number; headingKeywords are the words a heading of the
// section always has.
var (
	headingVariants = map[string][]string{
		"三": {"三、收到和处理政府信息公开申请的情况"},
		"四": {"四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况",
			"四、政府信息公开行政复议、行政诉讼的情况"},
		"五": {"五、政府信息公开工作存在的主要问题及改进情况", "五、存在的主要问题及改进措施",
			"五、政府信息公开工作存在的主要问题及改进措施"},
	}
	headingKeywords = map[string][]string{
		"一": {"总体情况"},
		"二": {"主动公开", "情况"},
		"三": {"申请", "处理", "情况"},
		"四": {"行政复议", "行政诉讼"},
		"五": {"问题", "改进"},
		"六": {"其他", "报告", "事项"},
	}
)

// addVariants gives a built template's rows their landmarks and its
// sections their variants.
func addVariants(t *Template) {
	for i := range t.Sections {
		s := &t.Sections[i]
		s.Variants, s.Keywords = headingVariants[s.Number], headingKeywords[s.Number]
	}
	for _, tb := range t.Tables {
		for _, r := range tb.Rows {
			r.Landmarks = rowLandmarks[r.Key]
		}
	}
}
