"""`yaodian report`: the leadership page — its HTML read as a document, then loaded in headless
Chromium (DOM after scripts, console, network, phone width, JavaScript off)."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import openpyxl
import pytest

from browser import CHROMIUM, Browser
from conftest import FIXTURES, SAMPLES, build_notice, run_cli
from yaodian.writers.report_assets import SCRIPT
from yaodian.writers.report_html import build_report

SAMPLE = SAMPLES / "changde-2024.txt"
PREVIOUS = SAMPLES / "report" / "changde-2023-made-up.txt"
INJECTED_TASK = (
    '加强<script>window.__pwned=1</script>管理。推进"><img src=x onerror="window.__pwned=2">工作。'
)
INJECTED_OFFICE = '"><img src=x onerror="window.__pwned=3">科'
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="没有安装 Chromium（Debian 软件包 chromium）")


@pytest.fixture(scope="module")
def full_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample with --previous and --ledger (the ledger with a few statuses set)."""
    folder = tmp_path_factory.mktemp("report")
    ledger = folder / "台账.xlsx"
    assert run_cli("ledger", SAMPLE, "-o", ledger).exit_code == 0
    wb = openpyxl.load_workbook(ledger)
    ws = wb["台账"]
    for row, status in ((2, "已完成"), (3, "推进中"), (4, "滞后")):
        ws.cell(row=row, column=13).value = status
    wb.save(ledger)
    page = folder / "报告.html"
    result = run_cli(
        "report", SAMPLE, "--previous", PREVIOUS, "--ledger", ledger, "--as-of", "2024-07-01", "-o", page
    )
    assert result.exit_code == 0, result.output
    assert "已写入" in result.stderr
    return page


@pytest.fixture(scope="module")
def injected_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    notice = build_notice(
        [
            (
                "一",
                "<b>部分</b>",
                [("1", INJECTED_TASK, f"{INJECTED_OFFICE}、基教科"), ("2", "普通任务。", "基教科")],
            )
        ],
        title="某局</title><script>window.__pwned=4</script>2024年工作要点",
        issuers=("<i>某局</i>",),
    )
    page = tmp_path_factory.mktemp("inject") / "报告.html"
    page.write_text(build_report(notice), encoding="utf-8")
    return page


def _doc(page: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(page.read_text(encoding="utf-8"))


# --- the file itself ---------------------------------------------------------------------------


def test_self_contained_and_small(full_page: Path) -> None:
    html = full_page.read_text(encoding="utf-8")
    assert full_page.stat().st_size <= 400 * 1024
    assert not re.search(r"https?:|//[a-z]|@import|url\(", html, re.I), "no address of any kind in the page"
    doc = _doc(full_page)
    (csp,) = doc.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')
    assert "default-src 'none'" in csp and "base-uri 'none'" in csp
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp  # only the page's own script may run
    (script,) = doc.xpath("//script")
    assert script.text == SCRIPT and len(SCRIPT.encode()) < 3000
    assert doc.get("lang") == "zh-CN"
    assert '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC"' in html and "SimSun" in html
    assert "@page landscape { size: A4 landscape" in html and "#matrix { page: landscape; }" in html


def test_everything_is_in_the_html_without_script(full_page: Path) -> None:
    doc = _doc(full_page)
    assert len(doc.xpath('//table[@class="matrix"]//tr[contains(@class,"item")]')) == 35
    assert len(doc.xpath('//table[@class="matrix"]/thead//th[@class="office"]')) == 25
    assert [s.get("id") for s in doc.xpath('//section[@class="part"]')] == [
        "facts",
        "load",
        "matrix",
        "offices",
        "changes",
        "progress",
    ]
    (jjk,) = doc.xpath('//section[@data-office="基教科"]')
    assert len(jjk.xpath('.//li[@class="task"]')) == 19
    assert "牵头任务（7 项）" in jjk.text_content() and "配合任务（12 项）" in jjk.text_content()
    # the section rows group the matrix: 6 parts, each above its own items
    assert len(doc.xpath('//tr[@class="sec"]')) == 6
    # the tools that need the script are hidden until it runs
    assert all(t.get("hidden") is not None for t in doc.xpath("//*[@data-js]"))


def test_changes_and_progress(full_page: Path) -> None:
    doc = _doc(full_page)
    (changes,) = doc.xpath('//section[@id="changes"]')
    text = changes.text_content()
    for heading in (
        "新增条目（1）",
        "删除条目（1）",
        "修改条目",
        "合并条目（1）",
        "拆分条目（1）",
        "科室更名",
    ):
        assert heading in text
    assert "校外培训监管科 → 校外监管科" in text
    assert changes.xpath(".//del") and changes.xpath(".//ins")
    assert "各科室任务增减" in text
    (progress,) = doc.xpath('//section[@id="progress"]')
    assert "截至2024年7月1日，台账共 101 项任务，已完成 1 项" in progress.text_content()
    assert len(progress.xpath(".//svg//rect")) >= 25


def test_overdue_list(tmp_path: Path) -> None:
    ledger = tmp_path / "台账.xlsx"
    notice = FIXTURES / "notices" / "ledger_deadlines.txt"
    assert run_cli("ledger", notice, "-o", ledger).exit_code == 0
    page = tmp_path / "r.html"
    assert run_cli("report", notice, "--ledger", ledger, "--as-of", "2024-12-31", "-o", page).exit_code == 0
    (progress,) = _doc(page).xpath('//section[@id="progress"]')
    rows = progress.xpath(".//table//tbody/tr")
    assert rows and "逾期任务" in progress.text_content()
    assert all(re.match(r"2024-\d{3}-\d{2}$", r[0].text_content()) for r in rows)


def test_notice_text_is_escaped(injected_page: Path) -> None:
    doc = _doc(injected_page)
    assert not doc.xpath("//img") and len(doc.xpath("//script")) == 1 and not doc.xpath("//b[.='部分']")
    text = doc.text_content()
    assert "<script>window.__pwned=1</script>" in text
    assert '"><img src=x onerror="window.__pwned=2">' in text
    assert [th.text_content() for th in doc.xpath('//th[@class="office"]')].count(INJECTED_OFFICE) == 1
    assert "<i>某局</i>" in doc.xpath("//header")[0].text_content()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("-o", "r.txt"), 2, "须以 .html 结尾"),
        (("-o", "r.html", "--as-of", "2024-07-01"), 2, "--ledger"),
        (("-o", "r.html", "--ledger", "x.xlsx", "--as-of", "7月1日"), 2, "2024-07-01"),
        (("-o", "r.html", "--previous", "none.txt"), 1, "none.txt"),
        (("-o", "r.html", "--ledger", "none.xlsx"), 1, "none.xlsx"),
    ],
)
def test_usage_errors(tmp_path: Path, args: tuple[str, ...], code: int, message: str) -> None:
    result = run_cli(
        "report", SAMPLE, *[str(tmp_path / a) if a.startswith(("r.", "none")) else a for a in args]
    )
    assert result.exit_code == code and message in result.stderr
    assert not list(tmp_path.iterdir())


def test_both_from_stdin_is_refused(tmp_path: Path) -> None:
    result = run_cli("report", "-", "--previous", "-", "-o", tmp_path / "r.html", input=SAMPLE.read_bytes())
    assert result.exit_code == 2 and "标准输入" in result.stderr


def test_items_without_an_office_are_red(tmp_path: Path) -> None:
    notice = build_notice(
        [("一", "部分", [("1", "有分工的任务。", "基教科"), ("2", "没有分工的任务。", "")])]
    )
    doc = lxml.html.fromstring(build_report(notice))
    (fact,) = doc.xpath('//div[@class="fact bad"]')
    assert fact.text_content() == "1/2写明责任单位"
    assert "没有写明责任单位的条目：第 2 条" in doc.xpath('//p[@class="bad"]')[0].text_content()
    (row,) = doc.xpath('//tr[@class="item none"]')
    assert row.text_content().startswith("2没有分工的任务")


def test_existing_output_needs_force(tmp_path: Path) -> None:
    page = tmp_path / "r.html"
    page.write_text("旧", encoding="utf-8")
    assert run_cli("report", SAMPLE, "-o", page).exit_code == 1
    assert page.read_text(encoding="utf-8") == "旧"
    assert run_cli("report", SAMPLE, "-o", page, "--force").exit_code == 0


# --- in a real browser -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM is not None
    b = Browser(CHROMIUM)
    try:
        yield b
    finally:
        b.close()


VISIBLE = "Array.from(document.querySelectorAll('{}')).filter(e => e.getClientRects().length > 0).length"


def _search(b: Browser, words: str) -> tuple[int, str]:
    b.evaluate(
        f"var q = document.getElementById('q'); q.value = {words!r}; q.dispatchEvent(new Event('input'))"
    )
    return b.evaluate(VISIBLE.format("tr.item")), b.evaluate("document.getElementById('shown').textContent")


@needs_chromium
def test_browser_sample_page(browser: Browser, full_page: Path) -> None:
    log = browser.open(full_page)
    assert browser.evaluate("document.querySelectorAll('table.matrix tr.item').length") == 35
    assert browser.evaluate("document.querySelectorAll('table.matrix thead th.office').length") == 25
    assert browser.evaluate(VISIBLE.format("#q")) == 1  # the script showed its tools
    # choosing 基教科 shows its 19 tasks and no other office's
    browser.evaluate(
        "var p = document.getElementById('pick'); p.value = '基教科'; p.dispatchEvent(new Event('change'))"
    )
    assert browser.evaluate(VISIBLE.format("section.office")) == 1
    assert browser.evaluate(VISIBLE.format("section.office li.task")) == 19
    # the search filters items by text, by office, by several words; parts without a hit go too
    assert _search(browser, "课后服务")[0] == 1
    shown, count = _search(browser, "信息中心")
    assert 1 < shown < 35 and count == f"显示 {shown} / 35 项条目"
    assert _search(browser, "信息中心 安全")[0] < shown
    assert browser.evaluate(VISIBLE.format("tr.sec")) < 6
    assert _search(browser, "")[0] == 35
    # tapping a cell shows its task
    browser.evaluate("document.querySelector('td.l').click()")
    assert browser.evaluate("document.getElementById('tip').textContent").startswith("第1条 ")
    assert log.errors == [] and log.network == []
    assert log.requests == [full_page.resolve().as_uri()]


@needs_chromium
def test_browser_phone_width(browser: Browser, full_page: Path) -> None:
    log = browser.open(full_page, width=390, height=844)
    assert browser.evaluate("document.documentElement.scrollWidth") <= 390  # the page reflows
    box = browser.evaluate("(e => [e.scrollWidth, e.clientWidth])(document.querySelector('#matrix .scroll'))")
    assert box[0] > box[1] + 200  # the matrix scrolls sideways inside its box
    header = "document.querySelector('table.matrix thead th.office')"
    browser.evaluate("document.querySelector('#matrix .scroll').scrollTop = 600")
    assert browser.evaluate(f"{header}.getBoundingClientRect().top") == pytest.approx(
        browser.evaluate("document.querySelector('#matrix .scroll').getBoundingClientRect().top"), abs=2
    )  # the header row sticks
    browser.evaluate("document.querySelector('#matrix .scroll').scrollLeft = 400")
    first = "document.querySelector('table.matrix tr.item th.row').getBoundingClientRect().left"
    assert browser.evaluate(first) == pytest.approx(
        browser.evaluate("document.querySelector('#matrix .scroll').getBoundingClientRect().left"), abs=2
    )  # and so does the first column
    assert log.errors == [] and log.network == []


@needs_chromium
def test_browser_without_javascript(browser: Browser, full_page: Path) -> None:
    log = browser.open(full_page, javascript=False)
    assert browser.evaluate("document.getElementById('shown').textContent") == ""  # the script did not run
    assert browser.evaluate(VISIBLE.format("#q")) == 0  # no dead controls
    assert browser.evaluate(VISIBLE.format("section.office")) == 25  # every office's tasks
    assert browser.evaluate(VISIBLE.format("tr.item")) == 35
    assert log.errors == [] and log.network == []


@needs_chromium
def test_browser_injection_is_text(browser: Browser, injected_page: Path) -> None:
    log = browser.open(injected_page)
    assert browser.evaluate("window.__pwned === undefined")
    assert browser.evaluate("document.images.length") == 0
    assert "<script>window.__pwned=1</script>" in browser.evaluate("document.body.innerText")
    assert browser.evaluate("document.title").startswith("某局</title><script>")
    browser.evaluate(
        f"var p = document.getElementById('pick'); p.value = {INJECTED_OFFICE!r}; p.dispatchEvent(new Event('change'))"
    )
    assert browser.evaluate(VISIBLE.format("section.office li.task")) == 1
    assert _search(browser, INJECTED_OFFICE)[0] == 1
    assert log.errors == [] and log.network == []


@needs_chromium
def test_browser_harness_sees_requests_and_errors(browser: Browser, tmp_path: Path) -> None:
    """The two checks above are real: a page that loads an image and logs an error is caught."""
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><img src="http://127.0.0.1:9/x.png"><script>console.error("坏")</script>',
        encoding="utf-8",
    )
    log = browser.open(page)
    assert log.network == ["http://127.0.0.1:9/x.png"] and "坏" in log.errors


@needs_chromium
def test_browser_print(browser: Browser, full_page: Path, tmp_path: Path) -> None:
    """Printed: every part starts a page; the matrix's pages, and only they, are A4 landscape."""
    from conftest import pdf_pages

    browser.open(full_page)
    data = browser.send("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})["data"]
    pdf = tmp_path / "报告.pdf"
    pdf.write_bytes(base64.b64decode(data))
    sizes = [
        tuple(round(float(v)) for v in box.split()[2:])
        for box in re.findall(rb"/MediaBox\s*\[([^\]]*)\]", pdf.read_bytes())
    ]
    pages = pdf_pages(pdf)
    assert len(sizes) == len(pages) and set(sizes) == {(595, 842), (842, 595)}
    landscape = [k for k, size in enumerate(sizes) if size == (842, 595)]
    assert pages[landscape[0]].lstrip().startswith("责任矩阵")
    assert landscape == list(range(landscape[0], landscape[-1] + 1))
    starts = [p.lstrip().split("\n", 1)[0].strip() for p in pages]
    for title in ("各科室任务量", "责任矩阵", "科室任务", "与上年相比", "推进情况"):
        assert title in starts


def test_golden_made_up_plan(update_golden: bool) -> None:
    """The whole page of the made-up plan, line by line (rows, tasks and sections one a line)."""
    from conftest import GOLDEN, check_golden, make_notice

    check_golden(GOLDEN / "report-made-up.html", build_report(make_notice()), update_golden)
