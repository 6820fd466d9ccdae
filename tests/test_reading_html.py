"""The web-page reader: article found, page clutter dropped, charsets honoured, tables as rows."""

from __future__ import annotations

from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest

from yaodian import parse_file
from yaodian.errors import InputError
from yaodian.reading.html import read_html

INPUTS = Path(__file__).resolve().parent / "fixtures" / "inputs"


def lines_of(html: str | bytes, name: str = "page.html") -> list[str]:
    data = html.encode("utf-8") if isinstance(html, str) else html
    return read_html(data, name)[0].splitlines()


def test_sample_page_reads_as_the_text(sample_path: Path) -> None:
    text, encoding = read_html((INPUTS / "sample-page.html").read_bytes(), "sample-page.html")
    # GBK bytes declared as gb2312: read as GB18030, which covers both.
    assert encoding == "gb18030"
    expected = [line for line in sample_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert text.splitlines() == expected


def test_sample_page_parses_like_the_text(sample_notice) -> None:  # type: ignore[no-untyped-def]
    notice = parse_file(INPUTS / "sample-page.html")
    assert len(notice.items) == 35
    assert notice.items == sample_notice.items
    assert [o.name for o in notice.offices()] == [o.name for o in sample_notice.offices()]
    assert notice.source.format == "html"


def test_clutter_dropped() -> None:
    text = (INPUTS / "sample-page.html").read_bytes().decode("gbk")
    assert "脚本写入的文字" in text and "主办单位" in text  # present in the page ...
    got = "\n".join(lines_of((INPUTS / "sample-page.html").read_bytes()))
    for clutter in (
        "脚本写入的文字",
        "统计代码",
        "首页",
        "当前位置",
        "主办单位",
        "打印本页",
        "浏览次数",
        "line-height",
    ):
        assert clutter not in got  # ... but not in the article


def test_largest_text_block_without_known_container() -> None:
    page = """<html><head><meta charset="utf-8"><title>t</title></head><body>
    <div class="sidebar"><a href="/1">友情链接一</a><a href="/2">友情链接二</a><p>热点新闻标题很长很长很长很长</p></div>
    <div class="wrap"><div class="main-box">
      <p>某县农业局2025年工作要点</p>
      <p>一、稳定粮食生产</p>
      <p>1.落实粮食播种面积。全年播种面积稳定在50万亩以上。（责任单位：种植股）</p>
      <p>2.推进高标准农田建设。新建高标准农田2万亩。（责任单位：农田建设股、财务股）</p>
    </div></div>
    <div id="foot">版权所有 某县农业局</div></body></html>"""
    assert lines_of(page) == [
        "某县农业局2025年工作要点",
        "一、稳定粮食生产",
        "1.落实粮食播种面积。全年播种面积稳定在50万亩以上。（责任单位：种植股）",
        "2.推进高标准农田建设。新建高标准农田2万亩。（责任单位：农田建设股、财务股）",
    ]


def test_br_lines_nbsp_and_source_wrapping() -> None:
    page = """<html><body><div id="zoom">&nbsp;&nbsp;一、总体要求<br>
    1.加强统筹
    协调工作。（责任单位：<span>综合科</span>）<br/><br/>\u3000\u30002.做好“学习新思想 做好接班人”活动。</div></body></html>"""
    assert lines_of(page) == [
        "一、总体要求",
        # a line break in the page source between two Chinese characters is not a space
        "1.加强统筹协调工作。（责任单位：综合科）",
        # a typed space inside the sentence is kept
        "2.做好“学习新思想 做好接班人”活动。",
    ]


def test_meta_charset_gbk_with_characters_outside_gb2312() -> None:
    page = '<html><head><meta charset="GB2312"></head><body><div class="content"><p>镕铖堃喆科工作要点</p></div></body></html>'
    text, encoding = read_html(page.encode("gb18030"), "a.htm")
    assert encoding == "gb18030"
    assert text == "镕铖堃喆科工作要点\n"


def test_utf8_without_declaration() -> None:
    page = "<html><body><div class='article'><p>某区工作要点</p></div></body></html>"
    assert lines_of(page) == ["某区工作要点"]


def test_table_rowspan_colspan() -> None:
    page = """<html><head><meta charset="utf-8"></head><body><div id="content"><p>某镇2025年工作任务分解表</p>
    <table><tr><th rowspan="2">序号</th><th rowspan="2">工作任务</th><th colspan="2">责任单位</th><th rowspan="2">完成时限</th></tr>
    <tr><th>牵头单位</th><th>配合单位</th></tr>
    <tr><td colspan="5">一、农业农村</td></tr>
    <tr><td>1</td><td>建设高标准农田3000亩。</td><td rowspan="2">农业办</td><td>水利站</td><td>2025年底</td></tr>
    <tr><td>2</td><td>推进农村厕所改造。</td><td>卫生院</td><td>2025年9月</td></tr>
    <tr><td>3</td><td>开展全民健身活动。</td><td colspan="2">文化站</td><td>全年</td></tr>
    </table></div></body></html>"""
    assert lines_of(page) == [
        "某镇2025年工作任务分解表",
        "序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |",
        "一、农业农村 |",
        "1 | 建设高标准农田3000亩。 | 农业办 | 水利站 | 2025年底 |",
        "2 | 推进农村厕所改造。 | 农业办 | 卫生院 | 2025年9月 |",
        "3 | 开展全民健身活动。 | 文化站 | | 全年 |",
    ]


def test_mhtml() -> None:
    message = MIMEMultipart("related")
    body = '<html><head><meta charset="utf-8"></head><body><div id="zoom"><p>一、总体要求</p><p>1.某项工作。（责任单位：甲科）</p></div></body></html>'
    message.attach(MIMEText(body, "html", "utf-8"))
    data = message.as_bytes()
    assert data.lower().startswith(b"content-type") or data.lower().startswith(b"mime-version")
    assert read_html(data, "page.mhtml")[0].splitlines() == ["一、总体要求", "1.某项工作。（责任单位：甲科）"]


def test_empty_page_is_an_input_error() -> None:
    with pytest.raises(InputError, match="没有找到正文"):
        read_html(b"<html><body><script>var a=1;</script></body></html>", "empty.html")
