"""One test per notice shape (FORMATS.md §1–3), on fixtures written for this project.

Each case lists, by hand, what a careful reader finds: every item's number, title, leads and
supporters. Office names are made up; the shapes are the ones real notices use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from yaodian import Notice, parse_file

NOTICES = Path(__file__).parent / "fixtures" / "notices"


@dataclass(frozen=True)
class Expect:
    number: str
    title: str
    leads: tuple[str, ...]
    supports: tuple[str, ...] = ()


@dataclass(frozen=True)
class Case:
    file: str
    title: str
    items: tuple[Expect, ...]
    date: str | None = None
    issuers: tuple[str, ...] = ()
    sections: tuple[str, ...] = field(default=())


CASES = [
    Case(
        "fullwidth.txt",
        "示范县农业农村局2025年工作要点",
        (
            Expect("1", "稳定粮食播种面积", ("综合科",), ("人事科", "财务科")),
            Expect("2", "推进种业振兴", ("种业股",), ("综合科",)),
            Expect("3", "发展庭院经济", ("经管站",), ("财务科",)),
        ),
        date="2025-01-08",
        issuers=("示范县农业农村局",),
        sections=("夯实粮食生产基础", "促进农民增收"),
    ),
    Case(
        "unlabeled.txt",
        "2026年全省水利工作要点",
        (
            Expect("一", "完善预警体系", ("省甲委",), ("省乙委",)),
            Expect("二", "推进水库除险加固", ("省丁厅",), ("省戊局",)),
            Expect("三", "开展汛前检查", ()),
        ),
    ),
    Case(
        "label_lines.txt",
        "示范区2025年重点工作任务分工方案",
        (
            Expect("1", "地区生产总值增长6%左右", ("区发展局",), ("示范经济开发区", "各街道", "区直各部门")),
            Expect("2", "城镇新增就业三千人", ("区人社局",), ("区财政局", "区统计中心")),
            Expect("3", "粮食产量保持稳定", ("区农业局",)),
        ),
    ),
    Case(
        "inline_roles.txt",
        "某市2025年营商环境工作要点",
        (
            Expect("1", "推行一网通办", ("市甲局",), ("市乙局", "市丙局", "各区、县级市")),
            Expect("2", "压缩审批时限", ("市丁局",), ("市戊局",)),
            Expect("3", "开展项目帮办", ("市甲局",), ("各项目牵头单位", "各区")),
        ),
    ),
    Case(
        "suffix_style.txt",
        "某省2025年能源转型工作要点",
        (
            Expect("一", "发展可再生能源", ("省甲局", "乙厅", "丙厅")),
            Expect("二", "推进储能建设", ("省甲局",), ("省乙厅", "丙站", "丁站", "某分行")),
            Expect("三", "完善电力市场", ("省甲委",), ("各地", "各部门")),
        ),
    ),
    Case(
        "groups.txt",
        "某市2025年口岸工作要点",
        (
            Expect("1", "推进智慧口岸建设", ("市甲局",), ("市乙局", "各区政府")),
            Expect("2", "优化查验流程", ("市口岸办",), ("甲、乙、丙出入境边防检查站", "县各有关单位")),
        ),
    ),
    Case(
        "four_levels.txt",
        "某省2025年卫生工作要点",
        (
            Expect("1", "主要目标", ()),
            Expect("1", "建立监测评价体系", ("规划处",), ("统计中心",)),
            Expect("2", "推进健康城市建设", ("爱卫办",), ("规划处",)),
            Expect("二", "推进权力清单公开", ()),
            Expect("3", "建设智慧医院", ("医政处",)),
            Expect("4", "发展中医药产业", ("中医处",), ("产业处",)),
        ),
        sections=("主要任务",),
    ),
    Case(
        "lost_breaks.txt",
        "某县2025年教育工作要点",
        (
            Expect("1", "扩大学前教育资源", ("基教股",), ("计财股",)),
            Expect("2", "推进义务教育均衡", ("基教股",)),
            Expect("3", "开展教师培训", ("人事股",), ("师训中心",)),
        ),
        sections=("办好人民满意教育", "加强教师队伍"),
    ),
    Case(
        "table_rows.txt",
        "某区2025年重点工作责任清单",
        (
            Expect("1", "建成区域物流中心，引进物流企业五家", ("区商务局",), ("区交通局", "区财政局")),
            Expect("2", "完成老旧小区改造二十个", ("区住建局",), ("各街道",)),
        ),
    ),
    Case(
        "table_cells.txt",
        "2025年园区重点工作及责任清单",
        (
            Expect("1", "推进标准厂房建设，新增厂房十万平方米", ("招商部",), ("建设部",)),
            Expect("2", "开展安全生产大检查", ("安监部",)),
        ),
    ),
    Case(
        "cover_variants.txt",
        "2025年样例市政务公开工作要点",
        (
            Expect("1", "加强预算公开", ("市财政局",), ("市审计局",)),
            Expect("2", "推进重大项目公开", ("市发改委",)),
        ),
        date="2025-03-28",
        issuers=("样例市人民政府办公室",),
        sections=("深化重点领域公开",),
    ),
    Case(
        "two_line_title.txt",
        "中共某县委教育工作委员会 某县教育局2025年工作要点",
        (
            Expect("10", "落实全面从严治党责任", ("党建办",), ("纪检室",)),
            Expect("11", "121人才梯队项目", ("人事科",)),
        ),
    ),
    Case(
        "circled.txt",
        "某局2025年工作要点",
        (
            Expect("①", "建设数据中台", ("信息科",)),
            Expect("②", "上线移动办公", ("办公室",), ("信息科",)),
        ),
    ),
    Case(
        "appendix_decoy.txt",
        "某局2025年工作要点",
        (
            Expect("1", "完善制度建设", ("法规科",)),
            Expect("2", "加强队伍建设", ("人事科",), ("法规科",)),
        ),
        date="2025-02-01",
        issuers=("某局",),
    ),
    Case(
        "web_page.txt",
        "某市2016年政务公开工作要点",
        (
            Expect("一", "推进行政审批公开", ("市编办",), ("市法制办", "各区政府")),
            Expect("二", "推进财政资金公开", ("市财政局",), ("市直各部门",)),
            Expect("三", "推进保障房信息公开", ("市住建委",), ("各区政府",)),
            Expect("四", "推进环境信息公开", ("市环保局", "市气象局")),
        ),
        date="2016-05-06",
        issuers=("某市人民政府办公厅",),
        sections=("推进权力清单公开", "推进重点领域公开"),
    ),
    Case(
        "prose_split.txt",
        "某省2026年生态环境工作要点",
        (
            Expect("1", "推进工业污染深度治理", ("省生态环境厅",), ("省工业和信息化厅", "省发展改革委")),
            Expect("2", "加强移动源治理", ("省公安厅", "省交通运输厅"), ("省生态环境厅",)),
            Expect("3", "开展重污染天气应对", ("省生态环境厅",)),
            Expect("4", "推进入河排污口整治", ("省生态环境厅",), ("省水利厅", "省住房和城乡建设厅")),
            Expect("5", "保护饮用水源地", ("省水利厅",), ("省生态环境厅",)),
        ),
        sections=("打好蓝天保卫战", "打好碧水保卫战"),
    ),
    Case(
        "mangled_date.txt",
        "某县2024年乡村振兴工作要点",
        (
            Expect("1", "落实粮食种植面积", ("农业股",), ("种植站",)),
            Expect("2", "抓好高标准农田建设", ("农田建设股",), ("财务股", "各乡镇")),
        ),
        date="2024-03-27",
        issuers=("中共某县委农村工作领导小组办公室", "某县农业农村局"),
    ),
    Case(
        "parts_fullwidth_digits.txt",
        "某市2025年工作要点",
        (
            Expect("1", "扩大有效投资", ("市发改委",), ("市财政局",)),
            Expect("2", "促进消费", ("市商务局",)),
        ),
        sections=("重点任务",),
    ),
    *(
        Case(
            name,
            "某局2025年工作要点",
            (Expect("1", "推进项目建设", ("规划科",), ("财务科",)),),
            date="2025-03-01",
            issuers=("某局",),
        )
        for name in ("attachment_list.txt", "attachment_flat.txt")
    ),
    Case(
        "table_decoy_title.txt",
        "某局2024年工作要点",
        (
            Expect("1", "完善制度建设，修订管理办法五项", ("法规科",)),
            Expect("2", "加强队伍建设，开展业务培训四期", ("人事科",), ("法规科",)),
        ),
        date="2024-02-01",
        issuers=("某局",),
    ),
    # Issue 8: shapes from issuers the parser was not built on.
    Case(
        "inline_sentence.txt",
        "平安县2025年城乡建设重点工作任务分工",
        (
            Expect(
                "1", "完成老旧小区改造十二个，同步加装电梯二十部", ("县住建局",), ("县财政局", "县自然资源局")
            ),
            Expect("2", "开工建设环城北路，年内完成路基工程", ("县发改局", "县交通局"), ("各乡镇",)),
            Expect("3", "整治占道经营，打造示范街区三条", ("县城管局",), ("县市场监管局",)),
        ),
    ),
    Case(
        "label_no_brackets.txt",
        "清河区教育局2025年工作要点",
        (
            Expect("1", "开展新任教师岗前培训，组织骨干教师跟岗研修", ("人事科",), ("教研室",)),
            Expect("2", "完善教师交流轮岗制度，推动城乡教师均衡配置", ("人事科",)),
            Expect("3", "做好职称评审工作，规范评审程序", ("职改办",), ("纪检组",)),
            Expect("4", "开展校园安全隐患排查，建立问题清单", ("安全科",), ("各学校",)),
        ),
    ),
    Case(
        "rule_in_clause.txt",
        "临川市2024年政府工作报告重点工作责任分解",
        (
            Expect("1", "地区生产总值增长6%左右", ("市发改委",), ("市统计局", "市财政局")),
            Expect("2", "城乡居民收入与经济增长同步", ("市人社局", "市农业农村局")),
            Expect("3", "全面完成节能减排任务", ("各部门",)),
            Expect("4", "开展营商环境提升行动", ("市营商办",), ("市市场监管局", "市数据局")),
            Expect("5", "推进城乡供水一体化", ("市水利局",), ("市住建局", "市财政局")),
        ),
    ),
    Case(
        "leader_roles.txt",
        "东江省人民政府关于落实《政府工作报告》重点工作部门分工的意见",
        (
            Expect(
                "一",
                "推进重大项目建设，全年完成投资三千亿元",
                ("省发展改革委",),
                ("省财政厅", "省自然资源厅"),
            ),
            Expect("二", "加快交通基础设施建设，新开工高速公路五条", ("省交通运输厅",), ("省发展改革委",)),
            Expect("三", "城镇新增就业五十万人", ("省人力资源社会保障厅",), ("各市州人民政府",)),
        ),
    ),
    Case(
        "group_clause.txt",
        "北山市应急管理体系建设任务分解",
        (
            *(
                Expect(n, t, ("各县（市、区）人民政府",), ("市直各有关单位",))
                for n, t in (
                    ("1", "修订总体应急预案，明确分级响应标准"),
                    ("2", "推进基层应急预案全覆盖"),
                    ("3", "每年组织综合演练不少于一次"),
                )
            ),
            Expect("1", "建设市级物资储备库", ("市应急局",), ("市粮食和储备局",)),
            Expect("2", "建立物资调拨机制", ("市应急局",)),
        ),
    ),
    Case(
        "lead_rule_cover.txt",
        "南湖县文化旅游局2025年工作要点",
        (
            Expect("1", "举办乡村文化节十场", ("文化股",), ("非遗中心", "各乡镇文化站")),
            Expect("2", "推进图书馆分馆建设", ("图书馆",), ("计财股",)),
            Expect("3", "开展文物安全巡查", ("文物股",)),
        ),
        date="2025-01-20",
        issuers=("南湖县文化旅游局",),
    ),
    Case(
        "goals_items.txt",
        "青石县2025年民政工作要点",
        (
            Expect("1", "城乡低保标准提高百分之五", ("社会救助股",), ("计财股",)),
            Expect("2", "养老机构护理型床位占比达到六成", ("养老服务股",)),
            Expect("1", "开展低保对象动态核查，每季度复核一次", ("社会救助股",), ("各乡镇",)),
            Expect("2", "完善临时救助备用金制度", ("社会救助股",), ("各乡镇",)),
            Expect("3", "建设乡镇区域养老服务中心三家", ("养老服务股",), ("计财股",)),
        ),
        sections=("总体目标", "重点任务"),
    ),
    Case(
        "cover_paragraphs.txt",
        "柳城市交通运输局2024年工作要点",
        (
            Expect("1", "建成城北客运枢纽", ("建设科",), ("规划科",)),
            Expect("2", "改造农村公路一百公里", ("农路科",)),
            Expect("3", "新开城乡公交线路六条", ("运管科",), ("规划科",)),
        ),
        date="2024-01-15",
        issuers=("柳城市交通运输局",),
        sections=("交通建设", "运输服务"),
    ),
    Case(
        "filename_title.txt",
        "柳城市交通运输局2024年工作要点",
        (
            Expect("1", "建成城北客运枢纽", ("建设科",), ("规划科",)),
            Expect("2", "改造农村公路一百公里", ("农路科",)),
        ),
    ),
    Case(
        "title_thrice.txt",
        "白水县2023年农业农村重点工作任务清单",
        (
            Expect("1", "稳定粮食播种面积三十万亩", ("县农业农村局",), ("县财政局", "各乡镇")),
            Expect("2", "新建高标准农田两万亩", ("县农业农村局",), ("县水利局",)),
        ),
    ),
    Case(
        "table_tabs.txt",
        "",
        (
            Expect("1", "建成冷链物流园一期", ("县商务局",), ("县发改局", "县交通局")),
            Expect("2", "新增规上工业企业十家", ("县工信局",), ("各乡镇",)),
        ),
    ),
    Case(
        "table_office_end.txt",
        "红岭区2025年民生实事项目",
        (
            Expect("1", "城镇新增就业八千人", ("区人社局",)),
            Expect("2", "新增养老服务床位三百张", ("区民政局",)),
            Expect("3", "完成燃气管道改造四十公里", ("区住建局",)),
        ),
        sections=("就业社保",),
    ),
    Case(
        "marker_office_end.txt",
        "红岭区2025年民生实事",
        (
            Expect("1", "城镇新增就业八千人", ("区人社局",)),
            Expect("2", "新增养老服务床位三百张", ("区民政局",), ("各街道",)),
        ),
    ),
    Case(
        "table_plain_cells.txt",
        "云溪区教育局2025年重点工作任务分解表",
        (
            Expect("2", "学前三年毛入园率保持在九成以上", ("区教育局",), ("区卫健委", "各乡镇人民政府")),
            Expect(
                "41",
                "新建城东九年一贯制学校，秋季开学投入使用",
                ("区教育局",),
                ("区住建局", "区自然资源局", "城东街道办事处"),
            ),
            Expect("44", "推进县域普通高中多样化发展", ("区教育局",)),
        ),
        sections=("2025年主要预期目标", "建设教育强区", "办好人民满意教育"),
    ),
    Case(
        "table_two_attachments.txt",
        "2023年区政府工作报告目标任务分解",
        (
            Expect("1", "地区生产总值增长百分之六", ("区发展改革委",)),
            Expect("2", "城镇调查失业率控制在百分之五以内", ("区人力社保局",)),
            Expect("1", "建设智能制造产业园", ("区经济信息委",), ("区规划自然资源局", "区财政局")),
            Expect("2", "推进老旧小区改造", ("区住房城乡建委",)),
        ),
        date="2023-02-03",
        issuers=("石门区人民政府办公室",),
    ),
    Case(
        "table_bars_merged.txt",
        "",
        (
            Expect("1", "按时公开部门预算和决算", ("财务科",)),
            Expect("2", "每月更新网站专栏信息", ("办公室",)),
            Expect("3", "及时回复网民留言", ("各科室",)),
            Expect("4", "运营好政务微信公众号", ("办公室",), ("各科室",)),
            Expect("5", "重要文件同步发布解读材料（图解、问答等形式）", ("办公室",), ("业务科",)),
        ),
        sections=("推进预算公开", "加强网站建设", "做好政策解读"),
    ),
    Case(
        "clause_with_time.txt",
        "金山县2025年重点工作任务清单",
        (
            Expect("1", "新建标准化厂房五万平方米", ("县工信局",), ("县住建局",)),
            Expect("2", "推进农产品加工园建设", ("县农业农村局",), ("县商务局",)),
            Expect("3", "培育规上企业十家", ("县工信局",), ("县统计局",)),
            Expect("4", "开展质量提升行动", ("省直各部门",)),
            Expect("5", "整治城区背街小巷", ("县城管局",), ("县住建局", "各街办（新区）")),
        ),
    ),
    Case(
        "table_category.txt",
        "",
        (
            Expect("1", "建成冷链物流园", ("县商务局",), ("县发改局",)),
            Expect("2", "新增规上企业十家", ("县工信局",), ("各乡镇",)),
            Expect("3", "新建幼儿园两所", ("县教育局",), ("县住建局", "县财政局")),
        ),
    ),
    Case(
        "closing_sentence.txt",
        "某市2025年数字政府工作要点",
        (
            Expect("1", "建设政务云平台", ("市数据局",), ("市财政局", "市网信办")),
            Expect("2", "推进一网通办", ("市政务服务中心",)),
            Expect("3", "整合政务热线", ("市长热线办",)),
            Expect("4", "建立数据共享目录，明确共享方式和更新频率，按季度通报共享情况", ("各部门",)),
        ),
    ),
    Case(
        "label_words.txt",
        "某区2025年营商环境优化重点任务",
        (
            Expect("1", "推行企业开办一日办结", ("区数据局",), ("区市场监管局", "区税务局")),
            Expect("2", "开展惠企政策直达", ("区发改委",), ("区财政局", "区工信局")),
            Expect("3", "建设综合窗口", ("政务服务科",), ("审批科",)),
            Expect("4", "落实首问负责制", ("各街道办事处",)),
            Expect("5", "优化不动产登记", ("区不动产登记中心",)),
        ),
    ),
    Case(
        "title_midname.txt",
        "中共清河县委组织部 清河县人力资源和社会保障局2024年工作要点",
        (
            Expect("1", "新增城镇就业三千人", ("就业股",)),
            Expect("2", "开展技能培训两千人次", ("职建股",), ("就业股",)),
        ),
    ),
    Case(
        "multi_clause.txt",
        "某市2025年重点工作部门分工",
        (
            Expect(
                "一",
                "释放创新潜能",
                ("市科技局", "市发改委", "市人才办"),
                ("市财政局", "市税务局", "市人社局", "市公安局"),
            ),
            Expect("二", "加强运行分析", ("市统计局", "市发改委")),
        ),
        sections=("增强发展动力",),
    ),
    Case(
        # One cell a line with a bar line between cells; a category column before the number,
        # merged over two rows.
        "table_bar_lines.txt",
        "",
        (
            Expect("1", "按时公开部门预算、决算和“三公”经费", ("财务股",)),
            Expect("2", "公开专项资金分配结果，接受社会监督", ("财务股",), ("项目股",)),
            Expect("3", "办好门户网站政务公开专栏，每月更新一次", ("办公室",)),
        ),
    ),
    Case(
        "role_words.txt",
        "某县2024年法治政府建设工作要点",
        (
            # No clause of its own: the section's 总牵头单位 leads it.
            Expect("1", "落实重大行政决策程序规定，编制年度决策事项目录", ("县司法局",)),
            Expect("2", "推行政府法律顾问制度", ("县司法局",), ("县政府办",)),
            Expect("3", "开展执法案卷评查", ("县司法局",), ("县市场监管局", "各乡镇人民政府")),
            Expect("4", "推进综合行政执法改革", ("县委编办",), ("县司法局",)),
        ),
        sections=("完善依法决策机制", "严格规范执法"),
    ),
    Case(
        "header_variants.txt",
        "东山县2009年政府工作目标任务分解",
        (
            Expect("1", "地区生产总值增长百分之十", ("县发改局",), ("县统计局",)),
            Expect("2", "新建工业项目二十个", ("县经信局",)),
        ),
        date="2009-03-02",
        # No signature: the body the notice title names issues it.
        issuers=("东山县人民政府办公室",),
    ),
    Case(
        # One issuing body printed over two lines (the second names no place).
        "issuer_two_lines.txt",
        "青山县优化营商环境工作方案",
        (
            Expect("1", "开展涉企法规规章清理", ("县司法局",), ("县市场监管局",)),
            Expect("2", "推行包容审慎监管", ("县市场监管局",)),
        ),
        date="2021-05-06",
        issuers=("中共青山县委青山县人民政府优化营商环境领导小组",),
    ),
    # Two complete notices, letterhead to 附件, as an office receives them.
    Case(
        "complete_health.txt",
        "2025年全市卫生健康工作要点",
        (
            Expect(
                "1",
                "推进紧密型县域医共体建设，年底前实现县域全覆盖，基层诊疗量占比达到六成以上",
                ("体改科",),
                ("医政科", "基层卫生科"),
            ),
            Expect("2", "完善家庭医生签约服务，重点人群签约率达到七成", ("基层卫生科",), ("疾控科",)),
            Expect("3", "开展公立医院绩效考核，考核结果与财政补助挂钩", ("财务科",), ("医政科",)),
            Expect("4", "推进薪酬制度改革试点，建立主要负责人年薪制", ("人事科",), ("财务科",)),
            Expect("5", "实施临床重点专科建设工程，新增省级重点专科五个", ("医政科",), ("科教科",)),
            Expect(
                "6",
                "加强急诊急救体系建设，城区急救平均反应时间控制在十二分钟以内",
                ("医政科",),
                ("市急救中心",),
            ),
            Expect(
                "7",
                "推进智慧医院建设，二级以上公立医院全部接入全民健康信息平台",
                ("规划信息科",),
                ("医政科", "市卫生信息中心"),
            ),
            Expect(
                "8", "做好传染病监测预警，完善多点触发预警机制", ("疾控科",), ("卫生应急办", "市疾控中心")
            ),
            Expect(
                "9", "实施基本公共卫生服务项目，人均补助标准提高五元", ("基层卫生科",), ("财务科", "疾控科")
            ),
            Expect("10", "开展爱国卫生运动，创建省级卫生乡镇十个", ("爱卫办",), ("疾控科",)),
            Expect(
                "11",
                "落实全面从严治党主体责任，深化清廉医院建设",
                ("机关党委",),
                ("人事科", "各县市区卫生健康局"),
            ),
            Expect("12", "加强医德医风建设，开展行业作风专项整治", ("医政科",), ("机关党委", "办公室")),
        ),
        date="2025-02-12",
        issuers=("南岭市卫生健康委员会",),
        sections=("深化医药卫生体制改革", "提升医疗服务能力", "强化公共卫生服务", "加强党的建设"),
    ),
    Case(
        "complete_label_lines.txt",
        "2024年区政府工作报告重点工作任务分工方案",
        (
            Expect("1", "地区生产总值增长6%左右", ("区发展改革局",), ("区统计局", "各镇（街道）")),
            Expect("2", "一般公共预算收入增长5%", ("区财政局",), ("区税务局",)),
            Expect(
                "3",
                "实施重点项目一百个，完成投资二百亿元",
                ("区发展改革局",),
                ("区自然资源局", "区住房城乡建设局", "各镇（街道）"),
            ),
            Expect("4", "新开工城市更新项目十个", ("区住房城乡建设局",), ("区城市更新局", "区财政局")),
            Expect("5", "新增城镇就业一万二千人", ("区人力资源社会保障局",), ("各镇（街道）",)),
        ),
        date="2024-02-26",
        issuers=("西江区人民政府办公室",),
    ),
    Case(
        # Numbers set apart on lines of their own, as some PDFs copy them.
        "bare_markers.txt",
        "某局2025年工作要点",
        (
            Expect("1", "完善制度建设", ("法规科",)),
            Expect("2", "加强队伍建设", ("人事科",), ("法规科",)),
        ),
        sections=("重点工作",),
    ),
    Case(
        # Labels in black brackets with no colon, bare role words as labels, "责任单位为…".
        "label_forms.txt",
        "某县2025年重点任务清单",
        (
            Expect("1", "开工建设县医院新院区", ("县卫健局",), ("县发改局",)),
            Expect("2", "建成城南污水处理厂", ("县住建局",), ("县生态环境分局", "县财政局")),
            Expect("3", "完成农村公路提档升级五十公里", ("县交通运输局",)),
            Expect("4", "推进老旧小区改造", ("县住建局",), ("各街道",)),
        ),
    ),
    Case(
        "table_spaces.txt",
        "清溪镇2025年重点工作任务表",
        (
            Expect("1", "建成污水处理站", ("镇建设办",), ("镇财政所",)),
            Expect("2", "改造农贸市场", ("镇经发办",), ("镇市场监管所", "各村")),
            Expect("3", "开展人居环境整治", ("镇农业办",), ("各村",)),
        ),
    ),
]


def read_items(notice: Notice) -> list[Expect]:
    """What the parser found, in the shape the cases are written in."""
    return [
        Expect(i.number, i.title, tuple(o.name for o in i.leads), tuple(o.name for o in i.supports))
        for i in notice.items
    ]


@pytest.mark.parametrize("case", CASES, ids=[c.file for c in CASES])
def test_shape(case: Case) -> None:
    notice = parse_file(NOTICES / case.file)
    assert notice.title == case.title
    assert read_items(notice) == list(case.items)
    if case.date is not None:
        assert notice.date is not None and notice.date.isoformat() == case.date
    if case.issuers:
        assert notice.issuers == case.issuers
    if case.sections:
        assert tuple(s.title for s in notice.sections) == case.sections


def test_alias_in_brackets_is_one_office() -> None:
    notice = parse_file(NOTICES / "fullwidth.txt")
    first = notice.items[0].offices[1]
    assert (first.name, first.raw, first.alias) == ("人事科", "人事科〈机关党委〉", "机关党委")
    third = notice.items[2].offices[0]
    assert (third.name, third.alias) == ("经管站", "合作社指导中心")


def test_rule_note_is_never_an_office() -> None:
    for file in ("fullwidth.txt", "unlabeled.txt"):
        names = {o.name for i in parse_file(NOTICES / file).items for o in i.offices}
        assert not any("下同" in n or "牵头" in n or "第一" in n for n in names)


def test_collective_entries_are_marked() -> None:
    notice = parse_file(NOTICES / "inline_roles.txt")
    flags = {o.name: o.collective for o in notice.items[0].offices}
    assert flags == {"市甲局": False, "市乙局": False, "市丙局": False, "各区、县级市": True}


def test_section_level_lead_from_heading() -> None:
    notice = parse_file(NOTICES / "suffix_style.txt")
    assert [o.name for o in notice.sections[0].lead] == ["省甲委"]
    assert notice.sections[0].title == "加快调整能源结构"


def test_leader_and_deadline() -> None:
    energy = parse_file(NOTICES / "suffix_style.txt")
    assert energy.items[2].leader == "王某某"
    table = parse_file(NOTICES / "table_rows.txt")
    assert [(i.leader, i.deadline) for i in table.items] == [("李某", "2025年12月底"), ("赵某", "全年")]


def test_cover_letter_fields() -> None:
    notice = parse_file(NOTICES / "cover_variants.txt")
    assert notice.doc_number == "样府办发〔2025〕7号"
    assert notice.recipients == ("各县（区）人民政府", "市政府各部门")
    assert notice.notice_title is not None and notice.notice_title.endswith("的通知")
    assert "坚持以人民为中心" in notice.preamble
    assert notice.year == 2025


def test_preamble_before_first_section() -> None:
    notice = parse_file(NOTICES / "two_line_title.txt")
    assert notice.preamble == "2025年，全县教育工作的总体要求是：办好人民满意的教育。"


def test_item_text_excludes_clause() -> None:
    notice = parse_file(NOTICES / "fullwidth.txt")
    assert notice.items[0].text == "稳定粮食播种面积。落实耕地保护责任，完成高标准农田建设1.2万亩。"
    assert notice.items[0].section == ("一",)


def test_heading_intro_is_split_from_title() -> None:
    notice = parse_file(NOTICES / "four_levels.txt")
    third = notice.sections[0].children[1]
    assert (third.title, third.intro) == ("产业提升行动", "围绕主导产业，实施如下重点项目：")


def test_missing_clause_becomes_a_warning() -> None:
    notice = parse_file(NOTICES / "unlabeled.txt")
    assert [(w.code, w.line) for w in notice.warnings] == [("no-clause", 5)]


def test_web_page_clutter_and_notice_title() -> None:
    notice = parse_file(NOTICES / "web_page.txt")
    assert notice.notice_title == "某市人民政府办公厅关于印发〈某市2016年政务公开工作要点〉的通知"
    assert notice.doc_number == "某政办发〔2016〕18号"
    assert notice.recipients == ("各区人民政府", "市政府各委、办、局")
    # 发布日期 2016-05-09 is the web page's, not the notice's
    assert notice.date is not None and notice.date.day == 6


def test_alias_in_round_brackets() -> None:
    notice = parse_file(NOTICES / "web_page.txt")
    lead = notice.items[2].offices[0]
    assert (lead.name, lead.alias, lead.raw) == ("市住建委", "市房管局", "市住建委（市房管局）")


def test_section_lead_with_items_below() -> None:
    notice = parse_file(NOTICES / "prose_split.txt")
    assert [o.name for o in notice.sections[0].lead] == ["省生态环境厅"]
    assert [i.number for i in notice.sections[0].items] == ["1", "2", "3"]
    assert notice.items[0].leader == "李某某"


def test_implausible_office_name_becomes_a_warning() -> None:
    from yaodian import parse_text

    text = (
        "某局2025年工作要点\n一、重点任务\n"
        "1.推进项目建设。完成投资。（责任单位：规划科、负责推进全市重点项目建设的有关工作小组）\n"
    )
    notice = parse_text(text)
    assert [o.name for o in notice.items[0].offices] == ["规划科"]
    assert [w.code for w in notice.warnings] == ["office-name"]
    assert "负责推进全市重点项目建设的有关工作小组" in notice.warnings[0].message
    assert notice.warnings[0].line == 3


def test_office_names_with_verb_like_characters() -> None:
    from yaodian import parse_text

    notice = parse_text("某局2025年工作要点\n一、重点\n1.发展产业。（责任科室：产业促进科、招商服务中心）\n")
    assert [o.name for o in notice.items[0].offices] == ["产业促进科", "招商服务中心"]
    assert notice.warnings == ()


def test_role_written_in_brackets_after_a_name() -> None:
    from yaodian import parse_text

    notice = parse_text(
        "某局2025年工作要点\n一、重点\n1.发展产业。（责任单位：区财政局、区发改局（牵头）、区统计局）\n"
    )
    assert [(o.name, o.role, o.alias) for o in notice.items[0].offices] == [
        ("区财政局", "support", None),
        ("区发改局", "lead", None),
        ("区统计局", "support", None),
    ]


def test_clause_in_brackets_on_its_own_line() -> None:
    from yaodian import parse_text

    notice = parse_text(
        "某局2025年工作要点\n一、重点\n1.发展产业。建设园区两个。\n（责任单位：区工信局、区商务局）\n"
    )
    item = notice.items[0]
    assert [(o.name, o.role) for o in item.offices] == [("区工信局", "lead"), ("区商务局", "support")]
    assert item.text == "发展产业。建设园区两个。"


def test_a_lone_aside_in_brackets_is_not_a_clause() -> None:
    from yaodian import parse_text

    text = (
        "某厅2025年工作要点\n一、教育改革\n"
        "1.推进集团化办学。新建教育集团十个（省级示范区）。\n"
        "2.深化课程改革。修订课程方案。\n"
    )
    notice = parse_text(text)
    assert [i.offices for i in notice.items] == [(), ()]
    assert notice.items[0].text.endswith("（省级示范区）。")


def test_bare_lists_count_where_the_notice_uses_them() -> None:
    from yaodian import parse_text

    text = "某省2025年工作要点\n一、任务\n1.甲项工作。完成甲事。（省甲委、省乙局）\n2.乙项工作。完成乙事。（省丙厅）\n"
    notice = parse_text(text)
    assert [[o.name for o in i.offices] for i in notice.items] == [["省甲委", "省乙局"], ["省丙厅"]]


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("（市委组织部、市人社局按职责分工负责）", [("市委组织部", "lead"), ("市人社局", "support")]),
        ("（省委网信办、省公安厅负责）", [("省委网信办", "lead"), ("省公安厅", "support")]),
        ("（各地负责组织实施）", []),
        ("（由市场主体负责）", []),
        ("（责任单位：区应急局，各镇（街道））", [("区应急局", "lead"), ("各镇（街道）", "support")]),
    ],
)
def test_responsible_suffix_and_asides(clause: str, expected: list[tuple[str, str]]) -> None:
    from yaodian import parse_text

    notice = parse_text("某市2025年工作要点\n一、任务\n1.推进工作。完成任务。" + clause + "\n")
    assert [(o.name, o.role) for o in notice.items[0].offices] == expected


def test_leader_named_inside_a_clause() -> None:
    from yaodian import parse_text

    notice = parse_text(
        "某市2025年工作要点\n一、任务\n1.推进工作。（牵头领导：张三；牵头单位：市甲局；配合单位：市乙局）\n"
    )
    item = notice.items[0]
    assert item.leader == "张三"
    assert [(o.name, o.role) for o in item.offices] == [("市甲局", "lead"), ("市乙局", "support")]
    assert notice.warnings == ()


def test_adoption_note_under_the_title_is_not_part_of_it() -> None:
    from yaodian import parse_text

    notice = parse_text(
        "某局2024年工作要点\n（2024年1月15日局党组会议审议通过）\n一、重点工作\n1.完善制度建设。修订办法。（责任科室：法规科）\n"
    )
    assert notice.title == "某局2024年工作要点"
    assert notice.preamble == ""


def test_year_in_chinese_numerals() -> None:
    from yaodian import parse_text

    notice = parse_text("某局二〇二四年工作要点\n一、重点工作\n1.完善制度建设。（责任科室：法规科）\n")
    assert notice.year == 2024


def test_leaders_named_in_clauses_are_leaders_not_offices() -> None:
    notice = parse_file(NOTICES / "leader_roles.txt")
    assert [i.leader for i in notice.items] == ["分管副省长、协管副秘书长", "分管副省长", "分管副省长"]
    # No year in the title and no date: the 文号 (东政发 [2024] 3号) gives it.
    assert notice.year == 2024
    assert notice.doc_number == "东政发[2024]3号"
    opening = parse_file(NOTICES / "inline_sentence.txt")
    assert [i.leader for i in opening.items] == ["分管副县长", "县长", None]


def test_cover_letter_keeps_its_numbered_paragraphs() -> None:
    notice = parse_file(NOTICES / "cover_paragraphs.txt")
    assert notice.doc_number == "柳交发[2024]5号"
    assert "提高思想认识" in notice.cover_letter


def test_deadlines_inside_clauses_are_deadlines_not_offices() -> None:
    notice = parse_file(NOTICES / "clause_with_time.txt")
    assert [i.deadline for i in notice.items] == ["2025年10月底", "年底前", "12月底前完成", "年内完成", None]
    assert not notice.warnings


def test_table_deadlines_come_from_their_column() -> None:
    notice = parse_file(NOTICES / "table_bar_lines.txt")
    assert [i.deadline for i in notice.items] == ["年底前", "持续推进", "持续推进"]


def test_notice_title_over_lines_and_cited_document_numbers() -> None:
    notice = parse_file(NOTICES / "header_variants.txt")
    assert notice.notice_title == "东山县人民政府办公室关于印发东山县2009年政府工作目标任务分解的通知"
    # The preamble cites 东政发〔2008〕40号; the notice's own number stands on its own line.
    assert notice.doc_number == "东政办[2009]11号"
