"""SW3 status codes of the SAM protocol, with the message a clerk sees for each."""

from __future__ import annotations

OK = 0x90
CARD_FOUND = 0x9F
FIND_FAILED = 0x80
NO_CONTENT = 0x91

MESSAGES: dict[int, str] = {
    0x90: "操作成功",
    0x9F: "已找到身份证",
    0x80: "未找到卡片，请将身份证放稳在读卡器上",
    0x81: "选卡失败，请重新放置身份证",
    0x41: "读卡失败，请重新放置身份证",
    0x40: "无法识别的卡类型，请确认放置的是身份证或居住证",
    0x91: "卡中无此项内容",
    0x10: "校验和错误",
    0x11: "指令长度错误",
    0x21: "指令错误，读卡器不支持该指令",
    0x23: "越权操作，读卡器未获授权执行该指令",
    0x24: "读卡器发生未知错误，请重试",
    0x31: "卡片认证安全模块失败，请重新放置身份证",
    0x32: "安全模块认证卡片失败，请重新放置身份证",
    0x33: "信息验证失败，请重新放置身份证",
    0x37: "指纹信息验证错误",
    0x3F: "信息长度错误",
    0x47: "取随机数失败，请重试",
    0x60: "安全模块自检失败，请联系管理员检修读卡器",
    0x66: "安全模块未经授权，请联系管理员",
}


def describe(code: int) -> str:
    """The clerk's message for an SW3 code; unknown codes get a generic one."""
    return MESSAGES.get(code, "读卡器返回未知状态")


class SamError(Exception):
    """The SAM answered with a status other than the one expected; `.code` is SW3."""

    def __init__(self, code: int, message: str | None = None) -> None:
        self.code = code
        self.message = message or describe(code)
        super().__init__(self.message)

    def __str__(self) -> str:
        return f"{self.message} (状态码 0x{self.code:02X})"
