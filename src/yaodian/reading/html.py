"""Reading saved web pages (.html, .htm, .mhtml): the article body, one paragraph a line.

A notice published on a government site sits inside a page of navigation, breadcrumbs, share
buttons and footers. The body is found by the content containers those sites use (`zoom`,
`TRS_Editor`, `content`, `article` …) or, failing that, by where most paragraph text is; scripts,
styles, navigation, headers and footers are dropped. Tables become `cell | cell |` rows.
"""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Iterator
from typing import Any

from yaodian.decoding import decode
from yaodian.errors import InputError
from yaodian.reading.tables import GridCell, flatten_table

_Element = Any

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""", re.IGNORECASE)

# Never part of the article.
_DROP_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "select",
    "button",
    "input",
    "textarea",
    "head",
    "object",
    "embed",
    "svg",
    "canvas",
}
# Containers by id or class, in the order government sites use them for the article text.
_CONTENT_HINTS = re.compile(
    r"^(?:zoom|fontzoom|TRS_Editor|TRS_UEDITOR|UCAP-CONTENT|Custom_UnionStyle|article[-_]?content|"
    r"content[-_]?(?:text|detail|body|con|main)?|detail[-_]?content|news[-_]?content|text[-_]?content|"
    r"art[-_]?con|con[-_]?text|view[-_]?content|conTxt|article|main[-_]?content|xxgk[-_]?content)$",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"(?:^|[-_ ])(?:nav|menu|breadcrumb|crumb|position|location|share|footer|header|sidebar|"
    r"related|pager|print|toolbar|banner|copyright|bottom|top|search|login|link)s?(?:$|[-_ ])",
    re.IGNORECASE,
)
_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tr",
    "section",
    "article",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "center",
    "hr",
    "main",
    "tbody",
    "thead",
    "tfoot",
    "caption",
    "figure",
    "figcaption",
    "address",
}
CJK = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_SOURCE_WRAP = re.compile(rf"(?<=[{CJK}])[ \t\r\f]*\n\s*(?=[{CJK}])")
_SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")
_EDGES = " \t\r\n\u3000\u00a0\u200b\ufeff"


def read_html(data: bytes, name: str) -> tuple[str, str]:
    """Text of the article in a saved web page; the detail is the encoding used."""
    head = data[:2000].lstrip().lower()
    if head.startswith((b"mime-version", b"content-type", b"from:", b"subject:")) and b"multipart/" in head:
        data, declared = _mhtml_part(data, name)
    else:
        declared = None
    text, encoding = _decode(data, name, declared)
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(text)
    except Exception as exc:  # lxml raises ParserError / XMLSyntaxError on empty or odd input
        raise InputError(f"{name}：网页内容为空或无法解析；请确认保存的是通知正文所在的网页。") from exc
    for el in list(root.iter()):
        tag = el.tag if isinstance(el.tag, str) else ""
        if (tag.lower() in _DROP_TAGS or not isinstance(el.tag, str)) and el.getparent() is not None:
            el.drop_tree()
    body = _article(root)
    lines = [line for line in (_clean(x) for x in _lines(body)) if line]
    if not lines:
        if _depth(root) >= _PARSER_DEPTH:
            raise InputError(
                f"{name}：网页的标签嵌套超过 {_PARSER_DEPTH} 层，HTML 解析器读到这一层就停止了，正文文字在更深处"
                "没有读到；请在浏览器中打开此网页，复制正文粘贴到记事本另存为 .txt 后再试。"
            )
        raise InputError(
            f"{name}：网页中没有找到正文文字；请确认保存的是通知正文所在的网页（而不是目录页）。"
        )
    return "\n".join(lines) + "\n", encoding


# libxml2's HTML parser stops nesting at 256 levels (without its "huge" option, which would
# only move the limit and let a hostile page exhaust memory); what lies deeper is not read.
_PARSER_DEPTH = 255


def _depth(root: _Element) -> int:
    """How deep the element tree goes (counted without recursion)."""
    deepest, stack = 0, [(root, 1)]
    while stack:
        el, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in el)
    return deepest


def _mhtml_part(data: bytes, name: str) -> tuple[bytes, str | None]:
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return payload, part.get_content_charset()
    raise InputError(f"{name}：MHTML 文件里没有网页正文；请在浏览器中另存为“网页，仅 HTML”。")


def _decode(data: bytes, name: str, declared: str | None) -> tuple[str, str]:
    """The page as text: the charsets it declares (MIME part, <meta>, <?xml?>) come first."""
    charsets = [declared] if declared else []
    head = data[:4096]
    for pattern in (_META_CHARSET, _XML_ENCODING):
        match = pattern.search(head)
        if match:
            charsets.append(match.group(1).decode("ascii", "replace"))
    return decode(data, name, declared=charsets, lenient=True)


def _attrs(el: _Element) -> list[str]:
    values = [str(el.get("id") or "")]
    values += str(el.get("class") or "").split()
    return [v for v in values if v]


def _text_len(el: _Element) -> int:
    return len(re.sub(r"\s+", "", el.text_content()))


def _link_len(el: _Element) -> int:
    return sum(len(re.sub(r"\s+", "", a.text_content())) for a in el.iter("a"))


def _article(root: _Element) -> _Element:
    """The element holding the article: a known content container, else the text-richest block."""
    body = root.find("body")
    if body is None:
        body = root
    total = max(_text_len(body), 1)
    # 1. Known containers with most of the page's non-link text.
    hinted = [
        el
        for el in body.iter()
        if isinstance(el.tag, str) and any(_CONTENT_HINTS.match(v) for v in _attrs(el))
    ]
    best: _Element | None = None
    best_len = 0
    for el in hinted:
        n = _text_len(el) - _link_len(el)
        # The innermost container that still holds the text wins (zoom inside article).
        if n >= 50 and (
            n > best_len * 1.15 or (best is not None and _inside(el, best) and n >= best_len * 0.85)
        ):
            best, best_len = el, n
    if best is not None and best_len >= total * 0.25:
        return best
    # 2. Readability-style: each paragraph's text counts for its parent, half for its grandparent.
    scores: dict[_Element, float] = {}
    for el in body.iter("p", "td", "div", "li", "span", "font"):
        if any(_BOILERPLATE.search(v) for v in _attrs(el)):
            continue
        own = len(re.sub(r"\s+", "", (el.text or "") + "".join((c.tail or "") for c in el)))
        if own < 10:
            continue
        parent = el.getparent()
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0.0) + own
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0.0) + own / 2
    if not scores:
        return body
    winner = max(scores, key=lambda el: scores[el] * (1 - _link_len(el) / max(_text_len(el), 1)))
    return winner


def _inside(el: _Element, other: _Element) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent is other:
            return True
        parent = parent.getparent()
    return False


def _lines(el: _Element) -> Iterator[str]:
    """Block elements end lines; tables become rows of cells."""
    buf: list[str] = []

    def flush() -> Iterator[str]:
        # Newlines in the page source are wrapping; only <br> (kept as U+2028) breaks a line.
        if buf:
            yield from "".join(buf).split("\u2028")
            buf.clear()

    def walk(node: _Element) -> Iterator[str]:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag == "table":
            yield from flush()
            yield from _table(node)
            if node.tail:
                buf.append(node.tail)
            return
        block = tag in _BLOCK
        if block:
            yield from flush()
        if tag == "br":
            buf.append("\u2028")
        if node.text:
            buf.append(node.text)
        for child in node:
            yield from walk(child)
        if block:
            yield from flush()
        if node.tail:
            buf.append(node.tail)

    text = el.text
    if text:
        buf.append(text)
    for child in el:
        yield from walk(child)
    yield from flush()


def _cell_text(cell: _Element) -> str:
    parts = [_clean(x) for x in _lines(cell)]
    return " ".join(p for p in parts if p).replace("|", "｜")


def _table(table: _Element) -> Iterator[str]:
    rows = [tr for tr in table.iter("tr") if _nearest_table(tr) is table]
    pending: dict[int, tuple[int, str]] = {}  # column → (rows still covered, text) of a rowspan
    grid: list[list[GridCell]] = []
    for tr in rows:
        row: list[GridCell] = []
        for cell in tr:
            if not isinstance(cell.tag, str) or cell.tag.lower() not in ("td", "th"):
                continue
            _fill_rowspans(row, pending)
            span = _int(cell.get("colspan"), 1)
            down = _int(cell.get("rowspan"), 1)
            col = len(row)
            text = _cell_text(cell)
            row.append(GridCell(text, "own"))
            row.extend(GridCell(text, "h") for _ in range(span - 1))
            if down > 1:
                for k in range(span):
                    pending[col + k] = (down - 1, text)
        _fill_rowspans(row, pending)
        grid.append(row)
    yield from flatten_table(grid)


def _fill_rowspans(row: list[Any], pending: dict[int, tuple[int, str]]) -> None:
    """Add the cells covered by rowspans from rows above, at the row's current end."""
    while pending.get(len(row), (0, ""))[0] > 0:
        left, text = pending[len(row)]
        pending[len(row)] = (left - 1, text)
        row.append(GridCell(text, "v"))


def _nearest_table(el: _Element) -> _Element | None:
    parent = el.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _int(value: object, default: int) -> int:
    try:
        return max(1, min(int(str(value)), 100))
    except (TypeError, ValueError):
        return default


def _clean(text: str) -> str:
    text = _SOURCE_WRAP.sub("", text)
    text = _SPACES.sub(" ", text)
    return text.strip(_EDGES)
