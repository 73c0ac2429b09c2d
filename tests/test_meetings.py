"""Meetings: the reported one (m1) with its fields, the series' next one, and what is not a meeting.

Two kinds of cases: every shared text's primary meeting (name, kind, edition,
date, city, ...), and fragments written for these tests in the genre's
language (none of them from the shared texts) that must and must not yield
meetings.
"""
from __future__ import annotations

import pytest
from conftest import read_text

import regevents
from regevents.extract.meeting_names import cn_number, find_names, series_key
from regevents.extract.meeting_places import parse_venue, regions_in_name, regions_in_text, regions_of_orgs


def parse(text: str, published: str | None = None):
    return regevents.parse(text, published=published)


def primary(text: str, published: str | None = None):
    a = parse(text, published)
    assert a.meetings, "no meeting found"
    m = a.primary()
    assert m.id == "m1" and m.status == "held"
    return a, m


# ---------------------------------------------------------------- shared texts

SHARED = [
    # file, published arg, name, kind, edition, date, city, province
    ("000_800a12ffd4e27745.txt", None, "长江中游三省协同推动高质量发展座谈会", "座谈会", None, "XXXX-09-10", "武汉", "湖北"),
    ("001_cc6c4b9cc009c9ed.txt", None, "长三角地区主要领导座谈会", "座谈会", None, "2019-05-22", "芜湖", "安徽"),
    ("002_3873d8454603a5b7.txt", None, "长江中游城市群省会城市第十届会商会", "会商会", 10, "XXXX-07-28/XXXX-07-29", "长沙", "湖南"),
    ("003_522596ff6ab5f318.txt", None, "进一步推动长江经济带高质量发展座谈会", "座谈会", None, "XXXX-XX-12", "南昌", "江西"),
    ("004_f3826c69192a0ce5.txt", None, "2023年泛珠三角区域合作行政首长联席会议", "联席会议", None, "2023-07-07", "贵阳", "贵州"),
    ("h01.txt", None, "推动成渝地区双城经济圈建设重庆四川党政联席会议第五次会议", "联席会议", 5, "2022-06-29", "重庆", "重庆"),
    ("h04.txt", "2012-12-26", "长江沿岸中心城市经济协调会第十五届市长联席会议", "联席会议", 15, "2012-12-25", "上海", "上海"),
    ("h09.txt", None, "粤港合作联席会议第二十次会议", "联席会议", 20, "2017-11-18", "香港", "香港"),
    ("h12.txt", "2021-11-22", "中原经济协作区第29届市长联席会议", "联席会议", 29, "2021-11-20", "邢台", "河北"),
    ("h19.txt", None, "长株潭一体化发展常务副市长联席会议", "联席会议", None, "2024-11-22", "长沙", "湖南"),
    ("h21.txt", None, "重庆经济协作区第十八次市长联席会", "联席会议", 18, None, "广安", "四川"),
]


@pytest.mark.parametrize("name,published,mname,kind,edition,date,city,province", SHARED, ids=[s[0] for s in SHARED])
def test_shared_primary_meeting(name, published, mname, kind, edition, date, city, province):
    _, m = primary(read_text(name), published)
    assert (m.name, m.kind, m.edition, m.date, m.city, m.province) == (mname, kind, edition, date, city, province)


@pytest.mark.parametrize(
    "name,theme",
    [
        ("001_cc6c4b9cc009c9ed.txt", "长三角:共筑强劲活跃增长极"),
        ("002_3873d8454603a5b7.txt", "携手新质生产力,共推中部高质量发展"),
        ("004_f3826c69192a0ce5.txt", "奋进新征程 合作开新局"),
        ("h04.txt", "创新驱动、合作共赢——携手推进长江流域产业集聚带转型发展"),
        ("000_800a12ffd4e27745.txt", None),  # 以推动高质量发展为主题: a policy line, not a quoted theme
        ("h12.txt", None),
    ],
)
def test_shared_theme(name, theme):
    _, m = primary(read_text(name), "2021-11-22" if name == "h12.txt" else None)
    assert m.theme == theme


@pytest.mark.parametrize(
    "name,published,next_name,next_status",
    [
        ("001_cc6c4b9cc009c9ed.txt", None, "2020年长三角地区主要领导座谈会", "announced"),
        ("004_f3826c69192a0ce5.txt", None, "2024年泛珠区域合作行政首长联席会议", "announced"),
        ("h04.txt", "2012-12-26", "长江沿岸中心城市经济协调会第十六届市长联席会议", "announced"),
    ],
)
def test_shared_next_meeting_is_announced_and_linked(name, published, next_name, next_status):
    a, m = primary(read_text(name), published)
    nxt = {x.id: x for x in a.meetings}[m.next_meeting]
    assert (nxt.name, nxt.status) == (next_name, next_status)
    assert nxt.kind == m.kind


def test_h04_next_meeting_has_year_and_city():
    a, m = primary(read_text("h04.txt"), "2012-12-26")
    nxt = {x.id: x for x in a.meetings}[m.next_meeting]
    assert (nxt.edition, nxt.date, nxt.city) == (16, "2014", "合肥")


def test_004_next_meeting_host():
    a, m = primary(read_text("004_f3826c69192a0ce5.txt"))
    nxt = {x.id: x for x in a.meetings}[m.next_meeting]
    assert nxt.host == "云南省" and nxt.province == "云南"


def test_h21_next_meeting_written_twice_is_one_record():
    a, m = primary(read_text("h21.txt"))
    announced = [x for x in a.meetings if x.status == "announced"]
    assert len(announced) == 1 and announced[0].edition == 19 and m.next_meeting == announced[0].id
    assert len(announced[0].evidence) == 2
    # "目前已成功举行18届市长联席会议" counts meetings; it names none
    assert all("18届" not in x.name for x in a.meetings)


def test_past_meeting_is_not_reported_as_held():
    a, _ = primary(read_text("002_3873d8454603a5b7.txt"))
    by_name = {x.name: x for x in a.meetings}
    assert by_name["新时代推动中部地区崛起座谈会"].status == "mentioned"
    assert not any("第九届" in x.name for x in a.meetings)  # 自第九届会商会以来: alluded to only


def test_headline_and_body_mentions_are_one_record():
    a, m = primary(read_text("000_800a12ffd4e27745.txt"))
    assert len(a.meetings) == 1
    texts = [e.text for e in m.evidence]
    assert texts.count("長江中游三省協(xié)同推動高質量發(fā)展座談會") == 2  # headline (在汉举行) and lead
    assert "會議" in texts and "這次座談會" in texts


def test_headline_series_name_joins_the_numbered_meeting():
    a, m = primary(read_text("h09.txt"))
    assert len(a.meetings) == 1
    assert [e.text for e in m.evidence][:2] == ["粤港合作联席会议", "粤港合作联席会议第二十次会议"]
    assert m.regions == ["广东", "香港"]


def test_secondary_meetings_held_alongside():
    a, _ = primary(read_text("001_cc6c4b9cc009c9ed.txt"))
    held = [x.name for x in a.meetings if x.status == "held"]
    assert held == ["长三角地区主要领导座谈会", "长三角地区合作与发展联席会议", "党委政府秘书长座谈会", "党委政府政研室主任座谈会"]


def test_regions_from_abbreviations_and_lists():
    assert primary(read_text("000_800a12ffd4e27745.txt"))[1].regions == ["湖北", "湖南", "江西"]
    assert primary(read_text("002_3873d8454603a5b7.txt"))[1].regions == ["武汉", "长沙", "合肥", "南昌"]
    assert primary(read_text("h19.txt"))[1].regions == ["长沙", "株洲", "湘潭"]
    assert len(primary(read_text("004_f3826c69192a0ce5.txt"))[1].regions) == 11


def test_evidence_slices_the_original():
    for name, published, *_ in SHARED:
        text = read_text(name)
        for m in parse(text, published).meetings:
            assert m.evidence
            for sp in m.evidence:
                assert text[sp.start : sp.end] == sp.text


# ---------------------------------------------------------------- genre fragments (written for these tests)

HELD = [
    # text, published, name, kind, edition, date, city, province
    ("11月28日,2024年沪苏浙皖主要领导座谈会在上海召开。", "2024-11-29",
     "2024年沪苏浙皖主要领导座谈会", "座谈会", None, "2024-11-28", "上海", "上海"),
    ("第二十一届泛珠三角区域合作与发展论坛暨经贸洽谈会8日在昆明开幕。", "2025-06-09",
     "第二十一届泛珠三角区域合作与发展论坛暨经贸洽谈会", "论坛", 21, "2025-06-08", "昆明", "云南"),
    ("京津冀协同发展领导小组第三次全体会议在京召开", None,
     "京津冀协同发展领导小组第三次全体会议", "全体会议", 3, None, "北京", "北京"),
    ("本报讯 昨天,“长三角一体化发展高层论坛”在沪举行。", "2024-03-02",
     "长三角一体化发展高层论坛", "论坛", None, "2024-03-01", "上海", "上海"),
    ("4月12日上午,长江中游城市群省会城市第九届会商会在安徽省合肥市开幕。", None,
     "长江中游城市群省会城市第九届会商会", "会商会", 9, "XXXX-04-12", "合肥", "安徽"),
    ("湘赣边区域合作示范区建设推进会在浏阳召开", None,
     "湘赣边区域合作示范区建设推进会", "推进会", None, None, "浏阳", "湖南"),
    ("9月3日,东北四省区合作行政首长联席会议以视频会议形式召开。", None,
     "东北四省区合作行政首长联席会议", "联席会议", None, "XXXX-09-03", None, None),
    ("6月5日,川渝两省市在成都举行推动川渝合作联席会议第二次会议。", None,
     "推动川渝合作联席会议第二次会议", "联席会议", 2, "XXXX-06-05", "成都", "四川"),
    ("省委书记出席第三届长江中游城市群发展论坛开幕式并致辞。", None,
     "第三届长江中游城市群发展论坛", "论坛", 3, None, None, None),
    ("近日,淮海经济区第十二届市长联席会在徐州市召开。", None,
     "淮海经济区第十二届市长联席会", "联席会议", 12, None, "徐州", "江苏"),
]


@pytest.mark.parametrize("text,published,name,kind,edition,date,city,province", HELD, ids=[h[2] for h in HELD])
def test_fragment_reported_meeting(text, published, name, kind, edition, date, city, province):
    _, m = primary(text, published)
    assert (m.name, m.kind, m.edition, m.date, m.city, m.province) == (name, kind, edition, date, city, province)


@pytest.mark.parametrize(
    "text",
    [
        "会议在北京人民大会堂举行。",  # 大会 of 大会堂 is no meeting; 会议 alone names none
        "要进一步健全联席会议机制,定期研究重大问题。",  # a mechanism, not a meeting
        "目前已成功举行18届市长联席会议。",  # a count of meetings
        "全省上下要深入学习贯彻党的二十届三中全会精神。",  # no meeting kind word
        "会议强调,要加强区域协作。此次会议意义重大。",  # only references
        "自上届论坛以来,各方合作不断深化。",
        "他在《关于召开长三角座谈会的通知》中提出要求。",  # a meeting name inside a title is the title's
    ],
)
def test_fragment_without_a_meeting(text):
    assert parse(text).meetings == []


def test_fragment_past_meeting_with_frame_is_mentioned_not_held():
    a = parse("此次会议是去年5月在南京召开的长三角地区主要领导座谈会后的又一次重要会议。区域合作交流会8日在杭州举行。")
    by_name = {m.name: m for m in a.meetings}
    assert by_name["区域合作交流会"].status == "held" and a.primary().name == "区域合作交流会"


def test_fragment_routine_is_not_an_event():
    a = parse("泛珠三角区域合作行政首长联席会议每年举行一次。2024年泛珠论坛在南宁举行。", "2024-10-10")
    assert a.primary().name == "2024年泛珠论坛"
    assert [m.name for m in a.meetings if m.status == "held"] == ["2024年泛珠论坛"]


@pytest.mark.parametrize(
    "text,published,name,date,city,province,host",
    [
        ("5月20日,长三角合作与发展联席会议在杭州召开。会议决定,下一次联席会议将于明年在湖南长沙召开。", "2024-05-21",
         "下一次联席会议", "2025", "长沙", "湖南", None),
        ("8日,2024年泛珠区域合作行政首长联席会议在南宁召开。会议商定,2025年泛珠区域合作行政首长联席会议由四川省承办。", "2024-09-09",
         "2025年泛珠区域合作行政首长联席会议", "2025", None, "四川", "四川省"),
        ("近日,长江中游城市群省会城市第十届会商会在长沙召开。会议商定,第十一届会商会将于2025年在南昌举行。", "2024-07-30",
         "第十一届会商会", "2025", "南昌", "江西", None),
    ],
)
def test_fragment_next_meeting(text, published, name, date, city, province, host):
    a, m = primary(text, published)
    nxt = {x.id: x for x in a.meetings}[m.next_meeting]
    assert nxt.status == "announced"
    assert (nxt.name, nxt.date, nxt.city, nxt.province, nxt.host) == (name, date, city, province, host)


@pytest.mark.parametrize(
    "text,published,name,date,city",
    [
        ("第五届长三角一体化发展论坛在杭州举行\n本报讯 11月5日,论坛在杭州国际博览中心开幕。", "2024-11-06",
         "第五届长三角一体化发展论坛", "2024-11-05", "杭州"),
        ("闽粤经济合作区联席会议第三次会议举行\n本报讯 会议今日(20日)在漳州举行。", "2024-11-20",
         "闽粤经济合作区联席会议第三次会议", "2024-11-20", "漳州"),
    ],
)
def test_fragment_headline_name_lead_reference(text, published, name, date, city):
    _, m = primary(text, published)
    assert (m.name, m.date, m.city) == (name, date, city)


def test_fragment_theme_from_generic_reference():
    _, m = primary("10日,淮河生态经济带城市合作联席会议在信阳召开。本次联席会议以“携手共建 绿色发展”为主题。")
    assert m.theme == "携手共建 绿色发展"


def test_fragment_unquoted_theme_is_no_theme():
    _, m = primary("10日,淮河生态经济带城市合作联席会议在信阳召开。会议以推动高质量发展为主题,研究部署重点工作。")
    assert m.theme is None


def test_fragment_vague_date_is_no_date():
    _, m = primary("日前,闽西南协同发展区联席会议在厦门召开。", "2024-04-02")
    assert m.date is None and m.city == "厦门"


# ---------------------------------------------------------------- cited meetings, previews, venues, regions
# (genre fragments written for these tests)


def test_fragment_cited_meeting_with_same_ending_is_not_merged():
    # the reported meeting, and an earlier one of a longer name that ends the same way, held by another frame
    text = ("9月12日,黄河流域生态保护座谈会在济南召开。省委书记在讲话中指出,今年6月,"
            "总书记在山东考察并主持召开深入推动黄河流域生态保护座谈会,为流域发展指明了方向。")
    a, m = primary(text, "2024-09-13")
    assert (m.name, m.date, m.city) == ("黄河流域生态保护座谈会", "2024-09-12", "济南")
    other = next(x for x in a.meetings if x.id != m.id)
    assert (other.name, other.status, other.date) == ("深入推动黄河流域生态保护座谈会", "mentioned", "2024-06")


@pytest.mark.parametrize(
    "text,published",
    [
        ("2023年3月,城市合作论坛在合肥举办。11日,城市合作推进会在芜湖举办。", "2024-04-12"),
        ("此前,城市合作论坛于4月10日在合肥举办。11日,城市合作推进会在芜湖举办。", "2024-04-12"),
        ("去年,城市合作论坛在合肥举办。11日,城市合作推进会在芜湖举办。", "2024-04-12"),
    ],
)
def test_fragment_held_frame_after_an_earlier_time_is_past(text, published):
    a, m = primary(text, published)
    assert m.city == "芜湖" and m.date == "2024-04-11"
    past = [x for x in a.meetings if x.id != m.id]
    assert [x.status for x in past] == ["mentioned"] and past[0].city == "合肥"


def test_fragment_frame_own_date_outweighs_an_earlier_date_before_the_name():
    _, m = primary("根据2023年3月签署的协议,两省合作座谈会今天在合肥召开。", "2024-04-12")
    assert (m.status, m.date, m.city) == ("held", "2024-04-12", "合肥")


def test_fragment_opening_and_closing_days_are_one_meeting():
    text = "22日,第三届桂滇城市合作发展峰会在百色开幕。……城市合作发展峰会24日在百色闭幕。"
    a, m = primary(text, "2024-11-25")
    assert len(a.meetings) == 1 and m.edition == 3 and m.date == "2024-11-22"


def test_fragment_day_date_keeps_the_frame_held():
    _, m = primary("本报讯 3日,成渝合作座谈会在成都召开。", "2024-06-04")
    assert (m.status, m.date, m.city) == ("held", "2024-06-03", "成都")


def test_fragment_separately_framed_suffix_names_at_other_dates_stay_apart():
    text = "5月20日,成渝合作座谈会在成都召开。会议回顾了3月12日在重庆召开的深化成渝合作座谈会。"
    a, m = primary(text, "2024-05-21")
    assert (m.name, m.date, m.city) == ("成渝合作座谈会", "2024-05-20", "成都")
    assert "深化成渝合作座谈会" in [x.name for x in a.meetings if x.id != m.id]


PREVIEW = (
    "第三届长江文化论坛将在武汉举办\n"
    "记者从9月19日召开的新闻发布会上获悉,第三届长江文化论坛将于10月18日至19日在武汉举办。"
    "本届论坛以“共护长江 共兴文化”为主题,预计将发布《长江文化武汉倡议》。\n"
    "2023年10月,第二届长江文化论坛在南京举行,成立了沿江城市文化联盟。"
)


def test_fragment_preview_announced_meeting_is_primary():
    a = parse(PREVIEW, "2024-09-20")
    m = a.primary()
    assert (m.name, m.status, m.edition, m.date, m.city) == ("第三届长江文化论坛", "announced", 3, "2024-10-18/2024-10-19", "武汉")
    assert m.theme == "共护长江 共兴文化" and m.next_meeting is None
    # the past edition of the series is history (not a record), never the reported meeting
    assert [x.edition for x in a.meetings] == [3]
    assert all(d.meeting == m.id for d in a.documents if d.action != "referenced")


def test_fragment_report_with_next_meeting_keeps_the_held_one_primary():
    a, m = primary("第三届长江文化论坛在武汉举办\n10月18日,第三届长江文化论坛在武汉举办。会议商定,第四届论坛将于明年在重庆举办。", "2024-10-19")
    assert m.edition == 3 and {x.id: x for x in a.meetings}[m.next_meeting].edition == 4


@pytest.mark.parametrize(
    "text,city,province",
    [
        ("8日,西南五省区协作会议以视频会议形式召开。会议在昆明设主会场,在贵阳、南宁设分会场。", "昆明", "云南"),
        ("8日,西南五省区协作会议以视频会议形式召开,主会场设在昆明,各省区设分会场。", "昆明", "云南"),
        ("8日,西南五省区协作会议以视频会议形式召开。我省在贵阳分会场参加会议。", None, None),
        # a clause saying how it met comes before the venue
        ("8日,西南五省区协作会议以视频方式召开。会议采取线上线下相结合的方式,在昆明设主会场,贵阳、南宁设分会场。", "昆明", "云南"),
        # near miss: that clause before a branch venue names no main venue
        ("8日,西南五省区协作会议以视频方式召开。会议采取线上线下相结合的方式,在贵阳设分会场。", None, None),
    ],
)
def test_fragment_main_venue_not_branch_venues(text, city, province):
    _, m = primary(text, "2024-03-09")
    assert (m.city, m.province) == (city, province)
    assert "贵阳" not in m.regions and "南宁" not in m.regions


def test_home_place_is_the_outlets_home():
    from regevents.gazetteer import places
    from regevents.extract.meeting_places import home_venue

    city = places().lookup("九江市")
    assert (home_venue("我市", city).city, home_venue("我市", city).province) == ("九江", "江西")
    assert (home_venue("我省", city).city, home_venue("我省", city).province) == (None, "江西")
    assert home_venue("我市", None).city is None


@pytest.mark.parametrize(
    "outlet,where,city,province",
    [("长沙晚报", "我市", "长沙", "湖南"), ("江西日报", "我省", None, "江西"), ("人民网", "我市", None, None)],
)
def test_fragment_venue_written_from_the_outlets_home(outlet, where, city, province):
    text = f"城市发展论坛在{where}举行\n\n来源:{outlet}  发布时间:2024-05-21 08:00\n\n本报讯 20日,城市发展论坛在{where}举行。"
    _, m = primary(text)
    assert (m.city, m.province) == (city, province)


def test_fragment_event_before_the_forum_shares_its_day_and_place():
    text = ("6日,第五届沿江城市发展论坛在九江举行。\n"
            "论坛前举行了沿江城市重大项目签约仪式,各方共签订合作协议20项。")
    a, m = primary(text, "2024-11-07")
    sign = next(x for x in a.meetings if x.kind == "签约仪式")
    assert (sign.status, sign.date, sign.city) == ("held", m.date, "九江")


def test_fragment_ceremony_without_a_shared_time_keeps_its_own_fields():
    text = "6日,第五届沿江城市发展论坛在九江举行。5日,各方在南昌举行了沿江城市重大项目签约仪式。"
    a, m = primary(text, "2024-11-07")
    sign = next(x for x in a.meetings if x.kind == "签约仪式")
    assert sign.date == "2024-11-05" and sign.city == "南昌"


@pytest.mark.parametrize(
    "text,regions",
    [
        # places visited, branch venues and a guest's proposal are not the participants
        ("12日,流域协作座谈会在兰州召开。此前,总书记先后来到天水、定西等地考察。", []),
        ("流域协作座谈会以视频形式召开。会议在兰州设主会场,在西宁、银川、呼和浩特设分会场。", []),
        ("流域协作座谈会在兰州召开。甲省副省长建议,推动天水、定西与西宁、海东协同发展。", []),
        # a participants' list with a count, a counted compound
        ("流域协作座谈会在兰州召开,甘肃、青海、宁夏等3省区有关负责同志参加。", ["甘肃", "青海", "宁夏"]),
        ("流域协作座谈会在兰州召开,甘青宁三省区相关部门负责同志出席。", ["甘肃", "青海", "宁夏"]),
        # a named region in the meeting's name
        ("长三角城市合作座谈会在嘉兴召开。", ["上海", "江苏", "浙江", "安徽"]),
    ],
)
def test_fragment_regions_from_the_right_sentence(text, regions):
    _, m = primary(text)
    assert m.regions == regions


def test_fragment_regions_from_attendees_when_nothing_else_says():
    text = "12日,流域协作座谈会在兰州召开。甘肃省委书记王某某主持会议,青海省委书记李某某、宁夏回族自治区党委书记张某某出席并讲话。"
    _, m = primary(text)
    assert set(m.regions) >= {"甘肃", "青海"}


def test_regions_helpers():
    assert regions_in_text("先后来到天水、定西等地考察") == []
    assert regions_in_text("涵盖江苏、山东、安徽等3省的20个城市") == ["江苏", "山东", "安徽"]
    assert regions_in_text("同京津冀协同发展、长江经济带发展一样") == []  # a strategy named in passing
    assert regions_of_orgs(["陕西省委", "河南省", "国家发展改革委", "山东省委"]) == ["陕西", "河南", "山东"]
    assert regions_of_orgs(["上海市", "南京市委", "合肥市"]) == ["上海", "南京", "合肥"]
    assert regions_of_orgs(["重庆市委", "江西省委", "上海市委"]) == ["重庆", "江西", "上海"]
    assert regions_of_orgs(["江西省", "国务院"]) == []


# ---------------------------------------------------------------- helpers


@pytest.mark.parametrize("s,n", [("十", 10), ("二十", 20), ("二十九", 29), ("29", 29), ("一百零一", 101), ("两", 2), ("第", None), ("", None)])
def test_cn_number(s, n):
    assert cn_number(s) == n


def test_chained_kind_words_make_one_name():
    names = [h.name for h in find_names("长江沿岸中心城市经济协调会第十六届市长联席会议在合肥举行")]
    assert names == ["长江沿岸中心城市经济协调会第十六届市长联席会议"]


def test_series_key_drops_year_and_edition():
    assert series_key("2023年泛珠三角区域合作行政首长联席会议") == "泛珠三角区域合作行政首长联席会"
    assert series_key("粤港合作联席会议第二十次会议") == series_key("粤港合作联席会议")
    assert series_key("第十九次市长联席会") == series_key("第19次市长联席会")


@pytest.mark.parametrize(
    "phrase,city,province,venue",
    [
        ("安徽芜湖", "芜湖", "安徽", None),
        ("江西省南昌市", "南昌", "江西", None),
        ("汉", "武汉", "湖北", None),
        ("香港", "香港", "香港", None),
        ("浙江省", None, "浙江", None),
        ("北京人民大会堂", "北京", "北京", "人民大会堂"),
        ("国新办", None, None, "国新办"),
        ("万州区", "重庆", "重庆", None),
    ],
)
def test_parse_venue(phrase, city, province, venue):
    v = parse_venue(phrase)
    assert (v.city, v.province, v.venue) == (city, province, venue)


def test_regions_in_name():
    assert regions_in_name("粤港合作联席会议") == ["广东", "香港"]
    assert regions_in_name("推动成渝地区双城经济圈建设重庆四川党政联席会议") == ["重庆", "四川"]
    assert regions_in_name("长三角地区主要领导座谈会") == ["上海", "江苏", "浙江", "安徽"]  # a named region
    assert regions_in_name("第八次京津冀人大立法工作座谈会") == ["北京", "天津", "河北"]
    assert regions_in_name("闽粤赣边区域合作联席会议") == ["福建", "广东", "江西"]
    assert regions_in_name("黄河流域生态保护和高质量发展座谈会") == []  # membership not fixed


@pytest.mark.parametrize(
    "text",
    ["", " ", "会议", "《》", "座谈会" * 200, "第" * 300 + "届会议", "“" * 50 + "论坛", "在\ufffd召开座谈会", "下一届"],
)
def test_odd_strings_never_raise(text):
    parse(text)


# ---------------------------------------------------------------- themes in any quotes, two meetings a day,
# abbreviated participants, aliases, person-subject venues (genre fragments written for these tests)


@pytest.mark.parametrize(
    "text,theme",
    [
        ("10日,成渝合作座谈会在成都召开。会议以\"双圈联动 共建共享\"为主题。", "双圈联动 共建共享"),
        ("10日,成渝合作座谈会在成都召开。會議以「雙圈聯動 共建共享」為主題。", "双圈联动 共建共享"),
        ("10日,成渝合作座谈会在成都召开。会议以‘双圈联动’为主题。", "双圈联动"),
        ("10日,第三届成渝合作论坛在成都召开。本届论坛主题为开放合作、互利共赢。", "开放合作、互利共赢"),
        ("以\"携手同行 共创未来\"为主题的第三届成渝合作论坛10日在成都召开。", "携手同行 共创未来"),
        # a sub-forum's theme, unquoted inside a clause, is not the meeting's
        ("10日,第三届成渝合作论坛在成都召开。论坛期间举办了主题为乡村振兴的分论坛。", None),
        ("10日,第三届成渝合作论坛在成都召开。三个分论坛主题为数字经济、绿色发展。", None),
    ],
)
def test_fragment_theme_in_any_quotes(text, theme):
    _, m = primary(text)
    assert m.theme == theme


TWO_MEETINGS = (
    "本报讯 10日上午,湘鄂两省合作座谈会在长沙召开。湖南省委副书记、省长王建新主持,湖北省委副书记、省长李国华出席并讲话。\n"
    "当天下午,2024年湘鄂协作联席会议在长沙召开。湖南省副省长赵文明主持,王建新、李国华出席。\n"
    "次日上午,湘鄂毗邻地区合作推进会在岳阳召开。"
)


def test_fragment_two_meetings_a_day_each_with_its_date_and_chair():
    a, m = primary(TWO_MEETINGS, "2024-05-11")
    people = {p.id: p.name for p in a.attendees}
    by_name = {x.name: x for x in a.meetings}
    assert (m.name, m.date, people[m.chair]) == ("湘鄂两省合作座谈会", "2024-05-10", "王建新")
    second = by_name["2024年湘鄂协作联席会议"]
    assert (second.status, second.date, second.city, people.get(second.chair)) == ("held", "2024-05-10", "长沙", "赵文明")
    assert by_name["湘鄂毗邻地区合作推进会"].date == "2024-05-11"  # 次日: the day after
    # the chair of the second meeting took part in it, not in the first
    chair2 = next(p for p in a.attendees if p.name == "赵文明")
    assert chair2.meetings == [second.id]


def test_fragment_same_day_without_a_known_day_stays_undated():
    a, _ = primary("近日,湘鄂两省合作座谈会在长沙召开。\n当天下午,湘鄂协作联席会议在长沙召开。", "2024-05-11")
    assert [x.date for x in a.meetings] == [None, None]


ABBREVIATED = (
    "粤川东西部协作联席会议在成都召开\n"
    "新华社成都5月9日电 广东四川东西部协作联席会议9日在成都召开。四川省委副书记、省长王建新主持会议。\n"
    "两省自2021年起建立协作关系。当年7月,时任广东省委书记曾率团赴川考察,两省召开首次东西部协作联席会议。"
)


def test_fragment_abbreviated_participants_are_the_same_meeting_and_a_first_one_is_history():
    a, m = primary(ABBREVIATED)
    people = {p.id: p.name for p in a.attendees}
    assert (m.name, m.edition, m.date, m.city, people.get(m.chair)) == ("广东四川东西部协作联席会议", None, "XXXX-05-09", "成都", "王建新")
    assert [x.name for x in a.meetings if x.status == "held"] == ["广东四川东西部协作联席会议"]
    first = next(x for x in a.meetings if x.edition == 1)
    assert first.status == "mentioned"


def test_fragment_other_participants_stay_apart():
    a, m = primary("5月8日,苏皖合作座谈会在南京召开。会议回顾了3月在杭州召开的苏浙合作座谈会。", "2024-05-09")
    assert m.name == "苏皖合作座谈会"
    assert [(x.name, x.status) for x in a.meetings if x.id != m.id] == [("苏浙合作座谈会", "mentioned")]


@pytest.mark.parametrize("quote", ['"{}"', "“{}”", "「{}」"])
def test_fragment_alias_is_the_same_meeting(quote):
    alias = quote.format("中部论坛")
    text = (f"第五届中部地区合作发展论坛(以下简称{alias})8日在南昌开幕。"
            "本届中部论坛期间还将举办产业对接会。出席中部论坛的嘉宾表示欢迎。")
    a, m = primary(text, "2024-06-09")
    assert (m.name, m.edition, m.date, m.city) == ("第五届中部地区合作发展论坛", 5, "2024-06-08", "南昌")
    assert not any("中部论坛" in x.name for x in a.meetings if x.id != m.id)
    assert sum(e.text == "中部论坛" for e in m.evidence) == 2 and "本届中部论坛" in [e.text for e in m.evidence]


def test_fragment_alias_only_for_its_own_name():
    # 下一届 + the short name is the series' next meeting, not the reported one
    a, m = primary("第五届中部地区合作发展论坛(以下简称“中部论坛”)8日在南昌开幕。会议商定,下一届中部论坛将于明年在长沙举办。", "2024-06-09")
    nxt = {x.id: x for x in a.meetings}[m.next_meeting]
    assert nxt.status == "announced" and nxt.city == "长沙"


@pytest.mark.parametrize(
    "text,city",
    [
        ("特首今日(12日)在香港礼宾府与广东省省长王建新共同主持粤港合作联席会议第二十三次会议。", "香港"),
        ("省长王建新10日在杭州西子宾馆主持召开浙皖合作座谈会。", "杭州"),
        ("10日,浙皖合作座谈会在合肥滨湖国际会展中心举行。", "合肥"),
    ],
)
def test_fragment_venue_inside_a_city(text, city):
    _, m = primary(text, "2024-09-12")
    assert m.city == city


@pytest.mark.parametrize(
    "text",
    [
        "今日,王建新与李国华将共同主持闽港合作会议第三次会议。",
        "记者从新闻发布会上获悉,即将召开的第三届长江文化论坛筹备工作已就绪。",
    ],
)
def test_fragment_held_verb_in_the_future_is_announced(text):
    a = parse(text, "2024-04-21")
    assert [x.status for x in a.meetings] == ["announced"]


def test_region_head():
    from regevents.extract.meeting_places import region_head

    assert region_head("浙川东西部协作联席会") == region_head("浙江四川东西部协作联席会") == (frozenset({"浙江", "四川"}), "东西部协作联席会")
    assert region_head("长三角地区主要领导座谈会") == (frozenset(), "长三角地区主要领导座谈会")
    assert region_head("南京合肥合作")[0] != region_head("苏皖合作")[0]


# ------------------------------------------------ headline short names, follow-on dates, previews

HEADLINE_SHORT = (
    "川陕医保协作联席会议召开\n"
    "5月12日,川陕毗邻地区医疗保障协作联席会议在陕西汉中召开。汉中市医保局局长王建新主持会议,"
    "广元市医保局局长李国华出席。会议通报了两地异地就医结算情况。"
)


def test_fragment_headline_short_name_is_the_body_meeting():
    a, m = primary(HEADLINE_SHORT, "2024-05-13")
    people = {p.id: p.name for p in a.attendees}
    assert len(a.meetings) == 1
    assert (m.name, m.date, m.city, people.get(m.chair)) == ("川陕毗邻地区医疗保障协作联席会议", "2024-05-12", "汉中", "王建新")
    assert "川陕医保协作联席会议" in [e.text for e in m.evidence]


def test_fragment_headline_short_name_with_an_edition_and_a_dropped_word():
    a, m = primary(
        "湘鄂“幕阜山”三县第二次联席会议召开\n近日,湘鄂边界“幕阜山”三县区域合作第二次联席会议在湖南平江召开。"
        "平江县委书记王建新主持会议。",
        "2024-05-13",
    )
    people = {p.id: p.name for p in a.attendees}
    assert len(a.meetings) == 1
    assert (m.name, m.edition, people.get(m.chair)) == ("湘鄂边界“幕阜山”三县区域合作第二次联席会议", 2, "王建新")


def test_fragment_headline_naming_another_meeting_stays_apart():
    # not an abbreviation of the body's meeting
    a = parse("长三角企业家座谈会召开\n5月12日,长三角主要领导座谈会在芜湖召开。", "2024-05-13")
    assert {x.name for x in a.meetings} == {"长三角企业家座谈会", "长三角主要领导座谈会"}
    # another edition
    a = parse("川陕医保协作第二次联席会议召开\n5月12日,川陕毗邻地区医疗保障协作第三次联席会议在汉中召开。", "2024-05-13")
    assert len(a.meetings) == 2
    # two body meetings of that kind: which one the headline names is not known
    a = parse(
        "川陕协作联席会议召开\n5月12日上午,川陕毗邻地区医疗保障协作联席会议在汉中召开。"
        "当天下午,川陕毗邻地区文旅协作联席会议在汉中召开。",
        "2024-05-13",
    )
    assert len(a.meetings) == 3


def test_fragment_headline_lead_in_before_the_short_name_is_the_body_meeting():
    # a kicker run into the headline's short name (湘赣携手 + 萍株…): the body's meeting, named as the body names it
    a, m = primary(
        "湘赣携手萍株两市合作发展第三次会商会召开\n"
        "5月12日上午,萍乡株洲两市合作发展第三次会商会在萍乡召开。会议由王某某主持。",
        "2023-05-12",
    )
    assert len(a.meetings) == 1
    assert (m.name, m.date, m.city) == ("萍乡株洲两市合作发展第三次会商会", "2023-05-12", "萍乡")
    # near miss: a tail of the kind word and a few characters (两市会商会) says too little to be the body's meeting
    a = parse("甲乙携手两市会商会召开\n5月12日上午,萍乡株洲两市合作发展会商会在萍乡召开。", "2023-05-12")
    assert len(a.meetings) == 2


FOLLOWS_MEETING_OF_ANOTHER_KIND = (
    "本报讯 6日下午,省委书记王建新在长沙会见了江西省党政代表团一行。省委副书记、省长李国华参加会见。\n"
    "王建新表示,两省山水相连,希望深化务实合作。\n"
    "会见后,湘赣两省深化合作座谈会在长沙举行,座谈会由李国华主持。"
)


def test_fragment_meeting_after_a_meeting_with_leaders_takes_its_day():
    a, m = primary(FOLLOWS_MEETING_OF_ANOTHER_KIND, "2024-05-07")
    people = {p.id: p.name for p in a.attendees}
    assert (m.name, m.date, m.city, people.get(m.chair)) == ("湘赣两省深化合作座谈会", "2024-05-06", "长沙", "李国华")
    # 随后: the day of the event reported just before
    _, m = primary("本报讯 12日上午,两省代表团考察了岳阳港。\n随后,湘赣两省合作座谈会在岳阳举行。", "2024-05-13")
    assert m.date == "2024-05-12"


CEREMONY_THEN_MEETING = (
    "本报讯 3月21日上午,甲乙合作产业园揭牌暨项目集中开工仪式在甲市新区举行。两市领导共同揭牌。\n\n"
    "本次集中开工项目23个、总投资156.8亿元。\n\n"
    "当天下午,2024年甲乙山海协作工作推进会在甲市召开。推进会由王某某主持。"
)


def test_fragment_same_day_after_a_ceremony_two_paragraphs_back():
    # 当天 is the day of the ceremony reported two paragraphs before (blank lines between them)
    _, m = primary(CEREMONY_THEN_MEETING, "2024-03-22")
    assert (m.name, m.date) == ("2024年甲乙山海协作工作推进会", "2024-03-21")
    # near miss: a day three paragraphs back is too far to be what 当天 refers to
    far = CEREMONY_THEN_MEETING.replace("\n\n本次", "\n\n两市代表考察了园区。\n\n本次")
    _, m = primary(far, "2024-03-22")
    assert m.date is None


@pytest.mark.parametrize(
    "text,name,kind,edition",
    [
        ("8月17日,东北东部区域合作第十二次圆桌会议在延吉召开。", "东北东部区域合作第十二次圆桌会议", "圆桌会议", 12),
        ("8月18日,甲乙一体化高质量发展现场会在清远召开。", "甲乙一体化高质量发展现场会", "现场会", None),
    ],
)
def test_fragment_round_table_and_on_site_meetings(text, name, kind, edition):
    _, m = primary(text, "2023-08-19")
    assert (m.name, m.kind, m.edition) == (name, kind, edition)


def test_fragment_round_table_talk_is_no_meeting():
    # near miss: 圆桌对话 is a session of a meeting, not a kind of meeting
    a = parse("8月17日,与会嘉宾在延吉举行圆桌对话。", "2023-08-19")
    assert a.meetings == []


def test_fragment_meeting_after_an_undated_event_stays_undated():
    # 近日 gives no day, and the dateline (7日讯) is the article's date, not the event's
    text = FOLLOWS_MEETING_OF_ANOTHER_KIND.replace("本报讯 6日下午", "湖南日报5月7日讯 近日")
    _, m = primary(text)
    assert m.date is None
    # a day date that is not the event's (自9月1日起实施) is not taken for a 会见
    _, m = primary("近日,省委书记王建新会见了代表团。他说,新规自9月1日起实施。\n会见后,湘赣两省合作座谈会在长沙举行。", "2024-05-13")
    assert m.date is None


PRESS_CONFERENCE = (
    "9月15日,重庆市政府新闻办举行新闻发布会,介绍首届川渝养老服务协同发展论坛筹备情况。"
    "重庆市民政局局长王建新出席发布会并回答记者提问。重庆市政府新闻办副主任李国华主持发布会。\n"
    "据介绍,首届川渝养老服务协同发展论坛将于9月25日在重庆举行。"
)


def test_fragment_announced_meeting_has_no_chair_yet():
    a = parse(PRESS_CONFERENCE, "2020-09-16")
    forum = next(x for x in a.meetings if x.name == "首届川渝养老服务协同发展论坛")
    assert forum.status == "announced" and forum.chair is None
    # held, the same forum has its chair
    _, m = primary("9月25日,首届川渝养老服务协同发展论坛在重庆举行。重庆市副市长王建新主持论坛。", "2020-09-26")
    assert m.chair is not None


def test_joint_headline_name_split_when_the_body_reports_both():
    text = (
        "甲乙两地联席会议第三次会议暨重点项目签约仪式举行\n\n"
        "昨天,甲乙两地联席会议第三次会议在通州区召开。北京市副市长王某某主持会议。\n\n"
        "会后举行重点项目签约仪式。签约仪式由通州区委副书记、区长李某某主持。\n"
    )
    a = regevents.parse(text, published="2024-06-14")
    by_name = {m.name: m for m in a.meetings}
    assert set(by_name) == {"甲乙两地联席会议第三次会议", "重点项目签约仪式"}
    names = {p.id: p.name for p in a.attendees}
    assert names[by_name["甲乙两地联席会议第三次会议"].chair] == "王某某"
    # the ceremony, held after the meeting, names its own chair in its own paragraph
    assert names[by_name["重点项目签约仪式"].chair] == "李某某"


def test_characterising_sentence_reports_no_second_meeting():
    text = (
        "闽赣协同保护联席会议第一次会议召开\n\n"
        "5月22日,闽赣协同保护联席会议第一次会议在铅山县召开。这是两省首次召开跨省协同保护联席会议。\n"
    )
    assert [m.name for m in regevents.parse(text).meetings] == ["闽赣协同保护联席会议第一次会议"]


def test_announcing_verb_cuts_a_meeting_name():
    text = "第三届城市群论坛开幕\n\n27日,第三届城市群论坛在西宁开幕。省委书记王某某出席开幕式并宣布论坛开幕。\n"
    assert [m.name for m in regevents.parse(text).meetings] == ["第三届城市群论坛"]


# ---------------------------------------------------------------- heldout6 genre forms


def test_words_holding_a_cutter_character_do_not_cut_a_name():
    """对口 (对口合作, 对口支援) and 横向 (横向生态保护补偿) are words, not the preposition 对/向."""
    a, m = primary("22日,甲省与乙省对口合作第五次工作会议在哈尔滨召开。甲省省长王某某主持会议。", "2022-05-23")
    assert m.name == "甲省与乙省对口合作第五次工作会议"
    a, m = primary("22日上午,黄河流域(甲乙段)第二轮横向生态保护补偿协议签约仪式在济南举行。", "2024-06-23")
    assert m.name == "黄河流域(甲乙段)第二轮横向生态保护补偿协议签约仪式"


def test_next_edition_named_by_its_ordinal_alone_takes_the_series_name():
    text = (
        "8月25日,环海地区合作市长联席会第十八次会议在唐山召开。\n"
        "会议确定,第十九次会议将于2023年在烟台市举行。\n"
    )
    a, m = primary(text, "2022-08-26")
    (nxt,) = [x for x in a.meetings if x.id == m.next_meeting]
    assert (nxt.name, nxt.kind, nxt.edition, nxt.status) == ("环海地区合作市长联席会第十九次会议", m.kind, 19, "announced")
    assert [e.text for e in nxt.evidence] == ["第十九次会议"]  # the text's own words stay the evidence


def test_damaged_character_in_the_venue_keeps_the_frame_and_its_date():
    _, m = primary("8月25日,甲乙城市合作联席会第十八次会议在唐山市曹妃?区召开。", "2022-08-26")
    assert (m.date, m.city) == ("2022-08-25", "唐山")


def test_an_event_listed_among_a_plans_tasks_is_no_meeting():
    text = (
        "12月8日,四省边际城市合作发展联席会议第十二次会议在黄山召开。\n"
        "会议明确,明年四市将重点办好五件实事:推出旅游年卡;开通城际旅游直通车;举办四省边际城市人才交流大会。\n"
    )
    a, _ = primary(text, "2023-12-09")
    assert [m.name for m in a.meetings] == ["四省边际城市合作发展联席会议第十二次会议"]
    assert "举办四省边际城市人才交流大会" in [g.text for g in a.goals]


def test_item_verbs_are_the_rules_own():
    from regevents.extract.meetings import _ITEM_VERBS
    from regevents.rules import load_rules

    assert load_rules("meetings")["planned_item"].source.endswith("(?:" + "|".join(_ITEM_VERBS) + ")$")


def test_a_theme_in_the_sentence_after_goes_to_the_meeting_referred_to_there():
    text = (
        "5月20日,甲乙协同发展区第五次党政联席会议在宁德召开。会议由市长王某某主持。\n\n"
        "当天下午,首届甲乙海洋经济合作论坛在宁德举行。论坛以“向海图强 协同共赢”为主题,由市委副书记李某某主持。\n"
    )
    a, m = primary(text, "2023-05-21")
    themes = {x.name: x.theme for x in a.meetings}
    assert themes == {"甲乙协同发展区第五次党政联席会议": None, "首届甲乙海洋经济合作论坛": "向海图强 协同共赢"}


# ---------------------------------------------------------------- heldout7 forms (genre fragments written for these tests)


def test_a_trips_range_gives_way_to_the_meetings_own_day():
    text = ("本报济南6月30日电 6月27日至30日,省委书记王某某率甘肃省党政代表团赴山东省学习考察,出席甲乙东西部协作联席会议。\n"
            "29日下午,甲乙东西部协作联席会议在济南召开。李某某主持会议。\n")
    _, m = primary(text, "2021-07-01")
    assert (m.date, m.part_of_day, m.city) == ("2021-06-29", "下午", "济南")


def test_a_meetings_own_range_stays_a_range():
    # near miss: the range is the meeting's own frame, and a later day inside it (its opening) is not its date
    text = ("6月27日至28日,甲乙东西部协作联席会议在济南举行。27日上午,王某某出席甲乙东西部协作联席会议并讲话。\n")
    _, m = primary(text, "2021-07-01")
    assert m.date == "2021-06-27/2021-06-28"


@pytest.mark.parametrize(
    "text,city,province",
    [
        # a new area run by its province is the meeting's city (no division row holds it)
        ("1月10日,甲乙协同推进雄安新区建设发展座谈会在雄安新区召开。", "雄安", "河北"),
        ("1月10日,甲乙合作座谈会在河北雄安新区召开。", "雄安", "河北"),
        # a cooperation zone inside a city is that city, written whole or short
        ("1月10日,甲乙合作专责小组第七次工作会议在横琴粤澳深度合作区举行。", "珠海", "广东"),
        ("1月10日,甲乙合作座谈会在横琴召开。", "珠海", "广东"),
        ("1月10日,甲乙合作座谈会在深圳前海召开。", "深圳", "广东"),
        # near miss: a county-level district keeps its city
        ("1月10日,甲乙合作座谈会在上海浦东新区召开。", "上海", "上海"),
    ],
)
def test_fragment_new_area_venue(text, city, province):
    _, m = primary(text, "2024-01-11")
    assert (m.city, m.province) == (city, province)


PRESSER = (
    "第三届甲乙经济带城市合作发展论坛月底在襄举办\n\n"
    "本报讯 昨日上午,市政府新闻办召开新闻发布会,介绍第三届甲乙经济带城市合作发展论坛筹备情况。"
    "记者从会上获悉,论坛将于10月28日至29日在襄阳举办,主题为“共护一江清水 共建绿色廊道”。\n"
    "发布会由市政府新闻办主任王某某主持。\n"
    "本届论坛为期两天,将举行开幕式、主旨演讲和项目集中签约等活动。\n"
)


def test_a_presser_announcing_a_forum_gives_the_forum_its_own_frame():
    a = parse(PRESSER, "2021-10-19")
    assert [(m.name, m.status) for m in a.meetings] == [("第三届甲乙经济带城市合作发展论坛", "announced")]
    m = a.meetings[0]
    assert (m.date, m.city, m.theme, m.chair, m.edition) == ("2021-10-28/2021-10-29", "襄阳", "共护一江清水 共建绿色廊道", None, 3)


def test_a_dated_month_end_keeps_the_forum_held_and_a_bare_next_forum_stays_announced():
    # near misses: a month end with its month (10月底) is no future; 论坛明年在X举办 after a held
    # forum is the series' next one
    a = parse("第三届甲乙论坛10月底在襄举办\n\n第三届甲乙论坛10月28日在襄阳举办。会议商定,论坛明年在汉中举办。\n", "2021-11-05")
    found = sorted(a.meetings, key=lambda m: m.id)
    assert [(m.name, m.status) for m in found] == [("第三届甲乙论坛", "held"), ("论坛", "announced")]
    assert found[0].date == "2021-10-28"
