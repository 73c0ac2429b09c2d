"""Cooperation goals: the shared texts, and fragments written in the genre's style."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import gold_for, read_text, text_names

import regevents
from regevents.extract.goal_lists import clause_start, split_items
from regevents.extract.goals import cn_number

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gold_scorer


def goals(text: str, published: str | None = None) -> list[regevents.CooperationGoal]:
    return regevents.parse(text, published=published).goals


def texts(text: str) -> list[str]:
    return [g.text for g in goals(text)]


def same(a: str, b: str) -> bool:
    return gold_scorer.fuzzy_eq(gold_scorer.norm_text(a), gold_scorer.norm_text(b)) > 0


# ------------------------------------------------------------------ shared texts


@pytest.mark.parametrize("name", text_names())
def test_shared_text_goals(name):
    gold = gold_for(name)
    got = goals(read_text(name), gold.get("published_arg"))
    wanted = gold.get("goals", [])
    for g in wanted:
        if g.get("required", True):
            assert any(same(g["text"], p.text) for p in got), f"missed {g['text']}"
    for p in got:
        assert any(same(g["text"], p.text) for g in wanted), f"spurious {p.text}"


def test_count_anchored_quoted_list_with_positioning():
    got = goals(read_text("000_800a12ffd4e27745.txt"))
    nine = [g for g in got if g.group_size == 9]
    assert len(nine) == 9 and len({g.group for g in nine}) == 1
    assert nine[0].text == "共抓生态保护,建设中国绿心"
    assert nine[0].count_evidence is not None and nine[0].count_evidence.text == "九個方面"
    pos = [g.text for g in got if g.kind == "positioning"]
    assert pos[0] == "打造全国高质量发展重要增长极" and len(pos) == 6


def test_proposal_items_written_as_sentences():
    text = read_text("004_f3826c69192a0ce5.txt")
    a = regevents.parse(text)
    proposer = next(p for p in a.attendees if p.name + "建议," in text)
    props = [g for g in a.goals if g.kind == "proposal"]
    assert [g.text for g in props] == [
        "共同加快基础设施联通",
        "共同促进开放平台畅通",
        "共同探索产业协同发展机制",
        "共同推进创新要素集聚融合",
        "共同携手优化政务服务",
    ]
    assert all(g.proposed_by == proposer.id and g.group_size == 5 for g in props)
    # the elaboration's own focus-area list (在产业布局、产业配套、市场开拓等方面) is not a goal
    assert not any("产业布局" in g.text for g in a.goals)


def test_speeches_are_not_read():
    # 003 is one long speech: every goal in its gold is optional, none is predicted
    assert goals(read_text("003_522596ff6ab5f318.txt")) == []


def test_goals_belong_to_the_primary_meeting():
    a = regevents.parse(read_text("h04.txt"), published="2012-12-26")
    assert a.goals and all(g.meeting == a.primary().id for g in a.goals)


# ------------------------------------------------------------------ genre fragments


def test_agenda_after_count_sentence():
    got = goals("会议指出,要重点抓好以下五个方面工作。一是加强规划对接。二是推进交通互联。三是促进产业协同。四是强化生态共保。五是推动公共服务共享。")
    assert [g.text for g in got] == ["加强规划对接", "推进交通互联", "促进产业协同", "强化生态共保", "推动公共服务共享"]
    assert all(g.group_size == 5 for g in got)


def test_count_with_colon_and_semicolons():
    got = goals("会议确定了八项重点任务:共建科创走廊;共育产业集群;共保生态环境;共享公共服务;共推开放合作;共建交通网络;共治跨界流域;共筑安全屏障。")
    assert len(got) == 8 and all(g.kind == "task" and g.group_size == 8 for g in got)
    assert got[-1].text == "共筑安全屏障"


def test_count_inline_before_projects():
    got = goals("会议提出,实施交通互联、产业协同、生态共保、民生共享等四大工程。")
    assert [g.text for g in got] == ["交通互联", "产业协同", "生态共保", "民生共享"]
    assert all(g.kind == "project" and g.group_size == 4 for g in got)


def test_focus_areas_before_cooperation_verb():
    assert texts("双方商定,将着重在园区共建、口岸合作、知识产权合作等方面推进相关工作。") == ["园区共建", "口岸合作", "知识产权合作"]
    assert texts("粤港双方签署7项协议,包括在劳动监察、医疗、高等教育及建筑工程方面的合作。") == ["劳动监察", "医疗", "高等教育", "建筑工程"]


def test_lists_that_are_not_cooperation_goals():
    assert texts("争取交通、产业等重大项目布局和财税、金融、土地等方面更大的政策支持。") == []
    assert texts("19年来,各方在重大战略联动、基础设施建设、生态环保等各领域全面深化合作,结出丰硕成果。") == []
    assert texts("会议要求,推进长沙市委、株洲市委、湘潭市委有关工作。") == []
    assert texts("一年来,三市合作成效明显:一是交通互联取得突破;二是产业协同加快推进。") == []


def test_positioning_list():
    got = goals("会议明确了三省协同发展的目标定位:打造全国重要增长极、全国城市群协同发展样板区、全国生态文明建设先行区,携手推进。")
    assert [g.text for g in got] == ["打造全国重要增长极", "全国城市群协同发展样板区", "全国生态文明建设先行区"]
    assert all(g.kind == "positioning" for g in got)


def test_initiative_contents():
    got = goals("会议发出了《某某倡议》。《某某倡议》指出,各成员市要加强产业协作支撑,推动产业链条互补互助;加深改革配套协同,推动政务服务互联互通。")
    assert [g.text for g in got] == ["加强产业协作支撑,推动产业链条互补互助", "加深改革配套协同,推动政务服务互联互通"]
    assert all(g.kind == "initiative" for g in got)


def test_parallel_agenda_and_quoted_target():
    got = goals(
        "会议指出,三市要锚定“把三市作为一个城市来打造”的目标,坚持以重点改革为牵引,共促要素顺畅流动;"
        "要以科技创新为抓手,共创产业发展高地;要以基础设施为纽带,共建高效联动网络。"
    )
    assert [g.text for g in got] == [
        "把三市作为一个城市来打造",
        "以重点改革为牵引,共促要素顺畅流动",
        "以科技创新为抓手,共创产业发展高地",
        "以基础设施为纽带,共建高效联动网络",
    ]
    assert got[0].kind == "target"


def test_parallel_phrases_without_their_own_clause_are_not_goals():
    assert texts("会议指出,要以推动高质量发展为主题,以深化改革为主线,以改革创新为根本动力,共同推动高质量发展。") == []


def test_shared_head_enumeration():
    got = goals("会议强调,一市三省要聚力推进空间布局一体化、科技创新一体化、产业发展一体化、基础设施和公共服务一体化。")
    assert [g.text for g in got] == ["空间布局一体化", "科技创新一体化", "产业发展一体化", "基础设施和公共服务一体化"]
    assert texts("会议指出,一市三省地缘相近、人缘相亲、经济相融、文化相通。") == []


def test_speech_is_skipped_but_proposal_is_kept():
    text = (
        "江西省委书记刘某出席会议。刘某说,要在交通、产业、生态等领域加强合作。"
        "湖南省省长毛某某出席会议。毛某某建议,各方在三个方面深化合作:一是共建平台;二是共享资源;三是共育人才。"
    )
    a = regevents.parse(text)
    mao = next(p for p in a.attendees if p.name == "毛某某")
    assert [g.text for g in a.goals] == ["共建平台", "共享资源", "共育人才"]
    assert all(g.proposed_by == mao.id and g.kind == "proposal" for g in a.goals)


def test_pronoun_speech_is_skipped():
    assert texts("省长王某某出席会议并讲话,他强调,要在交通、产业、生态等领域加强合作。") == []


def test_meeting_subject_ends_a_speech():
    text = "李某说,要加强合作。会议指出,要在交通、产业、生态等领域加强合作。"
    assert texts("江西省委书记李某出席。" + text) == ["交通", "产业", "生态"]


# ------------------------------------------------------------------ units


@pytest.mark.parametrize("s,n", [("九", 9), ("十", 10), ("十二", 12), ("二十", 20), ("两", 2), ("5", 5), ("百", None), ("", None)])
def test_cn_number(s, n):
    assert cn_number(s) == n


def test_split_items_respects_quotes():
    t = "在“共抓生态保护,建设中国绿心”“共推红色旅游,弘扬奋斗精神”、医疗及建筑工程"
    items = [t[a:b] for a, b in split_items(t, 1, len(t))]
    assert items == ["共抓生态保护,建设中国绿心", "共推红色旅游,弘扬奋斗精神", "医疗", "建筑工程"]
    assert clause_start("甲,乙“丙,丁”戊", 9) == 2


@pytest.mark.parametrize("junk", ["", "一是", "一是二是三是", "五个方面。", "目标定位:", "《倡议》指出,;;;", "、" * 300, "在" + "甲、" * 400 + "等方面合作"])
def test_never_raises(junk):
    regevents.parse(junk)


def test_pronoun_proposal_goes_to_the_last_named_speaker():
    text = (
        "武汉市委书记郭某某出席会议。郭某某说,近年来四市合作不断深化,在交通、产业等方面取得显著成效。"
        "他建议,四市在三个方面加强合作:一是共建科创平台;二是共育产业链;三是共享人才资源。"
    )
    a = regevents.parse(text)
    assert [g.text for g in a.goals] == ["共建科创平台", "共育产业链", "共享人才资源"]
    assert {g.proposed_by for g in a.goals} == {a.attendees[0].id}


def test_sentences_after_a_count_must_read_as_actions():
    assert texts("会议围绕三个方面进行了讨论。会议气氛热烈。与会代表发言踊跃。") == []
    assert texts("会议明确了三项重点任务。加快交通互联。推进产业协同。强化生态共保。") == ["加快交通互联", "推进产业协同", "强化生态共保"]


def test_shared_head_after_a_verb_only():
    assert texts("会议指出,四市要加快建设科创走廊、产业走廊、生态走廊。") == ["科创走廊", "产业走廊", "生态走廊"]
    assert texts("会议指出,要坚持目标导向、问题导向、结果导向。") == []


# ------------------------------------------------------------------ list frames (held-out causes 1 and 2)


def test_focus_areas_with_a_comma_before_the_action():
    assert texts("会议提出,要围绕交通一体化、生态环境保护、区域应急管理等重点领域,深入开展协同立法。") == [
        "交通一体化",
        "生态环境保护",
        "区域应急管理",
    ]
    # the same frame reporting results is not a goal list
    assert texts("两年来,三地围绕交通、生态、产业等重点领域,深入开展协同立法,取得显著成效。") == []
    assert texts("会议指出,在交通、生态、产业等领域,发挥了重要作用。") == []


def test_matters_taken_up_together():
    assert texts("会议审议通过了合作机制,并就推进交通互联互通、生态环境联防联治、公共服务共建共享等事项进行了协商。") == [
        "交通互联互通",
        "生态环境联防联治",
        "公共服务共建共享",
    ]
    assert texts("双方围绕科技创新合作、产业链协同等议题深入交流。") == ["科技创新合作", "产业链协同"]
    # problems are not goals; a list with no 就/围绕 is not a list of matters
    assert texts("会议就跨界污染、交通拥堵等问题进行了协商。") == []
    assert texts("会议听取了交通、产业等事项进行了协商的情况。") == []


def test_positioning_list_before_its_anchor():
    got = goals("会议强调,要锚定建设国际科技创新中心、现代产业高地、开放合作新高地的目标定位,推动合作走深走实。")
    assert [g.text for g in got] == ["国际科技创新中心", "现代产业高地", "开放合作新高地"]
    assert all(g.kind == "positioning" for g in got)
    # places before 功能定位, and a list with no aim verb, are not positionings
    assert texts("会议要求,明确长沙、株洲、湘潭的功能定位。") == []
    assert texts("会议指出,交通、产业的发展定位还不清晰。") == []


def test_parallel_on_frame():
    got = goals("会议提出,三省要在科技创新上走在前列,在产业协同上走在前列,在开放合作上走在前列。")
    assert [g.text for g in got] == ["在科技创新上走在前列", "在产业协同上走在前列", "在开放合作上走在前列"]
    assert texts("会议指出,要在生态保护上下更大功夫,在产业转型上求突破,在民生改善上见实效。") == [
        "在生态保护上下更大功夫",
        "在产业转型上求突破",
        "在民生改善上见实效",
    ]
    # one clause, or places of an itinerary, are not an agenda
    assert texts("会议指出,要在高水平保护上下更大功夫。") == []
    assert texts("他先后在开幕式上致辞,在签约仪式上见证签约,在论坛上发表主旨演讲。") == []


def test_a_result_still_to_be_reached_is_not_a_report():
    assert texts("会议要求,推动交通、产业、生态等领域合作取得新成效。") == ["交通", "产业", "生态"]
    assert texts("会议指出,交通、产业、生态等领域合作已取得新成效。") == []


def test_counted_work_items():
    got = goals("会议确定,重点推进规划对接、交通互联、产业协作等三项工作。")
    assert [g.text for g in got] == ["规划对接", "交通互联", "产业协作"]
    assert all(g.kind == "task" and g.group_size == 3 for g in got)
    assert texts("会议听取了规划对接、交通互联、产业协作等三项工作汇报。") == []
    assert texts("三年来,两地在交通、产业、生态等五个方面取得显著成效。") == []


def test_agenda_items_end_at_their_first_full_stop():
    assert texts("会议要求:一是加强生态保护。生态系统是一个整体。二是推进节水。水是约束。") == ["加强生态保护", "推进节水"]


def test_agenda_as_paragraph_headings_after_unstated_count():
    text = (
        "会议指出,要着重抓好以下几方面工作。\n"
        "一是加强生态保护。生态系统是一个有机整体,要统筹上下游。\n"
        "二是推进水资源节约集约利用。要把水资源作为最大的刚性约束。\n"
        "三是保护传承弘扬流域文化。文化是根和魂。\n"
        "会议要求,各地抓好落实。"
    )
    got = goals(text)
    assert [g.text for g in got] == ["加强生态保护", "推进水资源节约集约利用", "保护传承弘扬流域文化"]
    assert all(g.kind == "task" and g.group_size is None for g in got)
    assert got[0].count_evidence is not None and got[0].count_evidence.text == "几方面"


def test_agenda_as_paragraph_headings_without_a_count():
    text = "会议部署了下一步重点工作。\n一是加强规划对接。各方要衔接规划。\n二是推进交通互联。要加快项目建设。\n"
    assert texts(text) == ["加强规划对接", "推进交通互联"]
    # a review of past work, or document sections, are not an agenda
    assert texts("过去一年,三市主要做了以下工作。\n一是加强规划对接。\n二是推进交通互联。\n") == []
    assert texts("据了解,方案分为以下内容。\n一、总体要求\n二、重点任务\n") == []
    # headings that do not count on (一是, 三是) stop the run
    assert texts("会议部署了下一步重点工作。\n一是加强规划对接。\n三是推进交通互联。\n") == []


_CHAIR = "江西省省长刘某某主持会议并讲话。"


def test_chair_numbered_agenda_is_read_inside_a_speech():
    got = goals(_CHAIR + "刘某某强调,要重点抓好以下几方面工作:一是加强规划衔接;二是推进交通互联;三是深化产业协作。")
    assert [g.text for g in got] == ["加强规划衔接", "推进交通互联", "深化产业协作"]
    assert all(g.kind == "task" and g.proposed_by is None for g in got)


def test_chair_agenda_in_paragraph_headings_after_a_pronoun():
    text = (
        _CHAIR
        + "\n他指出,当前合作仍存在一些困难。要着重抓好以下几方面工作。\n"
        + "一是加强生态保护。生态系统是一个整体。\n二是推进节水。水是刚性约束。\n三是保护文化。文化是根。"
    )
    assert texts(text) == ["加强生态保护", "推进节水", "保护文化"]


def test_speech_lists_that_stay_unread():
    # free-form lists in a speech
    assert texts(_CHAIR + "刘某某指出,要在交通、产业、生态等领域加强合作,围绕交通一体化、生态保护等重点领域,深入开展协同立法。") == []
    # a counted list in a chair's speech that is not numbered
    assert texts(_CHAIR + "刘某某强调,要在交通、产业、生态三个方面加强合作。") == []
    # a numbered review, a numbered report of practice
    assert texts(_CHAIR + "刘某某指出,一年来,两地合作取得明显成效:一是交通互联取得突破;二是产业协作加快。") == []
    assert texts(_CHAIR + "刘某某介绍了主要做法:一是加强组织领导;二是完善工作机制。") == []
    # a guest who only gives a greeting is not the meeting's main speaker
    assert texts("江西省副省长李某某出席并致辞。李某某表示,江西省将:一是加强规划衔接;二是推进交通互联。") == []


def test_proposal_count_inside_the_speakers_own_words():
    a = regevents.parse(_CHAIR + "刘某某在讲话中提出三点建议:一是共建平台;二是共享资源;三是共育人才。")
    liu = next(p for p in a.attendees if p.name == "刘某某")
    assert [g.text for g in a.goals] == ["共建平台", "共享资源", "共育人才"]
    assert all(g.proposed_by == liu.id and g.kind == "proposal" and g.group_size == 3 for g in a.goals)


def test_meeting_word_inside_a_speakers_tail_keeps_the_speech():
    assert texts(_CHAIR + "刘某某在会议上指出,要在交通、产业、生态等领域加强合作。") == []


# ------------------------------------------------------------------ list shapes (heldout2 cause 1)

_HEAD = "两地召开党政联席会议\n6月9日,两地党政联席会议召开。\n"


def test_quoted_count_label_with_comma_separated_items():
    got = goals("会议提出,双方要坚持“四个共同”:共同推动产业协作提档升级,共同推进劳务协作稳岗就业,共同拓展消费帮扶市场渠道,共同推动乡村振兴示范引领。")
    assert [g.text for g in got] == ["共同推动产业协作提档升级", "共同推进劳务协作稳岗就业", "共同拓展消费帮扶市场渠道", "共同推动乡村振兴示范引领"]
    assert all(g.group_size == 4 and g.count_evidence is not None for g in got)
    assert got[0].count_evidence.text == "“四个共同”"
    # ASCII quotes; a label followed by a full stop and a numbered run
    assert texts('会议明确,要突出"三个聚焦":聚焦园区共建,聚焦稳岗就业,聚焦生态保护。') == ["聚焦园区共建", "聚焦稳岗就业", "聚焦生态保护"]
    assert texts("会议要求,要做到“三个坚持”。一是坚持规划引领;二是坚持项目带动;三是坚持改革创新。") == ["坚持规划引领", "坚持项目带动", "坚持改革创新"]


def test_quoted_labels_that_are_not_goal_lists():
    # a party-building slogan; a label with no colon; items that neither number as the label nor open with it
    assert texts("会议要求,增强“四个意识”:政治意识、大局意识、核心意识、看齐意识。") == []
    assert texts("会议指出,要以“四个共同”为抓手,推动合作走深走实。") == []
    assert texts("会议指出,要坚持“两个率先”:率先实现现代化,率先建成示范区,率先推动改革。") == []
    # a full stop after the label reads only a numbered run
    assert texts("会议要求,要做到“三个坚持”。会议气氛热烈。") == []


def test_comma_separated_items_after_a_count_colon():
    assert texts("会议提出,双方要在四个方面共同发力:共同推动产业升级,共同推进劳务协作,共同拓展消费帮扶,共同推动乡村振兴。") == [
        "共同推动产业升级",
        "共同推进劳务协作",
        "共同拓展消费帮扶",
        "共同推动乡村振兴",
    ]
    # commas that do not give the announced number are not the items
    assert texts("会议提出,双方要在三个方面共同发力:共同推动产业升级,推进劳务协作。") == []


def test_count_without_a_classifier():
    got = goals("会议同意加强六方面合作:(一)金融合作;(二)科技创新;(三)文化旅游交流;(四)青年发展;(五)医疗卫生;(六)营商环境及法律服务。")
    assert [g.text for g in got] == ["金融合作", "科技创新", "文化旅游交流", "青年发展", "医疗卫生", "营商环境及法律服务"]
    assert all(g.group_size == 6 for g in got)
    # an ordinal (第六方面) or a part of a longer number is no count
    assert texts("会议指出,第六方面合作:加强金融、科技、文化交流。") == []


@pytest.mark.parametrize(
    "marks",
    [("1.", "2.", "3."), ("①", "②", "③"), ("(1)", "(2)", "(3)"), ("(一)", "(二)", "(三)"), ("1", "2", "3"), ("一要", "二要", "三要")],
)
def test_numbered_items_after_a_count(marks):
    a, b, c = marks
    assert texts(f"会议确定了三项重点任务:{a}共建科创平台;{b}共享人才资源;{c}共育产业集群。") == ["共建科创平台", "共享人才资源", "共育产业集群"]


@pytest.mark.parametrize("mark", ["{}.", "{}", "{} ", "{}\ufe0f\u20e3", "第{},"])
def test_numbered_lines_after_a_count(mark):
    nums = ["一", "二", "三"] if mark.startswith("第") else ["1", "2", "3"]
    lines = ["共建涪江创新产业园区,打造产业发展新高地;", "共同推进流域生态环境联防联治;", "联合打造古镇文旅品牌。"]
    body = "\n".join(mark.format(n) + t for n, t in zip(nums, lines))
    assert texts(_HEAD + "会议明确,今年两地将聚焦三大重点任务:\n" + body) == [
        "共建涪江创新产业园区,打造产业发展新高地",
        "共同推进流域生态环境联防联治",
        "联合打造古镇文旅品牌",
    ]


def test_lines_after_a_count_must_read_as_actions():
    assert texts(_HEAD + "会议明确了三项重点任务:\n会议气氛热烈。\n与会代表踊跃发言。\n大家表示赞同。") == []
    # a report announced by a count is not goals, numbered or not
    assert texts(_HEAD + "会议听取了三项重点任务进展情况:1.交通互联加快推进;2.产业协作取得进展。") == []
    # a bare number is a marker only where a count announced the list
    assert texts(_HEAD + "当天,两地签署了合作协议:1号协议涉及交通;2号协议涉及产业。") == []
    assert texts(_HEAD + "会议明确了三项重点任务:\n2023年以来,两地合作成效明显。\n") == []


def test_numbered_work_after_a_colon_without_a_count():
    assert texts(_HEAD + "会议明确了下一步重点工作:(一)共建科创平台;(二)共享人才资源;(三)共育产业集群。") == [
        "共建科创平台",
        "共享人才资源",
        "共育产业集群",
    ]
    assert texts(_HEAD + "会议明确了下一步重点工作:\n(一)共建科创平台。\n(二)共享人才资源。\n") == ["共建科创平台", "共享人才资源"]
    # a report, a table of contents, an order of business
    assert texts(_HEAD + "会议听取了以下工作汇报:(一)交通互联情况;(二)产业协作情况。") == []
    assert texts(_HEAD + "据了解,方案主要包括以下内容:\n一、总体要求\n二、重点任务\n") == []
    assert texts(_HEAD + "会议议程如下:1.听取汇报;2.审议文件。") == []
    assert texts(_HEAD + "会议审议通过了《2023年工作要点》等3个文件:1.工作要点;2.合作协议。") == []


def test_positioning_a_plan_set_out():
    got = goals("会议指出,要按照《总体方案》确定的生态优势转化新标杆、绿色创新发展新高地、一体化制度创新试验田战略定位,推进示范区建设。")
    assert [g.text for g in got] == ["生态优势转化新标杆", "绿色创新发展新高地", "一体化制度创新试验田"]
    assert all(g.kind == "positioning" for g in got)
    # the plan's positioning stays a goal inside a report of progress
    assert len(texts("会议指出,示范区揭牌四年来,各方按照《总体方案》确定的生态优势转化新标杆、绿色创新发展新高地战略定位,推出136项制度创新成果。")) == 2
    assert texts("会议指出,要按照《总体方案》确定的各项任务,推进示范区建设。") == []


def test_positioning_after_build_into():
    got = goals("会议明确,各成员市将对标《振兴规划》确定的目标定位,携手把老区建设成为黄土高原生态文明示范区、国家重要能源化工基地、现代旱作农业示范区和红色文化传承区。")
    assert [g.text for g in got] == ["黄土高原生态文明示范区", "国家重要能源化工基地", "现代旱作农业示范区", "红色文化传承区"]
    assert all(g.kind == "positioning" for g in got)
    # 和 inside one item stays
    assert texts("会议提出,要把都市圈打造成为科技创新策源地、生态保护和高质量发展示范区。") == ["科技创新策源地", "生态保护和高质量发展示范区"]
    # one item, short words cut by 、, a result already reached, a speech
    assert texts("会议提出,要把示范区打造成为长三角一体化发展的标杆。") == []
    assert texts("会议提出,要建设成为产业、创新、开放高地。") == []
    assert texts("会议指出,该市已建设成为区域物流中心、商贸服务中心。") == []
    assert texts("江西省省长刘某某出席。刘某某表示,要把老区建设成为生态文明示范区、能源化工基地。") == []


def test_split_items_pairs_ascii_and_corner_quotes():
    t = '在"甲、乙"、「丙、丁」、戊'
    assert [t[a:b] for a, b in split_items(t, 1, len(t))] == ["甲、乙", "丙、丁", "戊"]
    # an unpaired ASCII quote is plain text
    t = '甲"乙、丙'
    assert [t[a:b] for a, b in split_items(t, 0, len(t))] == ['甲"乙', "丙"]


@pytest.mark.parametrize("bullet", ["", "✅ ", "👉", "● ", "■"])
def test_counted_practical_matters_one_a_line(bullet):
    lines = ["共建幕阜山旅游环线;", "共推政务服务“跨省通办”;", "共享三地医疗急救资源。"]
    body = "\n".join(bullet + t for t in lines)
    assert texts(_HEAD + "会议提出,今年三地将重点抓好三件实事:\n" + body) == [
        "共建幕阜山旅游环线",
        "共推政务服务“跨省通办”",
        "共享三地医疗急救资源",
    ]
    # inline, and 民生实事
    assert texts(_HEAD + "会议提出,两地将合力办好两件民生实事:共建养老服务中心;共享医疗急救资源。") == [
        "共建养老服务中心",
        "共享医疗急救资源",
    ]
    # a count of things done, not to do; lines that are no actions
    assert texts(_HEAD + "会议提出,今年三地将重点抓好三件实事:\n会议气氛热烈。\n与会代表踊跃发言。\n大家表示赞同。") == []


def test_last_listed_item_stops_at_a_new_clause():
    assert texts(_HEAD + "会议强调,要着力构建“三个一体化”:交通网络一体化、公共服务一体化、生态治理一体化,切实把毗邻地区建设成为合作样板。") == [
        "交通网络一体化",
        "公共服务一体化",
        "生态治理一体化",
    ]
    # a comma inside every item keeps them whole (the comma belongs to the items)
    got = texts(_HEAD + "会议明确了三项重点任务:共建园区,打造高地、共治流域,守护生态、共享资源,惠及群众。")
    assert got[-1].endswith("惠及群众")


def test_numbered_items_after_a_lead_in_without_a_count():
    assert texts(_HEAD + "会议强调,两省区要在以下领域深化合作:(一)共同筑牢生态安全屏障;(二)推进清洁能源基地联合开发。") == [
        "共同筑牢生态安全屏障",
        "推进清洁能源基地联合开发",
    ]
    assert texts(_HEAD + "会议强调,两省区要在以下领域深化合作:\n1.共建科创平台;\n2.共享人才资源。\n") == ["共建科创平台", "共享人才资源"]
    # a report after the same lead-in stays unread
    assert texts(_HEAD + "会议听取了以下单位的发言:(一)交通厅;(二)发改委。") == []


def test_meeting_level_statement_of_parallel_actions():
    assert texts(_HEAD + "会议要求,要着力打造新能源汽车产业集群,着力建设沿江绿色发展廊道。") == [
        "着力打造新能源汽车产业集群",
        "着力建设沿江绿色发展廊道",
    ]
    assert texts(_HEAD + "论坛强调,要携手推进港口群协同发展、共建融合发展示范区、共同打造滨海文旅品牌。") == [
        "携手推进港口群协同发展",
        "共建融合发展示范区",
        "共同打造滨海文旅品牌",
    ]
    assert texts(_HEAD + "会议提出,要推动毗邻地区交通互联互通,共建跨省产业合作园区。") == [
        "推动毗邻地区交通互联互通",
        "共建跨省产业合作园区",
    ]
    # a person's speech, a statement of views, a principle, a report, one aim: not read
    assert texts(_HEAD + "陈某某强调,要着力打造新能源汽车产业集群,着力建设沿江绿色发展廊道。") == []
    assert texts(_HEAD + "会议指出,两地山水相连,推动合作意义重大。") == []
    assert texts(_HEAD + "会议指出,要坚持以规划对接为重点,进一步构建多层次的工作推进机制。") == []
    assert texts(_HEAD + "会议指出,近年来两地推动交通互联互通,共建产业园区,取得积极成效。") == []
    assert texts(_HEAD + "会议要求,要着力打造新能源汽车产业集群。") == []


# ------------------------------------------------------------------ prefilters (speed, issue 7)


def _goal_rules():
    from regevents.rules import load_rules

    return load_rules("goals")


def test_holds_literals_are_required():
    """A rule's ``holds`` literals gate whole paragraphs before the rule is tried: every match must
    contain each of them. Each example match holds them, and with a literal made unmatchable in the
    pattern no example matches any more (a literal in an optional part would leave some)."""
    import regex

    from regevents.extract.goals import _holds

    rules = _goal_rules()
    gated = [r for r in rules.values() if _holds(r)]
    assert {r.name for r in gated} >= {"parallel_tail", "parallel_on"}
    for rule in gated:
        for example in rule.match:
            found = rule.search(example)
            assert found, (rule.name, example)
            for lit in _holds(rule):
                assert lit in found.group(), (rule.name, lit, example)
                assert lit in rule.source, (rule.name, lit)
                crippled = regex.compile(rule.source.replace(lit, "(?!)"))
                assert crippled.search(example) is None, (rule.name, lit, example)


def test_holds_any_literals_are_required():
    """A rule's ``holds_any`` literals gate a paragraph before the rule is tried: every match must
    contain one of them. Each example match holds one, and with all of them made unmatchable in
    the pattern no example matches any more."""
    import regex

    from regevents.extract.goals import _holds_any

    rules = _goal_rules()
    gated = [r for r in rules.values() if _holds_any(r) is not None]
    assert {"meeting_statement", "speech", "speech_tail"} <= {r.name for r in gated}
    for rule in gated:
        words = rule.meta["holds_any"]
        crippled_source = rule.source
        for example in rule.match:
            found = rule.search(example)
            assert found and any(w in found.group() for w in words), (rule.name, example)
        # the literals as the pattern writes them: a word and its mark (强调 + [,:]) in a row
        for w in sorted(words, key=len, reverse=True):
            crippled_source = crippled_source.replace(w, "(?!)")
        verbs = {w[:-1] for w in words if w[-1] in ",:"}
        for v in verbs:
            crippled_source = crippled_source.replace(v, "(?!)")
        crippled = regex.compile(crippled_source)
        for example in rule.match:
            assert crippled.search(example) is None, (rule.name, example)


def test_plain_rules_match_like_their_pattern():
    """Plain word alternations run on the standard ``re`` (goals._plain): same matches."""
    import random

    from regevents.extract.goals import _plain

    rule = _goal_rules()["list_lead"]
    fast = _plain(rule)
    assert fast is not rule.pattern  # list_lead is plain: the fast path is in use
    rnd = random.Random(5)
    pieces = ["在", "围绕", "聚焦", "于", "推进", "加快", "建设", "着力", "打造", "A", ",", "、", "重点", "抓好"]
    for _ in range(3000):
        s = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        assert [m.span() for m in fast.finditer(s)] == [m.span() for m in rule.pattern.finditer(s)], s


def test_anchored_count_scan_is_finditer():
    """The count rule is tried only before its anchor words (goals._anchored_finditer): on strings
    dense in numbers, units and nouns it must return what a plain finditer returns."""
    import random

    from regevents.extract.goals import _anchored_finditer

    rule = _goal_rules()["count"]
    anchor = rule.meta["scan_anchor"]
    for example in rule.match:
        m = rule.search(example)
        assert m.group("noun") in anchor["words"]
        assert m.start("noun") - m.start() <= anchor["lead"]
    rnd = random.Random(11)
    pieces = list("一二两三四五六七八九十百几第多12个大项条类点件以下如面") + anchor["words"] + ["以下", "如下", "下面", "机制", "重点", "\n", ","]
    for _ in range(4000):
        s = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 14)))
        want = [(m.span(), m.groupdict()) for m in rule.pattern.finditer(s)]
        got = [(m.span(), m.groupdict()) for m in _anchored_finditer(rule, s)]
        assert got == want, s


def _goal_texts(text: str) -> list[str]:
    return [g.text for g in regevents.parse(text).goals]


def test_lines_under_a_lead_in_whose_colon_was_lost():
    # the colon went with an emoji (👇); each line opens with an action; a closing slogan is no item
    text = (
        "两省合作交流会召开\n\n5月8日,两省合作交流会在南宁召开。双方商定,下一步重点抓好以下合作👇\n"
        "📌共同推进沿线产业带建设\n📌共同打造文旅精品线路\n📌共同推动通道扩能提质\n\n💪携手奋进,两省同行!\n"
    )
    assert _goal_texts(text) == ["共同推进沿线产业带建设", "共同打造文旅精品线路", "共同推动通道扩能提质"]
    # a review of work done is no programme
    done = text.replace("下一步重点抓好以下合作", "一年来重点抓好了以下合作")
    assert _goal_texts(done) == []


def test_bare_list_after_a_lead_in_colon():
    text = "联席会议召开\n\n5月8日,联席会议在上饶召开。会议明确了下一步协同重点:联合巡护执法、森林防火联防、生态监测数据共享和毗邻社区协调发展。\n"
    assert _goal_texts(text) == ["联合巡护执法", "森林防火联防", "生态监测数据共享", "毗邻社区协调发展"]
    # clauses after the colon are no item list
    clauses = text.replace("联合巡护执法、森林防火联防、", "联合巡护执法,森林防火联防,")
    assert "联合巡护执法" not in _goal_texts(clauses)


def test_a_report_of_work_is_no_focus_area_list():
    text = "推进会召开\n\n7月17日,推进会在长春召开。长春市委副书记、市长王某某主持会议,哈尔滨市委副书记、市长李某某介绍哈尔滨方面工作情况。\n"
    assert _goal_texts(text) == []


def test_focus_areas_closed_by_a_hk_domain_word_or_by_putting_in_effort():
    """等范畴 (HK usage for 等领域) and 等方面持续发力 close a focus-area list like 等方面深化合作."""
    for tail in ("等范畴深化合作", "等方面持续发力"):
        text = "7月14日,甲乙丙合作区第九次联席会议在张家口召开。会议指出,要在交通互联、能源合作、文旅融合、生态共治" + tail + "。"
        assert [g.text for g in regevents.parse(text).goals] == ["交通互联", "能源合作", "文旅融合", "生态共治"], tail


def test_a_counted_list_one_short_splits_its_last_item_at_the_joining_word():
    """六项重点任务,即:A、B、C、D、E和F: the count says six, the 、 give five, the last one holds two."""
    text = (
        "推进会召开\n\n5月21日,推进会在六安召开。会议部署了六项重点任务,即:建设红色旅游精品区、打造绿色农产品供应基地、"
        "推进跨省交通互联互通、共建产业转移承接平台、加强生态保护和推动公共服务共建共享。\n"
    )
    got = _goal_texts(text)
    assert got[-2:] == ["加强生态保护", "推动公共服务共建共享"] and len(got) == 6
    # with five announced, the five stand as written
    five = text.replace("六项", "五项")
    assert _goal_texts(five)[-1] == "加强生态保护和推动公共服务共建共享"
    # 和 that opens a word (和谐) is no place to cut
    harmony = text.replace("加强生态保护和推动公共服务共建共享", "共同构建和谐邻里关系")
    assert "共同构建和谐邻里关系" in _goal_texts(harmony)


def test_a_count_ending_its_paragraph_with_one_line_an_item():
    """要在以下4个方面下功夫👇 then four lines whose bullets (✅) the cleaner removed."""
    text = (
        "联席会议召开\n\n3月17日,联席会议在贵阳召开。会议要求,两省要在以下4个方面下功夫👇\n"
        "✅推动产业梯度转移,共建产业合作园区;\n✅深化劳务协作,促进稳定就业;\n"
        "✅扩大消费帮扶;\n✅加强教育医疗人才帮扶。\n"
    )
    assert _goal_texts(text) == [
        "推动产业梯度转移,共建产业合作园区", "深化劳务协作,促进稳定就业", "扩大消费帮扶", "加强教育医疗人才帮扶",
    ]
    # three lines where four were announced: nothing is read
    assert _goal_texts(text.replace("✅扩大消费帮扶;\n", "")) == []


def test_a_quoted_count_label_followed_by_ji():
    text = "联席会议召开\n\n11月10日,联席会议在宁德召开。会议明确,要着力打造“三个示范区”,即山海协作示范区、开放合作示范区、绿色发展示范区。\n"
    assert _goal_texts(text) == ["山海协作示范区", "开放合作示范区", "绿色发展示范区"]
    # 即将 (about to) is no list
    soon = "联席会议召开\n\n11月10日,联席会议在宁德召开。会议明确,“三个示范区”,即将于年内挂牌。\n"
    assert _goal_texts(soon) == []


def test_what_signed_documents_cover_is_their_focus_areas():
    """签署…等7份合作文件,涵盖A、B…及C等范畴 (the shared gold's convention: the scope is the goals)."""
    text = (
        "合作会议举行\n\n11月16日,合作会议第三次会议在成都举行。双方签署《经贸合作协议》等7份合作文件,"
        "涵盖经贸、创科、青年交流、医疗卫生及法律服务等范畴。\n"
    )
    assert _goal_texts(text) == ["经贸", "创科", "青年交流", "医疗卫生", "法律服务"]
    # a list not opened by 涵盖/涉及/覆盖/包括 is not read by this rule
    plain = text.replace("涵盖经贸", "经贸")
    assert "创科" not in _goal_texts(plain)


def test_a_list_of_joint_actions():
    text = (
        "合作论坛举行\n\n11月10日,海洋经济合作论坛在宁德举行。论坛发布了《海洋经济协同发展倡议》,"
        "倡议五地共建海上养殖示范区、共育海洋新兴产业、共享海洋科研平台。\n"
    )
    assert _goal_texts(text) == ["共建海上养殖示范区", "共育海洋新兴产业", "共享海洋科研平台"]
    # the slogan 共商、共建、共享 is no list of goals
    slogan = text.replace("共建海上养殖示范区、共育海洋新兴产业、共享海洋科研平台", "坚持共商、共建、共享")
    assert _goal_texts(slogan) == []


def test_a_pronoun_speakers_counted_proposals():
    """他就A提出三点建议:一是…: the speech starts at the pronoun, so the count is inside the proposal."""
    text = (
        "座谈会举行\n\n6月7日,座谈会在杭州举行。吉林省委副书记、省长王某某出席座谈会。\n王某某代表吉林省感谢浙江省的支持。他说,两省合作基础深厚。"
        "他就深化两省合作提出三点建议:一是在体制机制创新上深化合作;二是在产业协作上深化合作;三是在开放平台联动上深化合作。\n"
    )
    got = goals(text)
    assert [g.text for g in got] == ["在体制机制创新上深化合作", "在产业协作上深化合作", "在开放平台联动上深化合作"]
    assert all(g.kind == "proposal" and g.count_evidence.text == "三点建议" for g in got)


def test_topics_counted_as_agenda_items():
    text = "论坛发布会举行\n\n10月18日,发布会在襄阳举行。论坛将围绕生态共治、产业协同、交通互联、文旅融合四个议题开展研讨。\n"
    assert _goal_texts(text) == ["生态共治", "产业协同", "交通互联", "文旅融合"]


def test_talks_on_areas_after_a_review_in_the_same_sentence():
    """The review (回顾…进展) is its own clause; the areas of the talks are still goals."""
    text = (
        "联席会议召开\n\n17日,联席会议在广州召开。双方总结回顾上一年度合作进展,围绕深度合作区建设、产业多元发展、"
        "科技创新等重点领域深入交换意见。\n"
    )
    assert _goal_texts(text) == ["深度合作区建设", "产业多元发展", "科技创新"]
    # a list of what was achieved stays unread
    done = text.replace("围绕深度合作区建设、产业多元发展、科技创新等重点领域深入交换意见", "在深度合作区建设、产业多元发展、科技创新等方面取得显著成效")
    assert _goal_texts(done) == []


def test_consolidating_results_is_work_to_do():
    text = "联席会议召开\n\n6月29日,联席会议在济南召开。会议商定,两省将在产业合作、劳务协作、消费帮扶五个方面深化协作,持续巩固拓展脱贫攻坚成果。\n"
    assert _goal_texts(text)[:3] == ["产业合作", "劳务协作", "消费帮扶"]


def test_a_statement_whose_clauses_repeat_the_modal_then_state_a_purpose():
    text = (
        "座谈会召开\n\n8日,座谈会在雄安召开。会议强调,要坚持高标准高质量,要坚持疏解与承接并重,要坚持共建共享,"
        "保持历史耐心和战略定力,确保各项任务落地见效。\n"
    )
    assert _goal_texts(text) == ["坚持高标准高质量", "坚持疏解与承接并重", "坚持共建共享"]
    # two actions then a view: no run of three, nothing is read
    short = text.replace("要坚持共建共享,", "")
    assert _goal_texts(short) == []


def test_a_statement_with_its_subject_before_the_modal():
    text = (
        "联席会议召开\n\n25日,联席会议在遵义召开。会议要求,两省市有关部门和毗邻地区要加强沟通衔接,"
        "共同推动重大项目落地见效,共同争取国家层面支持,共同把两地合作打造成为省际合作的样板。\n"
    )
    assert _goal_texts(text)[1:] == ["共同推动重大项目落地见效", "共同争取国家层面支持", "共同把两地合作打造成为省际合作的样板"]


def test_a_long_item_of_a_counted_list_is_kept_whole():
    """A stated count vouches for an item longer than an uncounted list would allow."""
    item2 = "共促产业链协同发展,围绕新材料、新能源、数字经济等产业开展精准对接,探索建立“总部在甲市、基地在乙市”“研发在甲市、转化在乙市”的合作模式"
    text = (
        "座谈会举行\n\n17日,座谈会在石家庄举行。甲市市委书记王某某出席座谈会。\n王某某说,两市合作有基础。"
        f"他提出三点建议:一是共建交通大通道,加快推进城际铁路前期工作;二是{item2};三是共推文化旅游一体化。\n"
    )
    assert len(item2) > 60
    assert _goal_texts(text) == ["共建交通大通道,加快推进城际铁路前期工作", item2, "共推文化旅游一体化"]


def test_an_existing_base_of_cooperation_is_no_goal():
    text = "座谈会举行\n\n17日,座谈会在石家庄举行。两县在红色旅游、生态保护、农产品流通等方面已有良好合作基础。\n"
    assert _goal_texts(text) == []
    ahead = text.replace("已有良好合作基础", "深化合作")
    assert _goal_texts(ahead) == ["红色旅游", "生态保护", "农产品流通"]


def test_a_declaration_of_one_clause_with_a_list_after_its_verb():
    text = (
        "论坛举行\n\n20日,论坛在鄂尔多斯举行。论坛发布了《协同发展宣言》。宣言提出,三市将携手打造能源基地绿色转型示范区、"
        "生态保护样板区、毗邻地区协同发展先行区。\n"
    )
    assert _goal_texts(text) == ["能源基地绿色转型示范区", "生态保护样板区", "毗邻地区协同发展先行区"]
    # a focus-area list after the declaration's verb stays a focus-area list
    areas = text.replace("携手打造能源基地绿色转型示范区、生态保护样板区、毗邻地区协同发展先行区", "在交通互联、产业协作、公共服务共享等领域开展合作")
    assert [g.kind for g in goals(areas)] == ["focus_area"] * 3


def test_a_speakers_counted_hopes_are_a_proposal():
    """他提出三点希望:一是…;二是…;三是…: a counted ask in a speech is read like a counted 建议, even
    after a recollection in the same paragraph; an uncounted 希望 in a speech stays unread."""
    head = "11月10日下午,两市对口支援工作座谈会在上海举行。王某某出席会议。\n"
    text = head + "王某某深情回顾了往事。他提出三点希望:一是着力深化产业协作,推动优质企业投资兴业;二是着力拓展消费帮扶;三是着力加强干部人才双向交流。"
    found = goals(text)
    assert [g.text for g in found] == ["着力深化产业协作,推动优质企业投资兴业", "着力拓展消费帮扶", "着力加强干部人才双向交流"]
    assert {g.kind for g in found} == {"proposal"}
    assert texts(head + "王某某深情回顾了往事。他希望,两地进一步深化产业协作、拓展消费帮扶、加强人才交流。") == []


def test_a_lead_verb_opening_a_list_of_aims():
    """会议商定,下一步各方将着力推动A、B、C和D: the noun phrases are the aims; a list of outcomes
    (推进“朋友圈”逐步扩容、…), of prepositional parts (推动资源向A倾斜、向B倾斜) or a focus-area list
    with 等 is not read this way."""
    head = "10月12日,武陵山区域发展联席会议在吉首召开。"
    text = head + "会议商定,下一步各方将着力推动区域旅游一体化、农产品区域公用品牌共建、生态环境联防联治和基础设施互联互通,努力建设示范区。"
    assert texts(text) == ["区域旅游一体化", "农产品区域公用品牌共建", "生态环境联防联治", "基础设施互联互通"]
    assert texts(head + "会议提出,推进“朋友圈”逐步扩容、“经济圈”更加活跃、“辐射圈”不断拓展。") == []
    assert texts(head + "会议商定,推动援藏资金和项目向基层倾斜、向民生倾斜、向农牧民倾斜。") == []


def test_a_counted_list_split_by_a_paragraph_break():
    """五个方面工作。第一,A;第二,B;第三,C。 / 第四,D;第五,E。: the next paragraph holds the rest; when it
    does not open with the next number, the count keeps what it found."""
    head = "3月5日,两市同城化党政联席会议在广州召开。会议明确,今年两市要重点抓好五个方面工作。"
    first = "第一,加快基础设施互联互通,打通断头路;第二,共建先进制造业集群;第三,共促科技创新协同。"
    text = head + first + "\n\n第四,共推公共服务同城共享;第五,共抓生态环境联防联治。"
    assert len(texts(text)) == 5
    assert len(texts(head + first + "\n\n两市还举行了项目签约。")) == 3


def test_a_counted_colon_that_ends_its_paragraph_and_a_list_in_the_next():
    """五项重点任务: / A,…;B,…;…;E。: cut at ; into exactly the count; prose after the colon is not a list."""
    head = "6月6日,城市群联席会议在玉溪召开。会议确定了五项重点任务:\n\n"
    items = "共建交通网,推进城际铁路;共建制造业集群;共建湖泊保护共同体;共建统一开放市场;共享优质公共服务。"
    assert texts(head + items) == ["共建交通网,推进城际铁路", "共建制造业集群", "共建湖泊保护共同体", "共建统一开放市场", "共享优质公共服务"]
    assert texts(head + "共建交通网,推进城际铁路;共享优质公共服务。") == []


def test_ordinal_runs_of_first_second_and_qi_yi():
    """会议要求:其一,A;其二,B;其三,C and 第一,A;第二,B: inline agendas like 一是…二是…; 位居第一 is none."""
    head = "10月20日,兵地融合发展座谈会在阿克苏召开。会议要求:"
    for a, b, c in (("其一", "其二", "其三"), ("第一", "第二", "第三")):
        text = head + f"{a},坚持规划同编,推动规划衔接;{b},坚持设施同建;{c},坚持产业同兴。"
        assert texts(text) == ["坚持规划同编,推动规划衔接", "坚持设施同建", "坚持产业同兴"]


def test_a_guests_address_with_musts_is_an_agenda():
    """副省长甲出席并致辞 … 甲强调,…,一要A;二要B;三要C: the address's musts are the programme; a speaker
    who only attends does not set it."""
    head = "3月21日,一体化经济区发展论坛在忻州举办。副省长王某某出席并致辞。\n"
    body = "王某某强调,推动经济区建设,一要强化规划引领,推动同城化发展;二要强化产业协同;三要强化生态共治。"
    assert texts(head + body) == ["强化规划引领,推动同城化发展", "强化产业协同", "强化生态共治"]
    assert texts(head.replace("出席并致辞", "出席") + body) == []


def test_a_chairs_counted_unnumbered_list_read_when_exactly_as_counted():
    """要着力在三个方面持续用力:在A上…;在B上…;在C上…: the chair's counted list after a colon is read
    when it gives exactly the count; a count the list does not fill stays unread."""
    text = _CHAIR + "刘某某强调,两市要着力在三个方面持续用力:在共建基础设施上持续用力;在共建产业体系上持续用力;在共建生活圈上持续用力。"
    assert len(texts(text)) == 3
    text = _CHAIR + "刘某某强调,两市要着力在三个方面持续用力:在共建基础设施上持续用力;在共建产业体系上持续用力。"
    assert texts(text) == []
