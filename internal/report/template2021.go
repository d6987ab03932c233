package report

// The official labels and JSON keys, exactly as in docs/template-2021.md and
// docs/report-json.md. This file is the only place they are written down.

// Section headings, in printed order.
var headings = [6]string{
	"一、总体情况",
	"二、主动公开政府信息情况",
	"三、收到和处理政府信息公开申请情况",
	"四、政府信息公开行政复议、行政诉讼情况",
	"五、存在的主要问题及改进情况",
	"六、其他需要报告的事项",
}

// Narrative keys of sections 一, 五 and 六.
const (
	NarrativeOverview = "overview"
	NarrativeProblems = "problems"
	NarrativeOther    = "other"
)

// narrativeTexts are what the editor shows in the box of each narrative
// section: the usual outline while it is empty (the format names these
// topics but does not prescribe subheadings), what the format asks the
// section to say, and the box's height in lines.
var narrativeTexts = map[string]struct {
	placeholder, tip string
	lines            int
}{
	NarrativeOverview: {"（一）主动公开\n（二）依申请公开\n（三）政府信息管理\n（四）政府信息公开平台建设\n（五）监督保障",
		"概述本年度贯彻《条例》情况，一般包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等方面；人民政府还应说明工作考核、社会评议和责任追究结果情况。每段一行。", 16},
	NarrativeProblems: {"（一）存在的主要问题\n（二）改进情况",
		"写明存在的主要问题和改进情况，可包括上年度问题的整改情况。", 8},
	NarrativeOther: {"本年度未收取信息处理费。",
		"须说明本年度是否收取信息处理费（国办函〔2020〕109号）；人民政府可说明落实政务公开工作要点、人大代表建议和政协提案办理结果公开、政务公开工作创新等情况。没有其他事项可写“无”。", 8},
}

// InForceHeader is the header of 二's 现行有效件数 column, which a new year
// carries over; CarriedNames names both numbers a new year takes from the
// last, for the messages that say so.
const (
	InForceHeader = "现行有效件数"
	CarriedNames  = "“上年结转”和“" + InForceHeader + "”"
)

// How the editor names last year's number under a carried cell.
const (
	carriedForwardHint = "上年结转下年度"
	inForceHint        = "上年现行有效"
)

// requestsHelp tells the clerk which cells of section 三 are computed.
const requestsHelp = "“总计”列和“（七）总计”行由系统计算。"

// Section 二 (active): four blocks, each with a caption and a header row.
type activeBlock struct {
	caption string
	headers []string // the value-column headers after 信息内容
	cols    []string // JSON keys of the value columns
	kind    Kind
	rows    [][2]string // key, label
}

// ActiveItemHeader is the header of section 二's label column.
const ActiveItemHeader = "信息内容"

// FeeHeader2021 is the official fee header; FeeHeaderHenan is the variant
// with "保留4位小数" seen in 河南's reports (seeds 003, 004).
const (
	FeeHeader2021  = "本年收费金额（单位：万元）"
	FeeHeaderHenan = "本年收费金额（单位：万元，保留4位小数）"
)

var activeBlocks = []activeBlock{
	{caption: "第二十条第（一）项",
		headers: []string{"本年制发件数", "本年废止件数", InForceHeader},
		cols:    []string{"issued", "repealed", "in_force"},
		rows:    [][2]string{{"rules", "规章"}, {"normative_docs", "行政规范性文件"}}},
	{caption: "第二十条第（五）项",
		headers: []string{"本年处理决定数量"},
		cols:    []string{"decisions"},
		rows:    [][2]string{{"licensing", "行政许可"}}},
	{caption: "第二十条第（六）项",
		headers: []string{"本年处理决定数量"},
		cols:    []string{"decisions"},
		rows:    [][2]string{{"punishment", "行政处罚"}, {"enforcement", "行政强制"}}},
	{caption: "第二十条第（八）项",
		headers: []string{FeeHeader2021},
		cols:    []string{"amount_wan"},
		kind:    AmountWan,
		rows:    [][2]string{{"fees", "行政事业性收费"}}},
}

// Section 三 (requests).
const (
	requestsNote         = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
	requestsApplicants   = "申请人情况"
	requestsLegalPersons = "法人或其他组织"
	requestsResultsGroup = "三、本年度办理结果"
)

type column struct{ key, label string }

// requestsCols are section 三's value columns; the first is 自然人, the next
// five sit under 法人或其他组织, the last is 总计.
var requestsCols = []column{
	{"natural_person", "自然人"},
	{"commercial", "商业企业"},
	{"research", "科研机构"},
	{"public_interest", "社会公益组织"},
	{"legal_services", "法律服务机构"},
	{"other", "其他"},
	{"total", "总计"},
}

// requestsRow is one printed row of section 三. group is the merged group
// cell of levels 1–2 (（三）不予公开 …); ref is the short name in findings.
type requestsRow struct {
	key, label, group, ref string
	level                  int // 0: spans all label columns; 1: under 三; 2: under a group
}

const (
	groupWithheld     = "（三）不予公开"
	groupUnavailable  = "（四）无法提供"
	groupNotProcessed = "（五）不予处理"
	groupOther        = "（六）其他处理"
)

var requestsHead = []requestsRow{
	{"new_received", "一、本年新收政府信息公开申请数量", "", "一", 0},
	{"carried_over", "二、上年结转政府信息公开申请数量", "", "二", 0},
	{"granted", "（一）予以公开", "", "（一）", 1},
	{"partly_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "", "（二）", 1},
	{"withheld_state_secret", "1.属于国家秘密", groupWithheld, "（三）1", 2},
	{"withheld_law_prohibited", "2.其他法律行政法规禁止公开", groupWithheld, "（三）2", 2},
	{"withheld_security_stability", "3.危及“三安全一稳定”", groupWithheld, "（三）3", 2},
	{"withheld_third_party", "4.保护第三方合法权益", groupWithheld, "（三）4", 2},
	{"withheld_internal_affairs", "5.属于三类内部事务信息", groupWithheld, "（三）5", 2},
	{"withheld_process_info", "6.属于四类过程性信息", groupWithheld, "（三）6", 2},
	{"withheld_enforcement_file", "7.属于行政执法案卷", groupWithheld, "（三）7", 2},
	{"withheld_inquiry", "8.属于行政查询事项", groupWithheld, "（三）8", 2},
	{"unavailable_not_held", "1.本机关不掌握相关政府信息", groupUnavailable, "（四）1", 2},
	{"unavailable_needs_creation", "2.没有现成信息需要另行制作", groupUnavailable, "（四）2", 2},
	{"unavailable_unclear", "3.补正后申请内容仍不明确", groupUnavailable, "（四）3", 2},
	{"not_processed_petition", "1.信访举报投诉类申请", groupNotProcessed, "（五）1", 2},
	{"not_processed_duplicate", "2.重复申请", groupNotProcessed, "（五）2", 2},
	{"not_processed_publication", "3.要求提供公开出版物", groupNotProcessed, "（五）3", 2},
	{"not_processed_excessive", "4.无正当理由大量反复申请", groupNotProcessed, "（五）4", 2},
	{"not_processed_confirm", "5.要求行政机关确认或重新出具已获取信息", groupNotProcessed, "（五）5", 2},
}

// The （六） rows differ between the formats.
var requestsOther2021 = []requestsRow{
	{"other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", groupOther, "（六）1", 2},
	{"other_no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", groupOther, "（六）2", 2},
	{"other_misc", "3.其他", groupOther, "（六）3", 2},
}

var requestsOther2019 = []requestsRow{
	{"other_unsplit", "（六）其他处理", "", "（六）", 1},
}

var requestsTail = []requestsRow{
	{"handled_total", "（七）总计", "", "（七）总计", 1},
	{"carried_forward", "四、结转下年度继续办理", "", "四", 0},
}

// Section 四 (reviews): three groups of five columns.
const (
	reviewsReview     = "行政复议"
	reviewsLitigation = "行政诉讼"
)

var reviewsGroups = []struct{ key, label, parent string }{
	{"review", reviewsReview, ""},
	{"litigation_direct", "未经复议直接起诉", reviewsLitigation},
	{"litigation_after_review", "复议后起诉", reviewsLitigation},
}

var reviewsCols = []column{
	{"upheld", "结果维持"},
	{"corrected", "结果纠正"},
	{"other", "其他结果"},
	{"pending", "尚未审结"},
	{"total", "总计"},
}
