"""The numbered body: a tree of markers, leaves that are task items, headings that are sections,
and the responsibility clause of each item."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from yaodian.model import Item, OfficeRef, ParseWarning, Section
from yaodian.parsing import clauses, spans
from yaodian.parsing.clauses import Mention
from yaodian.parsing.header import ORG_SUFFIX, PUBLIC_NOTE, parse_date
from yaodian.parsing.lines import Line
from yaodian.parsing.markers import RANK, Marker
from yaodian.parsing.table import Row, Table, may_start_table, table_at
from yaodian.patterns import lazy

# "分管省领导：某某" "责任领导：" "分 管 县领导：" (spaces inside the label are seen)
LEADER_LINE = lazy(
    r"^(?:分\s*管|责\s*任|牵\s*头|包\s*保)?\s*(?:[省市县区]\s*)?(?:级\s*)?领\s*导\s*[:：]\s*(?P<v>.*)$"
)
# "完成时限：2024年6月底前" "时间节点：全年"
DEADLINE_LINE = lazy(r"^(?:完\s*成\s*)?(?:时\s*限|时\s*间(?:节点)?|期\s*限)\s*[:：]\s*(?P<v>.*)$")
# "附件" "附件1" "附件：…" — after the body, what follows is an appendix (often a table of the same tasks).
APPENDIX = lazy(r"^附\s*件\s*\d*\s*[:：]?\s*$")
# Sections that hold the preamble rather than tasks: "一、总体要求" "（一）指导思想"
PREAMBLE_SECTION = lazy(
    r"^(?:总体要求|指导思想|基本原则|工作目标|主要目标|总体目标|总体思路|工作原则)[。.]?$"
)
SENTENCE_END = lazy(r"[。！？!?]")
CLAUSE_END = lazy(r"[，,；;：:]")
NUMBER_PUNCT = lazy(r"[\s.．、]")
# A heading followed by its intro on the same line: "产业提升行动。围绕…" "发挥牵引作用 积极落实…。"
HEADING_SPLIT = lazy(r"^(?P<title>[^。\s]{2,60}?)(?:。|\s+)(?P<rest>\S.*[。：:].*)$")


@dataclass
class Node:
    """A numbered line and what follows it until the next numbered line."""

    marker: Marker | None
    line: int
    head: str
    body: list[Line] = field(default_factory=list)
    clause_lines: list[Line] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    row: Row | None = None
    end_line: int = 0
    part: int = 0  # which attachment the node stands in (0: the body itself)
    heading: bool = False  # a table's section row: a section even when no row falls under it

    @property
    def rank(self) -> int:
        return self.marker.rank if self.marker else 99


@dataclass
class Body:
    """The body as read: top-level nodes, paragraphs before them, and notes."""

    roots: list[Node] = field(default_factory=list)
    before: list[Line] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)


def build_tree(lines: Sequence[Line]) -> Body:
    """Nest numbered lines by their rank on the ladder; attach paragraphs and clause lines.
    Tables are read as rows under the current section; each 附件 starts a tree of its own."""
    body = Body()
    stack: list[Node] = []
    part = 0  # 0 for the body, n for the n-th attachment
    k = 0
    while k < len(lines):
        line = lines[k]
        table = table_at(lines, k) if may_start_table(line.text) else None
        if table is not None:
            _add_table(table, stack, body, part)
            k = table.end
            continue
        k += 1
        if APPENDIX.match(line.text) and (body.roots or stack):
            part += 1
            stack.clear()
            continue
        if line.marker is not None:
            _push(
                Node(line.marker, line.no, line.text[line.marker.end :].strip(), end_line=line.no),
                stack,
                body,
                part,
            )
            continue
        if not stack:
            if clauses.is_label_line(line.text):
                body.warnings.append(
                    ParseWarning(
                        line=line.no, code="detached-clause", message="责任单位行前面没有找到对应的条目"
                    )
                )
            if part == 0:
                body.before.append(line)
            continue
        node = stack[-1]
        node.end_line = line.no
        if clauses.is_label_line(line.text) or LEADER_LINE.match(line.text) or DEADLINE_LINE.match(line.text):
            node.clause_lines.append(line)
        else:
            node.body.append(line)
    _drop_repeated_appendices(body)
    body.signature = _drop_signature(body.roots)
    return body


def _push(node: Node, stack: list[Node], body: Body, part: int) -> None:
    node.part = part
    while stack and stack[-1].rank >= node.rank:
        stack.pop()
    (stack[-1].children if stack else body.roots).append(node)
    stack.append(node)


def _add_table(table: Table, stack: list[Node], body: Body, part: int) -> None:
    """Rows go under the innermost section heading; section rows ("一、…") open sections."""
    while stack and (stack[-1].row is not None or stack[-1].rank >= RANK["num"]):
        stack.pop()
    for entry in table.entries:
        if isinstance(entry, Line):
            assert entry.marker is not None
            head = entry.text[entry.marker.end :].strip()
            _push(Node(entry.marker, entry.no, head, end_line=entry.no, heading=True), stack, body, part)
            continue
        node = Node(None, entry.line, entry.cells.get("task", ""), row=entry, end_line=entry.end_line)
        node.part = part
        while stack and stack[-1].row is not None:
            stack.pop()
        (stack[-1].children if stack else body.roots).append(node)


def _drop_repeated_appendices(body: Body) -> None:
    """An attachment that only repeats the tasks already read (a 任务分解表 of the plan above
    it) adds nothing: drop it. Attachments with tasks of their own are kept."""
    parts = sorted({n.part for n in body.roots})
    if len(parts) < 2:
        return
    seen: set[str] = set()
    for part in parts:
        roots = [n for n in body.roots if n.part == part]
        keys = [_task_key(n) for n in _leaves(roots)]
        if part > 0 and keys and sum(key in seen for key in keys) * 2 > len(keys):
            body.roots = [n for n in body.roots if n.part != part]
            continue
        seen.update(keys)


def _task_key(node: Node) -> str:
    return re.sub(r"\W", "", node.head)[:6]


def _leaves(nodes: Sequence[Node]) -> list[Node]:
    out: list[Node] = []
    for node in nodes:
        out.extend(_leaves(node.children) if node.children else [node])
    return out


def _drop_signature(roots: Sequence[Node]) -> list[str]:
    """A signature and date after the last item belong to no item: "某某局" / "2024年2月20日".
    Returns the lines removed, for a notice whose only signature is at its end."""
    leaves = _leaves(roots)
    if not leaves:
        return []
    last = leaves[-1]
    tail = last.body
    cut = len(tail)
    while cut > 0:
        text = tail[cut - 1].text
        if parse_date(text) or PUBLIC_NOTE.match(text) or (len(text) <= 30 and ORG_SUFFIX.search(text)):
            cut -= 1
        else:
            break
    if cut < len(tail) and any(parse_date(t.text) or PUBLIC_NOTE.match(t.text) for t in tail[cut:]):
        removed = [t.text for t in tail[cut:]]
        del tail[cut:]
        return removed
    return []


def lead_sentence(text: str) -> str:
    """The item's title: its text up to the first full stop (or a short first clause)."""
    first = SENTENCE_END.split(text.split("\n", 1)[0], maxsplit=1)[0].strip()
    if len(first) > 60:
        comma = CLAUSE_END.split(first, maxsplit=1)[0]
        first = comma if len(comma) <= 60 else first[:40]
    return first.strip(" ：:；;，,")


@dataclass
class Assembled:
    """Items and sections made from the tree, with their warnings."""

    sections: list[Section] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    # Bare lists of names ("（省甲委、省乙委）") count as clauses only where the notice uses them
    # more than once or also has labelled clauses: one "（省级示范区）" is an aside, not an office.
    weak_ok: bool = True
    # Marker kinds that number items in this notice (leaves with clauses of their own): a heading
    # whose children are of such a kind is a section, even when it names offices itself.
    item_kinds: frozenset[str] = frozenset()


def assemble(body: Body, aliases: Mapping[str, str] | None) -> Assembled:
    """Turn the tree into sections and items, numbered in document order."""
    weak_ok = _bare_lists_are_clauses(body.roots)
    kinds = frozenset(
        n.marker.kind for n in _walk(body.roots) if n.marker and not n.children and _own_clause(n, weak_ok)
    )
    out = Assembled(weak_ok=weak_ok, item_kinds=kinds)
    for node in body.roots:
        if node.row is None and _is_preamble_section(node, out.weak_ok):
            out.preamble.append(_section_text(node))
        elif _is_leaf(node, out):
            _item(node, (), out, aliases)
        else:
            out.sections.append(_section(node, (), out, aliases))
    return out


def _bare_lists_are_clauses(roots: Sequence[Node]) -> bool:
    nodes = _walk(roots)
    strengths = [clauses.clause_strength(g[1]) for n in nodes if (g := _last_group(n)) is not None]
    tails = sum(1 for n in nodes if _office_tail(n) is not None)
    return clauses.STRONG in strengths or strengths.count(clauses.WEAK) + tails >= 2


def _office_tail(node: Node) -> str | None:
    """The bare office name after a node's last sentence, if it ends so."""
    text = node.body[-1].text if node.body else node.head
    if node.row is not None or " " not in text:
        return None
    tail = spans.OFFICE_TAIL.match(text)
    return tail.group("office") if tail and clauses.reads_as_offices(tail.group("office")) else None


def _walk(nodes: Sequence[Node]) -> list[Node]:
    return [n for node in nodes for n in _all_nodes(node)]


def _last_group(node: Node) -> tuple[str, str] | None:
    if node.row is not None:
        return None
    return clauses.trailing_group(node.body[-1].text if node.body else node.head)


def _is_preamble_section(node: Node, weak_ok: bool) -> bool:
    """ "一、总体要求" with its paragraphs, or with "（一）指导思想" "（二）基本原则" under it, is the
    preamble; numbered targets under "一、总体目标" ("1.地区生产总值增长6%") are items."""
    if not PREAMBLE_SECTION.match(node.head.strip()):
        return False
    if any(not (PREAMBLE_SECTION.match(c.head.strip()) and not c.children) for c in node.children):
        return False
    return not any(_own_clause(n, weak_ok) for n in _all_nodes(node))


def _all_nodes(node: Node) -> list[Node]:
    out = [node]
    for child in node.children:
        out.extend(_all_nodes(child))
    return out


def _section_text(node: Node) -> str:
    parts = []
    for n in _all_nodes(node):
        if n is not node:
            parts.append((n.marker.printed if n.marker else "") + n.head)
        parts.extend(line.text for line in n.body)
    return "\n".join(parts)


def _own_clause(node: Node, weak_ok: bool) -> bool:
    if node.row is not None:
        return any(k in node.row.cells for k in ("lead", "support", "listed"))
    if node.clause_lines:
        return True
    group = _last_group(node)
    return group is not None and clauses.is_clause(group[1], weak_ok=weak_ok)


def _is_leaf(node: Node, out: Assembled) -> bool:
    """A node is a task item when nothing below it is; also when it has its own clause and the
    numbered lines below it have none (an item whose body enumerates its points) — unless they
    are numbered as the notice numbers its items, which makes the node a section heading."""
    if node.heading:
        return False
    if not node.children:
        return True
    if "总牵头" in node.head:
        return False  # "一、加快调整能源结构（省甲委总牵头）" leads a section of items
    if all(c.marker is not None and c.marker.kind in out.item_kinds for c in node.children):
        return False
    below = (n for c in node.children for n in _all_nodes(c))
    return _own_clause(node, out.weak_ok) and not any(_own_clause(n, out.weak_ok) for n in below)


def _section(
    node: Node,
    path: tuple[str, ...],
    out: Assembled,
    aliases: Mapping[str, str] | None,
) -> Section:
    assert node.marker is not None
    number = node.marker.number
    my_path = (*path, number)
    title = node.head
    named: tuple[OfficeRef, ...] = ()
    group = clauses.trailing_group(title)
    if group is not None and clauses.is_clause(group[1], weak_ok=out.weak_ok):
        named = clauses.resolve_roles(clauses.read_clause(group[1]).mentions, aliases)
        title = group[0]
    lead = tuple(r for r in named if r.is_lead)
    # "（三）产业提升行动。围绕…实施如下项目：" or, with breaks lost, "一、某某 积极落实…。":
    # the heading is the first sentence, the rest is its intro.
    intro = [line.text for line in node.body]
    split = HEADING_SPLIT.match(title)
    if split:
        title = split.group("title")
        intro.insert(0, split.group("rest"))
    _share_group_clause(node.children, out.weak_ok)
    items: list[Item] = []
    children: list[Section] = []
    for child in node.children:
        if not _is_leaf(child, out):
            children.append(_section(child, my_path, out, aliases))
        else:
            # An item without a clause of its own is the heading's offices' to do.
            items.append(_item(child, my_path, out, aliases, inherited=named))
    return Section(
        level=node.marker.rank,
        number=number,
        index=node.marker.value,
        marker=node.marker.printed,
        title=title.rstrip("。. "),
        intro="\n".join(intro),
        lead=lead,
        children=tuple(children),
        items=tuple(items),
        line=node.line,
    )


def _share_group_clause(group: list[Node], weak_ok: bool) -> None:
    """One clause on a line of its own after a group of numbered points, none of which has a
    clause of its own, applies to every point of the group:
        （1）修订预案。 （2）开展演练。 （3）加强培训。
        （责任单位：各县（市、区）政府、市直各部门）"""
    if len(group) < 2 or any(n.children or n.row is not None for n in group):
        return
    last = group[-1]
    if not last.body or any(_own_clause(n, weak_ok) for n in group[:-1]):
        return
    line = last.body[-1]
    found = clauses.trailing_group(line.text)
    if found is None or found[0] or not clauses.is_clause(found[1], weak_ok=weak_ok):
        return
    for n in group[:-1]:
        n.body.append(line)


@dataclass
class _Clauses:
    """What an item's clauses say, gathered from wherever they stand."""

    text: str = ""
    mentions: list[Mention] = field(default_factory=list)  # settled together (label lines)
    groups: list[tuple[Mention, ...]] = field(default_factory=list)  # each settled on its own
    rejected: list[str] = field(default_factory=list)
    leader: str | None = None
    deadline: str | None = None

    def read(self, content: str, *, hint: str = "listed", alone: bool = False) -> None:
        reading = clauses.read_clause(content, hint=hint)
        if alone:
            self.groups.append(reading.mentions)
        else:
            self.mentions.extend(reading.mentions)
        self.rejected.extend(reading.rejected)
        self.leader = self.leader or reading.leader
        self.deadline = self.deadline or reading.deadline

    def offices(self, aliases: Mapping[str, str] | None) -> tuple[OfficeRef, ...]:
        groups = [*self.groups, tuple(self.mentions)]
        return spans.merge([clauses.resolve_roles(g, aliases) for g in groups])


def _row_clauses(row: Row) -> _Clauses:
    """A table row: its office columns, leader and deadline cells."""
    found = _Clauses(text=row.cells.get("task", ""))
    for role in ("lead", "listed", "support"):
        if role in row.cells:
            found.read(row.cells[role], hint=role)
    found.leader, found.deadline = row.cells.get("leader"), row.cells.get("deadline")
    return found


def _text_clauses(node: Node, weak_ok: bool) -> _Clauses:
    """A numbered item: clauses inside and at the end of its paragraphs, an opening role
    sentence, and the label lines after it (牵头单位：… 分管领导：… 完成时限：…)."""
    paragraphs = [node.head, *(line.text for line in node.body)]
    # Numbered lines below a leaf (its enumerated points) are part of its text.
    for child in node.children:
        for n in _all_nodes(child):
            paragraphs.append((n.marker.printed if n.marker else "") + n.head)
            paragraphs.extend(line.text for line in n.body)
    paragraphs, inner = spans.inner_clauses([p for p in paragraphs if p])
    text, last = spans.split_clause(paragraphs, weak_ok)
    if last is None and not node.clause_lines and paragraphs:
        opening = spans.leading_clause(paragraphs[0])
        if opening is not None:
            last, text = opening[0], "\n".join([opening[1], *paragraphs[1:]])
    found = _Clauses(text=text)
    if last is not None:
        found.read(last)
    for clause in inner:
        found.read(clause, alone=True)
    for line in node.clause_lines:
        leader, deadline = LEADER_LINE.match(line.text), DEADLINE_LINE.match(line.text)
        if leader:
            found.leader = leader.group("v").strip() or None
        elif deadline:
            found.deadline = deadline.group("v").strip() or None
        else:
            # A label line starts with its label, which read_clause turns into the role.
            found.read(line.text)
    return found


def _item(
    node: Node,
    path: tuple[str, ...],
    out: Assembled,
    aliases: Mapping[str, str] | None,
    inherited: tuple[OfficeRef, ...] = (),
) -> Item:
    if node.row is not None:
        found = _row_clauses(node.row)
        number = NUMBER_PUNCT.sub("", node.row.cells.get("number", "")) or str(len(out.items) + 1)
        marker = number
    else:
        assert node.marker is not None
        found = _text_clauses(node, out.weak_ok)
        number, marker = node.marker.number, node.marker.printed
    offices = found.offices(aliases) or inherited
    if not offices and node.row is None:
        out.warnings.extend(spans.unread(node.line, number, found.text))
    for name in found.rejected:
        out.warnings.append(
            ParseWarning(
                line=node.line,
                code="office-name",
                message=f"条目 {number} 的责任单位中“{name}”不像单位名称，已略过；请核对原文。",
            )
        )
    text, leader, deadline = found.text, found.leader, found.deadline
    item = Item(
        number=number,
        marker=marker,
        ordinal=len(out.items) + 1,
        section=path,
        title=lead_sentence(text),
        text=text,
        offices=offices,
        leader=leader,
        deadline=deadline,
        line=node.line,
        end_line=max(node.end_line, node.line),
    )
    out.items.append(item)
    return item
