"""UI language through Qt's translation system. Source strings are English; Simplified Chinese
(the default) comes from resources/translations/hallapp_zh_CN.qm."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from hallapp.resources import resource_path

_installed: list[QTranslator] = []
_current = ["en"]


def current() -> str:
    """The language the window speaks now."""
    return _current[0]


def install(language: str) -> None:
    """Install the translators for `language` ("zh_CN" or "en") on the running application."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current[0] = language
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.China))
        return
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    ours = QTranslator(app)
    if not ours.load(str(resource_path("translations", "hallapp_zh_CN.qm"))):
        raise RuntimeError("Chinese translation file could not be loaded")
    qt_own = QTranslator(app)  # Qt's own dialogs: OK/Cancel buttons and the like
    if qt_own.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    app.installTranslator(ours)
    _installed.append(ours)


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
