"""Sex (GB/T 2261.1) and nation (GB/T 3304) codes as found on ID cards and case records.

Codes are accepted as strings or ints, with or without zero padding ("1", "01", 1).
Canonical codes are one digit for sex and two digits for nation.
"""

from __future__ import annotations

import re

SEX_CODES: dict[str, str] = {"0": "未知", "1": "男", "2": "女", "9": "未说明"}

# Names without the trailing 族; 97 and 98 are not nations and are shown as-is.
NATION_CODES: dict[str, str] = {
    "01": "汉",
    "02": "蒙古",
    "03": "回",
    "04": "藏",
    "05": "维吾尔",
    "06": "苗",
    "07": "彝",
    "08": "壮",
    "09": "布依",
    "10": "朝鲜",
    "11": "满",
    "12": "侗",
    "13": "瑶",
    "14": "白",
    "15": "土家",
    "16": "哈尼",
    "17": "哈萨克",
    "18": "傣",
    "19": "黎",
    "20": "傈僳",
    "21": "佤",
    "22": "畲",
    "23": "高山",
    "24": "拉祜",
    "25": "水",
    "26": "东乡",
    "27": "纳西",
    "28": "景颇",
    "29": "柯尔克孜",
    "30": "土",
    "31": "达斡尔",
    "32": "仫佬",
    "33": "羌",
    "34": "布朗",
    "35": "撒拉",
    "36": "毛南",
    "37": "仡佬",
    "38": "锡伯",
    "39": "阿昌",
    "40": "普米",
    "41": "塔吉克",
    "42": "怒",
    "43": "乌孜别克",
    "44": "俄罗斯",
    "45": "鄂温克",
    "46": "德昂",
    "47": "保安",
    "48": "裕固",
    "49": "京",
    "50": "塔塔尔",
    "51": "独龙",
    "52": "鄂伦春",
    "53": "赫哲",
    "54": "门巴",
    "55": "珞巴",
    "56": "基诺",
    "97": "其他",
    "98": "外国血统中国籍人士",
}

_NO_SUFFIX = frozenset({"97", "98"})
_CODE_RE = re.compile(r"0*([0-9]{1,2})")


def _number(code: str | int | None) -> int | None:
    """Parse a 1-2 digit code (extra leading zeros allowed); None if not a code."""
    if code is None or isinstance(code, bool):
        return None
    if isinstance(code, int):
        return code if code >= 0 else None
    match = _CODE_RE.fullmatch(code.strip())
    return int(match.group(1)) if match else None


def normalize_sex_code(code: str | int | None) -> str | None:
    """Canonical one-digit sex code, or None if unknown."""
    value = _number(code)
    key = None if value is None else str(value)
    return key if key in SEX_CODES else None


def sex_label(code: str | int | None) -> str | None:
    """Label such as "男" for "1"; None for an unknown code."""
    key = normalize_sex_code(code)
    return SEX_CODES[key] if key else None


def sex_code_from_label(label: str) -> str | None:
    """Code such as "1" for "男"; None if not a known label."""
    text = label.strip()
    return next((code for code, name in SEX_CODES.items() if name == text), None)


def normalize_nation_code(code: str | int | None) -> str | None:
    """Canonical two-digit nation code, or None if unknown."""
    value = _number(code)
    key = None if value is None else f"{value:02d}"
    return key if key in NATION_CODES else None


def nation_label(code: str | int | None) -> str | None:
    """Display name, e.g. "汉族" for "01", "其他" for "97"; None for an unknown code."""
    key = normalize_nation_code(code)
    if key is None:
        return None
    name = NATION_CODES[key]
    return name if key in _NO_SUFFIX else name + "族"


def nation_code_from_label(label: str) -> str | None:
    """Two-digit code for "汉族" or "汉" (and "其他", "外国血统中国籍人士"); None if unknown."""
    text = label.strip()
    for code, name in NATION_CODES.items():
        if text == name or (code not in _NO_SUFFIX and text == name + "族"):
            return code
    return None
