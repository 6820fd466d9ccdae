"""Chinese numerals (中文数字), both directions: 十二 → 12 for reading numbers and dates, and
12 → 十二 for writing them the way a notice or Word's list numbering does.

A leaf module: parsing, analysis and the .docx reader all import it, and it imports nothing.
"""

from __future__ import annotations

import re

# Digit values; 〇 and 零 are both zero, 两 is two ("两个" in dates is rare but seen).
_DIGIT_VALUE = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                "七": 7, "八": 8, "九": 9}  # fmt: skip
_UNIT_VALUE = {"十": 10, "百": 100}

CN_DIGITS = "〇一二三四五六七八九"
CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"  # financial style, Word's chineseLegalSimplified
CN_TRAD_LEGAL = "零壹貳參肆伍陸柒捌玖"
CN_NUMERALS = "〇零一二两三四五六七八九十百"
HEAVENLY = "甲乙丙丁戊己庚辛壬癸"  # 天干: 甲 is 1, 癸 is 10
EARTHLY = "子丑寅卯辰巳午未申酉戌亥"  # 地支
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

_NUMBER_PUNCT = re.compile(r"[\s（）()、.．]")
_ARABIC = re.compile(r"\d+")


def cn_to_int(text: str) -> int:
    """Chinese numeral to int: 一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105, 二〇二四 → 2024."""
    if not text:
        return 0
    if all(ch in _DIGIT_VALUE for ch in text):
        # Digit-by-digit form used in years: 二〇二四 → 2024.
        value = 0
        for ch in text:
            value = value * 10 + _DIGIT_VALUE[ch]
        return value
    total, digit = 0, 0
    for ch in text:
        if ch in _DIGIT_VALUE:
            digit = _DIGIT_VALUE[ch]
        elif ch in _UNIT_VALUE:
            total += (digit or 1) * _UNIT_VALUE[ch]
            digit = 0
    return total + digit


def int_to_cn(n: int, digits: str = CN_DIGITS, units: str = "十百千") -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (up to 9999; else Arabic digits).

    `digits` and `units` give the financial styles (壹拾壹), which keep the leading 壹."""
    if n <= 0 or n >= 10000:
        return str(n)
    zero = "零" if digits[0] == "〇" else digits[0]
    parts: list[str] = []
    values = [(n // 1000) % 10, (n // 100) % 10, (n // 10) % 10, n % 10]
    names = [units[2], units[1], units[0], ""]
    pending_zero = False
    for value, unit in zip(values, names, strict=True):
        if value == 0:
            if parts:
                pending_zero = True
            continue
        if pending_zero:
            parts.append(zero)
            pending_zero = False
        parts.append(digits[value] + unit)
    text = "".join(parts)
    # 一十一 is written 十一 in ordinary counting (not in the financial 壹拾壹 style).
    if digits == CN_DIGITS and 10 <= n < 20:
        text = text[1:]
    return text


def number_value(number: str) -> int | None:
    """The value of an item or section number: "12", "十二", "③", "丙"; None if not a number."""
    text = _NUMBER_PUNCT.sub("", number)
    if not text:
        return None
    if _ARABIC.fullmatch(text):
        return int(text)
    if len(text) == 1 and text in CIRCLED:
        return CIRCLED.index(text) + 1
    if len(text) == 1 and text in HEAVENLY:
        return HEAVENLY.index(text) + 1
    if all(ch in CN_NUMERALS for ch in text):
        return cn_to_int(text)
    return None
