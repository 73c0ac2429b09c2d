"""Normalisation: noise removed, damage marked, and offsets always map back."""
from __future__ import annotations

import pytest
from conftest import text_names, read_text
from hypothesis import given, settings
from hypothesis import strategies as st

import regex

import regevents

from regevents.normalize import _WIDTH, DAMAGE, normalize
from regevents.t2s import to_simplified


def assert_offsets(raw: str) -> None:
    c = normalize(raw)
    assert len(c.text) <= len(raw)
    for i in range(0, len(c.text), max(1, len(c.text) // 200)):
        sp = c.span(i, i + 1)
        assert raw[sp.start : sp.end] == sp.text
        assert sp.end - sp.start == 1
    if c.text:
        sp = c.span(0, len(c.text))
        assert raw[sp.start : sp.end] == sp.text


@pytest.mark.parametrize("name", text_names())
def test_offsets_on_shared_texts(name):
    raw = read_text(name)
    assert_offsets(raw)
    c = normalize(raw)
    # every clean char is the (simplified, width-normalised) image of the char it maps to
    for i in range(len(c.text)):
        o = c.to_original(i)
        if regex.match(r"\p{Han}", raw[o]):
            assert regex.match(r"\p{Han}", c.text[i])
        else:
            assert c.text[i] in (raw[o].translate(_WIDTH), DAMAGE)


@pytest.mark.parametrize(
    "raw,clean",
    [
        ("協(xié)同發(fā)展", "协同发展"),
        ("領(lǐng)導(dǎo)", "领导"),
        ("12🏋️日下午", "12日下午"),
        ("近8年來🙅🏼‍♀️", "近8年来"),
        ("本領*️⃣👨🏻‍🌾。", "本领。"),
        ("共識🈂️;重點㊙️", "共识;重点"),
        ("互補⇨、深度✢融合", "互补、深度融合"),
        ("投入🂠,統籌𓀁", "投入,统筹"),
        ("🇨🇳中国", "中国"),
        ("(记者 李保林)", "(记者 李保林)"),
        ("会议，审议：通过（草案）", "会议,审议:通过(草案)"),
        ("２０１９年５月", "2019年5月"),
        ("COVID-19 ABC", "COVID-19 ABC"),
        ("“一江碧水”《纲要》、。", "“一江碧水”《纲要》、。"),
    ],
)
def test_cleaning(raw, clean):
    assert normalize(raw).text == clean
    assert_offsets(raw)


def test_damaged_runs_are_marked():
    c = normalize("江蘇省委副書記、省長吳政??;浙江")
    assert "吴政" + DAMAGE * 2 in c.text
    s, e = c.damaged[0]
    assert c.text[s:e] == DAMAGE * 2 and c.is_damaged(s, e)


def test_damaged_char_before_gloss():
    c = normalize("勇挑重?(fù)擔(dān)")
    assert c.text == "勇挑重" + DAMAGE + "担"
    assert c.damaged == [(3, 4)]


def test_mojibake_marked():
    c = normalize("儀式?!缎吓_(tái)倡議》")
    assert c.text.startswith("仪式" + DAMAGE * 2)


def test_plain_question_mark_kept():
    assert normalize("补贴发放多少?吉林").text == "补贴发放多少?吉林"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("協同發展會議在漢舉行12日?()xiéǎ🏋️‍♀*⃣🇨🇳㊙ ,，。\n")), max_size=80))
def test_offsets_on_noisy_text(raw):
    assert_offsets(raw)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_offsets_on_any_text(raw):
    assert_offsets(raw)


def test_digit_keycaps_keep_their_digit():
    assert normalize("1️⃣共建平台 2️⃣共享资源 #️⃣").text == "1共建平台 2共享资源 "


def test_gloss_after_mojibake_is_removed():
    assert "(tái)" not in normalize("儀式?!缎吓_(tái)倡議》").text


def test_markup_left_by_a_scraper_stands_for_what_it_meant():
    """&nbsp; a space, &ldquo; a quotation mark, a block tag a line break, an inline tag nothing; the
    kept character is the markup's last, so every clean range maps back to the original."""
    raw = '2023-05-13&nbsp;&nbsp;来源：某某日报<span class="f">字号</span><p style="x">探索&ldquo;联合开发&rdquo;</p><br/>完'
    clean = normalize(raw)
    assert clean.text == '2023-05-13  来源:某某日报字号\n探索“联合开发”\n\n完'
    i = clean.text.index("某某日报")
    assert clean.span(i, i + 4).text == "某某日报"
    j = clean.text.index("“联合开发”")
    sp = clean.span(j, j + 6)
    assert raw[sp.start : sp.end] == sp.text == ";联合开发&rdquo;"  # from the stand-in on: the ; of &ldquo;


def test_page_labels_in_gbk_mojibake_are_written_back():
    """A template read as GBK (来源： -> 鏉ユ簮锛?): each label from page_labels.txt is written back, a
    lost byte as '?' or U+FFFD, trailing or inside (作者： -> 浣滆?咃細); the text around it and the
    offsets stay; mojibake that is no label stays as it is."""
    raw = "鍙戝竷鏃堕棿锛?2024-03-29 08:20\u3000鏉ユ簮锛\ufffd某某日报\u3000浣滆?咃細记者 王某\n鍚存睙鏂伴椈"
    clean = normalize(raw)
    assert clean.text == "发布时间:2024-03-29 08:20 来源:某某日报 作者:记者 王某\n" + to_simplified("鍚存睙鏂伴椈")
    assert not clean.damaged
    i = clean.text.index("某某日报")
    assert clean.span(i, i + 4).text == "某某日报"
    j = clean.text.index("作者")
    assert clean.span(j, j + 3).text == "浣滆?咃"  # the characters that stand for the label (the lost mark deleted)
    assert normalize("鏉ユ簮:某某日报").text == to_simplified("鏉ユ簮:某某日报")  # 来源： is read with its colon
    assert normalize("会议来源于协作。").text == "会议来源于协作。"


def test_what_only_looks_like_markup_stays():
    for raw in ("<<国家>>规划", "a<b且c>d", "R&D投入", "&unknown;词", "&#55296;"):
        assert normalize(raw).text == raw


def test_invisible_format_characters_are_deleted():
    """A BOM, zero-width spaces and a soft hyphen inside words are not text: 吉某\\u200b华 is one name;
    the zero-width joiner still goes with its emoji; offsets map back."""
    raw = "\ufeff会议由吉某\u200b华主持,王\u2060某\u00ad某出席。"
    clean = normalize(raw)
    assert clean.text == "会议由吉某华主持,王某某出席。"
    i = clean.text.index("吉某华")
    assert clean.span(i, i + 3).text == "吉某\u200b华"
    assert {r.kind for r in clean.removed} == {"invisible"}
    assert normalize("会议\u3000召开").text == "会议 召开"  # a visible space is no format character


def test_a_fixed_width_page_has_its_line_breaks_inside_paragraphs_dropped():
    """A PDF e-paper text (most lines of one width, paragraphs opened by an indent): the break after a
    full line that does not end a sentence goes (庞\\n立新 is one name); indents, sentence ends and a
    page number keep theirs; a page of lines of every length is left alone."""
    lines = [
        "\u3000\u3000本报讯 6月8日上午,两市同城化发展推进",
        "会在开封召开。郑州市委书记王某某,开封市委",
        "书记李某某出席会议并分别讲话。省发展改革委",
        "副主任庞立新出席。会议由开封市委副书记、市",
        "长楼某主持。会议听取了两市工作情况的汇报,",
        "研究部署下一阶段重点工作。两市签署了合作协",
        "议。会议强调,要坚持规划同图,推动空间布局",
        "一体化;要坚持交通同网,加快城际交通建设。",
        "\u3000\u3000会上,两市审议通过了重点工作任务,签署",
        "了科技创新走廊共建协议和文化旅游合作协议,",
        "共同发布了示范区建设三年行动方案。",
        "责任编辑:尚某 校对:宁某某某某某某某某",
        "1",
    ]
    raw = "\n".join(lines)
    clean = normalize(raw)
    assert "开封市委书记李某某" in clean.text and "长楼某主持" in clean.text
    assert "一体化;要坚持交通同网,加快城际交通建设。\n\u3000\u3000会上" in raw and "建设。\n  会上" in clean.text
    assert clean.text.endswith("某某\n1")
    i = clean.text.index("开封市委书记")
    assert clean.span(i, i + 6).text == "开封市委\n书记"
    ragged = "\n".join(ln[: 8 + k * 2] for k, ln in enumerate(lines[:11]))
    assert normalize(ragged).text == ragged.replace("\u3000", " ")


def test_crlf_line_ends_read_as_lf():
    """A page saved with CRLF (Windows) parses to the same records as with LF, offsets into the CRLF text."""
    lf = read_text("h21.txt") if "h21.txt" in text_names() else next(read_text(n) for n in text_names())
    crlf = lf.replace("\n", "\r\n")
    a, b = regevents.parse(lf), regevents.parse(crlf)
    assert [m.name for m in a.meetings] == [m.name for m in b.meetings]
    assert [(p.name, [(r.org, r.title) for r in p.roles]) for p in a.attendees] == [
        (p.name, [(r.org, r.title) for r in p.roles]) for p in b.attendees
    ]
    assert [g.text for g in a.goals] == [g.text for g in b.goals]
    for m in b.meetings:
        for sp in m.evidence:
            assert crlf[sp.start : sp.end] == sp.text
