"""Types and messages shared by the SANE driver (`sane_scanner`) and its worker process (`sane_local`)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

NO_PYTHON_SANE = "未安装 SANE 扫描支持（python-sane 或 libsane），无法使用扫描仪：请联系运维人员安装，或改用“监视文件夹”导入。"
INIT_FAILED = "扫描仪服务（SANE）启动失败，请联系运维人员。"
NOT_OPEN = "扫描仪尚未打开。"
UNSUPPORTED_SETTING = "扫描仪不支持该设置：{what}。"
WORKER_DIED = "扫描仪驱动意外退出，本次扫描未完成：请重新扫描；如反复出现，请重启扫描仪，仍不行请联系运维人员。"
WORKER_FAILED = "扫描仪驱动无法启动：请重启本程序；如反复出现，请联系运维人员。"


class StopReason(Enum):
    """Why the last `scan_pages` ended without an error."""

    SINGLE_PAGE = "single_page"  # flatbed: one page per scan
    FEEDER_EMPTY = "feeder_empty"  # ADF: no more documents after at least one page
    CANCELLED = "cancelled"
    PAGE_LIMIT = "page_limit"


@dataclass(frozen=True)
class DeviceInfo:
    name: str  # what open() takes, e.g. "genesys:libusb:001:004"
    vendor: str
    model: str
    type: str

    @property
    def label(self) -> str:
        return f"{self.vendor} {self.model}".strip() or self.name
