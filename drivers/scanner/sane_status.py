"""SANE status codes as python-sane reports them, and the clerk's message for each.

python-sane raises `_sane.error` whose only argument is `sane_strstatus(status)`: the English text
of libsane (not translated, stable since SANE 1.0). We map the text back to the status. The texts
are checked against the real library by tests that make the `test` backend return each status.
"""

from __future__ import annotations

from enum import Enum


class SaneStatus(Enum):
    UNSUPPORTED = "unsupported"
    CANCELLED = "cancelled"
    DEVICE_BUSY = "device_busy"
    INVAL = "inval"
    EOF = "eof"
    JAMMED = "jammed"
    NO_DOCS = "no_docs"
    COVER_OPEN = "cover_open"
    IO_ERROR = "io_error"
    NO_MEM = "no_mem"
    ACCESS_DENIED = "access_denied"
    UNKNOWN = "unknown"


# sane_strstatus() texts of libsane 1.0 .. 1.2 (backend/sane_strstatus.c), lower-cased.
_BY_TEXT: dict[str, SaneStatus] = {
    "operation not supported": SaneStatus.UNSUPPORTED,
    "operation was cancelled": SaneStatus.CANCELLED,
    "operation was canceled": SaneStatus.CANCELLED,
    "device busy": SaneStatus.DEVICE_BUSY,
    "invalid argument": SaneStatus.INVAL,
    "end of file reached": SaneStatus.EOF,
    "document feeder jammed": SaneStatus.JAMMED,
    "document feeder out of documents": SaneStatus.NO_DOCS,
    "scanner cover is open": SaneStatus.COVER_OPEN,
    "error during device i/o": SaneStatus.IO_ERROR,
    "out of memory": SaneStatus.NO_MEM,
    "access to resource has been denied": SaneStatus.ACCESS_DENIED,
}

MESSAGES: dict[SaneStatus, str] = {
    SaneStatus.UNSUPPORTED: "扫描仪不支持该操作，请检查扫描设置。",
    SaneStatus.CANCELLED: "扫描已取消。",
    SaneStatus.DEVICE_BUSY: "扫描仪正忙（可能正被其他程序使用），请稍后重试。",
    SaneStatus.INVAL: "扫描参数无效，请检查分辨率、颜色模式和进纸方式。",
    SaneStatus.EOF: "扫描仪没有返回图像数据，请重新扫描。",
    SaneStatus.JAMMED: "扫描仪卡纸：请打开送纸器取出卡住的纸张，整理好材料后重新扫描。",
    SaneStatus.NO_DOCS: "送纸器中没有文件（缺纸）：请放入材料后重新扫描。",
    SaneStatus.COVER_OPEN: "扫描仪盖板未合上：请合上盖板后重新扫描。",
    SaneStatus.IO_ERROR: "扫描仪通信错误（I/O 错误）：请检查数据线和电源后重新扫描。",
    SaneStatus.NO_MEM: "内存不足，无法完成扫描：请降低分辨率或关闭其他程序后重试。",
    SaneStatus.ACCESS_DENIED: "无权使用扫描仪：请联系运维人员检查设备权限。",
    SaneStatus.UNKNOWN: "扫描仪出错，请重新扫描；如反复出现请联系运维人员。",
}


def status_from_text(text: str) -> SaneStatus:
    """The status whose `sane_strstatus` text is `text` (case and spacing ignored)."""
    return _BY_TEXT.get(" ".join(text.lower().split()), SaneStatus.UNKNOWN)


def message_for(status: SaneStatus) -> str:
    return MESSAGES[status]
