"""一次性告知书: every material the applicant still has to bring, and how, told at once.

Two occasions, one document:
- not accepted (一次性告知): the missing or incorrect materials; the case is accepted once they are complete;
- accepted with a gap (容缺受理): the deferred materials still owed, each with its due date and the
  consequence of missing it.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from hallapp.documents import blocks
from hallapp.documents.fonts import DocumentFonts
from hallapp.documents.model import CaseDocument, MaterialLine, MaterialStatus
from hallapp.documents.pages import A4_BASE_SIZE, render
from hallapp.documents.styles import Styles, make_styles, para
from hallapp.documents.summary import case_rows
from hallapp.documents.words import FORM_WORDS, STATUS_WORDS, cn_date, counter_words

TITLE = "一次性告知书"
GAP_SUBTITLE = "（容缺受理补交材料）"
NOTIFIED: tuple[MaterialStatus, ...] = ("missing", "incorrect")


def render_notice(doc: CaseDocument, fonts: DocumentFonts) -> bytes:
    """The notice (A4): the missing/incorrect materials, or else the deferred (gap) ones still owed."""
    lacking = doc.materials_with(*NOTIFIED)
    owed = doc.materials_with("gap")
    if not lacking and not owed:
        raise ValueError("no missing, incorrect or deferred material: a one-time notice has nothing to tell")
    if not lacking:
        undated = [line.name for line in owed if line.due_date is None]
        if undated:
            raise ValueError(f"a deferred material needs a due date: {undated[0]}")
    styles = make_styles(fonts.name, A4_BASE_SIZE)

    def story(width: float) -> list[Flowable]:
        return _story(doc, lacking, styles, width) if lacking else _gap_story(doc, owed, styles, width)

    return render(story, fonts, "A4", title=f"{TITLE} {doc.case_number}", author=doc.hall.name)


def rights_line(doc: CaseDocument) -> str:
    phone = f"（电话：{doc.hall.phone}）" if doc.hall.phone else ""
    return (f"如对本告知内容有异议，您可以向{doc.hall.name}首问负责窗口或投诉窗口反映{phone}，"
            "也可以拨打12345政务服务便民热线，或者依法申请行政复议、提起行政诉讼。")


def _requirement(line: MaterialLine) -> str:
    due = f"（请于{cn_date(line.due_date)}前提交）" if line.due_date else ""
    return f"{line.how_to_supply}{due}" or "请提交符合要求的材料"


def _closing(doc: CaseDocument, styles: Styles, width: float) -> list[Flowable]:
    return [
        para(rights_line(doc), styles.body),
        *blocks.contact(doc.hall, styles),
        para(f"告知人：{doc.clerk_name}（{counter_words(doc.counter_number)}）", styles.right),
        para(f"{doc.hall.name}　{cn_date(doc.accepted_at.date())}", styles.right),
        blocks.signatures(["申请人（签收）：", "告知人（签字）："], styles, width),
    ]


def _story(doc: CaseDocument, lacking: list[MaterialLine], styles: Styles, width: float) -> list[Flowable]:
    rows = [[str(n), line.name, FORM_WORDS[line.form], STATUS_WORDS[line.status], _requirement(line)]
            for n, line in enumerate(lacking, start=1)]
    intro = (f"您申请办理的“{doc.item_name}”事项，经审查，申请材料不齐全或者不符合法定形式。"
             f"现将需要补齐、补正的全部材料（共{len(lacking)}项）一次性告知如下：")
    return [
        *blocks.heading(doc.hall, TITLE, styles),
        blocks.field_grid(case_rows(doc, "告知时间"), styles, width),
        para(f"{doc.applicant_name}：", styles.heading),
        para(intro, styles.body),
        blocks.data_table(["序号", "材料名称", "形式", "问题", "补齐、补正要求"], rows, (0.09, 0.29, 0.1, 0.11, 0.41),
                          styles, width, centered=(0, 2, 3)),
        para("请按上述要求补齐、补正全部材料后再次提交，材料齐全且符合法定形式的，本窗口当场予以受理。", styles.body),
        *_closing(doc, styles, width),
    ]


def _gap_story(doc: CaseDocument, owed: list[MaterialLine], styles: Styles, width: float) -> list[Flowable]:
    rows = [[str(n), line.name, FORM_WORDS[line.form], cn_date(line.due_date) if line.due_date else "",
             line.how_to_supply or "请提交符合要求的材料"] for n, line in enumerate(owed, start=1)]
    last_due = cn_date(max(line.due_date for line in owed if line.due_date))
    intro = (f"您申请办理的“{doc.item_name}”事项，本窗口已按容缺受理方式受理。"
             f"根据您签署的容缺受理承诺书，下列材料（共{len(owed)}项）尚需补交，现一次性告知如下：")
    return [
        *blocks.heading(doc.hall, TITLE, styles),
        para(GAP_SUBTITLE, styles.center),
        Spacer(1, styles.base * 0.5),
        blocks.field_grid(case_rows(doc, "受理时间"), styles, width),
        para(f"{doc.applicant_name}：", styles.heading),
        para(intro, styles.body),
        blocks.data_table(["序号", "补交材料", "形式", "补交期限", "补交方式"], rows, (0.09, 0.29, 0.1, 0.18, 0.34),
                          styles, width, centered=(0, 2, 3)),
        para(f"请于{last_due}前将上述材料提交至本窗口。逾期未补齐或者补交的材料不符合要求的，"
             "本事项将终止办理。", styles.body),
        *_closing(doc, styles, width),
    ]
