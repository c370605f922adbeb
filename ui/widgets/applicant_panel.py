"""The applicant panel: who stands at the counter, with the badges that matter at a glance.

Stays visible through the whole case. Shows the masked ID number only; the full number is in
the case record, not on a screen the queue can see. Bound to a CounterSession, it shows that
visit's applicant (or agent) and follows it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from hallapp.domain.identity import Badge, CardType, Identity
from hallapp.services.counter_session import Change, CounterSession, Role
from ui.counter_session import observe

PHOTO_W, PHOTO_H = 102, 126  # the card photo's size in pixels
PHOTO_SCALE = 1.2


def placeholder_photo() -> QPixmap:
    """A neutral silhouette where the photo goes when no vendor decoder is installed."""
    pixmap = QPixmap(int(PHOTO_W * PHOTO_SCALE), int(PHOTO_H * PHOTO_SCALE))
    pixmap.fill(QColor("#e9edf1"))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#b8c2cc"))
    w, h = pixmap.width(), pixmap.height()
    painter.drawEllipse(int(w * 0.3), int(h * 0.15), int(w * 0.4), int(w * 0.4))
    painter.drawRoundedRect(int(w * 0.15), int(h * 0.55), int(w * 0.7), int(h * 0.5), 30, 30)
    painter.end()
    return pixmap


class ApplicantPanel(QWidget):
    def __init__(self, hall_region_code: str, title: str, *, compact: bool = False,
                 session: CounterSession | None = None, role: Role = Role.APPLICANT,
                 parent: QWidget | None = None) -> None:
        """`compact` (the agent): name, masked number and badges only, no photo or card details.
        With `session`, the panel shows `role`'s identity in that visit and follows it."""
        super().__init__(parent)
        self.hall_region_code = hall_region_code
        self.compact = compact
        self.identity: Identity | None = None
        self.title = QLabel(title, objectName="panelTitle")
        self.photo = QLabel(objectName="photo")
        self.photo.setPixmap(placeholder_photo())
        self.photo.setFixedSize(self.photo.pixmap().size())
        self.photo.setVisible(not compact)
        self.name = QLabel(objectName="applicantName")
        self.name.setWordWrap(True)
        self.summary = QLabel(objectName="applicantSummary")
        self.badges = QHBoxLayout()
        self.badges.setSpacing(6)
        self.details = QFormLayout()
        self.details.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.empty = QLabel(self.tr("No applicant yet. Place the ID card on the reader, or press F3."), objectName="hint")
        self.empty.setWordWrap(True)
        self.message = QLabel(objectName="error")
        self.message.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        who = QVBoxLayout()
        who.addWidget(self.name)
        who.addWidget(self.summary)
        who.addLayout(self.badges)
        who.addStretch(1)
        top.addLayout(who, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.empty)
        layout.addLayout(top)
        layout.addLayout(self.details)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.clear()
        if session is not None:
            self.session, self.role = session, role
            observe(self, session, self._on_session)

    def _on_session(self, change: Change) -> None:
        identity = self.session.person(self.role)
        if change is Change.ENDED:
            self.clear()
        elif change is Change.PEOPLE and identity is not None and identity is not self.identity:
            # Only the panel whose person changed: the agent's card leaves the applicant's message be.
            photo = self.session.photo(self.role)
            self.show_identity(identity, QImage.fromData(photo) if photo else None)

    def clear(self) -> None:
        self.identity = None
        self.empty.setVisible(True)
        self.photo.setPixmap(placeholder_photo())
        self.name.clear()
        self.summary.clear()
        self._set_badges([])
        self._set_details([])
        self.message.clear()

    def show_error(self, text: str) -> None:
        self.message.setText(text)

    def show_identity(self, identity: Identity, photo: QImage | None = None) -> None:
        self.identity = identity
        self.empty.setVisible(False)
        self.message.clear()
        self.photo.setPixmap(
            QPixmap.fromImage(photo).scaled(self.photo.size(), Qt.AspectRatioMode.KeepAspectRatio)
            if photo is not None and not photo.isNull() else placeholder_photo()
        )
        self.name.setText(identity.name)
        parts = [identity.sex, identity.nation, identity.birth_date.isoformat() if identity.birth_date else ""]
        self.summary.setText("  ".join(p for p in parts if p))
        self._set_badges(self._badge_texts(identity))
        rows = self._detail_rows(identity)
        self._set_details(rows[:1] if self.compact else rows)

    def _badge_texts(self, identity: Identity) -> list[tuple[str, str]]:
        texts = {
            Badge.CROSS_PROVINCE: (self.tr("Cross-province") + (f" {identity.home_province}" if identity.home_province else ""),
                                   "badgeInfo"),
            Badge.EXPIRED: ("✖ " + self.tr("Expired"), "badgeBad"),
            Badge.INVALID_CHECK_DIGIT: ("✖ " + self.tr("Bad check digit"), "badgeBad"),
            Badge.NOT_YET_VALID: ("✖ " + self.tr("Not yet valid"), "badgeBad"),
            Badge.MANUAL: (self.tr("Typed by hand"), "badgeWarn"),
        }
        return [texts[b] for b in identity.badges(self.hall_region_code)]

    def _detail_rows(self, identity: Identity) -> list[tuple[str, str]]:
        valid_to = self.tr("long-term") if identity.long_term else (identity.valid_to.isoformat() if identity.valid_to else "")
        valid_from = identity.valid_from.isoformat() if identity.valid_from else ""
        rows = [
            (self.tr("ID number"), identity.masked_number),
            (self.tr("Address"), identity.address),
            (self.tr("Issued by"), identity.issuer),
            (self.tr("Valid"), f"{valid_from} – {valid_to}" if valid_from else valid_to),
        ]
        if identity.card_type is CardType.HMT_RESIDENCE_PERMIT:
            rows.insert(1, (self.tr("Permit number"), identity.permit_number))
        if identity.card_type is CardType.FOREIGN_PERMANENT_RESIDENT:
            rows[1:2] = [(self.tr("English name"), identity.name_en), (self.tr("Nationality"), identity.nationality)]
        return [(k, v) for k, v in rows if v]

    def _set_badges(self, badges: list[tuple[str, str]]) -> None:
        while self.badges.count():
            item = self.badges.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for text, style in badges:
            self.badges.addWidget(QLabel(text, objectName=style))
        self.badges.addStretch(1)

    def _set_details(self, rows: list[tuple[str, str]]) -> None:
        while self.details.rowCount():
            self.details.removeRow(0)
        for key, value in rows:
            label = QLabel(value)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.details.addRow(key, label)

    def badge_texts(self) -> list[str]:
        """The badges as shown (for tests and screen readers)."""
        return [self.badges.itemAt(i).widget().text() for i in range(self.badges.count()) if self.badges.itemAt(i).widget()]
