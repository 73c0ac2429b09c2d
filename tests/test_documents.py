"""Documents in 《》: titles, the action done to each, short names, stated counts, parties.

Shared texts are checked title by title; the fragments are written for these
tests in the genre's language (none of them from the shared texts).
"""
from __future__ import annotations

import pytest
from conftest import read_text

import regevents
from regevents.extract.document_titles import canonical, find_titles, resolve_damaged


def docs(text: str, published: str | None = None):
    return regevents.parse(text, published=published).documents


def actions(text: str, published: str | None = None) -> dict[str, str]:
    return {d.title: d.action for d in docs(text, published)}


# ---------------------------------------------------------------- shared texts

SHARED = {
    "000_800a12ffd4e27745.txt": {
        "深化协同发展加快绿色崛起——长江中游三省战略合作总体构想": "adopted",
        "长江中游三省协同推动高质量发展行动计划": "signed",
        "长江中游三省省会城市深化合作方案": "signed",
        "长江中游三省“通平修”绿色发展先行区建设框架协议": "signed",
        "长江中游三省文化旅游深化合作方案": "signed",
        "洞庭湖生态经济区五市深化协作工作方案": "signed",
        "九江市、黄石市、鄂州市、黄冈市人民政府关于深化跨江合作推进区域融合发展的框架协议": "signed",
    },
    "001_cc6c4b9cc009c9ed.txt": {
        "长三角一体化发展2019年工作计划": "adopted",
        "长江三角洲区域一体化发展规划纲要": "referenced",
    },
    "002_3873d8454603a5b7.txt": {
        "长江中游城市群2024年重点合作事项": "signed",
        "长江中游四省省会城市警务合作框架协议": "signed",
        "长江中游城市群2023年重点合作事项": "referenced",
    },
    "003_522596ff6ab5f318.txt": {"长江经济带发展规划纲要": "referenced"},
    "004_f3826c69192a0ce5.txt": {"2023年泛珠三角区域合作行政首长联席会议纪要": "signed"},
    "h01.txt": {"成渝地区双城经济圈建设规划纲要": "referenced"},
    "h04.txt": {"长江流域城市合作发展(上海)宣言": "adopted"},
    "h09.txt": {},
    "h12.txt": {"关于表彰2021年度区域合作工作先进单位和先进个人的决定": "released", "邢台倡议": "released"},
    "h16.txt": {},
    "h19.txt": {},
    "h21.txt": {},
    "h23.txt": {},
}


@pytest.mark.parametrize("name", sorted(SHARED))
def test_shared_documents_and_actions(name):
    assert actions(read_text(name)) == SHARED[name]


def test_shared_acted_documents_belong_to_the_reported_meeting():
    for name in SHARED:
        a = regevents.parse(read_text(name))
        for d in a.documents:
            if d.action == "referenced":
                assert d.meeting is None
            else:
                assert d.meeting == a.primary().id


def test_shared_stated_count_groups_the_list():
    ds = docs(read_text("000_800a12ffd4e27745.txt"))
    grouped = [d for d in ds if d.group]
    assert len(grouped) == 6 and {d.group for d in grouped} == {"dg1"}
    assert all(d.group_size == 6 and d.count_evidence.text == "等六個合作文件" for d in grouped)
    assert ds[0].group is None  # 审议通过了《A》 stands apart from the signed list


def test_shared_short_name_is_an_alias():
    ds = docs(read_text("001_cc6c4b9cc009c9ed.txt"))
    outline = next(d for d in ds if d.title == "长江三角洲区域一体化发展规划纲要")
    assert outline.aliases == ["规划纲要"]
    assert len(outline.evidence) >= 10  # every 《规划纲要》 is a mention of it


def test_shared_inner_space_removed():
    (d,) = docs(read_text("004_f3826c69192a0ce5.txt"))
    assert d.title == "2023年泛珠三角区域合作行政首长联席会议纪要"
    assert d.evidence[0].text == "《2023 年泛珠三角区域合作行政首长联席会议纪要》"


def test_shared_damaged_bracket_is_another_mention():
    ds = docs(read_text("h12.txt"), "2021-11-22")
    call = next(d for d in ds if d.title == "邢台倡议")
    assert len([e for e in call.evidence if "倡" in e.text]) == 2


def test_shared_signatories():
    ds = {d.title: d for d in docs(read_text("002_3873d8454603a5b7.txt"))}
    assert ds["长江中游四省省会城市警务合作框架协议"].signatories == ["四省会城市公安部门"]
    assert ds["长江中游城市群2024年重点合作事项"].signatories == ["四省会城市及12个观察员城市的市长"]
    assert all(not d.signatories for d in docs(read_text("000_800a12ffd4e27745.txt")))  # 会议 signs nothing


def test_shared_evidence_slices_the_original():
    for name in SHARED:
        text = read_text(name)
        for d in docs(text):
            for sp in [*d.evidence, *([d.count_evidence] if d.count_evidence else [])]:
                assert text[sp.start : sp.end] == sp.text


# ---------------------------------------------------------------- genre fragments (written for these tests)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("会议审议通过了《沪苏浙皖“十四五”合作规划》,签署了《沪苏浙皖 四省市 合作协议》。",
         {"沪苏浙皖“十四五”合作规划": "adopted", "沪苏浙皖四省市合作协议": "signed"}),
        ("会议审定了《2025年区域合作工作要点》。", {"2025年区域合作工作要点": "adopted"}),
        ("会议宣读了《关于表彰先进集体的决定》,并为获奖单位颁奖。", {"关于表彰先进集体的决定": "released"}),
        ("三省共同发起《长江中游生态环境保护倡议》。", {"长江中游生态环境保护倡议": "released"}),
        ("印发实施《城市群发展“十四五”实施方案》。", {"城市群发展“十四五”实施方案": "released"}),
        ("《区域一体化发展三年行动计划》正式发布。", {"区域一体化发展三年行动计划": "released"}),
        ("会议听取了各方工作汇报,去年签署的《合作备忘录》得到有效落实。", {"合作备忘录": "referenced"}),
        ("会议讨论了《示范区建设方案(征求意见稿)》,拟于下月正式签署。", {"示范区建设方案(征求意见稿)": "referenced"}),
        ("两地将加快推进《粤港澳大湾区发展规划纲要》落地见效。", {"粤港澳大湾区发展规划纲要": "referenced"}),
        ("会议印发了《关于印发〈区域一体化发展规划〉的通知》。", {"关于印发〈区域一体化发展规划〉的通知": "released"}),
        ("双方现场签订《湘赣边区域合作示范区建设总体方案》《湘赣边红色文化旅游共同体建设协议》。",
         {"湘赣边区域合作示范区建设总体方案": "signed", "湘赣边红色文化旅游共同体建设协议": "signed"}),
        ("会议强调,《规划》的实施要久久为功。", {"规划": "referenced"}),
        ("去年在上海举行的第三届论坛上,各方签署了《共建世界级产业集群协议》。", {"共建世界级产业集群协议": "referenced"}),
        ("会议总结了去年“杭州会议”以来的工作,审定了《2025年工作计划》。", {"2025年工作计划": "adopted"}),
    ],
)
def test_fragment_actions(text, expected):
    assert actions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "记者在《人民日报》上看到相关报道。",  # a newspaper
        "据《经济日报》报道,区域合作不断深化。",
        "会议审议通过了行动计划。",  # no title
        "《》",
    ],
)
def test_fragment_without_documents(text):
    assert docs(text) == []


def test_fragment_short_name_after_full_title():
    ds = docs("会议审议并原则通过了《区域合作发展规划纲要(2026—2030年)》,会议要求,各方要认真落实《规划纲要》。")
    assert len(ds) == 1
    assert (ds[0].action, ds[0].aliases) == ("adopted", ["规划纲要"])


def test_fragment_short_name_before_full_title():
    ds = docs("各方要按照《示范方案》推进工作。会上发布了《生态绿色一体化发展示范方案》。")
    assert len(ds) == 1
    assert (ds[0].title, ds[0].action, ds[0].aliases) == ("生态绿色一体化发展示范方案", "released", ["示范方案"])


def test_fragment_count_with_one_listed_title():
    ds = docs("会上,两地还签署了《青年交流合作协议》等7份协议。")
    assert (ds[0].group_size, ds[0].count_evidence.text) == (7, "等7份协议")


def test_fragment_named_parties():
    (d,) = docs("江苏省人民政府与浙江省人民政府签署了《关于共建生态绿色一体化发展示范区的框架协议》。")
    assert d.signatories == ["江苏省人民政府", "浙江省人民政府"]
    (d,) = docs("会议期间,两省签订了《边界地区合作协议》。")
    assert d.signatories == []  # 两省 names no party


def test_fragment_damaged_brackets():
    assert actions("会议发布了\ufffd区域一体化发展宣言》。") == {"区域一体化发展宣言": "released"}
    assert actions("双方签署《战略合作协议\ufffd并表示将深化合作。") == {"战略合作协议": "signed"}
    # a damaged half that is no title (garbled bytes) is dropped
    assert actions("会议发布了《邢台倡议》。\ufffd\ufffd缎吓_倡议》指出,要加强协作。") == {"邢台倡议": "released"}


def test_canonical_title():
    assert canonical(" 2023 年 工作要点 ") == "2023年工作要点"
    assert canonical("Smart City 合作协议") == "Smart City合作协议"


def test_find_titles_nested():
    hits = resolve_damaged(find_titles("印发《关于印发《行动方案》的通知》"))
    assert [h.title for h in hits] == ["关于印发《行动方案》的通知"]


@pytest.mark.parametrize("text", ["《" * 300, "》" * 300, "《《》》》《", "签署了《" + "协" * 500 + "》", "\ufffd》\ufffd《"])
def test_odd_strings_never_raise(text):
    docs(text)


# ---------------------------------------------------------------- counted lists, 会签, a past year set apart
# (genre fragments written for these tests)


@pytest.mark.parametrize(
    "text,published,expected",
    [
        # a count after the verb, then the list it counts: the verb governs every title
        ("在两位负责人见证下,两地有关部门签署8份合作文件,包括《闽港科技创新合作备忘录》、《闽港青年交流协议》及《闽港文旅合作框架协议》等。",
         None,
         {"闽港科技创新合作备忘录": "signed", "闽港青年交流协议": "signed", "闽港文旅合作框架协议": "signed"}),
        ("会议审议通过了3项文件:《2025年合作要点》《联席会议工作规则》《专项工作组方案》。", None,
         {"2025年合作要点": "adopted", "联席会议工作规则": "adopted", "专项工作组方案": "adopted"}),
        # 会签 is a signing
        ("六省区法院共同会签了《环境资源审判协作框架协议》。", None, {"环境资源审判协作框架协议": "signed"}),
        # a bare year clause before the verb sets the signing in the past
        ("2020年,两省在广州签署《粤湘合作框架协议》,合作机制由此建立。", "2023-05-06", {"粤湘合作框架协议": "referenced"}),
    ],
)
def test_fragment_counted_lists_and_more_signing_verbs(text, published, expected):
    assert actions(text, published) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a count with no list word: a title after the comma is not its object
        ("会上签署了3个合作项目,《规划》对此提出了明确要求。", {"规划": "referenced"}),
        # a year in this article's own year keeps the signing an action of the meeting
        ("2023年,两省在广州签署《粤湘合作框架协议》。", {"粤湘合作框架协议": "signed"}),
    ],
)
def test_fragment_not_counted_lists_or_past(text, expected):
    assert actions(text, "2023-05-06") == expected


# ---------------------------------------------------------------- a signing verb inside 委员会签署; the rest of a counted batch
# (genre fragments written for these tests)


def test_fragment_committee_then_signing_verb_governs_the_whole_list():
    # 委员会签署 is 委员会 + 签署, not 会签: the verb still governs every title of the list after it
    text = ("在王某某、李某某的见证下,北京市有关部门与雄安新区管理委员会签署了《甲委员会 乙管理委员会教育合作协议》"
            "《丙委员会 乙管理委员会医疗合作框架协议》《丁管理委员会 乙管理委员会科技合作协议》。")
    acts = actions(text)
    assert set(acts.values()) == {"signed"} and len(acts) == 3
    (first, *_) = docs(text)
    assert first.signatories == ["北京市有关部门", "雄安新区管理委员会"]
    # near miss: 会签 as the verb itself is still a signing
    assert actions("三省检察院会签了《生态检察协作意见》。") == {"生态检察协作意见": "signed"}


def test_fragment_rest_of_a_counted_batch_takes_its_verb():
    text = ("会议期间,双方举行签约仪式,有关部门签署了8份合作文件。其中,甲厅厅长王某某与乙局局长李某某签署了《甲乙产业合作协议》;"
            "其余6份文件分别为《甲乙医疗卫生合作备忘录》《甲乙气象服务合作协议》。")
    assert actions(text) == {"甲乙产业合作协议": "signed", "甲乙医疗卫生合作备忘录": "signed", "甲乙气象服务合作协议": "signed"}
    # near miss: a listing clause with no counted batch before it stays a reference
    assert actions("会议听取了工作汇报。其余6份文件分别为《甲乙医疗卫生合作备忘录》。") == {"甲乙医疗卫生合作备忘录": "referenced"}
    # near miss: a batch signed in the past (去年签署了…) lends no action
    assert actions("去年签署了8份合作文件。其余6份文件分别为《甲乙气象服务合作协议》。") == {"甲乙气象服务合作协议": "referenced"}
