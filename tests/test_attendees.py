"""Attendees and roles: the shared texts, and fragments written in the genre's style.

Names in the fragments are invented (某 stands for a given-name character); what
is tested is the grammar around posts, never a list of people.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import gold_for, read_text, text_names

import regevents
from regevents.extract.people_names import plausible, read_name, repair
from regevents.extract.role_context import home_region
from regevents.t2s import to_simplified

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gold_scorer


def people(text: str, published: str | None = None) -> dict[str, regevents.Attendee]:
    return {a.name: a for a in regevents.parse(text, published=published).attendees}


def role_keys(att: regevents.Attendee) -> set[str]:
    return {gold_scorer.role_key(r.org, r.title) for r in att.roles}


# ------------------------------------------------------------------ shared texts


@pytest.mark.parametrize("name", text_names())
def test_shared_text_attendees_and_roles(name):
    gold = gold_for(name)
    found = people(read_text(name), gold.get("published_arg"))
    banned = {gold_scorer.norm_text(n) for n in gold.get("not_attendees", [])}
    assert not banned & {gold_scorer.norm_text(n) for n in found}, "a reporter or a cited person listed"
    allowed = {g["name"] for g in gold.get("attendees", [])}
    assert set(found) <= allowed, f"spurious attendees: {set(found) - allowed}"
    for g in gold.get("attendees", []):
        if not g.get("required", True):
            continue
        assert g["name"] in found, f"missed {g['name']}"
        want = {gold_scorer.role_key(None, r) for r in g["roles"]}
        ok = want | {gold_scorer.role_key(None, r) for r in g.get("optional_roles", [])}
        got = role_keys(found[g["name"]])
        assert want <= got, f"{g['name']}: missing roles {want - got}"
        assert got <= ok, f"{g['name']}: unexpected roles {got - ok}"


@pytest.mark.parametrize("name", text_names())
def test_evidence_points_at_the_name(name):
    text = read_text(name)
    for a in regevents.parse(text).attendees:
        assert a.evidence, a.name
        for sp in a.evidence:
            assert text[sp.start : sp.end] == sp.text
        first = a.evidence[0].text
        # the first span is the name as written (traditional script or damaged characters allowed)
        assert len(first) >= 2 and not any(ch in first for ch in ",。、"), (a.name, first)


def _gold_roles(name: str) -> dict[str, set[str]]:
    return {g["name"]: {gold_scorer.role_key(None, r) for r in g["roles"]} for g in gold_for(name)["attendees"]}


def test_damaged_name_repaired_and_damaged_mention_kept_as_evidence():
    name = "001_cc6c4b9cc009c9ed.txt"
    found = people(read_text(name))
    damaged = [p for p in found.values() if "??" in p.evidence[0].text]
    assert len(damaged) == 1  # the damaged mention itself comes first, for the validation layer
    p = damaged[0]
    assert "\ufffd" not in p.name and p.name in _gold_roles(name)
    assert any(to_simplified(sp.text) == p.name for sp in p.evidence[1:])  # where the repair came from
    assert role_keys(p) == _gold_roles(name)[p.name]


def test_outlet_home_region_fills_the_province_and_says_so():
    found = people(read_text("004_f3826c69192a0ce5.txt"))
    leader = next(p for p in found.values() if "率团" in p.actions)  # 省委副书记、省长X率团出席
    assert {(r.org, r.title) for r in leader.roles} == {("湖南省委", "副书记"), ("湖南省", "省长")}
    assert all(r.org_inferred for r in leader.roles)
    assert any(r.org == "湖南省政府" and r.title == "秘书长" and r.org_inferred for p in found.values() for r in p.roles)
    # written in full: not inferred
    assert any(r.org == "贵州省委" and not r.org_inferred for p in found.values() for r in p.roles)


def test_chair_comes_from_the_action_and_cited_leader_is_no_attendee():
    name = "003_522596ff6ab5f318.txt"
    a = regevents.parse(read_text(name))
    chair = next(p for p in a.attendees if p.id == a.primary().chair)
    assert chair.name == gold_for(name)["meetings"][0]["chair"] and "主持" in chair.actions
    # 002: "X总书记主持召开…座谈会后" is about another event: nobody of the not_attendees is listed
    banned = set(gold_for("002_3873d8454603a5b7.txt")["not_attendees"])
    assert not banned & set(people(read_text("002_3873d8454603a5b7.txt")))


def test_headline_run_split_with_body_names():
    name = "000_800a12ffd4e27745.txt"
    a = regevents.parse(read_text(name))
    headline_end = read_text(name).index("\n", read_text(name).index("講話"))
    by_name = {p.name: p for p in a.attendees}
    secretaries = [g["name"] for g in gold_for(name)["attendees"][:3]]  # 刘某许某某应某讲话
    for n in secretaries:
        assert any(sp.end <= headline_end for sp in by_name[n].evidence), n
        assert "讲话" in by_name[n].actions


def test_witnesses():
    name = "h09.txt"
    found = people(read_text(name))
    wanted = [g["name"] for g in gold_for(name)["attendees"]]
    assert set(wanted) <= set(found)
    assert all("见证" in found[n].actions for n in wanted)


# ------------------------------------------------------------------ genre fragments


def test_context_carried_along_a_list():
    found = people("3月5日,会议在上海召开。宝山区委副书记、区长张某某主持会议,区委常委、常务副区长李某介绍有关情况。")
    assert role_keys(found["张某某"]) == {"宝山区委副书记", "宝山区长"}
    assert role_keys(found["李某"]) == {"宝山区委常委", "宝山区常务副区长"}
    assert "主持" in found["张某某"].actions


def test_bare_title_after_a_previous_person_of_the_sentence():
    found = people("上海市委常委、市委秘书长尹某出席,副市长姜某主持会议。")
    assert role_keys(found["尹某"]) == {"上海市委常委", "上海市委秘书长"}
    assert role_keys(found["姜某"]) == {"上海市副市长"}


def test_city_paper_fills_the_city():
    text = "长沙晚报讯(记者 刘某)昨日,三市合作会议召开。市委书记吴某某出席并讲话,市委副书记、市长郑某主持。副市长陈某某,市政府秘书长林某参加。\n"
    found = people(text)
    assert role_keys(found["吴某某"]) == {"长沙市委书记"}
    assert role_keys(found["郑某"]) == {"长沙市委副书记", "长沙市长"}
    assert role_keys(found["林某"]) == {"长沙市政府秘书长"}
    assert all(r.org_inferred for p in found.values() for r in p.roles)
    assert "刘某" not in found  # the reporter


def test_without_a_home_region_the_partial_body_stays_partial():
    found = people("会议由省委常委、常务副省长黄某主持。")
    assert {(r.org, r.title) for r in found["黄某"].roles} == {("省委", "常委"), (None, "常务副省长")}


def test_government_post_after_party_committee_belongs_to_the_place():
    found = people("会前,他与广西壮族自治区党委副书记、主席蓝某某,贵州省委副书记、省长李某分别座谈。")
    assert role_keys(found["蓝某某"]) == {"广西党委副书记", "广西主席"}
    assert role_keys(found["李某"]) == {"贵州省委副书记", "贵州省长"}


def test_same_body_for_a_second_post():
    found = people("武汉市发改委党组成员、副主任张某某表示,将加强合作。")
    assert role_keys(found["张某某"]) == {"武汉市发展改革委党组成员", "武汉市发展改革委副主任"}


def test_posts_that_name_their_own_body():
    found = people("中共中央总书记、国家主席、中央军委主席习某某12日下午在南昌主持召开座谈会。")
    assert role_keys(found["习某某"]) == {"中央总书记", "国家主席", "中央军委主席"}


def test_unknown_body_between_roles():
    found = people("全国政协副主席、九三学社中央常务副主席邵某某出席。")
    assert {(r.org, r.title) for r in found["邵某某"].roles} == {("全国政协", "副主席"), ("九三学社中央", "常务副主席")}


def test_generic_post_shared_by_a_list_and_level_word():
    found = people("湖南日报讯 会议召开。省领导吴某某、秦某、周某某参加会见。\n")
    assert set(found) == {"吴某某", "秦某", "周某某"}
    assert all(role_keys(p) == {"湖南省领导"} for p in found.values())
    assert found["秦某"].actions == ["参加"]


def test_bare_name_list_before_attendance_verb():
    found = people("座谈会召开。李某某、何某、吴某某、穆某、姜某某出席座谈会。")
    assert list(found) == ["李某某", "何某", "吴某某", "穆某", "姜某某"]
    assert all(p.roles == [] and p.actions == ["出席"] for p in found.values())


def test_bare_names_without_attendance_verb_are_not_attendees():
    assert people("武汉、长沙、合肥、南昌及观察员城市共聚一堂。") == {}


def test_place_lists_are_not_name_lists():
    assert people("上海、江苏、浙江、安徽出席会议的代表。") == {}


def test_compound_surnames_and_witnesses():
    found = people("在湖南省省长欧阳某某和贵州省省长司马某某的见证下,两省签署协议。")
    assert set(found) == {"欧阳某某", "司马某某"}
    assert all("见证" in p.actions for p in found.values())


def test_four_character_name_before_a_weak_boundary():
    found = people("在香港行政长官林郑某某与广东省省长马某某等官员见证下,双方签署协议。")
    assert "林郑某某" in found and "马某某" in found


def test_reported_speech_and_citations_are_not_attendees():
    text = (
        "座谈会召开。江西省委书记刘某出席。刘某在会上表示,国家主席习某某在报告中明确指出要加强合作。"
        "会议学习贯彻习某某总书记重要讲话精神。"
    )
    assert set(people(text)) == {"刘某"}


def test_event_after_which_another_meeting_is_held():
    text = "此次会商会是3月省委书记王某某主持召开座谈会后,四市的首次会商。武汉市市长程某出席。"
    assert set(people(text)) == {"程某"}


def test_words_after_titles_are_not_names():
    text = (
        "国家发展改革委有关负责同志应邀出席会议。四省会城市的市长共同签署了协议。"
        "长沙城市长期以来对湖南支持很大。以香港特区行政长官和广东省省长身份主持会议。习某某总书记重要讲话。"
    )
    assert people(text) == {}


def test_leader_led_delegation_and_actions():
    found = people("湖南日报贵阳7月7日电 省委副书记、省长毛某某率团出席会议并发言。\n")
    assert found["毛某某"].actions == ["率团", "出席", "发言"]


def test_attributive_verb_is_not_the_persons_action():
    found = people("中共中央政治局委员、上海市委书记、市长韩某出席并致辞。韩某代表上海市委向参加会议的代表表示欢迎。")
    assert found["韩某"].actions == ["出席", "致辞"]


def test_damaged_name_in_a_list_is_repaired_from_a_later_mention():
    text = "李某某、何某、吴政\ufffd、穆某出席座谈会。吴政某说,要加强合作。"
    found = people(text)
    assert "吴政某" in found
    assert "\ufffd" in found["吴政某"].evidence[0].text


# ------------------------------------------------------------------ units


@pytest.mark.parametrize(
    "text,name",
    [
        ("王某林主持会议", "王某林"),
        ("姜某主持会议", "姜某"),
        ("李某在讲话中指出", "李某"),
        ("习某某12日下午", "习某某"),
        ("马某某等官员", "马某某"),
        ("欧阳某某和", "欧阳某某"),
        ("吴政\ufffd\ufffd;浙江", "吴政\ufffd\ufffd"),
    ],
)
def test_read_name(text, name):
    hit = read_name(text, 0)
    assert hit is not None and hit.text == name


@pytest.mark.parametrize("text", ["重要讲话精神", "应邀出席", "会议召开", "身份主持会议", ""])
def test_read_name_refuses(text):
    assert read_name(text, 0) is None


def test_plausible():
    assert plausible("王某林") and plausible("欧阳某某") and plausible("吴政\ufffd\ufffd")
    assert not plausible("重要") and not plausible("会议") and not plausible("王的")


def test_repair_prefers_a_known_name():
    assert repair("吴政\ufffd\ufffd", "……", ["吴政某", "李某"])[0] == "吴政某"
    assert repair("吴政\ufffd", "无从修复", [])[0] is None


def test_home_region():
    assert home_region("湖南日报").name == "湖南省"
    assert home_region("红网").name == "湖南省"
    assert home_region("长沙晚报").name == "长沙市"
    assert home_region("人民网") is None and home_region("文汇网") is None and home_region(None) is None


@pytest.mark.parametrize("junk", ["", " ", "省长", "省委书记", "、、、", "\ufffd" * 5, "书记" * 500, "省委副书记、" * 200 + "王"])
def test_never_raises(junk):
    regevents.parse(junk)


def test_chaired_by_and_list_after_an_introduction():
    found = people("会议由王某某主持。出席会议的还有李某、赵某某,以及湖北省副省长钱某。")
    assert found["王某某"].actions == ["主持"]
    assert found["李某"].actions == ["出席"] and found["赵某某"].roles == []
    assert role_keys(found["钱某"]) == {"湖北省副省长"}


def test_level_word_the_vocabulary_left_out_and_secretary_general():
    text = "浙江日报讯 浙江省委书记、省人大常委会主任袁某某,省委常委、秘书长陈某出席。省发展改革委主任孟某参加。\n"
    found = people(text)
    assert role_keys(found["袁某某"]) == {"浙江省委书记", "浙江省人大常委会主任"}
    assert role_keys(found["陈某"]) == {"浙江省委常委", "浙江省委秘书长"}  # 秘书长 stays with the committee
    assert role_keys(found["孟某"]) == {"浙江省发展改革委主任"}


def test_place_and_unknown_body():
    found = people("香港特区政府政务司司长陈某某出席。深圳市前海管理局局长张某参加。长沙城市长期以来支持合作。")
    assert role_keys(found["张某"]) == {"深圳市前海管理局局长"}
    assert set(found) == {"陈某某", "张某"}


def test_former_post_is_history():
    found = people("2004年,时任广东省委书记张某某倡议建立合作机制。广东省省长王某出席会议。")
    assert set(found) == {"王某"}


def test_department_of_the_committee():
    found = people("湖南日报讯 省委常委、宣传部部长杨某某出席。\n")
    assert role_keys(found["杨某某"]) == {"湖南省委常委", "湖南省委宣传部部长"}


def test_transliterated_names_with_a_middle_dot():
    found = people("新疆维吾尔自治区党委副书记、自治区主席艾某某·某某某出席会议并讲话。自治区副主席玉某·某某·某某出席。")
    assert set(found) == {"艾某某·某某某", "玉某·某某·某某"}
    assert role_keys(found["艾某某·某某某"]) == {"新疆党委副书记", "新疆主席"}
    assert found["艾某某·某某某"].actions == ["出席", "讲话"]


def test_surname_and_post_stand_for_the_attendee():
    text = "广东省省长马某某、湖南省省长毛某某出席会议。会议由马省长主持。王书记处理公务。"
    a = regevents.parse(text)
    by_name = {p.name: p for p in a.attendees}
    assert "主持" in by_name["马某某"].actions and "主持" not in by_name["毛某某"].actions
    assert any(sp.text == "马省长" for sp in by_name["马某某"].evidence)


# ------------------------------------------------------------------ held-out causes (fixtures/heldout/ANALYSIS.md)


def test_rare_and_regional_surnames_after_a_post():
    text = (
        "国家发展改革委副主任丛某某出席会议并讲话。内蒙古自治区党委副书记、自治区主席布某某分别出席。"
        "辽宁省委副书记、省长朴某某出席。长沙市委书记官某某参加。"
    )
    found = people(text)
    assert set(found) == {"丛某某", "布某某", "朴某某", "官某某"}
    assert role_keys(found["丛某某"]) == {"国家发展改革委副主任"}
    assert role_keys(found["布某某"]) == {"内蒙古党委副书记", "内蒙古主席"}


def test_words_after_a_post_that_begin_with_a_new_surname_character_are_not_names():
    text = "副主任布置了下一步工作。省委书记呼吁各方加强合作。省长初步同意方案。市长官员共同出席。各市市长位于前排。"
    assert people(text) == {}


def test_unknown_first_character_in_a_post_chain_slot():
    # the slot after a post with its body says a name stands there, even when the surname table lacks its first
    # character (热 is not in it: it begins 热情, 热烈)
    found = people("国家发展改革委副主任热某出席并致辞。自治区副主席其其格出席会议。")
    assert set(found) == {"热某", "其其格"}
    assert role_keys(found["热某"]) == {"国家发展改革委副主任"}
    assert found["热某"].actions == ["出席", "致辞"]


@pytest.mark.parametrize(
    "text",
    [
        "书记首先致辞。",
        "副主任刚刚出席。",
        "副市长线上出席。",
        "国家发展改革委副主任当天出席活动。",
        "省委书记亲自主持召开专题会议。",
        "市委书记多次强调要加强合作。",
        "市委书记挂帅,市长牵头。",
        "主席团成员出席会议。",
        "省长办公会议审议了方案。",
        "湖南省副省长率团出席。",
        "省长信箱开通。",
        "省委书记本人出席。",
    ],
)
def test_no_name_in_the_post_slot(text):
    assert people(text) == {}


def test_role_chain_with_a_body_the_vocabulary_lacks_keeps_its_known_part():
    text = "中共中央政治局常委、国务院副总理、某某经济带发展领导小组组长韩某主持会议并讲话。"
    found = people(text)
    assert role_keys(found["韩某"]) == {"中央政治局常委", "国务院副总理", "某某经济带发展领导小组组长"}
    assert found["韩某"].actions == ["主持", "讲话"]


def test_universities_academies_and_academicians():
    text = (
        "中国科学院院士、某某大学校长金某作了题为“共建创新共同体”的主旨演讲。"
        "某某大学党委书记胡某某出席论坛。中国社会科学院院长高某出席并致辞。"
    )
    found = people(text)
    assert role_keys(found["金某"]) == {"中国科学院院士", "某某大学校长"}
    assert role_keys(found["胡某某"]) == {"某某大学党委书记"}
    assert role_keys(found["高某"]) == {"中国社会科学院院长"}


def test_institution_body_fills_its_clause_and_fits_its_title():
    # 会议邀请某某大学 is a clause, not a body; a university has no 组长 and a 领导小组 no 校长
    assert people("会议邀请某某大学校长金某作报告。两院院士出席论坛。") == {}
    assert people("某某大学组长李某出席。某某领导小组校长王某出席。") == {}


def test_delegation_and_as_member_end_the_name():
    text = (
        "广东省副省长许某某率广东省代表团出席,海南省副省长沈某率海南省政府代表团出席。"
        "澳门特别行政区行政长官崔某某作为领导小组成员首次出席会议并发言。"
    )
    found = people(text)
    assert set(found) == {"许某某", "沈某", "崔某某"}
    assert role_keys(found["许某某"]) == {"广东省副省长"}
    assert role_keys(found["崔某某"]) == {"澳门行政长官"}


def test_four_character_reading_needs_a_free_fourth_character():
    assert read_name("崔某某作为领导小组成员出席", 0).text == "崔某某"
    assert read_name("林郑某某出席会议", 0).text == "林郑某某"  # two surnames: a married name
    assert read_name("信箱开通。", 0) is None


def test_given_name_characters_that_are_also_function_words():
    found = people("河北省人大常委会副主任王会某讲话。天津市委副书记田向某出席。")
    assert role_keys(found["王会某"]) == {"河北省人大常委会副主任"}
    assert "田向某" in found
    assert read_name("王某会同有关部门", 0).text == "王某"
    assert read_name("李某向与会代表介绍", 0).text == "李某"


def test_a_member_that_does_not_read_as_a_name_is_skipped_not_the_end():
    found = people("四川省领导施某某、的某、于某某出席。")
    assert set(found) == {"施某某", "于某某"}
    assert all(role_keys(p) == {"四川省领导"} for p in found.values())
    found = people("会议召开。出席会议的还有李某、的某、赵某某。")
    assert set(found) == {"李某", "赵某某"}


def test_a_place_member_still_ends_the_list():
    found = people("四川省领导施某某、重庆、成都等地代表出席。")
    assert set(found) == {"施某某"}


def test_city_paper_with_a_historical_masthead():
    assert home_region("闽西日报").name == "龙岩市"
    assert home_region("右江日报").name == "百色市"
    assert home_region("三峡日报").name == "宜昌市"
    assert home_region("江城日报").name == "吉林市"  # not the province of the same short name
    text = "闽西日报讯(记者 陈某)25日,协作会议在龙岩召开。市委书记李某某出席并致辞,市委副书记、市长王某某主持会议。\n"
    found = people(text)
    assert role_keys(found["李某某"]) == {"龙岩市委书记"}
    assert role_keys(found["王某某"]) == {"龙岩市委副书记", "龙岩市长"}


def test_every_outlet_region_is_a_division():
    from regevents.extract.role_context import outlet_regions
    from regevents.gazetteer import places

    bad = {o: r for o, r in outlet_regions().items() if r and places().lookup(r) is None}
    assert not bad


def test_own_city_named_by_the_paper():
    text = (
        "某某十三市协作会第二十四次会议在我市召开\n"
        "本报讯 25日,某某十三市协作会第二十四次会议在龙岩召开。市委书记李某某出席并致辞。\n"
    )
    found = people(text)
    assert role_keys(found["李某某"]) == {"龙岩市委书记"}
    assert all(r.org_inferred for r in found["李某某"].roles)
    # without 在我市, a bare 市委书记 stays partial
    found = people("本报讯 25日,协作会议在龙岩召开。市委书记李某某出席并致辞。\n")
    assert {(r.org, r.title) for r in found["李某某"].roles} == {("市委", "书记")}


def test_bodies_keep_their_printed_wording():
    found = people("国务院港澳事务办公室主任张某某,国家发改委副主任林某某出席会议并发言。")
    assert {(r.org, r.title) for r in found["张某某"].roles} == {("国务院港澳事务办公室", "主任")}
    assert {(r.org, r.title) for r in found["林某某"].roles} == {("国家发改委", "副主任")}


def test_government_post_after_party_post_takes_the_printed_place():
    found = people("黔西南州委副书记、州长杨某某,文山州委副书记、州政府秘书长李某出席开幕式并致辞。")
    assert {(r.org, r.title) for r in found["杨某某"].roles} == {("黔西南州委", "副书记"), ("黔西南州", "州长")}
    assert {(r.org, r.title) for r in found["李某"].roles} == {("文山州委", "副书记"), ("文山州政府", "秘书长")}
    found = people("江西省委副书记、省长易某某出席。")
    assert role_keys(found["易某某"]) == {"江西省委副书记", "江西省长"}


def test_split_place_keeps_the_level_word_with_the_place():
    from regevents.extract.role_context import split_place

    place, written, rest = split_place("黔西南州委")
    assert (place.name, written, rest) == ("黔西南布依族苗族自治州", "黔西南州", "委")
    place, written, rest = split_place("中共江西省委")
    assert (place.name, written, rest) == ("江西省", "江西省", "委")
    # county short names that begin body words (公安县 / 公安局, 新华区 / 新华社) do not make a place
    assert split_place("公安局") == (None, "", "公安局")
    assert split_place("新华社")[0] is None
    assert split_place("公安县委")[0].name == "公安县"
    assert split_place("香港特区政府")[0].name == "香港特别行政区"


def test_body_word_that_begins_like_a_county():
    found = people("重庆市副市长、市公安局局长段某某出席。")
    assert role_keys(found["段某某"]) == {"重庆市副市长", "重庆市公安局局长"}


def test_last_member_joined_by_and():
    found = people("四川省领导施某某、田某某和于某某出席。省领导王某和有关部门负责同志参加。")
    assert set(found) == {"施某某", "田某某", "于某某", "王某"}
    assert role_keys(found["于某某"]) == {"四川省领导"}


def test_department_of_a_central_body_and_bodies_owned_by_a_place():
    text = (
        "国家发展改革委地区振兴司司长周某某出席会议。水利部某某水利委员会主任汪某某出席。"
        "中国人民银行某某分行行长张某出席。广州南沙开发区管委会主任蔡某出席。"
        "某某建设领导小组办公室主任刘某出席。某某集团董事长缪某某出席。"
    )
    found = people(text)
    assert {(r.org, r.title) for r in found["周某某"].roles} == {("国家发展改革委地区振兴司", "司长")}
    assert role_keys(found["汪某某"]) == {"水利部某某水利委员会主任"}
    assert role_keys(found["张某"]) == {"中国人民银行某某分行行长"}
    assert role_keys(found["蔡某"]) == {"广州南沙开发区管委会主任"}
    assert role_keys(found["刘某"]) == {"某某建设领导小组办公室主任"}
    assert role_keys(found["缪某某"]) == {"某某集团董事长"}


@pytest.mark.parametrize(
    "text",
    [
        "中国人民银行某某分行行长助理出席。",
        "国家发展改革委地区振兴司司长办公会议召开。",
        "长沙市建设国际物流中心主任务是降低成本。",
        "会议由国家发展改革委地区振兴司主持。",
        "国务院办公厅秘书局局长级官员出席。",
    ],
)
def test_no_person_after_an_unknown_body(text):
    assert people(text) == {}


# ------------------------------------------------------------------ names that are also places, 之, brackets


def test_a_name_that_is_also_a_place_in_the_post_slot():
    # in the slot after a chain of specific posts, ended by a strong boundary, a name wins over a place reading
    found = people("北京市政协党组书记、主席常德出席会议并讲话。芜湖市委书记江山,马鞍山市委书记袁某出席。")
    assert role_keys(found["常德"]) == {"北京市政协党组书记", "北京市政协主席"}
    assert role_keys(found["江山"]) == {"芜湖市委书记"}
    assert role_keys(found["袁某"]) == {"马鞍山市委书记"}
    found = people("会议召开。芜湖市委书记江山、马鞍山市委书记袁某出席。")  # the next role is not a list of places
    assert set(found) == {"江山", "袁某"}


@pytest.mark.parametrize(
    "text",
    [
        "会议期间代表们赴常德、江山考察。",
        "会议召开。市委书记江山、常德两市代表出席。",  # a list of places after the post
        "省领导常德出席。",  # a generic post does not make the slot strong enough
    ],
)
def test_a_place_is_still_a_place_outside_the_post_slot(text):
    assert not {"常德", "江山"} & set(people(text))


def test_zhi_in_a_given_name():
    found = people("2月24日,某某都市圈党政联席会议在南京召开。南京市委书记韩某主持,市委副书记、市长陈之某通报情况。")
    assert role_keys(found["陈之某"]) == {"南京市委副书记", "南京市长"}
    assert plausible("陈之某")
    # 之 still never opens or fills a name read without a surname in the post slot (副主任之后)
    assert people("国家发展改革委副主任之后出席会议。") == {}


def test_person_right_after_a_bracketed_dateline():
    found = people("【本报消息】行政长官贺某某率澳门特区政府代表团昨日抵达福州。")
    assert role_keys(found["贺某某"]) == {"澳门行政长官"}
    assert people("【专题】行政长官选举委员会召开会议。") == {}


# ------------------------------------------------------------------ SAR posts and their context


def test_sar_bureaus_and_secretaries_are_whole_titles():
    found = people("會議召開。財經事務及庫務局局長許某某、創新科技及工業局局長孫某出席。")
    assert role_keys(found["许某某"]) == {"财经事务及库务局局长"}
    assert role_keys(found["孙某"]) == {"创新科技及工业局局长"}
    found = people("會議召開。社會文化司司長歐陽某出席。行政長官辦公室主任吳某某出席。")
    assert role_keys(found["欧阳某"]) == {"社会文化司司长"}
    assert role_keys(found["吴某某"]) == {"行政长官办公室主任"}  # not 行政长官 + 办公室主任


@pytest.mark.parametrize(
    "text,name",
    [
        ("會議召開。經濟財政司司長李某某、經濟及科技發展局局長戴某某等陪同會見。", "经济"),
        ("省领导王某某、林业及草原管理局局长出席。", "林业"),  # a body the vocabulary lacks
        ("市长王某某、林业及草原管理局局长出席。", "林业"),
    ],
)
def test_a_body_name_in_a_list_is_not_a_person(text, name):
    found = people(text)
    assert name not in found
    assert "王某某" in found or "李某某" in found


def test_sar_government_of_the_sentence_owns_the_bare_sar_posts():
    text = "香港特區政府出席會議的官員包括政務司司長陳某某、財政司司長陳某、創新科技及工業局局長孫某。"
    found = people(text)
    assert role_keys(found["陈某某"]) == {"香港政府政务司司长"}
    assert role_keys(found["陈某"]) == {"香港政府财政司司长"}
    assert role_keys(found["孙某"]) == {"香港政府创新科技及工业局局长"}
    # the SAR of the previous post of the sentence carries on along a list
    found = people("澳门特区政府经济财政司司长李某某、社会文化司司长欧阳某出席。")
    assert role_keys(found["李某某"]) == {"澳门政府经济财政司司长"}
    assert role_keys(found["欧阳某"]) == {"澳门政府社会文化司司长"}
    # 特区政府 without its region takes the region too
    found = people("香港特区政府代表团抵京。特区政府政务司司长陈某某、保安局局长邓某某出席。")
    assert role_keys(found["陈某某"]) == {"香港政府政务司司长"}
    assert role_keys(found["邓某某"]) == {"香港政府保安局局长"}


def test_the_only_sar_of_the_article_or_the_outlet_owns_bare_sar_posts():
    found = people("特首李某某今日在香港主持会议。")
    assert role_keys(found["李某某"]) == {"香港特首"}
    assert home_region("星岛日报").name == "香港特别行政区"  # a SAR paper whose masthead names no place
    found = people("澳门日报消息 行政长官岑某某昨日会见。运输工务司司长罗某某、立法会主席高某某陪同。")
    assert role_keys(found["岑某某"]) == {"澳门行政长官"}
    assert role_keys(found["罗某某"]) == {"澳门运输工务司司长"}
    assert role_keys(found["高某某"]) == {"澳门立法会主席"}


@pytest.mark.parametrize(
    "text,name,keys",
    [
        ("香港、澳门两地代表出席。特首李某某致辞。", "李某某", {"特首"}),  # two SARs named: none is guessed
        ("福建省委书记周某某、行政长官贺某某出席。", "贺某某", {"行政长官"}),  # never a mainland place
        ("会议召开。社会文化司司长欧阳某出席。", "欧阳某", {"社会文化司司长"}),
    ],
)
def test_sar_posts_without_a_sar_in_context_stay_bare(text, name, keys):
    assert role_keys(people(text)[name]) == keys


# ------------------------------------------------------------------ bodies, places, shared posts, home side


def test_zone_owns_its_managing_body():
    found = people("近日,示范区理事会全体会议在嘉善召开。示范区执委会主任马某某汇报了示范区建设情况。")
    assert role_keys(found["马某某"]) == {"示范区执委会主任"}
    found = people("会议在珠海召开。横琴粤澳深度合作区执委会主任李某某出席会议。两江新区管委会主任王某出席。")
    assert role_keys(found["李某某"]) == {"横琴粤澳深度合作区执委会主任"}
    assert role_keys(found["王某"]) == {"两江新区管委会主任"}
    assert people("会议听取了示范区执委会主任工作汇报。") == {}


def test_district_printed_after_its_city_keeps_the_city():
    found = people("会议召开。常州市金坛区委书记杨某出席。重庆市潼南区委书记张某出席。")
    assert role_keys(found["杨某"]) == {"常州市金坛区委书记"}
    assert role_keys(found["张某"]) == {"重庆市潼南区委书记"}
    found = people("会议召开。常州市金坛区委副书记、区长王某出席。常州市委常委、溧阳市委书记徐某某出席。")
    assert role_keys(found["王某"]) == {"常州市金坛区委副书记", "常州市金坛区长"}
    assert role_keys(found["徐某某"]) == {"常州市委常委", "溧阳市委书记"}  # 、 separates two posts
    from regevents.extract.role_context import split_place

    place, written, rest = split_place("常州市金坛区委")
    assert (place.name, written, rest) == ("金坛区", "常州市金坛区", "委")  # the district is the place
    assert split_place("江苏省委")[0].name == "江苏省"


def test_a_post_several_people_hold_is_shared_by_the_list_after_it():
    found = people("北京市政协副主席王某,河北省政协副主席苏某某、段某某,秘书长葛某某参加会议。")
    assert role_keys(found["段某某"]) == {"河北省政协副主席"}
    assert role_keys(found["葛某某"]) == {"河北省政协秘书长"}
    found = people("会议召开。江西省委常委、副省长王某某、李某某出席。")
    assert role_keys(found["李某某"]) == {"江西省副省长"}  # the last post only, not 省委常委
    # the list shares the head's history too
    found = people("2004年,时任浙江省政协副主席王某某、李某某倡议建立合作机制。会议召开。副省长张某某出席。")
    assert set(found) == {"张某某"}
    # a post one person heads is not shared: the others are only listed
    found = people("会议召开。江苏省委书记娄某某、吴某某出席。")
    assert role_keys(found["吴某某"]) == set()


def test_home_paper_writes_its_own_leaders_without_the_province():
    head = "2021-04-28 来源:陕西日报\n\n本报讯 昨天上午,苏陕座谈会在西安召开。"
    found = people(head + "省委书记刘某某、江苏省委书记娄某某讲话,省委副书记、省长赵某某主持,江苏省委副书记、省长吴某某出席。")
    assert role_keys(found["赵某某"]) == {"陕西省委副书记", "陕西省长"}
    assert role_keys(found["吴某某"]) == {"江苏省委副书记", "江苏省长"}
    found = people(head + "江苏省委书记娄某某讲话,省委副书记、省长赵某某主持。")  # the meeting is at home
    assert role_keys(found["赵某某"]) == {"陕西省委副书记", "陕西省长"}
    found = people(head + "江苏省领导惠某某、郭某某,省领导王某、方某某参加上述活动。")
    assert role_keys(found["郭某某"]) == {"江苏省领导"}
    assert role_keys(found["王某"]) == role_keys(found["方某某"]) == {"陕西省领导"}


@pytest.mark.parametrize(
    "text",
    [
        # one side only: the guest's list goes on without a predicate of its own
        "陕西日报讯 江苏省委书记娄某某,省委副书记、省长吴某某率江苏省党政代表团来陕考察。",
        "陕西日报讯 江苏省委书记娄某某、省长吴某某会见代表团,江苏省委常委王某参加。",
        # no meeting at home, no home leader in the sentence
        "陕西日报讯 江苏省委书记娄某某讲话,省委副书记、省长吴某某主持。",
    ],
)
def test_guest_context_stands_when_the_sentence_shows_one_side(text):
    assert "江苏省长" in role_keys(people(text)["吴某某"])


def test_post_after_a_departments_party_committee_belongs_to_the_department():
    a = regevents.parse("9月5日,三省公安厅联席会议在昆明召开。某省公安厅党委委员、副厅长王某某,某省公安厅党委副书记、常务副厅长李某某出席会议。".replace("某省", "四川省"))
    roles = {p.name: [(r.org, r.title) for r in p.roles] for p in a.attendees}
    assert roles["王某某"] == [("四川省公安厅党委", "委员"), ("四川省公安厅", "副厅长")]
    assert roles["李某某"] == [("四川省公安厅党委", "副书记"), ("四川省公安厅", "常务副厅长")]


def test_welcome_speech_and_liaison_office():
    a = regevents.parse("9月5日,三省公安厅联席会议在昆明召开。昭通市委常委、市公安局局长王某某致欢迎辞。中央政府驻澳门联络办公室副主任李某某出席。")
    roles = {p.name: [(r.org, r.title) for r in p.roles] for p in a.attendees}
    assert roles["王某某"] == [("昭通市委", "常委"), ("昭通市公安局", "局长")]
    assert roles["李某某"] == [("中央政府驻澳门联络办公室", "副主任")]


def test_office_of_a_cooperation_mechanism():
    a = regevents.parse("5月8日,联席会议在松江召开。上海市松江区委书记、长三角G60科创走廊联席会议办公室主任程某某主持会议。")
    roles = {p.name: [(r.org, r.title) for r in p.roles] for p in a.attendees}
    assert roles["程某某"] == [("上海市松江区委", "书记"), ("长三角G60科创走廊联席会议办公室", "主任")]


def test_takes_sar_says_when_resolve_role_reads_its_sar_argument():
    """_resolve_mentions scans for a SAR context only for posts takes_sar() names: for every other
    post resolve_role must give the same role and context with or without one."""
    from regevents.extract.role_context import OrgContext, RoleHit, SarContext, resolve_role, split_place, takes_sar
    from regevents.gazetteer import places, posts

    hk = places().lookup("香港")
    sar = SarContext(hk, "香港特区政府", False)
    home = places().lookup("湖南省")
    orgs_ = [None, "", "省委", "市政府", "政务司", "特区政府政务司", "国务院", "江苏省委", "香港特区政府", "发改委", "宣传部"]
    prevs = [None, OrgContext(home, "湖南省委", "委", written="湖南省"), OrgContext(split_place("江苏省委")[0], "江苏省委", "委")]
    for title in [p.title for p in posts()]:
        for org in orgs_:
            hit = RoleHit(0, 1, org, title)
            if takes_sar(hit):
                continue
            for prev in prevs:
                assert resolve_role(hit, prev, home, sar) == resolve_role(hit, prev, home, None)


# ------------------------------------------------------------------ heldout5 genre forms


def test_posts_in_brackets_after_the_name_and_the_chair():
    art = regevents.parse(
        "5月10日，湘赣合作交流会在长沙召开。会议由王某某（湖南省副省长）主持，"
        "李某某（江西省副省长）介绍了有关情况。"
    )
    found = {a.name: a for a in art.attendees}
    assert role_keys(found["王某某"]) == {"湖南省副省长"}
    assert role_keys(found["李某某"]) == {"江西省副省长"}
    assert art.meetings and art.meetings[0].chair == found["王某某"].id


def test_posts_in_brackets_in_an_introduced_list():
    found = people("会议在长春召开。出席会议的还有：赵某（吉林省副省长）、欧阳某某（黑龙江省副省长）。")
    assert role_keys(found["赵某"]) == {"吉林省副省长"}
    assert role_keys(found["欧阳某某"]) == {"黑龙江省副省长"}


@pytest.mark.parametrize("text", [
    "会议由湖南省（副省长）主持。",
    "双方代表（湖南省副省长）出席会议。",
    "会议议程（省长办公会）已确定。",
])
def test_brackets_after_what_is_no_name(text):
    assert people(text) == {}


@pytest.mark.parametrize("text, name, key", [
    ("孟村回族自治县委书记王某某出席会议。", "王某某", "孟村回族自治县委书记"),
    ("迪庆藏族自治州委副书记、州长李某出席会议。", "李某", "迪庆藏族自治州委副书记"),
    ("峰会由恩施州副州长赵某某主持。", "赵某某", "恩施州副州长"),
])
def test_autonomous_units_printed_in_full_or_short(text, name, key):
    assert key in role_keys(people(text)[name])


def test_a_bureau_the_vocabulary_lacks_after_a_sar_official():
    found = people("香港特区政府财政司副司长王某某、发展局局长李某某等出席会议。")
    assert role_keys(found["李某某"]) == {gold_scorer.role_key("香港特区政府发展局", "局长")}
    # after a mainland official the same kind of body is not the SAR's
    found = people("长沙市委书记王某某、投资促进局局长李某某出席会议。")
    assert all("香港" not in k for k in role_keys(found["李某某"]))


def test_academic_speaker_after_an_academy_post():
    found = people("中国科学院院士、某某大学教授王某某出席并作主旨演讲。")
    assert role_keys(found["王某某"]) == {"中国科学院院士", "某某大学教授"}


def test_lost_character_written_as_a_question_mark_is_repaired_from_another_mention():
    text = (
        "12月8日，协作区市长会议在芜湖召开。会议由芜湖市委副书记、市长张?某主持，市委书记刘某某致欢迎辞。"
        "张小某在主持会议时指出，要加强工作对接。"
    )
    art = regevents.parse(text)
    found = {a.name: a for a in art.attendees}
    assert "张小某" in found and not any("?" in n or "\ufffd" in n for n in found)
    assert role_keys(found["张小某"]) == {"芜湖市委副书记", "芜湖市长"}
    assert role_keys(found["刘某某"]) == {"芜湖市委书记"}  # the city of the previous person, across the '?'
    assert art.meetings[0].chair == found["张小某"].id
    for sp in found["张小某"].evidence:
        assert text[sp.start : sp.end] == sp.text


def test_question_mark_with_no_full_mention_makes_no_attendee():
    assert people("会议由芜湖市委副书记、市长张?某主持。") == {}
    assert people("补贴发放多少?吉林省副省长王某某作了回答。").keys() == {"王某某"}


# ------------------------------------------------------------------ heldout6 genre forms


def test_sar_bodies_alone_follow_the_articles_printed_government_form():
    # one post printed 特区政府<body>: the bodies written alone are that government's
    found = people(
        "16日,川港高层合作会议在成都举行,由特区政府政务司司长甲某某与四川省省长乙某某共同主持。"
        "香港代表团成员包括财政司副司长丙某某、发展局局长丁某某等。"
    )
    assert {r.org for r in found["丙某某"].roles} == {"香港特区政府财政司"}
    # only 特区政府代表团: the bodies are the region's
    found = people("澳门特别行政区行政长官甲某某率特区政府代表团抵达福州。经济财政司司长丙某某、社会文化司司长丁某某随行。")
    assert {r.org for r in found["丙某某"].roles} == {"澳门特别行政区经济财政司"}


def test_dai_surname_and_the_list_after_it():
    found = people("会议在昆明召开。出席会议的还有云南省领导刀建某、李春某。")
    assert {"刀建某", "李春某"} <= set(found)


def test_bare_level_word_after_the_intro_of_a_list():
    found = people("22日,甲乙联席会议在贵阳召开。出席会议的还有省领导杨某、石某,广东省政府秘书长甘某某。")
    assert {"杨某", "石某", "甘某某"} <= set(found)


def test_a_city_outlets_bare_province_body_is_its_provinces():
    found = people("闽东日报讯(记者 林某)9日,甲乙协同发展区第五次党政联席会议在我市召开。省发展改革委副主任邱某某到会指导。")
    assert role_keys(found["邱某某"]) == {"福建省发展改革委副主任"}


def test_a_provincial_ocean_and_fisheries_bureau_is_a_body():
    """省海洋与渔业局: 与 inside a department's name (the vocabulary holds it; 与 elsewhere is no body)."""
    text = "11月9日,合作论坛在宁德举行。福建省海洋与渔业局局长王某某致辞。"
    got = {a.name: [(r.org, r.title) for r in a.roles] for a in regevents.parse(text).attendees}
    assert got == {"王某某": [("福建省海洋与渔业局", "局长")]}


def test_a_zone_owns_the_working_committee_written_after_it():
    """某某综合实验区 + 党工委书记: a title that opens with its body takes the zone before it as owner."""
    text = "11月9日,联席会议在宁德召开。某某综合实验区党工委书记李某某出席会议。"
    got = {a.name: [(r.org, r.title) for r in a.roles] for a in regevents.parse(text).attendees}
    assert got == {"李某某": [("某某综合实验区", "党工委书记")]}


def test_a_legislative_councillor_belongs_to_the_region_not_the_government():
    """立法会 is a SAR council outside the government: 香港特区 + 立法会 even after 特区政府 officials."""
    text = (
        "11月16日,合作会议在成都举行,由特区政府政务司司长甲某某主持。香港代表团成员包括财政司副司长黄某伦,"
        "以及立法会议员陈李某华等。"
    )
    got = {a.name: [(r.org, r.title) for r in a.roles] for a in regevents.parse(text).attendees}
    assert got["黄某伦"] == [("香港特区政府财政司", "副司长")]
    assert got["陈李某华"] == [("香港特区立法会", "议员")]


def test_a_padded_two_character_name_after_a_post():
    """Typesetters pad a two-character name with a space (主任杨 某,): the name is read without it."""
    text = "8月25日,联席会议在重庆召开。重庆市发展改革委主任晁某某,贵州省发展改革委主任杨 某,有关负责同志参加会议。"
    found = people(text)
    assert role_keys(found["杨某"]) == {"贵州省发展改革委主任"}
    # a space between a name and an ordinary word makes no padded name
    assert "杨某" not in people("8月25日,联席会议在重庆召开。重庆市发展改革委主任杨某某出席。杨 某些项目已开工。")


def test_surnames_that_are_also_function_characters_open_a_name():
    """区 and 那 are surnames too (区某某, 那某某); the words they open (区长, 那些) stay words."""
    text = (
        "8月17日,联席会议在广州召开。澳门特区政府经济财政司司长区某某、行政法务司司长高某某出席会议。"
        "吉林省领导那某某、欧阳某某参加会议。"
    )
    found = people(text)
    assert {"区某某", "高某某", "那某某", "欧阳某某"} <= set(found)
    assert role_keys(found["那某某"]) == {"吉林省领导"}
    found = people("8月17日,联席会议在广州召开。杭州市副市长王某某、区长李某某出席会议。")
    assert "区长李" not in found and {"王某某", "李某某"} <= set(found)


def test_a_sar_official_after_the_joining_word_of_a_signing():
    """厅长甲与澳门特区政府某某委员会主席乙签署了《…》: the second post starts after 与, and 签署 ends a name."""
    text = (
        "8月17日,联席会议在广州召开。会议期间,省科技厅厅长孟某某与澳门特区政府科学技术发展基金行政委员会主席冯某某"
        "签署了《某某合作安排》,省商务厅厅长伍某某与澳门特区政府经济及科技发展局局长戴某某签署了《某某合作协议》。"
    )
    got = {a.name: [(r.org, r.title) for r in a.roles] for a in regevents.parse(text).attendees}
    assert got["冯某某"] == [("澳门特区政府科学技术发展基金行政委员会", "主席")]
    assert got["戴某某"] == [("澳门特区政府经济及科技发展局", "局长")]
    assert "签署" in people(text)["冯某某"].actions


def test_an_autonomous_prefectures_bare_posts_and_a_front_command():
    """州党委副书记 after the prefecture's full name takes it; 某某前方指挥部总指挥 is a post; the tail
    of a dotted name is no list member of its own."""
    text = (
        "9月21日,联席会议在伊宁市召开。伊犁哈萨克自治州党委书记郑某某出席会议并讲话,州党委副书记、州长努某·某布某克介绍情况。"
        "江苏省对口支援新疆伊犁州前方指挥部总指挥、州党委副书记张某某主持会议。伊犁州领导热某·买某提、阿某·别某、黄某某参加会议。"
    )
    found = people(text)
    assert role_keys(found["努某·某布某克"]) == {"伊犁哈萨克自治州党委副书记", "伊犁哈萨克自治州州长"}
    assert "江苏省对口支援新疆伊犁州前方指挥部总指挥" in role_keys(found["张某某"])
    assert {"热某·买某提", "阿某·别某", "黄某某"} <= set(found)
    assert "买某提" not in found and "别某" not in found


def test_our_provinces_leaders_are_the_outlets():
    """我省领导甲、乙 after the other province's leaders: the paper's own province."""
    text = "本报济南6月30日电 29日下午,联席会议在济南召开。山东省领导孔某某、逄某某,我省领导马某某、冶某某参加会议。"
    found = people(text)
    assert {"马某某", "冶某某"} <= set(found)
    # a level word before a body with its own level is no place (衢\n州市委: a name cut by a line break)
    assert "州市委副书记" not in {k for a in people("会议召开。\n州市委副书记、市长王某某主持会议。").values() for k in role_keys(a)}


def test_a_zones_managing_body_written_alone_after_its_working_committee():
    """某某新区党工委书记、管委会主任: the 管委会 is the zone's; after a province's committee it is not."""
    text = "1月10日,座谈会在雄安新区召开。河北省委常委、雄安新区党工委书记、管委会主任王某某汇报了建设情况。"
    assert role_keys(people(text)["王某某"]) == {"河北省委常委", "雄安新区党工委书记", "雄安新区管委会主任"}
    text = "1月10日,座谈会在石家庄召开。河北省委常委、管委会主任王某某出席。"
    assert "河北省委管委会主任" not in role_keys(people(text)["王某某"])


def test_a_sole_post_written_again_without_its_place_is_the_outlets():
    """扬州市委书记甲,市委书记乙 in a 镇江 paper: one city has one 市委书记, so the bare one is the home city's;
    a post several people hold (副市长) stays the previous place's."""
    text = "来源:镇江日报\n本报讯 4日下午,某某一体化发展联席会议在我市召开。南京市委书记单某某,扬州市委书记阚某某,市委书记马某某出席会议并讲话。"
    assert role_keys(people(text)["马某某"]) == {"镇江市委书记"}
    text = "来源:金山网\n4日下午,联席会议在扬州召开。扬州市副市长王某某,副市长李某某出席会议。"
    assert role_keys(people(text)["李某某"]) == {"扬州市副市长"}


def test_a_post_chain_written_again_without_its_place_is_the_outlets():
    """中山市委副书记、市长甲,市委副书记、市长乙 in a 江门 paper: the chain repeats post for post and 市长 is one
    person's, so the bare chain is the home city's; a chain of shared posts stays the previous place's."""
    text = (
        "来源:江门日报\n昨天下午,中山江门两市同城化发展工作联席会议在我市召开。中山市委书记王某某,市委书记李某某出席会议。"
        "中山市委副书记、市长张某某,市委副书记、市长刘某某分别通报工作情况。"
    )
    assert role_keys(people(text)["刘某某"]) == {"江门市委副书记", "江门市长"}
    text = "来源:江门日报\n昨天下午,中山江门两市同城化发展工作联席会议在中山召开。中山市委常委、副市长张某某,市委常委、副市长刘某某出席。"
    assert role_keys(people(text)["刘某某"]) == {"中山市委常委", "中山市副市长"}


def test_a_generic_post_after_a_guest_in_a_home_paper_is_the_homes():
    """中山市副市长甲,市领导乙、丙参加 in a 江门 paper about a meeting held there: 市领导 is 江门's; in a
    paper of the guest's own city it stays the guest's."""
    text = "来源:江门日报\n昨天下午,中山江门两市同城化发展工作联席会议在我市召开。中山市副市长王某某,市领导李某某、张某某参加会议。"
    assert role_keys(people(text)["李某某"]) == {"江门市领导"}
    text = "来源:中山日报\n昨天下午,中山江门两市同城化发展工作联席会议在我市召开。中山市副市长王某某,市领导李某某、张某某参加会议。"
    assert role_keys(people(text)["李某某"]) == {"中山市领导"}


def test_counted_places_before_one_post_map_to_the_names_in_order():
    """苏州、常州、无锡三市常务副市长甲、乙、丙分别汇报: the i-th name takes the i-th place; a count that
    does not fit the names leaves them unmapped."""
    text = "18日,联席会议在无锡召开。苏州、常州、无锡三市常务副市长霍某某、管某某、程某某分别汇报了工作情况。"
    found = people(text)
    assert role_keys(found["霍某某"]) == {"苏州市常务副市长"}
    assert role_keys(found["管某某"]) == {"常州市常务副市长"}
    assert role_keys(found["程某某"]) == {"无锡市常务副市长"}
    text = "18日,联席会议在无锡召开。苏州、常州、无锡三市常务副市长霍某某、管某某分别汇报了工作情况。"
    assert all(not role_keys(a) or "苏州市常务副市长" not in role_keys(a) for a in people(text).values())


def test_a_list_member_written_place_name_title():
    """以及黄山市程某某副市长出席: the title after the name, the place before it; 相关领导 is no name."""
    text = "22日,市长联席会议在衢州召开。杭州市市长姚某某,湖州市市长萨某,以及黄山市程某某副市长出席会议并发言。"
    assert role_keys(people(text)["程某某"]) == {"黄山市副市长"}
    text = "22日,联席会议在重庆召开。重庆市、四川省相关领导参加。"
    assert "相关" not in people(text)


def test_future_speakers_named_at_a_press_conference_are_not_attendees():
    """教授甲,研究员乙将作主旨演讲: a part still to be played; 甲出席…表示将出席 keeps 甲."""
    text = (
        "昨日上午,论坛新闻发布会在襄阳举行。襄阳市政府新闻办主任笪某某主持发布会。"
        "届时,中国工程院院士、武汉大学教授尉迟某某,国务院某某中心研究员司徒某将作主旨演讲。"
    )
    found = people(text)
    assert "笪某某" in found and "尉迟某某" not in found
    text = "昨日上午,论坛在襄阳举行。湖北省副省长王某某出席论坛并致辞,他表示将出席下届论坛。"
    assert "王某某" in people(text)
    text = "昨日上午,论坛在襄阳举行。湖北省副省长王某某透露,下一步将出席有关活动。"
    assert "王某某" in people(text)


def test_a_scholar_quoted_for_comment_is_not_an_attendee():
    """某某大学经济学院教授甲说,…: an interviewed expert; a scholar who speaks at the meeting stays."""
    text = "本月12日,党政领导会商会在六安召开。合肥市委书记诸葛某某主持会议。“合作成效明显。”安徽大学经济学院教授端木某说,下一步应探索更多突破。"
    found = people(text)
    assert "诸葛某某" in found and "端木某" not in found
    text = "本月12日,论坛在六安召开。安徽大学经济学院教授端木某出席论坛并发言。"
    assert "端木某" in people(text)


def test_a_county_written_in_full_before_its_county_committee():
    """盂县县委书记: the level character printed twice; the county is the role's, not the previous one's."""
    text = "7日,两县合作会议在盂县召开。平山县委书记耿某某、盂县县委书记韩某某分别介绍了两县合作情况。"
    got = {a.name: [(r.org, r.title) for r in a.roles] for a in regevents.parse(text).attendees}
    assert got["韩某某"] == [("盂县县委", "书记")]
    assert got["耿某某"] == [("平山县委", "书记")]


def test_a_sides_list_takes_the_place_it_is_introduced_with():
    """海南省方面出席的有副省长甲、省商务厅厅长乙: the bare posts are the head place's; 出席的有 alone
    opens a list too, and leaves the bare post bare."""
    text = "8日,琼港经贸合作交流会在香港举行。海南省方面出席的有副省长王某某、省商务厅厅长李某某等。"
    found = people(text)
    assert role_keys(found["王某某"]) == {"海南省副省长"}
    assert role_keys(found["李某某"]) == {"海南省商务厅厅长"}
    text = "8日,琼港经贸合作交流会在香港举行。出席的有副省长王某某。"
    assert role_keys(people(text)["王某某"]) == {"副省长"}


def test_a_chair_from_a_body_the_vocabulary_lacks():
    """会议由香港某某发展局总裁甲主持: 由 opens the post as 与 does; 自由贸易区 holds no 由."""
    text = "8日,交流会在香港举行。交流会由香港贸易发展局总裁王某某主持。"
    assert role_keys(people(text)["王某某"]) == {"香港贸易发展局总裁"}
    text = "8日,座谈会在上海召开。中国(上海)自由贸易试验区管委会主任王某某出席。"
    assert "贸易试验区管委会主任" not in role_keys(people(text)["王某某"])


def test_a_company_name_with_a_bracketed_word():
    """上海某某港务(集团)股份有限公司董事长: the bracket is part of the company's name."""
    text = "12日,推进会在舟山召开。浙江省副省长王某某,上海国际港务(集团)股份有限公司董事长李某某出席会议。"
    assert role_keys(people(text)["李某某"]) == {"上海国际港务集团股份有限公司董事长"}


def test_a_lone_question_mark_ending_a_two_character_name_is_a_lost_character():
    """市委书记郝某?率团: 郝某 is a three-character name whose last character was lost, repaired from
    its full mention; 杨某某?致辞 keeps its three characters."""
    text = "16日,市委书记郝某?率代表团赴石家庄考察。17日下午,两市协同发展座谈会在石家庄召开。郝某某出席并讲话。"
    assert set(people(text)) == {"郝某某"}
    text = "8日,市长会议在宿州召开。市委书记杨某某?致欢迎辞。"
    assert "杨某某" in people(text)


def test_a_county_paper_is_the_home_of_its_bare_district_posts():
    """吴江日报: 我区区委书记甲 is 吴江区's; a county name several districts share (鼓楼) gives no home."""
    assert home_region("吴江日报").name == "吴江区"
    assert home_region("鼓楼日报") is None and home_region("吴江区委宣传部") is None
    text = "来源:吴江日报\n本报讯 前天,三地一体化发展工作协调会在嘉善召开。嘉善县委书记王某某;我区区委书记李某某,区委副书记、区长张某某出席会议。"
    found = people(text)
    assert role_keys(found["李某某"]) == {"吴江区委书记"}
    assert role_keys(found["张某某"]) == {"吴江区委副书记", "吴江区长"}


def test_surname_that_is_also_a_function_word_only_in_the_post_slot():
    # 者, 要, 矣, 起 are surnames (surnames.txt "slot") and also a particle, a modal verb and a verb: right after a
    # chain of posts they open a name; elsewhere, and in the words 要求/起草, they do not
    found = people("玉溪市委书记者某，曲靖市委书记尹某某分别介绍情况。省委常委、太原市委书记要某某出席并致辞。")
    assert set(found) == {"者某", "尹某某", "要某某"}
    assert role_keys(found["者某"]) == {"玉溪市委书记"}
    assert people("太原市委书记要求各地加快推进。与会者出席会议。学者某某出席。") == {}


def test_slot_only_surnames_are_not_ordinary_surnames():
    from regevents.gazetteer import surnames

    s = surnames()
    assert {"者", "要", "矣", "起"} <= s.slot_only
    assert s.is_surname_start("要某某") == 0
    assert s.is_surname_start("杞某某") == 1


def test_prefecture_paper_writes_its_autonomous_prefecture_short():
    # 团结报 is the 湘西 prefecture's paper: its bare 州委/州长 posts are 湘西's, printed as the genre prints an
    # autonomous prefecture before its bodies (湘西州委, 湘西州州长), not with the full 自治州 name
    assert home_region("团结报").name == "湘西土家族苗族自治州"
    text = "团结报讯(记者 向某)20日,协作会议在吉首召开。州委书记龙某某出席并讲话,州委副书记、州长向某某主持会议。州领导石某某参加。\n"
    found = people(text)
    assert role_keys(found["龙某某"]) == {"湘西州委书记"}
    assert role_keys(found["向某某"]) == {"湘西州委副书记", "湘西州州长"}
    # a province's bare posts keep the province's full name
    found = people("湖南日报讯(记者 向某)20日,会议召开。省委书记龙某某出席并讲话。\n")
    assert role_keys(found["龙某某"]) == {"湖南省委书记"}


def test_bare_secretary_after_another_places_leaders_is_the_home_secretary():
    # the genre names a place's secretary before its other leaders: a bare 市委书记 after 郑州's mayor heads
    # another place (the city paper's own)
    text = "开封日报讯(记者 孔某)18日,推进会在我市召开。郑州市委副书记、市长冀某某,市委书记庹某某出席并讲话。\n"
    found = people(text)
    assert role_keys(found["庹某某"]) == {"开封市委书记"}
    # near miss: a deputy after the place's secretary is the same place's
    found = people("开封日报讯(记者 孔某)18日,推进会召开。郑州市委书记甲某某,市委副书记乙某某出席。\n")
    assert role_keys(found["乙某某"]) == {"郑州市委副书记"}


def test_special_committee_of_the_assembly_after_its_member():
    # a 政协/人大 member's chain goes on to the assembly's special committee without repeating the assembly
    found = people(
        "重庆市政协常委、人口资源环境建设委员会主任危某某,湖北省人大常委会委员、财政经济委员会主任乜某某出席。"
        "某某区政协主席黎某某结合本地实际作交流发言。"
    )
    assert role_keys(found["危某某"]) == {"重庆市政协常委", "重庆市政协人口资源环境建设委员会主任"}
    assert "湖北省人大财政经济委员会主任" in role_keys(found["乜某某"])
    assert "黎某某" in found  # 结合 ends a name
    # near miss: a committee after a government post is not the assembly's
    found = people("重庆市副市长甲某某、乡村振兴工作委员会主任乙某某出席。")
    assert not any("政协" in k or "人大" in k for k in role_keys(found.get("乙某某", found["甲某某"])))


def test_company_with_a_bracketed_place_and_institution_after_a_joining_word():
    found = people("海南港航控股有限公司董事长黎某某,琼州海峡(广东)轮渡运输有限公司总经理吴某某在会上发言。")
    assert role_keys(found["吴某某"]) == {"琼州海峡广东轮渡运输有限公司总经理"}
    found = people("冀某某、庹某某与河南大学党委书记窦某某、郑州大学校长全某某共同揭牌。河南省科学院研究员常某某作为首席专家作了发言。")
    assert role_keys(found["窦某某"]) == {"河南大学党委书记"}
    assert role_keys(found["常某某"]) == {"河南省科学院研究员"}
    # near misses: a bracketed word that is no place nor company word; a clause that invites an institution
    found = people("某某港务(注)轮渡运输有限公司总经理吴某某发言。会议邀请复旦大学校长王某某出席。")
    assert "某某港务注轮渡运输有限公司总经理" not in role_keys(found["吴某某"])
    assert "王某某" not in found or "复旦大学校长" not in role_keys(found["王某某"])


def test_guest_list_giving_the_name_first_then_the_posts():
    text = (
        "主旨演讲环节,四位嘉宾作了分享。他们是:\n闾丘某某,中国旅游研究院副院长;\n汤某,某某大运河文化旅游发展集团有限公司董事长;\n"
        "庞某,携程集团副总裁。\n在随后的圆桌对话中,聊城大学运河学研究院院长苌某某担任主持。"
    )
    found = people(text)
    assert {"闾丘某某", "汤某", "庞某", "苌某某"} <= set(found)
    assert role_keys(found["汤某"]) == {"某某大运河文化旅游发展集团有限公司董事长"}
    assert role_keys(found["庞某"]) == {"携程集团副总裁"}
    # near miss: a name closing one clause and another person's post opening the next is no such item
    found = people("会议由甲某某主持,中国旅游研究院副院长乙某某出席。")
    assert role_keys(found["乙某某"]) == {"中国旅游研究院副院长"}
    assert not role_keys(found["甲某某"]) if "甲某某" in found else True


def test_corps_division_and_prefecture_posts_of_xinjiang():
    text = (
        "阿克苏地委书记谯某某,第一师党委书记、政委庹某某出席会议并讲话。阿克苏地委副书记、行署专员艾某·吐某某,"
        "兵团发展改革委副主任寇某某,阿克苏地委委员、行署副专员阿某某·买买提出席会议。"
        "会议由第一师党委副书记、师长,阿拉尔市市长党某某主持。"
    )
    found = people(text)
    assert role_keys(found["庹某某"]) == {"第一师党委书记", "第一师政委"}
    assert role_keys(found["艾某·吐某某"]) == {"阿克苏地委副书记", "阿克苏地区行署专员"}
    assert role_keys(found["寇某某"]) == {"兵团发展改革委副主任"}
    assert "阿某某·买买提" in found  # the weak 提出 overlapping 出席 does not cut the name
    assert role_keys(found["党某某"]) == {"第一师党委副书记", "第一师师长", "阿拉尔市长"}
    # near misses: a military post after a place's committee names its own body; a list of posts of many
    # people before a comma is no chain of one person
    found = people("某某省委常委、政委甲某某出席。各市市委书记、市长,江西省发展改革委主任乙某某参加会议。")
    assert role_keys(found["乙某某"]) == {"江西省发展改革委主任"}
    assert {r.org for r in found["甲某某"].roles if r.title == "政委"} == {None}


def test_former_officials_recalled_and_words_that_open_with_a_surname():
    text = (
        "日喀则市委书记白某某出席座谈会并讲话。他深情回顾了原上海市人大常委会副主任、首批援藏干部联络组组长鲁某某等老一辈援藏干部的事迹。"
        "2011年,原国务院扶贫办副主任甄某某在吉首提出设想。来自三省的12市负责同志齐聚一堂。"
        "省某某领导小组办公室常务副主任、省发展改革委副主任巩某某发布了《某某项目清单》。"
    )
    found = people(text)
    assert "鲁某某" not in found and "甄某某" not in found and "齐聚一堂" not in found
    assert "巩某某" in found  # 发布 ends a name
    # near miss: 太原/中原 end with 原 but are no former post
    found = people("太原市委书记要某某出席。中原科技城管委会主任冷某某出席。")
    assert {"要某某", "冷某某"} <= set(found)


def test_paired_assistance_teams_are_bodies_of_their_place():
    found = people("上海市第十批援藏干部联络组组长、日喀则市委常务副书记杭某某出席座谈会。")
    assert role_keys(found["杭某某"]) == {"上海市第十批援藏干部联络组组长", "日喀则市委常务副书记"}
    # near miss: a team word inside a clause is no body of a role
    found = people("会议听取了工作组汇报,上海市副市长甲某某出席。")
    assert role_keys(found["甲某某"]) == {"上海市副市长"}


def test_prefecture_filled_in_as_the_article_prints_it():
    # the article prints the full 自治州 name: a post filled in from the outlet's prefecture is written in full too
    text = (
        "伊犁日报讯(记者 王某)21日,联席会议召开。伊犁哈萨克自治州党委书记郑某某出席会议并讲话。"
        "江苏省对口支援新疆伊犁州前方指挥部总指挥、州党委副书记张某某主持会议。\n"
    )
    found = people(text)
    assert "伊犁哈萨克自治州党委副书记" in role_keys(found["张某某"])


def test_a_scholar_quoted_in_an_interview_is_not_an_attendee():
    """某某社会科学院研究员甲在接受某某新闻采访时表示,…: an interviewed expert, like 甲说,…"""
    text = "本月12日,四地一体化发展协调会在海口召开。海口市委书记王某某主持会议。某某省社会科学院研究员葛某某在接受某某新闻采访时表示,一体化发展有利于形成带动效应。"
    found = people(text)
    assert "王某某" in found and "葛某某" not in found
