"""Damage a notice's text the way it reaches an office: copied out of a PDF viewer (hard-wrapped
at GB/T 9704's 28 characters a line, page numbers and running heads between pages), typed with
Word soft line breaks inside clauses, pasted from a web page with its furniture, or with its
paragraph breaks lost. Pure functions over text, used by the tests to make fixtures from any
notice; nothing here reads a file."""

from __future__ import annotations

import re

# Responsibility clauses in brackets: "（责任科室：甲科、乙科）".
_CLAUSE = re.compile(r"[（(](?:责任|牵头|配合)[^（()）]*(?:[（(][^（()）]*[)）][^（()）]*)*[)）]")


def width(text: str) -> float:
    """Printed width in full-width cells: ASCII letters and digits take half a cell; punctuation
    takes a whole one, as it was full-width in the printed original (stored text often has it
    folded to half-width)."""
    return sum(0.5 if ch.isascii() and (ch.isalnum() or ch == " ") else 1.0 for ch in text)


def wrap_lines(paragraph: str, cells: float = 28, indent: int = 2) -> list[str]:
    """Break one paragraph into printed lines of `cells` cells, the first one indented."""
    lines: list[str] = []
    line, used = "", float(indent)
    for ch in paragraph:
        w = width(ch)
        if used + w > cells and line:
            lines.append(line)
            line, used = "", 0.0
        line += ch
        used += w
    if line:
        lines.append(line)
    return lines


def pdf_copy(
    text: str,
    *,
    cells: float = 28,
    page_lines: int = 22,
    running_head: str = "",
    page_number: str = "— {} —",
) -> str:
    """Text as a PDF viewer copies it: every paragraph hard-wrapped, and at each page break a
    page number "— 3 —" (and a running head) standing between two lines, often mid-sentence."""
    printed: list[str] = []
    for paragraph in text.splitlines():
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        printed.extend(wrap_lines(paragraph, cells))
    out: list[str] = []
    for k, line in enumerate(printed):
        if k and k % page_lines == 0:
            page = k // page_lines
            out.append(page_number.format(page))
            if running_head:
                out.append(running_head)
        out.append(line)
    out.append(page_number.format(len(printed) // page_lines + 1))
    return "\n".join(out) + "\n"


def soft_breaks(text: str, brk: str = "\v") -> str:
    """A Word soft line break inside every bracketed clause, after its first list separator
    (or after its label's colon when it names one office)."""

    def cut(m: re.Match[str]) -> str:
        clause = m.group()
        for sep in ("、", "：", ":"):
            pos = clause.find(sep)
            if pos > 0:
                return clause[: pos + 1] + brk + clause[pos + 1 :]
        return clause

    return _CLAUSE.sub(cut, text)


def web_page(text: str, *, site: str = "示范市人民政府门户网站", title: str = "") -> str:
    """The notice as pasted from a government web page: breadcrumbs, metadata rows and the font
    widget before it; an 附件 list, a list of related links, share, print and close links and the
    site's footer after."""
    head = [
        f"{site}",
        "首页 > 政务公开 > 通知公告",
        "索 引 号：11430700000000000X/2024-00012    分 类：通知",
        "发布机构：示范市某某局    发布日期：2024-02-21",
        f"标    题：{title}" if title else "标    题：关于印发工作要点的通知",
        "发布时间：2024-02-21 09:30    来源：本网    浏览次数：1024    字体：【大 中 小】",
    ]
    tail = [
        "附件：1.工作任务分解表.xlsx",
        "2.联系人名单.docx",
        "相关链接：",
        "1.关于做好春季农业生产工作的通知",
        "2.政策解读：年度工作要点问答",
        "扫一扫在手机打开当前页",
        "【打印本页】 【关闭窗口】",
        "上一篇：关于做好春季开学工作的通知",
        "下一篇：关于开展教师培训的通知",
        f"主办：{site.replace('门户网站', '')}办公室 承办：示范市大数据中心",
        "网站标识码：4307000001 湘ICP备05000000号-1 湘公网安备43070202000000号",
    ]
    return "\n".join([*head, text.rstrip("\n"), *tail]) + "\n"


def one_line(text: str, sep: str = "") -> str:
    """All paragraph breaks lost: the whole notice on one line (joined by `sep`)."""
    return sep.join(p.strip() for p in text.splitlines() if p.strip()) + "\n"
