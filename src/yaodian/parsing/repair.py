"""Undo the damage text suffers on its way to an office, before anything else reads it.

A notice copied out of a PDF viewer is hard-wrapped (GB/T 9704 prints 28 characters a line, so
breaks fall inside sentences, clauses and office names) and carries page numbers and running heads
between its lines; Word soft breaks split a clause over two lines; a web page adds its furniture
before and after the notice. This stage turns physical lines back into paragraphs, so that later
stages see one paragraph per line:

    drop page furniture   "— 3 —", "第3页 共9页", a running head repeated at every page break
    drop the page's tail  share/print/close links, 主办/承办, ICP and site codes, an 附件 file list
    rejoin wrapped lines  by open brackets, lists cut after "、", lines that start with closing
                          punctuation, and — in hard-wrapped text — lines that fill the measure
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from yaodian.parsing.clauses import LABEL, is_label_line
from yaodian.parsing.markers import match_marker
from yaodian.parsing.spans import broken_clause
from yaodian.patterns import containing, lazy

# Page numbers as printed and copied: "— 3 —" "- 12 -" "－3－" "第 3 页" "第3页，共9页" "3/9"
PAGE_NUMBER = lazy(
    r"^(?:[-—–－─~]{1,3}\s*\d{1,4}\s*[-—–－─~]{1,3}|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|"
    r"\d{1,4}\s*/\s*\d{1,4}|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页)$"
)

# Web-page rows and widgets: "索 引 号：…" "发布时间：…" "字体：【大 中 小】" "浏览次数：" "首页 > 政务公开"
CLUTTER = lazy(
    r"索\s*引\s*号|发布(?:时间|日期|机构)|公开(?:日期|方式|范围|时间)|成文日期|信息来源|来源(?:时间)?为?\s*[:：]|^标\s*题\s*[:：]|"
    r"浏览(?:次数)?|点击(?:数|率|量)|字[号体]\s*[:：]|【\s*大\s*中\s*小\s*】|\[\s*大\s*中\s*小\s*\]|打印本页|关闭窗口|"
    r"分享到|当前位置|您现在的位置|^首页|[>»＞]\s*\S+\s*[>»＞]|主题分类|体裁分类|有效性|效力状态|"
    r"^文\s*号\s*[:：]|^分\s*类\s*[:：]|^时\s*效|扫一扫|责任编辑|^【?(?:打印|关闭|收藏)】?$|"
    # document-sharing sites: "VIP专免" "侵权投诉" "海报" "29.51KB" "24 页" "999+"
    r"^(?:VIP\S{0,4}|侵权投诉|举报|海报|下载|收藏|分享|[\d.]+\s*[KM]B|\d+\s*页|\d+\+)$"
)
# A letterhead repeated as the running head of each page: "某某市教育局文件" "中共某某委员会文件"
RUNNING_HEAD = lazy(r"^\S{2,30}文件$")
HEAD_PUNCT = lazy(r"[。，,、；;：:（）()]")
# What a government web page prints after the article: "扫一扫在手机打开当前页" "【打印本页】【关闭窗口】"
# "上一篇：…" "主办：某某局 承办：某某中心" "湘ICP备05000000号" "网站标识码：4307000001".
TAIL_FURNITURE = lazy(
    r"扫一扫|手机(?:打开|浏览|查看)|打印本页|关闭(?:本页|窗口)|【\s*(?:打印|关闭|收藏|纠错)|^(?:上|下)一篇|"
    r"^(?:主办|承办|协办|主管)(?:单位)?\s*[:：]|ICP\s*备|公网安备|网站标识码|网站地图|联系我们|版权所有|"
    r"Copyright|©|^分享到?\s*[:：]?|^相关(?:链接|文件|阅读|稿件|附件)|^(?:【|\[)?\s*我要纠错|浏览次数|"
    r"^责任编辑|^(?:文章)?来源\s*[:：]|^\s*附件下载|^(?:返回顶部|返回首页)$",
    re.IGNORECASE,
)
# The heading of a list of links after the article: "相关链接：" "相关文件" "附件下载"
LINK_LIST = lazy(
    r"^【?\s*(?:相关(?:链接|文件|阅读|稿件|新闻|附件|解读)|附件下载|延伸阅读|热点推荐|推荐阅读)\s*】?\s*[:：]?$"
)
# Words that give a task to somebody: a line holding them is no link title.
ASSIGNS = containing("责任|牵头|配合")
# An attachment listed as a file to download: "附件：1.任务分解表.xlsx" "2.联系人名单.docx"
ATTACHMENT_FILE = lazy(
    r"^(?:附\s*件\s*\d*\s*[:：]?\s*)?(?:\d{1,2}\s*[.．、]\s*)?.{0,80}\.(?:docx?|xlsx?|wps|et|pdf|ofd|zip|rar|txt)$",
    re.IGNORECASE,
)

# Characters a line cannot start with in Chinese typesetting: a line that starts with one
# continues the line before ("…市发改委\n）" "…工作\n，").
NON_STARTER = "、，,。.；;：:！!？?）)〉>】]》”’…"
OPEN_BRACKETS = "（(〈<【[《“‘"
CLOSE_BRACKETS = "）)〉>】]》”’"
SENTENCE_END = "。！!？?；;：:"
_BRACKET = lazy("[" + re.escape(OPEN_BRACKETS + CLOSE_BRACKETS) + "]")
# Dates and signatures close a block: never glue them onto what comes before.
# A numbering marker alone on its line: "1." "（一）" "二、"
BARE_MARKER = lazy(
    r"^(?:[(（]?[0-9０-９一二三四五六七八九十]{1,3}[)）.．、]|第[一二三四五六七八九十]{1,3}部分)$"
)
DATE_END = lazy(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
DATE_LINE = lazy(r"^(?:(?:19|20)\d{2}|[〇零○一二]{4})\s*年.{1,6}日$")


_HALF_CELL = lazy(r"[A-Za-z0-9 ]")


class Paragraph(NamedTuple):
    """One logical paragraph with the 1-based physical line it starts on."""

    no: int
    text: str


def cells(text: str) -> float:
    """Printed width in full-width cells. Letters and digits take half a cell; ASCII punctuation
    is counted whole, since stored Chinese text often has full-width punctuation folded."""
    return len(text) - 0.5 * len(_HALF_CELL.findall(text))


def repair(lines: Sequence[str]) -> list[Paragraph]:
    """Physical lines (already cleaned, empty ones kept for numbering) to paragraphs."""
    # A line that is only a bar separates the cells of a table copied one cell a line.
    numbered = [(no, text) for no, text in enumerate(lines, start=1) if text and text.strip("|｜ ")]
    numbered = _drop_page_furniture(numbered)
    numbered = _drop_page_tail(numbered)
    # blanks[n]: how many empty lines stand among the first n lines.
    blanks = [0]
    for text in lines:
        blanks.append(blanks[-1] + (not text))
    return _unwrap(numbered, blanks)


def _page_number(text: str) -> bool:
    # (Short lines only: the pattern is then never compiled for most notices.)
    return len(text) <= 16 and bool(PAGE_NUMBER.match(text))


def _drop_page_furniture(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Page numbers, and running heads: a short line repeated next to page numbers."""
    pages = {k for k, (_, text) in enumerate(lines) if _page_number(text)}
    if not pages:
        return lines
    near = Counter(
        lines[j][1]
        for j in {k + d for k in pages for d in (-1, 1)}
        if 0 <= j < len(lines) and j not in pages and len(lines[j][1]) <= 40
    )
    # A running head repeats at every page break; with one break, it is known by being the
    # document's own name or issuer from its first lines, or a "某某文件" letterhead.
    first = {text for _, text in lines[:15] if not HEAD_PUNCT.search(text)}
    tops = {lines[k + 1][1] for k in pages if k + 2 < len(lines) and k + 1 not in pages}
    heads = {text for text, count in near.items() if count >= 2}
    heads |= {text for text in tops if text in first or RUNNING_HEAD.search(text)}
    return [
        line for k, line in enumerate(lines) if k not in pages and not (line[1] in heads and _by(k, pages))
    ]


def _by(k: int, pages: set[int]) -> bool:
    return k - 1 in pages or k + 1 in pages


def _drop_page_tail(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Cut the web page's footer: from the first furniture line in the last stretch of the
    text, when what follows it is furniture too (or short link text between furniture)."""
    cut = len(lines)
    # A list of links under its own heading ("相关链接：" then "1.关于…的通知" …) near the end.
    for k in range(len(lines) - 1, max(-1, len(lines) - 30), -1):
        if LINK_LIST.match(lines[k][1]) and all(
            len(t) <= 80 and not ASSIGNS.search(t) for _, t in lines[k + 1 :]
        ):
            cut = k
            break
    k = cut - 1
    while k >= 0:
        text = lines[k][1]
        # Footer lines are short; a long line holds text, whatever link words it carries.
        if len(text) <= 80 and (
            TAIL_FURNITURE.search(text) or ATTACHMENT_FILE.match(text) or _page_number(text)
        ):
            cut = k
        elif not (len(text) <= 12 and cut - k <= 2 and cut < len(lines)):
            break
        k -= 1
    # An "附件：" line left just above the footer, whose entries were files.
    while cut > 0 and re.match(r"^附\s*件\s*\d*\s*[:：]?\s*$", lines[cut - 1][1]) and cut < len(lines):
        cut -= 1
    return lines[:cut]


def _unwrap(lines: list[tuple[int, str]], blanks: list[int]) -> list[Paragraph]:
    measure = _measure([text for _, text in lines])
    out: list[Paragraph] = []
    last_line, last_no, depth = "", 0, 0
    for k, (no, text) in enumerate(lines):
        ahead = lines[k + 1][1] if k + 1 < len(lines) else ""
        # An empty line between two lines is a paragraph break that no wrap makes.
        apart = blanks[no - 1] > blanks[last_no]
        if out and (
            _crosses_blank(out[-1].text, depth, text)
            if apart
            else _continues(out[-1].text, depth, last_line, text, ahead, measure)
            and not (CLUTTER.search(text) or CLUTTER.search(last_line))
        ):
            prev = out[-1]
            glue = " " if prev.text[-1:].isascii() and prev.text[-1:].isalpha() and text[:1].isascii() else ""
            out[-1] = Paragraph(prev.no, prev.text + glue + text)
            depth = _depth(text, depth)
        else:
            out.append(Paragraph(no, text))
            depth = _depth(text, 0)
        last_line, last_no = text, no
    return out


def _measure(texts: Sequence[str]) -> float | None:
    """The line length of hard-wrapped text, or None when the text is not hard-wrapped. Wrapped
    lines never pass the measure and most reach it, so the widest width that a good share of
    the long lines share (within a character or two) is the measure; wider lines are furniture.
    It takes two lines at that width that stop mid-sentence to show that lines were wrapped."""
    # A line printed twice (a title on a web page and again in the text) is one piece of evidence.
    # (A line of over 130 characters is wider than 60 cells whatever it holds: not measured.)
    long = [(w, t) for t in set(texts) if (w := cells(t) if len(t) <= 130 else 99.0) >= 12]
    for w in sorted({round(x) for x, _ in long}, reverse=True):
        band = [t for x, t in long if w - 1.5 <= x <= w + 0.5]
        # A printed page has at least 20 characters a line; narrower runs are table cells.
        if len(band) < max(2, 0.25 * len(long)) or not 20 <= w <= 60:
            continue
        if sum(1 for t in band if t[-1] not in SENTENCE_END + CLOSE_BRACKETS) >= 2:
            return float(w)
    return None


def _depth(text: str, depth: int = 0) -> int:
    """Brackets still open after `text`, starting from `depth` open ones."""
    for ch in _BRACKET.findall(text):
        if ch in OPEN_BRACKETS:
            depth += 1
        elif ch in CLOSE_BRACKETS and depth > 0:
            depth -= 1
    return depth


def _crosses_blank(prev: str, depth: int, text: str) -> bool:
    """Across an empty line only what cannot start a paragraph continues: a line that starts with
    closing punctuation, or the rest of a clause whose bracket is still open."""
    if text[0] in NON_STARTER:
        return True
    closes = any(ch in CLOSE_BRACKETS for ch in text)
    return depth > 0 and closes and match_marker(text) is None and broken_clause(prev)


def _continues(prev: str, depth: int, prev_line: str, text: str, ahead: str, measure: float | None) -> bool:
    """Whether physical line `text` continues paragraph `prev` (`depth` brackets open), whose
    last physical line is `prev_line` (see the module docstring); `ahead` is the line after."""
    if text[0] in NON_STARTER or (len(prev_line) <= 6 and BARE_MARKER.match(prev_line)):
        return True  # "1." alone on its line (a number set apart in the PDF) takes the next line
    if (
        (len(text) <= 6 and BARE_MARKER.match(text))
        or match_marker(text) is not None
        or (len(text) <= 20 and DATE_LINE.match(text))
        or "|" in text
        or "|" in prev
    ):
        return False
    if depth > 0 and any(ch in CLOSE_BRACKETS for ch in text + ahead):
        return True  # "（责任科室：甲科、" + "乙科）" ; "…工作。（" + "责任科室：甲科）"
    if is_label_line(text):
        return False
    last = prev[-1]
    label = LABEL.search(prev, max(0, len(prev) - 12))
    if last in "、，," or (label is not None and label.end() == len(prev)):
        return True  # "…甲科、" + "乙科" ; "责任单位：" + "甲局、乙局"
    if measure is None:
        return False
    if cells(prev_line) < measure - 2.5 or DATE_END.search(prev_line):
        return False
    if last not in SENTENCE_END:
        return True
    # A full line that ends a sentence: the paragraph goes on when the next line is full too or
    # ends a sentence itself; a short bare line after it (an issuer, a title) stands alone, and
    # so does a clause in brackets, which may belong to a whole group of points.
    if text[0] in OPEN_BRACKETS:
        return False
    return cells(text) >= measure - 2.5 or text[-1] in SENTENCE_END + CLOSE_BRACKETS
