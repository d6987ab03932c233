# Rebuilds the markup of the 2019 report of 上海市人民政府办公厅 as the
# site's JavaScript data file holds it (let content = "…" with \" escapes).
Q='\\"'
def td(text, w, cs=1, rs=1, center=True, nowrap=True, p=True):
    a=''
    if cs>1: a+=' colspan=%s%d%s'%(Q,cs,Q)
    if nowrap: a+=' nowrap=%snowrap%s'%(Q,Q)
    if rs>1: a+=' rowspan=%s%d%s'%(Q,rs,Q)
    a+=' style=%swidth:%dpx;%s'%(Q,w,Q)
    inner = text if text else '&nbsp;'
    if p:
        inner = ('<p align=%scenter%s>'%(Q,Q) if center else '<p>') + inner + '</p>'
    return '<td%s>%s</td>'%(a,inner)
def tr(*cells): return '<tr>'+''.join(cells)+'</tr>'
T='<table align=%scenter%s border=%s1%s cellspacing=%s1%s><tbody>'%(Q,Q,Q,Q,Q,Q)
E='</tbody></table>'
out=[]
# section 二 (2019 format)
t2=[tr(td('第二十条第（一）项',559,cs=5)),
 tr(td('信息内容',219),td('本年新<br />制作数量',149),td('本年新<br />公开数量',101,cs=2),td('对外公开总数量',89)),
 tr(td('规章',219,center=False),td('13',149),td('13',101,cs=2),td('524',89)),
 tr(td('规范性文件',219,center=False),td('60',149),td('60',101,cs=2),td('368',89)),
 tr(td('第二十条第（五）项',559,cs=5)),
 tr(td('信息内容',219),td('上一年项目数量',149),td('本年增/减',101,cs=2),td('处理决定数量',89)),
 tr(td('行政许可',219,center=False),td('0',150,cs=2),td('0',101),td('0',89)),
 tr(td('其他对外管理服务事项',219,center=False),td('0',150,cs=2),td('0',101),td('0',89)),
 tr(td('第二十条第（六）项',559,cs=5)),
 tr(td('信息内容',219),td('上一年项目数量',149),td('本年增/减',101,cs=2),td('处理决定数量',89)),
 tr(td('行政处罚',219,center=False),td('0',150,cs=2),td('0',101),td('0',89)),
 tr(td('行政强制',219,center=False),td('0',150,cs=2),td('0',101),td('0',89)),
 tr(td('第二十条第（八）项',559,cs=5)),
 tr(td('信息内容',219),td('上一年项目数量',150,cs=2),td('本年增/减',190,cs=2)),
 tr(td('行政事业性收费',219,center=False),td('0',150,cs=2),td('0',190,cs=2)),
 tr(td('第二十条第（九）项',559,cs=5)),
 tr(td('信息内容',219),td('采购项目数量',150,cs=2),td('采购总金额',190,cs=2)),
 tr(td('政府集中采购',219,center=False),td('6',150,cs=2),td('251000元',190,cs=2)),
]
W=[38,47,47,66,57,38,62]
def nums(vals): return [td(v,W[i]) for i,v in enumerate(vals)]
rows3=[]
rows3.append(tr(td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',217,cs=3,rs=3),td('申请人情况',355,cs=7)))
rows3.append(tr(td('自然人',38,rs=2),td('法人或其他组织',255,cs=5),td('总计',62,rs=2)))
rows3.append(tr(td('商业企业',47),td('科研机构',47),td('社会公益组织',66),td('法律服务机构',57),td('其他',38)))
rows3.append(tr(td('一、本年新收政府信息公开申请数量',217,cs=3,center=False),*nums(['821','35','','','2','1','859'])))
rows3.append(tr(td('二、上年结转政府信息公开申请数量',217,cs=3,center=False),*nums(['18','','','','','','18'])))
rows3.append(tr(td('三、本年度办理结果',23,rs=20),td('（一）予以公开',194,cs=2,center=False),*nums(['258','12','','','1','1',''])))
rows3.append(tr(td('（二）部分公开（区分处理的，只计这一情形，不计其他情形）',194,cs=2,center=False),*nums(['3','','','','','',''])))
w3=[('1.属于国家秘密',['14','','','','','','']),('2.其他法律行政法规禁止公开',['']*7),('3.危及“三安全一稳定”',['']*7),('4.保护第三方合法权益',['']*7),('5.属于三类内部事务信息',['5','','','','','','']),('6.属于四类过程性信息',['3','1','','','','','']),('7.属于行政执法案卷',['']*7),('8.属于行政查询事项',['10','2','','','','',''])]
for i,(l,v) in enumerate(w3):
    cells=[td('（三）不予公开',57,rs=8,center=False)] if i==0 else []
    rows3.append(tr(*cells,td(l,137,center=False),*nums(v)))
w4=[('1.本机关不掌握相关政府信息',['252','12','','','1','','']),('2.没有现成信息需要另行制作',['44','3','','','','','']),('3.补正后申请内容仍不明确',['25','','','','','',''])]
for i,(l,v) in enumerate(w4):
    cells=[td('（四）无法提供',57,rs=3,center=False)] if i==0 else []
    rows3.append(tr(*cells,td(l,137,center=False),*nums(v)))
w5=[('1.信访举报投诉类申请',['148','1','','','','','']),('2.重复申请',['5','4','','','','','']),('3.要求提供公开出版物',['']*7),('4.无正当理由大量反复申请',['']*7),('5.要求行政机关确认或重新出具已获取信息',['']*7)]
for i,(l,v) in enumerate(w5):
    cells=[td('（五）不予处理',57,rs=5,center=False)] if i==0 else []
    rows3.append(tr(*cells,td(l,137,center=False),*nums(v)))
rows3.append(tr(td('（六）其他处理',194,cs=2,center=False),*nums(['']*7)))
rows3.append(tr(td('（七）总计',194,cs=2,center=False),*nums(['767','35','','','2','1','805'])))
rows3.append(tr(td('四、结转下年度继续办理',217,cs=3,center=False),*nums(['72','','','','','','72'])))
def rtd(t,w,rs=1,cs=1):
    a=''
    if cs>1:a+=' colspan=%s%d%s'%(Q,cs,Q)
    if rs>1:a+=' rowspan=%s%d%s'%(Q,rs,Q)
    a+=' style=%swidth:%dpx;%s'%(Q,w,Q)
    return '<td%s>%s</td>'%(a,'<p>'+t+'</p>' if t else '&nbsp;')
r4=[tr(rtd('行政复议',190,cs=5),rtd('行政诉讼',383,cs=10)),
 tr(rtd('结果维持',28,rs=2),rtd('结果纠正',40,rs=2),rtd('其他结果',40,rs=2),rtd('尚未审结',40,rs=2),rtd('总计',43,rs=2),rtd('未经复议直接起诉',196,cs=5),rtd('复议后起诉',187,cs=5)),
 tr(rtd('结果维持',36),*[rtd(x,40) for x in ['结果纠正','其他结果','尚未审结','总计','结果维持','结果纠正','其他结果','尚未审结']],rtd('总计',27)),
 tr(rtd('5',28),rtd('',40),rtd('',40),rtd('2',40),rtd('7',43),rtd('8',36),rtd('',40),rtd('',40),rtd('1',40),rtd('9',40),rtd('',40),rtd('',40),rtd('',40),rtd('',40),rtd('',27))]
P=lambda s:'<p>'+s+'</p>'
body=("<p style='text-align: center;font-weight: bold;'>2019年上海市人民政府办公厅政府信息公开工作年度报告</p>\t<p style='text-align: center'>发布日期：2020-01-31</p>"
 +P('本年度报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）的要求编制，全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、因政府信息公开工作被申请行政复议和提起行政诉讼情况、政府信息公开工作存在的主要问题及改进情况及其他需要报告的事项。本年度报告中所列数据统计期限从2019年1月1日到12月31日止。本年度报告电子版可从“中国上海”门户网站（www.shanghai.gov.cn）下载。')
 +P('一、总体情况')
 +P('2019年，上海市人民政府办公厅坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻习近平总书记考察上海重要讲话精神，严格落实党中央、国务院关于全面推进政务公开工作的部署，全面落实《条例》要求，围绕市委、市政府中心工作，聚焦社会公众需求，不断提高政府工作透明度，切实提升人民群众获得感和满意度。')
 +P('（一）主动公开方面')
 +P('2019年，通过“中国上海”门户网站、《上海市人民政府公报》等平台主动公开规章13件，行政规范性文件60件，市政府其他文件162件，人事任免文件141件。')
 +P('（二）依申请公开方面')
 +P('市政府办公厅代表市政府共受理政府信息公开申请859件，申请数量较去年回落12.3%；答复政府信息公开申请805件（含上年度结转申请18件，另有72件申请按照《条例》顺延到下年度答复），均在法定期限内予以答复。')
 +P('二、主动公开政府信息情况')+T+''.join(t2)+E
 +P('三、收到和处理政府信息公开申请情况')+T+''.join(rows3)+E
 +'<p><br />四、政府信息公开行政复议、行政诉讼情况</p>'+T+''.join(r4)+E
 +P('五、政府信息公开工作存在的主要问题及改进情况')+P('（一）主要问题')
 +P('一是新《条例》实施后，专业领域的理论学习仍需加强，提升对《条例》新内容的准确把握；二是决策公开仍需进一步加强，公众参与具体举措需进一步细化完善；三是政府网站集约化建设需持续推进，公开专栏规范化建设有待加强；四是政策解读方式不够多元，精准解读效果仍需提高。')
 +P('（二）改进措施')
 +P('一是深入做好《条例》的贯彻落实。抓紧修订出台《上海市政府信息公开规定》，细化《条例》主体具体适用，规范政府信息公开指南、目录和工作年报编制，完善依申请办理工作全链条管理，动态拓展主动公开范围。')
 +P('六、其他需要报告的事项')+P('无。'))
js=('//字典项\nlet ascceptanceArea = [{\n\t"id": "1",\n\t"name": "上海市"\n}, {\n\t"id": "2",\n\t"name": "浙江省"\n}]\n\n'
 'let secondMenu = [{\n\t\t"id": "1",\n\t\t"name": "政策文件"\n\t},\n\t{\n\t\t"id": "4",\n\t\t"name": "政府信息公开年报"\n\t}\n]\n\n'
 'let PhotoList = [{\n\t"url": "./images/leader/image38.png",\n\t"leaderName": "常务副市长：陈寅",\n\t"id": "0001-44734",\n\t"childId": \'0001-44742\'\n}]\n\n'
 'let content = "'+body+'"\n')
open('shanghai-2019.js','w').write(js)
