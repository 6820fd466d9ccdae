"""The fixed parts of the HTML report (`writers.report_html`): its stylesheet and its one script.

Kept as strings here, not as package files, so the page is built without reading anything from
disk. Nothing in either may load from the network: the page's Content-Security-Policy allows no
source at all, and the script's hash is the only script it lets run.
"""

from __future__ import annotations

# Chinese system fonts only (no web fonts): macOS, Windows, Linux, then the old Song face.
FONT_STACK = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", SimSun, sans-serif'

LEAD_COLOR = "#d9822b"  # 牵头: orange, as in the xlsx matrix
SUPPORT_COLOR = "#4a90c2"  # 配合: blue
STATUS_COLORS = {
    "已完成": "#3c9a5f",
    "推进中": "#4a90c2",
    "未开始": "#b8bec6",
    "其他": "#d9822b",
}

CSS = f"""
:root {{ --lead: {LEAD_COLOR}; --support: {SUPPORT_COLOR}; --ink: #1f2933; --muted: #616e7c;
  --line: #d9dee3; --bg: #f7f8fa; --bad: #c0262d; }}
* {{ box-sizing: border-box; }}
html {{ -webkit-text-size-adjust: 100%; }}
body {{ margin: 0; font-family: {FONT_STACK}; color: var(--ink); background: var(--bg);
  line-height: 1.6; font-size: 15px; }}
header.top {{ background: #9e1b1b; color: #fff; padding: 1.2rem 1.5rem; }}
header.top h1 {{ margin: 0 0 .3rem; font-size: 1.5rem; line-height: 1.35; }}
header.top p {{ margin: .15rem 0; opacity: .92; }}
nav.toc {{ position: sticky; top: 0; z-index: 5; background: #fff; border-bottom: 1px solid var(--line);
  padding: .4rem 1.5rem; display: flex; flex-wrap: wrap; gap: .3rem 1rem; font-size: .92rem; }}
nav.toc a {{ color: #9e1b1b; text-decoration: none; }}
main {{ max-width: 1400px; margin: 0 auto; padding: 0 1rem 3rem; }}
section.part {{ background: #fff; border: 1px solid var(--line); border-radius: 6px; margin: 1rem 0;
  padding: .8rem 1.2rem 1.2rem; }}
section.part > h2 {{ font-size: 1.2rem; margin: .2rem 0 .8rem; border-left: 4px solid #9e1b1b;
  padding-left: .5rem; }}
.facts {{ display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .6rem; }}
.fact {{ background: var(--bg); border-radius: 4px; padding: .5rem .7rem; }}
.fact b {{ display: block; font-size: 1.5rem; line-height: 1.2; }}
.fact span {{ color: var(--muted); font-size: .85rem; }}
.bad, .fact.bad b {{ color: var(--bad); }}
.legend {{ font-size: .85rem; color: var(--muted); margin: .3rem 0; }}
.key {{ display: inline-block; width: .9em; height: .9em; vertical-align: -.1em; border-radius: 2px;
  margin: 0 .2em 0 .6em; }}
svg.chart {{ width: 100%; height: auto; max-width: 900px; display: block; }}
svg.chart text {{ font-family: {FONT_STACK}; font-size: 12px; fill: var(--ink); }}
.tools {{ display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; margin: .3rem 0 .6rem; }}
.tools input, .tools select {{ font: inherit; padding: .3rem .5rem; border: 1px solid #aab3bc;
  border-radius: 4px; min-width: 14rem; max-width: 100%; }}
.scroll {{ overflow: auto; max-height: 80vh; border: 1px solid var(--line); }}
table {{ border-collapse: separate; border-spacing: 0; }}
table.matrix {{ font-size: 13px; }}
table.matrix th, table.matrix td {{ border-right: 1px solid #eef0f2; border-bottom: 1px solid #eef0f2; }}
table.matrix thead th {{ position: sticky; top: 0; z-index: 2; background: #fff; vertical-align: bottom;
  border-bottom: 2px solid var(--line); }}
table.matrix thead th.office {{ writing-mode: vertical-rl; text-orientation: upright; white-space: nowrap;
  padding: .4rem .15rem; font-weight: normal; letter-spacing: -.05em; }}
table.matrix th.row {{ position: sticky; left: 0; z-index: 1; background: #fff; text-align: left;
  font-weight: normal; min-width: 15rem; max-width: 15rem; padding: .2rem .4rem; cursor: help; }}
table.matrix thead th.corner {{ left: 0; z-index: 3; text-align: left; padding: .4rem; }}
table.matrix tr.sec th {{ position: sticky; left: 0; background: #fbefe9; text-align: left; padding: .3rem .4rem;
  font-weight: bold; }}
table.matrix td {{ text-align: center; min-width: 1.9rem; padding: 0; }}
table.matrix td.l {{ background: var(--lead); color: #fff; }}
table.matrix td.s {{ background: #cfe3f2; color: #1d4f75; }}
table.matrix td.n {{ color: var(--muted); font-size: 12px; }}
.h1 {{ background: #fdf1e8; }} .h2 {{ background: #f9d9c2; }} .h3 {{ background: #f2b48c; }}
table.matrix td.h4 {{ background: #e48a52; color: #fff; }}
.key.l, .key.s {{ width: auto; height: auto; padding: 0 .25em; color: #fff; font-size: .8rem; margin-left: 0; }}
.key.l {{ background: var(--lead); }} .key.s {{ background: #cfe3f2; color: #1d4f75; }}
table.matrix tr.item:hover th.row, table.matrix tr.item:hover td {{ outline: 1px solid #f0c9a8; }}
table.matrix tr.none th.row {{ color: var(--bad); }}
table.matrix tfoot td, table.matrix tfoot th {{ background: var(--bg); font-size: 12px; }}
.num {{ color: var(--muted); margin-right: .3em; }}
#tip {{ position: fixed; left: .5rem; right: .5rem; bottom: .5rem; z-index: 9; background: #1f2933; color: #fff;
  padding: .6rem .8rem; border-radius: 6px; font-size: .9rem; max-height: 40vh; overflow: auto; }}
.offices-index {{ display: flex; flex-wrap: wrap; gap: .2rem .8rem; font-size: .9rem; margin-bottom: .5rem; }}
.office h3 {{ margin: 1rem 0 .3rem; font-size: 1.08rem; }}
.office h4 {{ margin: .6rem 0 .2rem; font-size: .95rem; color: var(--muted); }}
.office ol {{ margin: 0; padding-left: 1.4rem; }}
.office li {{ margin: .3rem 0 .6rem; }}
.office li p {{ margin: .1rem 0; }}
.role {{ display: inline-block; font-size: .8rem; padding: 0 .35em; border-radius: 3px; color: #fff;
  margin-right: .3em; }}
.role.l {{ background: var(--lead); }}
.role.s {{ background: var(--support); }}
.meta {{ color: var(--muted); font-size: .88rem; }}
table.list {{ width: 100%; font-size: .92rem; }}
table.list th, table.list td {{ border-bottom: 1px solid var(--line); padding: .3rem .4rem; text-align: left;
  vertical-align: top; }}
table.list th {{ background: var(--bg); }}
table.list td.n {{ text-align: right; white-space: nowrap; }}
.changes li {{ margin: .3rem 0 .7rem; }}
del {{ color: var(--bad); background: #fde8e8; }}
ins {{ color: #0b5394; background: #e3f0fb; text-decoration: underline; }}
.tag {{ display: inline-block; font-size: .8rem; padding: 0 .4em; border-radius: 3px; background: #e6e9ed;
  margin-right: .3em; }}
.tag.added {{ background: #d9f0df; }} .tag.removed {{ background: #fde0e0; }}
.tag.changed {{ background: #fff1cc; }} .tag.merged, .tag.split {{ background: #eadcf5; }}
.wide {{ overflow-x: auto; }}
footer {{ color: var(--muted); font-size: .8rem; text-align: center; padding: 1rem; }}
[hidden] {{ display: none !important; }}

@media (max-width: 600px) {{
  body {{ font-size: 14px; }}
  header.top {{ padding: .9rem 1rem; }}
  header.top h1 {{ font-size: 1.2rem; }}
  nav.toc {{ padding: .3rem 1rem; }}
  main {{ padding: 0 .4rem 2rem; }}
  section.part {{ padding: .6rem .7rem 1rem; border-radius: 0; }}
  table.matrix th.row {{ min-width: 8.5rem; max-width: 8.5rem; font-size: 12px; }}
  .tools input, .tools select {{ min-width: 0; width: 100%; }}
  .facts {{ grid-template-columns: repeat(3, 1fr); gap: .4rem; }}
  .fact b {{ font-size: 1.25rem; }}
  .wide svg.chart {{ min-width: 500px; }}
}}

@page {{ size: A4; margin: 14mm 12mm; }}
@page landscape {{ size: A4 landscape; margin: 10mm; }}
@media print {{
  body {{ background: #fff; font-size: 10.5pt; }}
  nav.toc, .tools, #tip, .offices-index {{ display: none !important; }}
  header.top {{ background: #fff; color: #000; border-bottom: 2px solid #9e1b1b; }}
  section.part {{ border: 0; padding: 0; margin: 0; break-before: page; }}
  section.part:first-of-type {{ break-before: auto; }}
  #matrix {{ page: landscape; }}
  .scroll {{ overflow: visible; max-height: none; border: 0; }}
  table.matrix {{ font-size: 8pt; }}
  table.matrix th.row {{ min-width: 12rem; max-width: 12rem; }}
  table.matrix thead th, table.matrix th.row, table.matrix tr.sec th {{ position: static; }}
  table.matrix tr {{ break-inside: avoid; }}
  table.matrix td, .role, .key {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
  .office, tr.item, tr.sec {{ display: revert !important; }}
  .office {{ break-inside: auto; }}
  .office li {{ break-inside: avoid; }}
}}
"""

# Filters and highlights only: every word on the page is already in the HTML.
# Elements: #q (search), #pick (office), #shown (count), #tip (tapped cell's task).
SCRIPT = """
(function () {
  "use strict";
  var $ = function (s) { return document.querySelector(s); };
  var all = function (s) { return Array.prototype.slice.call(document.querySelectorAll(s)); };
  all("[data-js]").forEach(function (e) { e.hidden = false; });
  all("[data-nojs]").forEach(function (e) { e.hidden = true; });
  var rows = all("tr.item"), secs = all("tr.sec"), q = $("#q"), shown = $("#shown");
  function search() {
    var words = q.value.trim().toLowerCase().split(/\\s+/).filter(Boolean), n = 0;
    rows.forEach(function (r) {
      var hay = (r.textContent + " " + (r.getAttribute("data-o") || "") + " " +
        (r.querySelector("th").getAttribute("title") || "")).toLowerCase();
      var ok = words.every(function (w) { return hay.indexOf(w) >= 0; });
      r.hidden = !ok; if (ok) { n += 1; }
    });
    secs.forEach(function (s) {
      var e = s.nextElementSibling, any = false, l = +s.getAttribute("data-l");
      while (e && !(e.classList.contains("sec") && +e.getAttribute("data-l") <= l)) {
        if (e.classList.contains("item") && !e.hidden) { any = true; }
        e = e.nextElementSibling;
      }
      s.hidden = !any;
    });
    shown.textContent = "显示 " + n + " / " + rows.length + " 项条目";
  }
  q.addEventListener("input", search);
  var pick = $("#pick"), offices = all("section.office");
  function choose() {
    offices.forEach(function (o) { o.hidden = pick.value !== "" && o.getAttribute("data-office") !== pick.value; });
  }
  pick.addEventListener("change", choose);
  var tip = $("#tip");
  document.addEventListener("click", function (ev) {
    var c = ev.target.closest ? ev.target.closest("[title]") : null;
    if (c && c.closest("table.matrix")) { tip.textContent = c.getAttribute("title"); tip.hidden = false; }
    else if (!ev.target.closest || !ev.target.closest("#tip")) { tip.hidden = true; }
  });
  search(); choose();
})();
"""
