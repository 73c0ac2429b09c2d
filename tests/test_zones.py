"""Page zoning of each shared text: the article is read, the furniture is not."""
from __future__ import annotations

import pytest
from conftest import read_text

from regevents.normalize import normalize
from regevents.zones import BODY, FURNITURE, HEADLINE, zone


def zones_of(name: str):
    c = normalize(read_text(name))
    z = zone(c.text)
    return c.text, z


def zone_of_line(text, z, needle):
    for ln in z.lines:
        if needle in text[ln.start : ln.end]:
            return ln.zone
    raise AssertionError(f"no line contains {needle!r}")


@pytest.mark.parametrize(
    "name,needle,expected",
    [
        ("000_800a12ffd4e27745.txt", "座谈会在汉举行", HEADLINE),
        ("000_800a12ffd4e27745.txt", "湖北日报讯", BODY),
        ("000_800a12ffd4e27745.txt", "Copyright", FURNITURE),
        ("000_800a12ffd4e27745.txt", "版权为", FURNITURE),
        ("001_cc6c4b9cc009c9ed.txt", "当前位置", FURNITURE),
        ("001_cc6c4b9cc009c9ed.txt", "安徽新闻", FURNITURE),
        ("001_cc6c4b9cc009c9ed.txt", "出席", HEADLINE),
        ("001_cc6c4b9cc009c9ed.txt", "通讯地址", FURNITURE),
        ("002_3873d8454603a5b7.txt", "IMG_5763", FURNITURE),
        ("002_3873d8454603a5b7.txt", "活动招募", FURNITURE),
        ("002_3873d8454603a5b7.txt", "六大领域重点合作", BODY),
        ("004_f3826c69192a0ce5.txt", "布兰妮", FURNITURE),
        ("004_f3826c69192a0ce5.txt", "李嘉诚", FURNITURE),
        ("004_f3826c69192a0ce5.txt", "新闻多一点", BODY),
        ("h01.txt", "用户登录", FURNITURE),
        ("h04.txt", "精选视频", FURNITURE),
        ("h09.txt", "新闻排行", FURNITURE),
        ("h12.txt", "新闻热点", FURNITURE),
        ("h19.txt", "我要问", FURNITURE),
    ],
)
def test_zone_of_line(name, needle, expected):
    text, z = zones_of(name)
    assert zone_of_line(text, z, needle) == expected


def test_readable_text_blanks_furniture_and_keeps_length():
    text, z = zones_of("004_f3826c69192a0ce5.txt")
    assert len(z.readable_text) == len(text)
    assert "布兰妮" not in z.readable_text and "李嘉诚" not in z.readable_text
    assert "泛珠三角区域合作行政首长联席会议在贵州贵阳举行" in z.readable_text


def test_caption_is_not_readable():
    text, z = zones_of("004_f3826c69192a0ce5.txt")
    assert "湘黔两省在贵阳举行工作会谈" not in z.readable_text


@pytest.mark.parametrize(
    "line,expected",
    [
        ("Updated: Aug 18, 2023 21:40 Source: 某某日报 Editor: Wang Mou", "meta"),
        ("Related stories 相关新闻", FURNITURE),
    ],
)
def test_english_mirror_page_lines(line, expected):
    text = f"某某会议在广州举行\n{line}\n某某日报讯 17日,会议在广州召开。\n"
    c = normalize(text)
    z = zone(c.text)
    assert zone_of_line(c.text, z, line[:10]) == expected


def test_related_lists_under_stories_and_videos_headers():
    """相关稿件 / 【相关视频】 open a related list like 相关新闻: its meetings and people are furniture."""
    for header in ("相关稿件", "【相关视频】", "往期推荐"):
        text = f"两省联席会议召开\n\n5月12日,两省联席会议在武汉召开。\n\n{header}\n长江大保护工作推进会在宜昌召开\n"
        z = zone(text)
        last = z.lines[-1]
        assert last.zone == FURNITURE, header


def test_a_page_footer_inside_an_article_does_not_end_it():
    """责任编辑:… then a bare page number: a printed page's footer; the article goes on over the page.
    Without the page number the editor's line ends the article as before."""
    body = "两市推进会召开\n\n6月8日上午,两市同城化发展推进会在开封召开。\n"
    rest = "会上,两市签署了合作协议。\n"
    z = zone(body + "责任编辑:尚某 校对:宁某\n1\n" + rest)
    assert z.lines[-1].zone == BODY
    z = zone(body + "责任编辑:尚某 校对:宁某\n" + rest)
    assert z.lines[-1].zone == FURNITURE


def test_a_second_papers_lead_starts_the_next_article_of_the_page():
    """A printed page (第1版) holds the next article after ours: its headline and its own 本报讯 lead end
    ours; a single 本报讯 article is read whole."""
    ours = "第1版 要闻\n两市推进会召开\n\n  本报讯 6月8日上午,两市同城化发展推进会在开封召开。\n  会上,两市签署了合作协议。\n"
    nxt = "市政协召开主席会议\n  本报讯(记者 韩某)6月8日下午,市政协召开主席会议。\n"
    z = zone(ours + nxt)
    assert [ln.zone for ln in z.lines[-2:]] == [FURNITURE, FURNITURE]
    assert zone(ours).lines[-1].zone == BODY
    # a web page is no printed page: two leads there (a digest of two items) are both read
    z = zone((ours + nxt).replace("第1版 要闻\n", ""))
    assert z.lines[-1].zone == BODY
