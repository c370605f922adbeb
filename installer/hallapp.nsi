; Windows installer for the one-folder bundle (NSIS 3, Unicode). Build on Windows or on Linux:
;   makensis -INPUTCHARSET UTF8 -DBUNDLE_DIR=dist\hallapp -DVERSION=0.1.0 -DOUTFILE=dist\hallapp-0.1.0-setup.exe installer\hallapp.nsi
; Silent roll-out to many counters: hallapp-0.1.0-setup.exe /S        (add /SYNC on the one PC that
; runs the hall's sync daemon). Uninstalling keeps every data folder. See installer/README.md.

Unicode true
!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!ifndef BUNDLE_DIR
  !define BUNDLE_DIR "..\dist\hallapp"
!endif
!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef OUTFILE
  !define OUTFILE "hallapp-${VERSION}-setup.exe"
!endif
!define APPNAME "跨省通办窗口"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\hallapp"
!define TASK "hallapp\sync"

Name "${APPNAME} (hallapp ${VERSION})"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\hallapp"
InstallDirRegKey HKLM "${UNINSTKEY}" "InstallLocation"
RequestExecutionLevel admin
SetCompressor /SOLID lzma
!define MUI_ICON "icons\hallapp.ico"
!define MUI_UNICON "icons\hallapp.ico"
!define MUI_ABORTWARNING

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString DataKept ${LANG_SIMPCHINESE} "数据文件夹已保留：%LOCALAPPDATA%\hallapp（每个用户）和 $APPDATA\hallapp（同步服务）。"
LangString DataKept ${LANG_ENGLISH} "The data folders are kept: %LOCALAPPDATA%\hallapp (each user) and $APPDATA\hallapp (sync daemon)."

Section "hallapp" SecMain
  SectionIn RO
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE_DIR}\*"
  File "/oname=hallapp.ico" "icons\hallapp.ico"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayName" "${APPNAME} (hallapp)"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTKEY}" "Publisher" "hallapp"
  WriteRegStr HKLM "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\hallapp.ico"
  WriteRegStr HKLM "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoRepair" 1
SectionEnd

; hallappw.exe is the same program without a console window (installer/hallapp.spec, Windows only).
Section "开始菜单 (Start menu)" SecStartMenu
  SetShellVarContext all
  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortCut "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk" "$INSTDIR\hallappw.exe" "" "$INSTDIR\hallapp.ico"
  CreateShortCut "$SMPROGRAMS\${APPNAME}\取号机 (kiosk).lnk" "$INSTDIR\hallappw.exe" "kiosk" "$INSTDIR\hallapp.ico"
  CreateShortCut "$SMPROGRAMS\${APPNAME}\大厅显示屏 (display).lnk" "$INSTDIR\hallappw.exe" "display" "$INSTDIR\hallapp.ico"
  CreateShortCut "$SMPROGRAMS\${APPNAME}\演示大厅 (demo).lnk" "$INSTDIR\hallappw.exe" "--demo" "$INSTDIR\hallapp.ico"
  CreateShortCut "$SMPROGRAMS\${APPNAME}\卸载 (uninstall).lnk" "$INSTDIR\uninstall.exe"
SectionEnd

Section "桌面快捷方式 (desktop shortcut)" SecDesktop
  SetShellVarContext all
  CreateShortCut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\hallappw.exe" "" "$INSTDIR\hallapp.ico"
SectionEnd

; The hall's sync daemon: one PC per hall. A scheduled task as SYSTEM, started at boot, with its own
; home in %ProgramData%\hallapp (SYSTEM's profile is no place for a hall's data). Off by default.
Section /o "同步服务 (sync daemon, one PC per hall)" SecSync
  SetShellVarContext all
  CreateDirectory "$APPDATA\hallapp"
  nsExec::ExecToLog 'schtasks /Create /F /TN "${TASK}" /SC ONSTART /RU SYSTEM /RL HIGHEST /TR "\"$INSTDIR\hallapp.exe\" --home \"$APPDATA\hallapp\" sync"'
  Pop $0
  ${If} $0 != 0
    DetailPrint "schtasks /Create failed ($0): create the task by hand, see installer/README.md"
  ${Else}
    nsExec::ExecToLog 'schtasks /Run /TN "${TASK}"'
    Pop $0
  ${EndIf}
SectionEnd

Function .onInit
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/SYNC" $R1
  ${IfNot} ${Errors}
    SectionSetFlags ${SecSync} ${SF_SELECTED}
  ${EndIf}
FunctionEnd

; Removes the program, its shortcuts and the task; never %LOCALAPPDATA%\hallapp or %ProgramData%\hallapp.
Section "Uninstall"
  SetShellVarContext all
  nsExec::ExecToLog 'schtasks /End /TN "${TASK}"'
  Pop $0
  nsExec::ExecToLog 'schtasks /Delete /F /TN "${TASK}"'
  Pop $0
  Delete "$DESKTOP\${APPNAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APPNAME}"
  ; Only what the installer put there: a folder chosen by hand may hold other files.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\hallapp.exe"
  Delete "$INSTDIR\hallappw.exe"
  Delete "$INSTDIR\hallapp.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTKEY}"
  DetailPrint "$(DataKept)"
SectionEnd
