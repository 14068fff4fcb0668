"""金山镇2021年社区教育工作计划 — the 2021 community-education plan of Jinshan town, as a Plan.

Every sentence of the source document is here, verbatim. Where the source needed a decision to
become data, the decision is stated in a comment beside it, marked DECISION. Links from schedule
items to the tasks and mechanisms they serve (``serves``) are editorial: the source's 配档表 does
not name them, so an item is linked only where its wording plainly matches a task's text.

Run it as a script to print a short summary of the plan::

    python examples/jinshan_2021.py [--lang zh|en] [--out FOLDER]

It also writes the schedule as ``jinshan-2021.ics`` into the current folder (or ``--out``).
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from pathlib import Path

from commedu import (
    Activity,
    Commitments,
    CountRange,
    Department,
    EducationCentre,
    Measure,
    Mechanism,
    MechanismKind,
    Plan,
    Schedule,
    Source,
    Station,
    Task,
    Township,
    UnitKind,
    check,
    parse_when,
    write_ics,
)

YEAR = 2021

GUIDING_PRINCIPLES = (
    "2021年全镇社区教育工作的指导思想是：全面贯彻党的十九大和十九届全会精神，全面贯彻落实市、区工作会议精神和"
    "《临淄区2021年社区教育工作计划》，明思路、抓重点、破难点，按时完成各项工作任务，不断提升社区教育和终身教育"
    "水平，以优异成绩迎接建党100周年。"
)

GOALS = (
    "完善社区教育工作机制，加强社区教育中心和工作站建设，健全优化服务全民终身学习教育体系和制度环境，探索"
    "“互联网+社区教育”模式，提升信息化服务水平。实施社区教育专职教师素质提升工程，引导社区居民积极参与老年"
    "教育培训，打造精品课程，推动学习型组织创建，营造全民终身学习氛围。"
)

# The four kinds of existing facility the plan tells every station to integrate.
STATION_RESOURCES = ("文化大院", "新时代文明实践站", "农家书屋", "道德讲堂")

STATIONS_SENTENCE = (
    "充分挖掘资源积极整合力量，将文化大院、新时代文明实践站、农家书屋、道德讲堂等与社区教育工作站建设结合，着力"
    "打造以传承“边河味道”，体现家乡特产和发展农副产品经济为代表的“东崖村社区教育工作站”；以古村落文化、传统乡村"
    "文化发展为主的“黎金山村社区教育工作站”；以不忘初心、铭记乡愁为主的村史发展教育及体现新时代农村发展的"
    "“冯家村社区教育工作站”；以传承发展阁子里芯子、锤击丸子等非物质文化遗产为主体的“南仇东居社区教育工作站”；以"
    "老年夕阳乐、老年教育驿站为主题，开展新时代文明实践为主要内容的“化建社区教育工作站”；以天堂寨和金山为依托的"
    "中小学生研学旅行教育基地，基地工作站设在“坡子村社区教育工作站”。"
)


def _departments() -> dict[str, Department]:
    # DECISION: the 配档表 spells some bodies two ways. 各职能部门 (Jan, Jun) and 镇职能部门 (May)
    # are both the town's functional departments; 志愿者队伍 (Jan) and 志愿者 (Mar, Aug, Oct, Nov)
    # are both the volunteers; 学校 (Mar, Apr) and 各学校 (Jul, Sep) are both the schools. Each pair
    # is one Department whose other spelling is an alias, so each has one calendar. 中心校 (the
    # central school) and 各单位 (all units) are kept apart: the source names them alongside others.
    departments = [
        Department("functional-departments", "各职能部门", aliases=("镇职能部门",)),
        Department("centre", "社区教育中心"),
        Department("volunteers", "志愿者队伍", aliases=("志愿者",)),
        Department("culture-station", "文化站"),
        Department("units", "各单位"),
        Department("schools", "学校", aliases=("各学校",)),
        Department("villages", "村居"),
        Department("central-school", "中心校"),
        Department("town-government", "镇政府"),
    ]
    return {d.id: d for d in departments}


def _stations() -> tuple[Station, ...]:
    # The theme is the plan's own words for what the station is built around; the focus is the
    # second clause where the plan gives one. The description keeps each station's whole clause.
    return (
        Station(
            "dongya",
            "东崖村社区教育工作站",
            place="东崖村",
            theme="传承“边河味道”",
            focus="体现家乡特产和发展农副产品经济",
            resources=STATION_RESOURCES,
            description="以传承“边河味道”，体现家乡特产和发展农副产品经济为代表的“东崖村社区教育工作站”",
        ),
        Station(
            "lijinshan",
            "黎金山村社区教育工作站",
            place="黎金山村",
            theme="古村落文化、传统乡村文化发展",
            resources=STATION_RESOURCES,
            description="以古村落文化、传统乡村文化发展为主的“黎金山村社区教育工作站”",
        ),
        Station(
            "fengjia",
            "冯家村社区教育工作站",
            place="冯家村",
            theme="不忘初心、铭记乡愁为主的村史发展教育",
            focus="体现新时代农村发展",
            resources=STATION_RESOURCES,
            description="以不忘初心、铭记乡愁为主的村史发展教育及体现新时代农村发展的“冯家村社区教育工作站”",
        ),
        Station(
            "nanchou-dongju",
            "南仇东居社区教育工作站",
            place="南仇东居",
            theme="传承发展阁子里芯子、锤击丸子等非物质文化遗产",
            resources=STATION_RESOURCES,
            description="以传承发展阁子里芯子、锤击丸子等非物质文化遗产为主体的“南仇东居社区教育工作站”",
        ),
        Station(
            "huajian",
            "化建社区教育工作站",
            place="化建",
            theme="老年夕阳乐、老年教育驿站",
            focus="开展新时代文明实践",
            resources=STATION_RESOURCES,
            description="以老年夕阳乐、老年教育驿站为主题，开展新时代文明实践为主要内容的“化建社区教育工作站”",
        ),
        Station(
            "pozi",
            "坡子村社区教育工作站",
            place="坡子村",
            theme="中小学生研学旅行教育基地",
            focus="以天堂寨和金山为依托",
            resources=STATION_RESOURCES,
            description="以天堂寨和金山为依托的中小学生研学旅行教育基地，基地工作站设在“坡子村社区教育工作站”",
        ),
    )


def _management() -> Task:
    mechanisms = (
        Mechanism(
            "t1.m1",
            1,
            "建立完善的社区教育内部工作机制",
            MechanismKind.MANAGEMENT,
            (
                Measure(
                    "重点在人员配置、责任分工、工作形式等方面建立起更加适合我镇社区教育健康发展的工作机制。"
                ),
            ),
            # DECISION: an internal organisation of staff and duties; it has no dated events.
            standing=True,
        ),
        Mechanism(
            "t1.m2",
            2,
            "理顺工作运行机制",
            MechanismKind.MANAGEMENT,
            (
                Measure(
                    "构建协调联动的外部工作机制，重点在部门携手配合、工作责任分工、人员配备、资源共享等方面加强合作，"
                    "建立起定期的联系、议事机制，形成工作融合并进的格局。"
                ),
                Measure("确保按标准设置，达到2名专职人员、3—5名专兼职人员的省定标准。"),
                Measure(
                    "对社区教育中心搬迁，增加教育教学器材配备，建成规划布局合理、文化丰富的新的社区教育中心。"
                ),
                Measure("推进社区教育工作站建设。"),
                Measure(STATIONS_SENTENCE),
            ),
        ),
        Mechanism(
            "t1.m3",
            3,
            "理顺经费投入机制",
            MechanismKind.MANAGEMENT,
            (
                Measure(
                    "镇财政每年分别按照常住人口人均不低于1元的标准拨付社区教育经费，做到专款专用。"
                ),
                Measure("同时鼓励社会团体、企事业单位和个人以捐赠或投资等方式参与我镇社区教育。"),
            ),
            # DECISION: a funding rule that holds all year; nothing in the schedule carries it out.
            standing=True,
        ),
    )
    return Task("t1", 1, "实施三项管理机制，全面激活社区工作", mechanisms=mechanisms)


def _guidance() -> Task:
    g = MechanismKind.GUIDANCE
    mechanisms = (
        Mechanism(
            "t2.m1",
            1,
            "实施免单培训引领",
            g,
            (
                Measure(
                    "针对退役士兵、残疾人、下岗失业人员、农村劳动力转移等不同群体的需求，以政府购买服务等形式，开展免费"
                    "技能培训，顺应社区居民提高就业创业、职业转换能力和脱贫致富的需求。"
                ),
            ),
        ),
        Mechanism(
            "t2.m2",
            2,
            "实施多元文化引领",
            g,
            (
                Measure(
                    "充分发挥齐文化、姓氏文化、乡土文化、民俗文化节、家风家训评比、宗亲联谊等活动，打造乡村记忆、非遗"
                    "传承工程，引领居民传承弘扬优秀传统文化，凝聚社会发展合力。"
                ),
            ),
        ),
        Mechanism(
            "t2.m3",
            3,
            "实施服务学习引领",
            g,
            (
                Measure(
                    "顺应社区居民自主学习的热情，为群众自发组建的诗友会、阅读书吧、国学讲座等组织提供活动场所，搭建"
                    "展示舞台。"
                ),
                Measure("开设书画戏曲、养生保健、法律常识等课程，提升居民素质，密切邻里关系。"),
            ),
        ),
        Mechanism(
            "t2.m4",
            4,
            "实施公益参与引领",
            g,
            (
                Measure(
                    "依托各类社会公益组织，开展心理健康教育、法律服务、爱心扶贫、应急救护等进企业、进社区、进校园，"
                    "帮助居民提升素质、排忧解难。"
                ),
            ),
        ),
        Mechanism(
            "t2.m5",
            5,
            "实施协同共育引领",
            g,
            (
                Measure(
                    "通过稷下父母大讲堂、“五老”进校园、四点半课堂作用，开设家庭教育、社会实践类课程，开展家庭美德、"
                    "社会公德、家风家训等宣传培训活动，以家庭文明进步促进社会的文明进步。"
                ),
            ),
        ),
        Mechanism(
            "t2.m6",
            6,
            "实施资源供给引领",
            g,
            (
                Measure("充分依托和利用现有的资源，开展好各类社区教育。"),
                Measure(
                    "充分利用现有的村史馆、民族特色展馆等开展历史文化、村风民俗、红色文化、优良传统的教育和培训。"
                ),
            ),
        ),
    )
    return Task("t2", 2, "实施六项引领机制，鼓励居民主动参与学习", mechanisms=mechanisms)


def _safeguards() -> Task:
    s = MechanismKind.SAFEGUARD
    mechanisms = (
        Mechanism(
            "t3.m1",
            1,
            "建立奖励评价机制",
            s,
            (
                Measure(
                    "为社区教育优秀学员提供精神及物质奖励、成果认证，评选学习型社区教育组织、学习型社区教育学校、百姓"
                    "学习之星等，激发居民参与学习的积极性和主动性。"
                ),
            ),
        ),
        Mechanism(
            "t3.m2",
            2,
            "培养组建师资队伍",
            s,
            (
                Measure(
                    "充分发挥社区内各行业专家、能工巧匠建立一支“专职为骨干、兼职为主体、专兼结合”的师资队伍，加强培训，"
                    "不断提高社区教育工作人员的工作技能，并对兼职教师计入适当的工作量。"
                ),
            ),
        ),
        Mechanism(
            "t3.m3",
            3,
            "整合开放服务平台",
            s,
            (
                Measure(
                    "最大限度整合社区教育资源，建立起覆盖全镇、面向居民免费开放了活动中心、研学基地、展览场馆、学校"
                    "场地，真正做到社区教育资源全民共享。"
                ),
            ),
        ),
    )
    return Task("t3", 3, "实施三项保障，优化学习环境", mechanisms=mechanisms)


def _other_tasks() -> tuple[Task, ...]:
    return (
        Task(
            "t4",
            4,
            "深入实施“学习型品牌、学习型组织、优秀讲师”打造工程",
            (
                Measure(
                    "根据已开发研究的课题品牌，立足区域资源状况、文化传统、人员组成等，加强课程资源开发，开展好社区教育"
                    "课题的研究，在现有学习型品牌项目的基础上，进一步挖掘文化资源，精心打造1—2个社区教育品牌。"
                ),
                Measure(
                    "抓好学习型家庭、机关、企事业单位、街道、社会团体等各类学习型组织创建活动，增强社会组织的学习能力，"
                    "建立对各类学习型组织的考核评估和表彰奖励机制。",
                    title="培育学习型组织",
                ),
                Measure(
                    "启动“社区教育优秀讲师”培养工程，积极探索社区教育教师管理制度，提高待遇，推进社区教育教师队伍建设。",
                    title="培养社区教育优秀讲师",
                ),
            ),
        ),
        Task(
            "t5",
            5,
            "大力发展老年教育，关注弱势群体的教育培训",
            (
                # The space before “便民微小学校” is in the source and is kept.
                Measure(
                    "鼓励村（居）建设老年教育社区学校，搭建 “便民微小学校”平台，采用“请进来”专业的方式定期开展不同"
                    "类型的智能技术培训。"
                ),
                Measure(
                    "广泛开展中小学“数字技能反哺”活动和志愿服务，积极开展老年人运用智能技术培训，解决老年人运用智能"
                    "技术难题，探索建立老年教育长效机制。"
                ),
                Measure(
                    "面向农民工、失业者、低技者、刑满释放人员等开展职业培训，面向残障人士开展法律援助、技术技能、康复"
                    "医疗等培训，提高脱贫致富的能力，关爱农村留守儿童，全面建设小康社会。"
                ),
            ),
        ),
        Task(
            "t6",
            6,
            "积极开展青少年校外教育",
            (
                Measure(
                    "紧密联系中小学、青少年校外活动场所、社会组织等，充分利用社区内的各类教育资源、社区四点半课堂等"
                    "形式，充分发挥共青团、少先队组织在青少年校外和社区教育的作用，广泛开展以传统文化、科学技术、思想"
                    "品德、手工制作等为主要内容的校外教育及社会实践活动。"
                ),
            ),
        ),
        Task(
            "t7",
            7,
            "推进社区教育信息化",
            (
                Measure(
                    "积极运用“互联网+终身教育”模式，充分利用“学习资源超市”积极开展数字化教育培训活动。"
                ),
                Measure(
                    "积极探索微视频、微课等数字化学习资源灵活多样的学习模式，通过网上论坛、微信公众号等方式满足群众"
                    "多样化的教育培训需求。"
                ),
            ),
        ),
        Task(
            "t8",
            8,
            "办好全民终身学习活动周",
            (
                Measure(
                    "立足社区教育中心，依托我镇优秀社区工作站，充分挖掘齐文化传统和地域文化特色，开展主题突出、特色"
                    "鲜明、形式多样、内容丰富的学习活动，全面展示我镇社区教育发展成果。"
                ),
                Measure(
                    "各学校做好本单位全民终身学习活动安排的同时，面向当地社区居民，开展一次“终身学习开放日”活动。"
                ),
                Measure("同时组织好本校的广大师生深入基层社区，开展系列社区教育活动。"),
            ),
        ),
    )


# 配档表: (month, the row's responsible bodies as printed, items as (title, serves, target groups)).
# DECISION: a row names its responsible bodies once for all of its items; every item of the row
# gets all of them, since the source does not divide them.
# DECISION: item numbers ("1.", "3. ") and the separating "；" are layout, not part of a title.
Item = tuple[str, tuple[str, ...], tuple[str, ...]]
ROWS: tuple[tuple[str, tuple[str, ...], tuple[Item, ...]], ...] = (
    (
        "1月",
        ("各职能部门", "社区教育中心", "志愿者队伍"),
        (
            ("“留在当地过新春”防疫文明宣传", (), ()),
            ("关爱弱势群体新春慰问走访活动", ("t5",), ("弱势群体",)),
            ("移风易俗过节文明宣讲", (), ()),
        ),
    ),
    (
        "2月",
        ("文化站", "各单位", "社区教育中心"),
        (
            ("各村居、单位庆新春文体活动", (), ()),
            ("社会培训机构专项治理", (), ()),
        ),
    ),
    (
        "3月",
        ("文化站", "社区教育中心", "学校", "志愿者"),
        (
            ("戏曲相声等艺术项目培训", ("t2.m3",), ()),
            ("学雷锋社会文明实践活动", ("t2.m4",), ()),
            ("启动“乡村美学”项目", (), ()),
        ),
    ),
    (
        "4月",
        ("村居", "学校", "社区教育中心", "文化站"),
        (
            ("清明节革命传统教育活动", ("t2.m6",), ()),
            ("村居、学校趣味体育活动", (), ()),
            ("舞蹈、快板艺术项目培训", ("t2.m3",), ()),
            ("新建象山社区阅读吧", ("t2.m3",), ()),
        ),
    ),
    (
        "5月",
        ("镇职能部门", "社区教育中心"),
        (
            ("特色养殖、种植技术培训", ("t2.m1",), ()),
            ("太极拳培训", ("t2.m3",), ()),
            ("开展“美在家庭”创建活动", ("t2.m5",), ()),
            ("社区教育中心新址启用", ("t1.m2",), ()),
        ),
    ),
    (
        "6月",
        ("各职能部门", "社区教育中心", "文化站"),
        (
            ("就业、安全生产培训", ("t2.m1",), ()),
            # "活动训" is printed so in the source (perhaps for 活动/培训); kept verbatim, not guessed.
            ("“家校社”家庭教育专题活动训", ("t2.m5",), ()),
            ("建党100周年红歌比赛", (), ()),
        ),
    ),
    (
        "7月",
        ("文化站", "中心校", "各学校", "村居"),
        (
            ("“新农村 新生活”宣讲进社区系列活动开始", (), ()),
            # DECISION: printed "校外培训机构专项治理（7-8月）"; the bracketed months become its when.
            ("校外培训机构专项治理", ("t6",), ()),
            ("“一年一村两场戏” 文化下乡演出启动", (), ()),
        ),
    ),
    (
        "8月",
        ("社区教育中心", "志愿者", "文化站"),
        (
            ("传统文化、摄影艺术培训、道德大讲堂", ("t2.m2",), ()),
            # DECISION: the same campaign as July's 7-8月 item, listed again under 8月. It is kept as
            # its own item because the source lists it, so the plan keeps every item of the table;
            # the compliance check reports it as duplicated across months.
            ("校外培训机构专项治理", ("t6",), ()),
        ),
    ),
    (
        "9月",
        ("镇政府", "社区教育中心", "各学校"),
        (
            ("组织参加齐文化旅游节活动", ("t2.m2",), ()),
            ("家庭教育、百姓信息技术等培训活动", ("t2.m5", "t7"), ()),
        ),
    ),
    (
        "10月",
        ("村居", "社区教育中心", "志愿者"),
        (
            ("各单位、村居迎国庆文体活动", (), ()),
            ("“全民终身学习活动周”系列活动", ("t8",), ()),
            ("各单位趣味运动会", (), ()),
            ("乒乓球、广场舞培训", (), ()),
        ),
    ),
    (
        "11月",
        # The source ends this cell with "。"; it is punctuation, not part of a name.
        ("志愿者", "社区教育中心"),
        (
            ("开展健康大比武活动", (), ()),
            ("消防知识、篮球、声乐培训", (), ()),
            ("文明公益活动，志愿服务", ("t2.m4",), ()),
        ),
    ),
    (
        "12月",
        ("文化站", "中心校", "社区教育中心"),
        (
            ("生活大百科公益大讲堂", ("t2.m4",), ()),
            ("各单位迎新年庆祝活动", (), ()),
            ("迎接社区教育工作年终督导", (), ()),
        ),
    ),
)

# The one item whose months differ from its row's: (month, item number) -> when.
WHEN_OVERRIDES = {("7月", 2): "7-8月"}


def _schedule(departments: dict[str, Department]) -> Schedule:
    by_name = {name: d for d in departments.values() for name in d.names}
    activities = []
    for month, bodies, items in ROWS:
        responsible = tuple(by_name[name] for name in bodies)
        number = int(month.removesuffix("月"))
        for i, (title, serves, groups) in enumerate(items, start=1):
            activities.append(
                Activity(
                    f"m{number:02d}-{i}",
                    title,
                    parse_when(WHEN_OVERRIDES.get((month, i), month), YEAR),
                    responsible,
                    serves=serves,
                    target_groups=groups,
                )
            )
    return Schedule(tuple(activities), title="2021年金山镇社区教育重点工作配档表")


def build_plan() -> Plan:
    """The Jinshan 2021 plan, complete."""
    departments = _departments()
    return Plan(
        id="jinshan-2021",
        # Linzi district is in Zibo city, Shandong; the plan names Linzi and cites the provincial
        # (省定) standard. It states no resident population.
        township=Township(
            "金山镇", district="临淄区", city="淄博市", province="山东省", kind=UnitKind.TOWN
        ),
        year=YEAR,
        title="金山镇2021年社区教育工作计划",
        guiding_principles=GUIDING_PRINCIPLES,
        goals=GOALS,
        tasks=(_management(), _guidance(), _safeguards(), *_other_tasks()),
        stations=_stations(),
        departments=tuple(departments.values()),
        schedule=_schedule(departments),
        commitments=Commitments(
            full_time_staff=2,
            staff=CountRange(3, 5),
            funding_per_resident=Decimal("1"),
            funding_earmarked=True,
            learning_brands=CountRange(1, 2),
        ),
        centre=EducationCentre("金山镇社区教育中心"),
        source=Source(title="金山镇2021年社区教育工作计划", issuer="金山镇"),
        # The plan cites the 省定标准 (provincial standard) of Shandong.
        profile="shandong-township",
    )


_LABELS = {
    "en": {
        "township": "Township",
        "tasks": "Main tasks",
        "mechanisms": "Mechanisms",
        "stations": "Stations",
        "activities": "Scheduled activities",
        "months": "per month",
        "departments": "Responsible departments",
        "calendar": "Calendar written",
    },
    "zh": {
        "township": "镇街",
        "tasks": "主要任务",
        "mechanisms": "机制",
        "stations": "社区教育工作站",
        "activities": "配档表工作",
        "months": "各月",
        "departments": "责任部门",
        "calendar": "日历已写入",
    },
}


def summary(plan: Plan, lang: str = "zh") -> str:
    """A few lines that say what the plan holds."""
    label = _LABELS[lang]
    kinds = "、".join(
        f"{kind.chinese if lang == 'zh' else kind.value} {sum(m.kind is kind for m in plan.mechanisms)}"
        for kind in MechanismKind
    )
    per_month = " ".join(f"{m}:{len(plan.activities_in_month(m))}" for m in range(1, 13))
    lines = [
        plan.title,
        f"{label['township']}: {plan.township.name} ({plan.township.district}, {plan.township.city})",
        f"{label['tasks']}: {len(plan.tasks)}",
        *(f"  ({t.numeral}) {t.title}" for t in plan.tasks),
        f"{label['mechanisms']}: {kinds}",
        f"{label['stations']}: {len(plan.stations)}",
        *(f"  {s.name} — {s.theme}" for s in plan.stations),
        f"{label['activities']}: {len(plan.activities)} ({label['months']} {per_month})",
        f"{label['departments']}: {'、'.join(d.name for d in plan.departments)}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="The Jinshan 2021 plan: its summary, its compliance report and its calendar."
    )
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the labels")
    parser.add_argument("--out", type=Path, default=Path(), help="folder for jinshan-2021.ics")
    args = parser.parse_args(argv)
    plan = build_plan()
    print(summary(plan, args.lang))
    print()
    print(check(plan).to_text(args.lang), end="")
    written = write_ics(plan, args.out / f"{plan.id}.ics", lang=args.lang)
    print(f"{_LABELS[args.lang]['calendar']}: {written}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
