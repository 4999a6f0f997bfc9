"""Amounts as a citizen reads them: fen (the platform's unit) as yuan, and in capital numerals
(大写金额) as fiscal documents write them, so a wrong amount is hard to misread."""
from __future__ import annotations

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_BIG_UNITS = ("", "万", "亿")


def yuan(fen: int) -> str:
    """1234 -> "12.34" (always two decimals)."""
    if fen < 0:
        raise ValueError("an amount is never negative")
    return f"{fen // 100:,}.{fen % 100:02d}"


def _group(number: int) -> str:
    """0 < number < 10000 in capitals, zeros between digits said once."""
    out, zero = "", False
    for position in range(3, -1, -1):
        digit = number // 10 ** position % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += _DIGITS[digit] + _SMALL_UNITS[position]
    return out


def capital(fen: int) -> str:
    """4000 -> "人民币肆拾元整"; 1205 -> "人民币壹拾贰元零伍分" (GB/T accounting practice)."""
    if fen < 0:
        raise ValueError("an amount is never negative")
    whole, jiao, cents = fen // 100, fen // 10 % 10, fen % 10
    text, gap = "", False
    groups = []
    while whole:
        groups.append(whole % 10000)
        whole //= 10000
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            gap = bool(text)
            continue
        if text and (gap or group < 1000):
            text += "零"
        gap = False
        text += _group(group) + _BIG_UNITS[index]
    if text:
        text += "元"
    if jiao == 0 and cents == 0:
        return "人民币" + (text or "零元") + "整"
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif text:
        text += "零"
    if cents:
        text += _DIGITS[cents] + "分"
    else:
        text += "整"
    return "人民币" + text
