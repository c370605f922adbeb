"""服务同意书: the applicant agrees to 异地代收代办 and to the processing of personal data."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from hallapp.documents import blocks
from hallapp.documents.fonts import DocumentFonts
from hallapp.documents.model import CaseDocument
from hallapp.documents.pages import A4_BASE_SIZE, render
from hallapp.documents.styles import Styles, make_styles, para
from hallapp.documents.summary import case_rows, delivery_words

TITLE = "跨省通办服务同意书"
SUBTITLE = "（异地代收代办）"


def render_consent(doc: CaseDocument, fonts: DocumentFonts) -> bytes:
    """The consent form (A4) the applicant signs before the window collects anything."""
    styles = make_styles(fonts.name, A4_BASE_SIZE)
    return render(lambda width: _story(doc, styles, width), fonts, "A4",
                  title=f"{TITLE} {doc.case_number}", author=doc.hall.name)


def window_duties(doc: CaseDocument) -> list[str]:
    """What the collecting window does, and what it does not."""
    return [
        "收件窗口核验申请人身份，对申请材料进行形式审查，当场出具受理回执或一次性告知书；",
        "收件窗口将申请材料扫描（拍照）为电子材料，通过全国一体化政务服务平台传送至办理地；",
        "办理地要求提交纸质原件的，由收件窗口通过快递将原件寄送至办理地；",
        f"审批由{doc.handling_place}依法作出，收件窗口不作审批决定，办理结果以办理地的决定为准；",
        f"办理结果按本人选择的方式送达：{delivery_words(doc)}。",
    ]


PERSONAL_DATA = (
    "为办理本事项，本人同意收件窗口和办理地有关部门收集、存储、使用、传输本人及申请材料中的个人信息"
    "（包括姓名、证件号码、联系电话、地址、证件及材料影像），并在办结后按照档案管理规定保存。"
    "上述信息仅用于本事项的办理、进度查询、服务评价和归档，不用于其他目的，依照《中华人民共和国个人信息保护法》处理。"
)


def _story(doc: CaseDocument, styles: Styles, width: float) -> list[Flowable]:
    intro = (f"本人自愿选择“跨省通办”异地代收代办方式，由{doc.hall.name}（以下简称收件窗口）"
             f"收取申请材料，交由办理地有权机关办理“{doc.item_name}”事项。本人已知悉并同意：")
    return [
        para(doc.hall.name, styles.hall),
        para(TITLE, styles.title),
        para(SUBTITLE, styles.center),
        Spacer(1, styles.base * 0.5),
        blocks.field_grid(case_rows(doc, "签署时间"), styles, width),
        para(intro, styles.heading),
        *[para(f"{n}. {text}", styles.body) for n, text in enumerate(window_duties(doc), start=1)],
        blocks.section("个人信息处理同意", styles),
        para(PERSONAL_DATA, styles.body),
        para("本人承诺所提交的申请材料和填报信息真实、合法、有效，并对其真实性负责。", styles.body),
        *blocks.contact(doc.hall, styles),
        blocks.signatures(_signers(doc), styles, width),
    ]


def _signers(doc: CaseDocument) -> list[str]:
    signers = ["申请人（签字）："]
    if doc.agent_name:
        signers.append("代理人（签字）：")
    return [*signers, "收件窗口经办人："]
