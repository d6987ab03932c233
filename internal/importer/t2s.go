package importer

// t2s maps traditional characters to simplified ones, for matching only.
// It covers every character of the template's labels and headings that has
// a traditional form (a test checks this against report.T2021 and T2019),
// the words the importer looks for besides (title, 2019 signals, page
// debris, signatures) and a few hundred of the commonest others, so that a
// traditional-character title such as 徐州市2022年政府信息公開工作年度報告
// yields its org and year. Pairs are written traditional, then simplified.
var t2s = pairs(
	"萬万業业為为爲为舉举們们會会體体關关內内決决況况減减製制辦办務务動动區区單单發发髮发後后國国處处複复復复審审對对屬属廢废" +
		"開开強强當当總总執执護护報报據据數数術术機机權权條条構构標标沒没熱热現现確确穩稳類类係系繫系糾纠納纳組组織织經经結结絡络" +
		"繼继續续維维繳缴網网罰罚聯联範范獲获穫获補补規规計计認认議议許许訟讼訪访識识訴诉詞词詢询請请購购費费轉转過过這这進进採采" +
		"門门問问項项題题額额於于無无碼码檔档號号與与應应時时間间實实際际戶户樣样圖图書书學学習习歷历曆历點点傳传個个來来離离邊边" +
		"專专讀读詳详覽览頁页備备註注隊队級级約约統统籌筹劃划設设氣气災灾險险測测檢检驗验質质監监準准責责貿贸稅税幣币紀纪員员黨党" +
		"縣县鎮镇鄉乡廳厅衛卫醫医療疗藥药財财農农環环態态資资廣广電电視视聞闻東东陽阳龍龙灣湾華华蘇苏濟济齊齐漢汉遼辽寧宁長长慶庆" +
		"雲云貴贵陝陕肅肃廈厦鄭郑郟郏館馆園园圓圆徵征線线義义產产價价勞劳鐵铁銀银錄录說说並并併并從从眾众衆众億亿兩两嚴严麼么聽听" +
		"讓让選选週周節节衝冲沖冲濰潍蘭兰鳳凤貫贯徹彻屆届爭争創创陳陈劉刘張张楊杨趙赵黃黄錢钱孫孙鄧邓馬马車车紅红綠绿藍蓝遠远運运" +
		"達达遷迁還还慮虑證证語语論论調调談谈課课誠诚營营觀观歸归擊击擔担換换揮挥損损撥拨擴扩掃扫揚扬壓压壞坏場场塊块壇坛壽寿夠够" +
		"奪夺奮奋婦妇嬰婴寶宝寫写將将尋寻導导層层嶺岭幫帮幹干廟庙彈弹徑径憑凭懷怀戰战擁拥攜携斷断舊旧晉晋暫暂極极樓楼樂乐樹树橋桥" +
		"櫃柜歡欢殘残殺杀毀毁溫温湯汤滅灭滿满漁渔潔洁潤润澤泽濱滨煙烟爾尔牆墙狀状獨独獎奖畫画盜盗盡尽盤盘礦矿礎础禮礼禍祸稱称窮穷" +
		"競竞筆笔簡简糧粮緊紧練练縮缩績绩繪绘罷罢聖圣聲声職职腦脑臨临臺台興兴艱艰藝艺虛虚裝装見见親亲覺觉觸触訂订記记診诊評评試试" +
		"話话該该誤误諮咨講讲謀谋謝谢譜谱變变貨货販贩貧贫貸贷貼贴賣卖賽赛贊赞趕赶趨趋跡迹軍军軟软載载輔辅輕轻較较輪轮連连違违適适" +
		"遺遗郵邮針针錯错鍵键閉闭閒闲閱阅闊阔陸陆陰阴陣阵隨随隱隐雖虽雙双雜杂難难靈灵靜静響响頂顶順顺須须預预領领頻频顧顾顯显風风" +
		"飛飞飯饭養养駐驻鬥斗鬧闹魚鱼鳥鸟鹽盐麥麦齡龄彙汇匯汇佈布裡里裏里鍾钟鐘钟遊游餘余訊讯團团則则轄辖負负優优勢势參参壯壮廠厂" +
		"廬庐彌弥慣惯憶忆懸悬掛挂撫抚擬拟敵敌棄弃歲岁殯殡淺浅渦涡溝沟濁浊濃浓燈灯爐炉犧牺獄狱瑣琐癥症盞盏盧卢碩硕礙碍祿禄禪禅種种" +
		"穀谷竊窃築筑簽签籃篮紋纹純纯紙纸紛纷細细紹绍終终絕绝給给絲丝綜综綱纲緒绪編编緣缘縱纵縫缝纖纤羅罗脅胁脫脱腳脚膽胆膚肤臉脸" +
		"艦舰莊庄葉叶蔣蒋蕭萧藉借蘆芦虧亏螢萤襲袭訓训託托詐诈詩诗誕诞誌志誘诱誰谁諸诸謊谎謹谨譯译讚赞豐丰豬猪貓猫貝贝貞贞貢贡貪贪" +
		"賀贺賓宾賞赏賠赔賢贤賬账賭赌賴赖贈赠贏赢踐践軌轨輝辉輸输轎轿辭辞邏逻釋释鑒鉴鑑鉴鋼钢錦锦鍋锅鎖锁鏡镜鑽钻閃闪閣阁闆板闡阐" +
		"隸隶雞鸡顆颗颱台飄飘饋馈馭驭騎骑騰腾驅驱驚惊骯肮髒脏鬆松麗丽齒齿",
)

// pairs turns "萬万業业…" into a map.
func pairs(s string) map[rune]rune {
	rs := []rune(s)
	m := make(map[rune]rune, len(rs)/2)
	for i := 0; i+1 < len(rs); i += 2 {
		m[rs[i]] = rs[i+1]
	}
	return m
}

// The CJK Unified Ideographs block, where every pair of t2s lies: looking a
// character up is then an array index, since every table cell is folded.
const cjkFirst, cjkLast = 0x4e00, 0x9fff

// t2sIndex[r-cjkFirst] is t2s[r]-cjkFirst+1, or 0 for no mapping.
var t2sIndex = func() *[cjkLast - cjkFirst + 1]uint16 {
	var idx [cjkLast - cjkFirst + 1]uint16
	for t, s := range t2s {
		if t < cjkFirst || t > cjkLast || s < cjkFirst || s > cjkLast {
			panic("importer: t2s pair outside the CJK block")
		}
		idx[t-cjkFirst] = uint16(s - cjkFirst + 1)
	}
	return &idx
}()

// simplified maps a traditional character to its simplified form.
func simplified(r rune) rune {
	if r >= cjkFirst && r <= cjkLast {
		if s := t2sIndex[r-cjkFirst]; s != 0 {
			return rune(s) - 1 + cjkFirst
		}
	}
	return r
}
