<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/pages/admin.py" line="44"/>
        <source>Clerk</source>
        <translation>窗口人员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="44"/>
        <source>Supervisor</source>
        <translation>值班主任</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="45"/>
        <source>Technician</source>
        <translation>运维人员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="45"/>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="48"/>
        <location filename="../../ui/pages/admin.py" line="63"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="48"/>
        <location filename="../../ui/pages/admin.py" line="64"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="48"/>
        <location filename="../../ui/pages/admin.py" line="65"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="48"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="60"/>
        <source>Add account</source>
        <translation>添加账号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="66"/>
        <source>Initial password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="69"/>
        <source>Unlock selected account</source>
        <translation>解锁选中账号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="71"/>
        <source>Give selected account the role above</source>
        <translation>将上方所选角色授予选中账号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="73"/>
        <source>Import catalog file…</source>
        <translation>导入事项目录文件……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="83"/>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="84"/>
        <source>Staff accounts</source>
        <translation>工作人员账号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="87"/>
        <source>New account</source>
        <translation>新建账号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="108"/>
        <source>✖ locked</source>
        <translation>✖ 已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="108"/>
        <source>✔ active</source>
        <translation>✔ 正常</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="108"/>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="134"/>
        <source>Account {user} added.</source>
        <translation>已添加账号 {user}。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="140"/>
        <source>Account {user} unlocked.</source>
        <translation>已解锁账号 {user}。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="146"/>
        <source>Role of {user} changed.</source>
        <translation>已更改 {user} 的角色。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="149"/>
        <location filename="../../ui/pages/admin.py" line="153"/>
        <source>Import catalog</source>
        <translation>导入事项目录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="149"/>
        <source>Catalog (*.yaml *.yml)</source>
        <translation>事项目录 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="154"/>
        <source>Keep items that the file does not list (merge)?
No = the file replaces the catalog.</source>
        <translation>保留文件中未列出的事项（合并）？
选“否”则以文件替换整个目录。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="159"/>
        <source>Importing catalog…</source>
        <translation>正在导入事项目录……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="161"/>
        <source>Catalog imported: {added} added, {updated} updated, {withdrawn} withdrawn.</source>
        <translation>事项目录已导入：新增 {added} 项，更新 {updated} 项，停用 {withdrawn} 项。</translation>
    </message>
</context>
<context>
    <name>ApplicantPanel</name>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="59"/>
        <source>No applicant yet. Place the ID card on the reader, or press F3.</source>
        <translation>尚无申请人。请将身份证放在读卡器上，或按 F3。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="124"/>
        <source>Cross-province</source>
        <translation>跨省</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="126"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="127"/>
        <source>Bad check digit</source>
        <translation>校验位错误</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="128"/>
        <source>Not yet valid</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="129"/>
        <source>Typed by hand</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="134"/>
        <source>long-term</source>
        <translation>长期</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="137"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="138"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="139"/>
        <source>Issued by</source>
        <translation>签发机关</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="140"/>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="143"/>
        <source>Permit number</source>
        <translation>通行证号码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="145"/>
        <source>English name</source>
        <translation>英文姓名</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="145"/>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <location filename="../../ui/pages/supervisor_audit.py" line="31"/>
        <source>Case {name}</source>
        <translation>办件 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_audit.py" line="32"/>
        <source>Account {name}</source>
        <translation>账号 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_audit.py" line="33"/>
        <source>Ticket {name}</source>
        <translation>号票 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_audit.py" line="34"/>
        <source>Hall {name}</source>
        <translation>大厅 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_audit.py" line="35"/>
        <source>Counter {name}</source>
        <translation>{name}号窗口</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_audit.py" line="36"/>
        <source>Catalog {name}</source>
        <translation>事项目录 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_audit.py" line="46"/>
        <source>On &amp;day</source>
        <translation>按日(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_audit.py" line="56"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_audit.py" line="56"/>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_audit.py" line="56"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_audit.py" line="56"/>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_audit.py" line="61"/>
        <source>&amp;Action</source>
        <translation>操作(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_audit.py" line="61"/>
        <source>&amp;Who</source>
        <translation>人员(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_audit.py" line="76"/>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_audit.py" line="77"/>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_audit.py" line="108"/>
        <source>✖ Audit trail altered: {count} events fail the check</source>
        <translation>✖ 审计日志被改动：{count} 条记录校验失败</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_audit.py" line="111"/>
        <source>✔ Audit trail intact</source>
        <translation>✔ 审计日志完整</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../ui/widgets/chart.py" line="142"/>
        <source>{title} (first {shown} of {total})</source>
        <translation>{title}（前{shown}项，共{total}项）</translation>
    </message>
</context>
<context>
    <name>BundleErrors</name>
    <message>
        <location filename="../../ui/refusals.py" line="341"/>
        <source>Set an export passphrase of at least 8 characters (environment variable {variable}).</source>
        <translation>请设置至少 8 个字符的导出口令（环境变量 {variable}）。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="344"/>
        <source>The bundle&apos;s content was altered, or the passphrase is wrong; nothing was imported.</source>
        <translation>导出包内容已被改动，或口令不对；未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="347"/>
        <source>{folder} already exists: export again in a minute, or into another folder.</source>
        <translation>{folder} 已存在：请稍候一分钟再导出，或导出到其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="350"/>
        <source>There is no bundle in {directory}: choose the folder the bundle was copied to.</source>
        <translation>{directory} 中没有导出包：请选择导出包所在的文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="353"/>
        <source>{bundle}: the manifest cannot be read; nothing was imported: copy the whole bundle folder again.</source>
        <translation>{bundle}：清单无法读取，未导入任何内容：请重新拷贝整个导出包文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="356"/>
        <source>{bundle}: the signature is not valid, the bundle was altered; nothing was imported.</source>
        <translation>{bundle}：签名无效，包已被改动，未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="359"/>
        <source>{bundle}: the bundle&apos;s signing key is not an SM2 key; nothing was imported.</source>
        <translation>{bundle}：导出包的签名密钥不是 SM2 密钥，未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="362"/>
        <source>{bundle}: signed by key {key}, which is not a key of this hall; nothing was imported. If that PC belongs to this hall, an administrator runs `hallapp bundle trust ITS_keys/hall_sm2.pub.pem` first.</source>
        <translation>{bundle}：由密钥 {key} 签名，该密钥不属于本大厅，未导入任何内容。如那台电脑属于本大厅，请管理员先运行 `hallapp bundle trust ITS_keys/hall_sm2.pub.pem`。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="366"/>
        <source>{bundle}: the bundle is from hall {hall}, not this hall {this_hall}; nothing was imported: carry it to a PC of that hall.</source>
        <translation>{bundle}：该导出包来自大厅 {hall}，不是本大厅 {this_hall}，未导入任何内容：请带到该大厅的电脑上导入。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="370"/>
        <source>{bundle}: the manifest has no valid key derivation; nothing was imported.</source>
        <translation>{bundle}：清单中没有有效的密钥派生参数，未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="373"/>
        <source>{bundle}: the export passphrase is wrong; nothing was imported.</source>
        <translation>{bundle}：导出口令不对，未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="376"/>
        <source>{bundle}: the manifest lists no entries; nothing was imported.</source>
        <translation>{bundle}：清单中没有任何记录，未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="379"/>
        <source>{bundle}: case {case}: the manifest names a file outside the bundle&apos;s entries/ folder; nothing was imported: the bundle was altered, export it again.</source>
        <translation>{bundle}：办件 {case}：清单指向导出包 entries/ 文件夹以外的文件，未导入任何内容：导出包已被改动，请重新导出。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="383"/>
        <source>{bundle}: case {case}: the content differs from the manifest; nothing was imported.</source>
        <translation>{bundle}：办件 {case}：内容与清单不符，未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="386"/>
        <source>{bundle}: case {case}: the case record cannot be read; nothing was imported.</source>
        <translation>{bundle}：办件 {case}：办件记录无法读取，未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="389"/>
        <source>{bundle}: case {case}: the manifest&apos;s client id or case number differs from the case inside; nothing was imported: the bundle was altered, export it again.</source>
        <translation>{bundle}：办件 {case}：清单中的提交编号或办件编号与包内办件不符，未导入任何内容：导出包已被改动，请重新导出。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="393"/>
        <source>{bundle}: case {case}: the manifest&apos;s materials differ from the case&apos;s; nothing was imported.</source>
        <translation>{bundle}：办件 {case}：清单中的材料与办件不符，未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="396"/>
        <source>{bundle}: {file} is missing or unreadable; nothing was imported: copy the whole bundle folder again.</source>
        <translation>{bundle}：{file} 缺失或无法读取，未导入任何内容：请重新拷贝整个导出包文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="399"/>
        <source>{bundle}: the hash of material {material}… differs from the manifest; nothing was imported.</source>
        <translation>{bundle}：材料 {material}… 的哈希与清单不符，未导入任何内容。</translation>
    </message>
</context>
<context>
    <name>CalendarUpdatePanel</name>
    <message>
        <location filename="../../ui/pages/admin_catalog.py" line="206"/>
        <source>Holiday calendar from the platform</source>
        <translation>国家平台节假日安排</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin_catalog.py" line="207"/>
        <source>Fetch the calendar (Ctrl+Shift+U)</source>
        <translation>获取节假日安排（Ctrl+Shift+U）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin_catalog.py" line="211"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin_catalog.py" line="213"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin_catalog.py" line="213"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin_catalog.py" line="231"/>
        <source>holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin_catalog.py" line="231"/>
        <source>make-up working day</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin_catalog.py" line="238"/>
        <source>Platform calendar {year} version {version}; applied here: {current}.</source>
        <translation>平台 {year} 年节假日安排版本 {version}；本机已应用：{current}。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin_catalog.py" line="239"/>
        <source>none (from a file)</source>
        <translation>无（来自文件）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin_catalog.py" line="242"/>
        <source>Holiday calendar {year} version {version} applied: promised dates of new cases count through it.</source>
        <translation>{year} 年节假日安排版本 {version} 已应用：新办件的承诺日期按此计算。</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../../ui/intake/camera_dialog.py" line="44"/>
        <source>No document camera found. Check its USB cable, or scan (F7) or import (Ctrl+I) instead.</source>
        <translation>未找到高拍仪。请检查 USB 连接，或改用扫描（F7）或导入（Ctrl+I）。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/camera_dialog.py" line="57"/>
        <source>Take a page Space</source>
        <translation>拍摄一页 空格</translation>
    </message>
    <message>
        <location filename="../../ui/intake/camera_dialog.py" line="59"/>
        <source>Done Enter</source>
        <translation>完成 回车</translation>
    </message>
    <message>
        <location filename="../../ui/intake/camera_dialog.py" line="76"/>
        <source>{n} page(s) taken.</source>
        <translation>已拍摄 {n} 页。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/camera_dialog.py" line="80"/>
        <source>Take at least one page (Space).</source>
        <translation>请至少拍摄一页（空格键）。</translation>
    </message>
</context>
<context>
    <name>CaseDetailPane</name>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="53"/>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="53"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="53"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="69"/>
        <source>View Ctrl+G</source>
        <translation>查看 Ctrl+G</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="70"/>
        <source>View the pages of the selected material</source>
        <translation>查看所选材料的页面</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="71"/>
        <source>Scan F7</source>
        <translation>扫描 F7</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="72"/>
        <source>Scan a supplement for the selected material</source>
        <translation>为所选材料扫描补交件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="73"/>
        <source>Import Ctrl+I</source>
        <translation>导入 Ctrl+I</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="74"/>
        <source>Import a supplement for the selected material from a file</source>
        <translation>从文件为所选材料导入补交件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="88"/>
        <source>Materials F6</source>
        <translation>材料 F6</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="91"/>
        <source>Print again</source>
        <translation>重新打印</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="130"/>
        <source>Applicant: {name}  {id_number}</source>
        <translation>申请人：{name}  {id_number}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="132"/>
        <source>Agent: {name}</source>
        <translation>代办人：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="135"/>
        <source>accepted {day}</source>
        <translation>{day} 受理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="137"/>
        <source>promised {day}</source>
        <translation>承诺 {day} 办结</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="141"/>
        <source>{n} material(s) owed, due by {day}</source>
        <translation>待补交材料 {n} 件，期限 {day}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="144"/>
        <source>Returned for correction: {reason}</source>
        <translation>退回补正：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="150"/>
        <source>Platform: {state} ({percent}%)</source>
        <translation>平台：{state}（{percent}%）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="157"/>
        <source>{record}: {state}</source>
        <translation>{record}：{state}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="166"/>
        <source>Evaluation</source>
        <translation>好差评</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="166"/>
        <source>Courier record</source>
        <translation>寄递记录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="167"/>
        <source>Result collected at the window</source>
        <translation>已在窗口领取结果</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="167"/>
        <source>Supplied material</source>
        <translation>补交材料</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="173"/>
        <source>supplied {day}</source>
        <translation>{day} 已补交</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="174"/>
        <source>received</source>
        <translation>已收取</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="176"/>
        <source>incorrect</source>
        <translation>有误</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="178"/>
        <source>not given (optional)</source>
        <translation>未提供（非必需）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="180"/>
        <source>owed (may defer)</source>
        <translation>待补交（容缺）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="181"/>
        <source>missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="199"/>
        <source>The case could not be loaded: {error}</source>
        <translation>无法读取办件：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="213"/>
        <source>Receipt</source>
        <translation>受理回执</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="213"/>
        <source>One-time notice</source>
        <translation>一次性告知书</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="214"/>
        <source>Commitment</source>
        <translation>承诺书</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="214"/>
        <source>Consent form</source>
        <translation>同意书</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="224"/>
        <source>{document} Alt+{key}</source>
        <translation>{document} Alt+{key}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="245"/>
        <source>Preparing {document}…</source>
        <translation>正在生成{document}……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="250"/>
        <source>Print preview opened: {title}</source>
        <translation>已打开打印预览：{title}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="259"/>
        <source>No scan is stored for this material.</source>
        <translation>该材料没有扫描件。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="260"/>
        <source>Press F7 to scan it when the applicant brings it.</source>
        <translation>申请人带来后按 F7 扫描。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="287"/>
        <source>Nothing is owed for this material: only a material deferred under the commitment can be supplied later.</source>
        <translation>该办件没有待补交的材料：只有容缺受理时承诺补交的材料才能补交。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="289"/>
        <source>This material is not owed. Choose an owed one (◐) with F6 and the arrows.</source>
        <translation>该材料无需补交。请用 F6 和方向键选择待补交（◐）的材料。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="299"/>
        <location filename="../../ui/pages/case_detail.py" line="301"/>
        <source>Scanning…</source>
        <translation>正在扫描……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="308"/>
        <source>Import supplied material</source>
        <translation>导入补交材料</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="309"/>
        <source>Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</source>
        <translation>文件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="312"/>
        <source>Importing…</source>
        <translation>正在导入……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="321"/>
        <source>{pages} page(s) captured: check them, then Enter records them.</source>
        <translation>已采集 {pages} 页：请核对，按回车登记。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="324"/>
        <source>Record as supplied Enter</source>
        <translation>登记为已补交 回车</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="326"/>
        <source>Not recorded: the pages were dropped.</source>
        <translation>未登记：已丢弃这些页面。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="332"/>
        <source>Recording…</source>
        <translation>正在登记……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="336"/>
        <source>{material}: recorded as supplied ({pages} page(s)).</source>
        <translation>{material}：已登记补交（{pages} 页）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="338"/>
        <source>Every owed material is in; the case is now {state}.</source>
        <translation>待补交材料已全部收齐，办件现为{state}。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="341"/>
        <source>Still owed: {n}.</source>
        <translation>仍待补交 {n} 件。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="342"/>
        <source>The platform is told with the case&apos;s next sync.</source>
        <translation>将在该办件下次同步时告知平台。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="349"/>
        <source>Scanning cancelled; nothing was recorded.</source>
        <translation>已取消扫描，未登记任何内容。</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../ui/pages/cases.py" line="59"/>
        <source>Case number, ID number or name (Ctrl+F)</source>
        <translation>办件编号、证件号码或姓名 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="63"/>
        <source>Any state</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="66"/>
        <source>On</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="71"/>
        <source>Search Enter</source>
        <translation>查询 回车</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="102"/>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="102"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="102"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="103"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="103"/>
        <source>Promised</source>
        <translation>承诺办结</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="171"/>
        <source>Searching…</source>
        <translation>正在查询……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="173"/>
        <source>The search failed: {error}</source>
        <translation>查询失败：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="184"/>
        <source>{n} case(s) found.</source>
        <translation>找到 {n} 件。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="186"/>
        <source>No case found. Change the search and press Enter.</source>
        <translation>没有找到办件。请修改查询条件后按回车。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="95"/>
        <source>Cases</source>
        <translation>办件查询</translation>
    </message>
</context>
<context>
    <name>CatalogUpdatePanel</name>
    <message>
        <location filename="../../ui/pages/admin_catalog.py" line="175"/>
        <source>Item catalog from the platform</source>
        <translation>国家平台事项目录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin_catalog.py" line="176"/>
        <source>Fetch the catalog (Ctrl+U)</source>
        <translation>获取事项目录（Ctrl+U）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin_catalog.py" line="177"/>
        <source>Item code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin_catalog.py" line="177"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin_catalog.py" line="188"/>
        <source>{name} (changed: {fields})</source>
        <translation>{name}（变更：{fields}）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin_catalog.py" line="193"/>
        <source>Platform version {version}; applied here: {current}. {added} new, {changed} changed, {withdrawn} withdrawn.</source>
        <translation>平台版本 {version}；本机已应用：{current}。新增 {added} 项，变更 {changed} 项，撤销 {withdrawn} 项。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin_catalog.py" line="195"/>
        <source>none (from a file)</source>
        <translation>无（来自文件）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin_catalog.py" line="199"/>
        <source>Catalog version {version} applied. Cases already started keep their version.</source>
        <translation>事项目录版本 {version} 已应用。已受理的办件仍按原版本办理。</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../ui/intake/checklist.py" line="61"/>
        <location filename="../../ui/intake/checklist.py" line="107"/>
        <source>No item chosen yet.</source>
        <translation>尚未选择事项。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="64"/>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="64"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="78"/>
        <source>Fetch e-licence (F9)</source>
        <translation>调取电子证照 (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="109"/>
        <source>(sample checklist)</source>
        <translation>（示例清单）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="115"/>
        <source>not yet</source>
        <translation>未收</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="115"/>
        <source>received</source>
        <translation>已收</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="116"/>
        <source>missing</source>
        <translation>缺</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="116"/>
        <source>incorrect</source>
        <translation>有误</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="119"/>
        <source>received · e-licence</source>
        <translation>已收取 · 电子证照</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="121"/>
        <source>missing (may defer)</source>
        <translation>缺（可容缺）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="125"/>
        <source>required</source>
        <translation>必需</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="125"/>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="126"/>
        <source>key</source>
        <translation>关键</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="126"/>
        <source>non-key</source>
        <translation>非关键</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="127"/>
        <source>original</source>
        <translation>原件</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="127"/>
        <source>copy</source>
        <translation>复印件</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="127"/>
        <source>electronic</source>
        <translation>电子件</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="160"/>
        <source>Please bring: {name}</source>
        <translation>请补交：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="180"/>
        <source>The national platform can supply {licence} as an electronic licence.</source>
        <translation>国家平台可提供{licence}的电子证照。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="203"/>
        <source>Fetching {licence} from the national platform…</source>
        <translation>正在从国家平台调取{licence}…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="205"/>
        <source>Fetching the e-licence…</source>
        <translation>正在调取电子证照…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="210"/>
        <source>Applicant&apos;s consent</source>
        <translation>申请人授权</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="211"/>
        <source>Ask the applicant: &quot;May this hall fetch your {licence} from the national platform by your ID number, for this case only?&quot;

Yes: the applicant agrees (recorded). No: nothing is fetched; scan the paper instead.</source>
        <translation>请询问申请人：&quot;是否同意本大厅凭您的身份证号从国家平台调取您的{licence}，仅用于本次办件？&quot;

是：申请人同意（将记录在案）。否：不调取，请改为扫描纸质材料。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="222"/>
        <source>E-licence {licence} No. {number}, issued by {issuer} on {day}.</source>
        <translation>电子证照 {licence}，编号 {number}，{issuer} 于 {day} 签发。</translation>
    </message>
</context>
<context>
    <name>ConfigureDeviceDialog</name>
    <message>
        <location filename="../../ui/dialogs/configure_device.py" line="76"/>
        <source>Configure: {device}</source>
        <translation>配置：{device}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/configure_device.py" line="78"/>
        <source>Looking for devices… (this can take a few seconds)</source>
        <translation>正在查找设备…（可能需要几秒钟）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/configure_device.py" line="83"/>
        <source>or type an address, e.g. /dev/ttyUSB0 or tcp://192.168.1.50:9100</source>
        <translation>或输入地址，如 /dev/ttyUSB0 或 tcp://192.168.1.50:9100</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/configure_device.py" line="84"/>
        <source>&amp;Address (saved in {key})</source>
        <translation>地址(&amp;A)（保存到 {key}）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/configure_device.py" line="85"/>
        <source>&amp;Address (not saved: this role has no setting yet)</source>
        <translation>地址(&amp;A)（不会保存：该设备暂无对应的设置项）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/configure_device.py" line="91"/>
        <source>Save (Enter)</source>
        <translation>保存（Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/configure_device.py" line="92"/>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/configure_device.py" line="96"/>
        <source>Found on this PC</source>
        <translation>本机找到的设备</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/configure_device.py" line="128"/>
        <source>{count} found: pick one with Up/Down and press Enter, or type an address.</source>
        <translation>找到 {count} 个：用上下方向键选择后按 Enter，或输入地址。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/configure_device.py" line="132"/>
        <source>Nothing was found: check that the device is plugged in and switched on, or type its address below (Alt+A).</source>
        <translation>未找到设备：请确认设备已插好并已开机，或在下方输入其地址（Alt+A）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/configure_device.py" line="137"/>
        <source>Detection failed ({problem}): type the address below (Alt+A).</source>
        <translation>查找设备失败（{problem}）：请在下方输入地址（Alt+A）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/configure_device.py" line="156"/>
        <source>Pick a device in the list or type its address, then press Enter.</source>
        <translation>请在列表中选择设备或输入其地址，然后按 Enter。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/configure_device.py" line="164"/>
        <source>This device cannot be chosen here yet: the system&apos;s default is used.</source>
        <translation>暂不能在此选择该设备：将使用系统默认设备。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/configure_device.py" line="178"/>
        <source>Not saved: {reason}. Correct the address and press Enter again.</source>
        <translation>未保存：{reason}。请改正地址后再按 Enter。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/configure_device.py" line="181"/>
        <source>Not saved: settings.toml could not be written ({problem}). Check that the home folder is writable.</source>
        <translation>未保存：无法写入 settings.toml（{problem}）。请检查数据目录是否可写。</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <location filename="../../ui/dialogs/confirm.py" line="18"/>
        <source>Keep working</source>
        <translation>继续办理</translation>
    </message>
</context>
<context>
    <name>CounterPage</name>
    <message>
        <location filename="../../ui/pages/counter.py" line="72"/>
        <source>Counter {number} · {name}</source>
        <translation>{number}号窗口 · {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="123"/>
        <source>Agent</source>
        <translation>代办人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="126"/>
        <source>Read card F3</source>
        <translation>读卡 F3</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="157"/>
        <source>Scan F7</source>
        <translation>扫描 F7</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="157"/>
        <source>Import Ctrl+I</source>
        <translation>导入 Ctrl+I</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="158"/>
        <source>Missing Ctrl+D</source>
        <translation>缺 Ctrl+D</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="159"/>
        <source>Incorrect Ctrl+E</source>
        <translation>有误 Ctrl+E</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="160"/>
        <source>Pages Ctrl+G</source>
        <translation>页面 Ctrl+G</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="128"/>
        <source>Type in Ctrl+M</source>
        <translation>手工录入 Ctrl+M</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="130"/>
        <source>Agent card ⇧F3</source>
        <translation>代办人读卡 ⇧F3</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="132"/>
        <source>Agent typed Ctrl+⇧M</source>
        <translation>代办人录入 Ctrl+⇧M</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="160"/>
        <source>Add scan ⇧F7</source>
        <translation>补扫 ⇧F7</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="161"/>
        <source>Camera Ctrl+K</source>
        <translation>高拍仪 Ctrl+K</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="175"/>
        <location filename="../../ui/pages/counter.py" line="211"/>
        <source>Choose the item first, then the material to scan.</source>
        <translation>请先选择事项，再选择要扫描的材料。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="178"/>
        <location filename="../../ui/pages/counter.py" line="180"/>
        <location filename="../../ui/pages/counter.py" line="239"/>
        <location filename="../../ui/pages/counter.py" line="240"/>
        <source>Scanning…</source>
        <translation>正在扫描……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="185"/>
        <source>Choose the item first, then the material to import.</source>
        <translation>请先选择事项，再选择要导入的材料。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="187"/>
        <source>Import material</source>
        <translation>导入材料</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="188"/>
        <source>Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</source>
        <translation>文件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="190"/>
        <source>Importing…</source>
        <translation>正在导入……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="206"/>
        <location filename="../../ui/pages/counter.py" line="245"/>
        <source>{pages} page(s) captured.</source>
        <translation>已采集 {pages} 页。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="222"/>
        <source>A scan arrived but no material is selected: choose the item first.</source>
        <translation>收到扫描文件，但尚未选择材料：请先选择事项和材料。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="251"/>
        <source>Scan or import this material first.</source>
        <translation>请先扫描或导入该材料。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="274"/>
        <source>Reading… place the card on the reader.</source>
        <translation>正在读卡……请将身份证放在读卡器上。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="280"/>
        <source>Manual entry — applicant</source>
        <translation>手工录入 — 申请人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="280"/>
        <source>Manual entry — agent</source>
        <translation>手工录入 — 代办人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="121"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="109"/>
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="110"/>
        <source>Materials</source>
        <translation>材料清单</translation>
    </message>
</context>
<context>
    <name>CropDialog</name>
    <message>
        <location filename="../../ui/intake/crop_dialog.py" line="37"/>
        <source>Crop the page</source>
        <translation>裁切页面</translation>
    </message>
    <message>
        <location filename="../../ui/intake/crop_dialog.py" line="49"/>
        <source>Drag over the part of the page to keep, then press Enter.</source>
        <translation>拖动选出要保留的部分，然后按回车键。</translation>
    </message>
</context>
<context>
    <name>DeviceCauses</name>
    <message>
        <location filename="../../ui/device_causes.py" line="13"/>
        <source>The device works.</source>
        <translation>设备工作正常。</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="14"/>
        <source>No device is set up for this role: press C (Configure) and pick one.</source>
        <translation>尚未配置该设备：请按 C（配置）并选择设备。</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="16"/>
        <source>The port does not exist: plug the device in (or check its USB cable) and pick the port again.</source>
        <translation>端口不存在：请插好设备（或检查 USB 线），然后重新选择端口。</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="19"/>
        <source>Another program holds the port: close the other program (or the vendor&apos;s tool) and test again.</source>
        <translation>端口被其他程序占用：请关闭该程序（或厂商工具）后重新测试。</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="22"/>
        <source>This user may not open the device: add the user to the dialout (serial) or lp (printer) group or install the udev rule, then log in again.</source>
        <translation>当前用户无权打开该设备：请将该用户加入 dialout（串口）或 lp（打印机）组，或安装 udev 规则，然后重新登录。</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="25"/>
        <source>The device does not answer at any speed: check that it is switched on and that this is its port.</source>
        <translation>设备在各种波特率下均无响应：请确认设备已开机，且端口选择正确。</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="28"/>
        <source>The reader works but no card is on it: place a card on the reader and test again.</source>
        <translation>读卡器正常，但上面没有卡：请放上一张卡后重新测试。</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="30"/>
        <source>The printer is out of paper: load a new roll and test again.</source>
        <translation>打印机缺纸：请装入新纸卷后重新测试。</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="31"/>
        <source>The printer&apos;s cover is open: close the cover and test again.</source>
        <translation>打印机盖未合上：请合上盖子后重新测试。</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="32"/>
        <source>The printer is offline (error or feed): check its lights, clear the error and test again.</source>
        <translation>打印机脱机（故障或正在走纸）：请查看指示灯，排除故障后重新测试。</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="35"/>
        <source>The address answers but nothing listens on that port: check the device&apos;s IP address and port (9100 for printers) and that it is switched on.</source>
        <translation>该地址能连通，但端口上没有服务：请检查设备的 IP 地址和端口（打印机一般为 9100），并确认设备已开机。</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="38"/>
        <source>The address cannot be reached: check the network cable and the IP address.</source>
        <translation>无法连接该地址：请检查网线和 IP 地址。</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="40"/>
        <source>The host name cannot be resolved: check the address spelling or the hall&apos;s DNS server.</source>
        <translation>无法解析主机名：请检查地址拼写或大厅的 DNS 服务器。</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="42"/>
        <source>The server&apos;s TLS certificate is not trusted: check platform.ca_file and platform.pin_sha256 with the provincial operator.</source>
        <translation>服务器的 TLS 证书不受信任：请与省级平台运维方核对 platform.ca_file 和 platform.pin_sha256。</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="45"/>
        <source>This PC&apos;s clock differs from the platform&apos;s by more than 300 s: set the PC&apos;s time (or enable time sync) and test again.</source>
        <translation>本机时钟与平台相差超过 300 秒：请校准本机时间（或开启自动对时）后重新测试。</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="48"/>
        <source>The platform does not know this hall&apos;s key: run `hallapp platform register` and test again.</source>
        <translation>平台未登记本大厅的密钥：请运行 `hallapp platform register` 后重新测试。</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="51"/>
        <source>The device or server did not answer in time: check that it is switched on and connected.</source>
        <translation>设备或服务器响应超时：请确认已开机并已连接。</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="53"/>
        <source>This test is not available on this PC.</source>
        <translation>本机不支持此项测试。</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="54"/>
        <source>The device reported an error: see the details, switch it off and on, and test again.</source>
        <translation>设备报告错误：请查看详细信息，将设备关机再开机后重新测试。</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="67"/>
        <location filename="../../ui/device_causes.py" line="103"/>
        <source>simulator</source>
        <translation>模拟器</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="68"/>
        <source>the system&apos;s printer</source>
        <translation>系统打印机</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="69"/>
        <source>sample pages</source>
        <translation>示例页面</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="76"/>
        <source>SAM ID card reader ({baud} baud)</source>
        <translation>SAM 身份证读卡器（{baud} 波特）</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="77"/>
        <source>serial port, no SAM reader</source>
        <translation>串口，未接 SAM 读卡器</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="78"/>
        <source>PC/SC support (pyscard) is not installed</source>
        <translation>未安装 PC/SC 支持（pyscard）</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="79"/>
        <source>{name} (card present)</source>
        <translation>{name}（有卡）</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="80"/>
        <source>{name} (no card)</source>
        <translation>{name}（无卡）</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="81"/>
        <source>PC/SC service unavailable</source>
        <translation>PC/SC 服务不可用</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="82"/>
        <source>the scanners could not be listed</source>
        <translation>无法列出扫描仪</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="83"/>
        <source>USB printer</source>
        <translation>USB 打印机</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="84"/>
        <source>the configured network printer</source>
        <translation>已配置的网络打印机</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="85"/>
        <source>no text-to-speech engine found</source>
        <translation>未找到语音合成引擎</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="86"/>
        <source>no platform address is set (platform.url)</source>
        <translation>未设置平台地址（platform.url）</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="87"/>
        <source>national platform (connection only)</source>
        <translation>国家平台（仅测试连接）</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="88"/>
        <source>listed by the window itself</source>
        <translation>由本窗口程序自行列出</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="104"/>
        <source>port {value}</source>
        <translation>端口 {value}</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="105"/>
        <source>{value} baud</source>
        <translation>{value} 波特</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="106"/>
        <source>a card was read</source>
        <translation>已读到一张卡</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="107"/>
        <source>reader {value}</source>
        <translation>读卡器 {value}</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="108"/>
        <source>a test slip was printed</source>
        <translation>已打印一张测试票</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="109"/>
        <source>scanner {value}</source>
        <translation>扫描仪 {value}</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="110"/>
        <source>page of {value} pixels</source>
        <translation>页面 {value} 像素</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="111"/>
        <source>voice {value}</source>
        <translation>语音 {value}</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="112"/>
        <source>screen {value}</source>
        <translation>屏幕 {value}</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="113"/>
        <source>{value} pixels</source>
        <translation>{value} 像素</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="114"/>
        <source>camera {value}</source>
        <translation>摄像头 {value}</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="115"/>
        <source>answered in {value} ms</source>
        <translation>{value} 毫秒内应答</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="116"/>
        <source>clock differs by {value} s</source>
        <translation>时钟相差 {value} 秒</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="117"/>
        <source>ports tried: {value}</source>
        <translation>已尝试的端口：{value}</translation>
    </message>
    <message>
        <location filename="../../ui/device_causes.py" line="118"/>
        <source>the test itself failed ({value}); the details are in the log</source>
        <translation>测试程序本身出错（{value}），详情见日志</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <location filename="../../ui/pages/devices.py" line="47"/>
        <source>ID card reader</source>
        <translation>身份证读卡器</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="48"/>
        <source>Social security card reader (PC/SC)</source>
        <translation>社保卡读卡器（PC/SC）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="49"/>
        <source>Ticket printer</source>
        <translation>号票打印机</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="50"/>
        <source>Receipt printer</source>
        <translation>回执打印机</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="51"/>
        <source>Scanner</source>
        <translation>扫描仪</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="52"/>
        <source>Document camera</source>
        <translation>高拍仪</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="53"/>
        <source>Voice</source>
        <translation>语音</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="54"/>
        <source>Hall display</source>
        <translation>大厅显示屏</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="55"/>
        <source>Platform</source>
        <translation>国家平台</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="109"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="109"/>
        <source>Driver</source>
        <translation>驱动</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="109"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="109"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="109"/>
        <source>Last test</source>
        <translation>上次测试</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="110"/>
        <source>Result: cause and fix</source>
        <translation>结果：原因与处理办法</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="125"/>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="128"/>
        <source>Configure…</source>
        <translation>配置…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="130"/>
        <source>Enter or T: test the selected device · C: configure it · A: test all · F5: read again · D: save diagnostics</source>
        <translation>Enter 或 T：测试所选设备 · C：配置 · A：全部测试 · F5：刷新 · D：保存诊断包</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="132"/>
        <source>Save diagnostics… (D)</source>
        <translation>保存诊断包…（D）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="283"/>
        <source>Save diagnostics</source>
        <translation>保存诊断包</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="298"/>
        <source>Collecting diagnostics…</source>
        <translation>正在收集诊断信息…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="300"/>
        <source>Diagnostics saved to {path}. It holds no personal data: send it to the technician.</source>
        <translation>诊断包已保存到 {path}。其中不含个人信息，请发送给运维人员。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="306"/>
        <source>The diagnostics could not be saved there: choose a folder you may write to, outside the hallapp data folder, and press D again.</source>
        <translation>诊断包无法保存到该位置：请选择 hallapp 数据目录之外、有写入权限的文件夹，然后再按 D。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="177"/>
        <source>The device settings could not be read ({problem}): correct settings.toml and press F5.</source>
        <translation>无法读取设备设置（{problem}）：请改正 settings.toml 后按 F5。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="189"/>
        <source>testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="190"/>
        <source>The test is running; the window stays usable.</source>
        <translation>正在测试，窗口可照常使用。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="192"/>
        <source>never</source>
        <translation>未测试</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="200"/>
        <source>works</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="200"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="220"/>
        <source>not configured</source>
        <translation>未配置</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="220"/>
        <source>configured</source>
        <translation>已配置</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="221"/>
        <source>simulated (demo)</source>
        <translation>模拟（演示）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="221"/>
        <source>found automatically</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="222"/>
        <source>not available on this PC</source>
        <translation>本机不可用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="139"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <location filename="../../ui/display/window.py" line="182"/>
        <source>Now calling</source>
        <translation>正在叫号</translation>
    </message>
    <message>
        <location filename="../../ui/display/window.py" line="194"/>
        <source>Recent calls</source>
        <translation>最近叫号</translation>
    </message>
    <message>
        <location filename="../../ui/display/window.py" line="207"/>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <location filename="../../ui/display/window.py" line="224"/>
        <location filename="../../ui/display/window.py" line="356"/>
        <source>Counter {0}</source>
        <translation>{0} 号窗口</translation>
    </message>
    <message>
        <location filename="../../ui/display/window.py" line="320"/>
        <source>The queue cannot be read right now — retrying…</source>
        <translation>暂时无法读取排队信息，正在重试…</translation>
    </message>
    <message>
        <location filename="../../ui/display/window.py" line="375"/>
        <source>{0} waiting</source>
        <translation>等候 {0} 人</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="106"/>
        <source>{count} rows. Enter opens the case; Esc closes.</source>
        <translation>共 {count} 条，Enter 打开办件，Esc 关闭。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="107"/>
        <source>{count} tickets. Esc closes.</source>
        <translation>共 {count} 张号票，Esc 关闭。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="134"/>
        <source>Ticket</source>
        <translation>号票</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="134"/>
        <source>Taken</source>
        <translation>取号时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="134"/>
        <source>Called</source>
        <translation>叫号时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="134"/>
        <source>Done</source>
        <translation>办结时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="134"/>
        <source>Wait (min)</source>
        <translation>等候（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="135"/>
        <source>Service (min)</source>
        <translation>办理（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="135"/>
        <location filename="../../ui/pages/supervisor_drill.py" line="140"/>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="135"/>
        <location filename="../../ui/pages/supervisor_drill.py" line="141"/>
        <location filename="../../ui/pages/supervisor_drill.py" line="144"/>
        <source>Clerk</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="135"/>
        <location filename="../../ui/pages/supervisor_drill.py" line="140"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="140"/>
        <source>Case</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="140"/>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="140"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="141"/>
        <source>Receipt printed</source>
        <translation>回执打印时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="141"/>
        <source>Returned because</source>
        <translation>退回原因</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="144"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="144"/>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="144"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="148"/>
        <location filename="../../ui/pages/supervisor_drill.py" line="196"/>
        <source>waiting</source>
        <translation>等候中</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="148"/>
        <source>called</source>
        <translation>已叫号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="148"/>
        <source>being served</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="149"/>
        <source>stepped aside</source>
        <translation>暂离</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="149"/>
        <source>done</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="149"/>
        <source>no-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="169"/>
        <source>A ticket stuck at a counter whose PC is off: R sends it back to waiting, Shift+R to another counter.</source>
        <translation>号票卡在电脑已关机的窗口：按 R 退回等候，按 Shift+R 转到其他窗口。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="182"/>
        <source>{number} is not held at a counter: nothing to release.</source>
        <translation>{number} 没有被窗口占用，无需释放。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="192"/>
        <source>{number} is waiting again, ahead of its queue.</source>
        <translation>{number} 已重新等候，排在本队列最前。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="193"/>
        <source>{number} goes to counter {counter}: it is called there next.</source>
        <translation>{number} 转到 {counter} 号窗口，将在该窗口下一个叫号。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="203"/>
        <source>Reassign {number}</source>
        <translation>转派 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_drill.py" line="204"/>
        <source>Counter number</source>
        <translation>窗口号</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="15"/>
        <source>This case has no {document}; it can have: {allowed}.</source>
        <translation>该办件不适用{document}，可打印：{allowed}。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="16"/>
        <source>Unknown document {kind}.</source>
        <translation>未知的文书类型 {kind}。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="74"/>
        <source>receipt</source>
        <translation>受理回执</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="75"/>
        <source>one-time notice</source>
        <translation>一次性告知书</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="76"/>
        <source>commitment</source>
        <translation>容缺受理承诺书</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="77"/>
        <source>consent form</source>
        <translation>服务同意书</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="14"/>
        <source>No card found (status {status}): place the ID card flat on the reader.</source>
        <translation>未找到卡片（状态码 {status}）：请将身份证平放在读卡器上。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="16"/>
        <source>The card could not be selected (status {status}): place the ID card on the reader again.</source>
        <translation>选卡失败（状态码 {status}）：请重新放置身份证。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="18"/>
        <source>The card could not be read (status {status}): place the ID card on the reader again.</source>
        <translation>读卡失败（状态码 {status}）：请重新放置身份证。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="20"/>
        <source>The card type is not recognised (status {status}): check that it is an ID card or a residence permit.</source>
        <translation>无法识别的卡类型（状态码 {status}）：请确认放置的是身份证或居住证。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="23"/>
        <source>The card does not hold this item (status {status}).</source>
        <translation>卡中无此项内容（状态码 {status}）。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="24"/>
        <source>The card reader reports a transmission error (status {status}): try again; if it keeps happening, check the reader&apos;s cable.</source>
        <translation>读卡器报告传输错误（状态码 {status}）：请重试；如反复出现，请检查读卡器数据线。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="27"/>
        <source>The card reader refused the command (status {status}): ask the technician to check the reader&apos;s model and settings.</source>
        <translation>读卡器拒绝执行该指令（状态码 {status}）：请联系运维人员检查读卡器型号和设置。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="30"/>
        <source>The card reader could not complete the command (status {status}): try again.</source>
        <translation>读卡器未能完成该指令（状态码 {status}）：请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="32"/>
        <source>The card and the reader&apos;s security module did not accept each other (status {status}): place the ID card on the reader again.</source>
        <translation>卡片与读卡器安全模块认证失败（状态码 {status}）：请重新放置身份证。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="35"/>
        <source>The fingerprint data on the card could not be verified (status {status}): place the ID card on the reader again.</source>
        <translation>卡内指纹信息验证失败（状态码 {status}）：请重新放置身份证。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="38"/>
        <source>The card reader&apos;s security module failed its self-test (status {status}): ask the technician to have the reader repaired.</source>
        <translation>读卡器安全模块自检失败（状态码 {status}）：请联系运维人员检修读卡器。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="41"/>
        <source>The card reader&apos;s security module is not authorised (status {status}): ask the technician.</source>
        <translation>读卡器安全模块未经授权（状态码 {status}）：请联系运维人员。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="43"/>
        <source>The card reader answered with an unexpected status {status}: try again; if it keeps happening, ask the technician.</source>
        <translation>读卡器返回了意外的状态码 {status}：请重试；如反复出现，请联系运维人员。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="46"/>
        <source>This kind of card cannot be read by this program yet: type the holder&apos;s details by hand.</source>
        <translation>本程序暂不支持读取此类证件：请手工录入持证人信息。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="48"/>
        <source>The card carries an unknown type mark: check that it is an ID card or a residence permit, or type the holder&apos;s details by hand.</source>
        <translation>卡片类型标记无法识别：请确认是身份证或居住证，或手工录入持证人信息。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="51"/>
        <source>The card&apos;s text could not be decoded: place the card on the reader again, or type the holder&apos;s details by hand.</source>
        <translation>无法解析卡内文字信息：请重新放置证件，或手工录入持证人信息。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="54"/>
        <source>This file is neither a card reader&apos;s answer nor a card text block.</source>
        <translation>该文件既不是读卡器应答数据，也不是证件文字信息块。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="56"/>
        <source>The saved answer is not a successful read (reader status {status}).</source>
        <translation>保存的应答不是一次成功的读卡（读卡器状态码 {status}）。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="58"/>
        <source>The ID card reader on {port} is not connected: check its USB cable, or ask the technician to set the reader&apos;s port.</source>
        <translation>{port} 上的身份证读卡器未连接：请检查其 USB 线，或联系运维人员设置读卡器端口。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="61"/>
        <source>No ID card reader was found: check that it is plugged in, or ask the technician to set the reader&apos;s port.</source>
        <translation>未找到身份证读卡器：请确认已插好，或联系运维人员设置读卡器端口。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="64"/>
        <source>The ID card reader on {port} did not answer within {seconds} s: unplug it, plug it in again and read the card again.</source>
        <translation>{port} 上的身份证读卡器 {seconds} 秒内无响应：请拔下后重新插上，再重新读卡。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="67"/>
        <source>The card reader&apos;s answer arrived damaged: place the ID card on the reader again; if it keeps happening, check the reader&apos;s cable.</source>
        <translation>读卡器应答数据损坏：请重新放置身份证；如反复出现，请检查读卡器数据线。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="70"/>
        <source>The card reader&apos;s answer was incomplete: place the ID card on the reader again.</source>
        <translation>读卡器应答数据不完整：请重新放置身份证。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="72"/>
        <source>No ID card was placed on the reader within {seconds} s: place the card flat on the reader and read again.</source>
        <translation>{seconds} 秒内未检测到身份证：请将身份证平放在读卡器上后重新读卡。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="75"/>
        <source>No ID card reader is set up: ask the technician to set the reader&apos;s port.</source>
        <translation>未配置身份证读卡器：请联系运维人员设置读卡器端口。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="82"/>
        <source>Social security card reading is not installed on this computer: ask the technician.</source>
        <translation>本机未安装社会保障卡读卡组件：请联系运维人员。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="84"/>
        <source>The smart card service of this computer is not running: ask the technician to start it.</source>
        <translation>本机智能卡服务未运行：请联系运维人员启动。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="86"/>
        <source>The connection to the smart card service broke off: read the card again; if it keeps happening, ask the technician.</source>
        <translation>与智能卡服务的连接中断：请重新读卡；如反复出现，请联系运维人员。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="89"/>
        <source>No card reader is connected: check the reader&apos;s USB cable.</source>
        <translation>未连接读卡器：请检查读卡器的 USB 线。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="90"/>
        <source>The card reader {reader} is not connected: check its USB cable, or ask the technician to check the reader name in the settings.</source>
        <translation>读卡器 {reader} 未连接：请检查其 USB 线，或联系运维人员检查设置中的读卡器名称。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="93"/>
        <source>No card in the reader: insert the social security card.</source>
        <translation>读卡器中没有卡片：请插入社会保障卡。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="94"/>
        <source>The card was taken out while it was being read: insert it again.</source>
        <translation>读卡时卡片被取出：请重新插卡。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="96"/>
        <source>Reading the card was cancelled.</source>
        <translation>已取消读卡。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="97"/>
        <source>The card does not answer, or the reader cannot talk to it: insert it again, chip first.</source>
        <translation>卡片无响应或读卡器无法与其通信：请将芯片一端朝里重新插卡。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="99"/>
        <source>This is not a social security card: check the card.</source>
        <translation>这不是社会保障卡：请检查卡片。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="101"/>
        <source>The card reader is in use by another program: close that program and read again.</source>
        <translation>读卡器正被其他程序占用：请关闭该程序后重新读卡。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="103"/>
        <source>The card could not be read: insert it again.</source>
        <translation>读卡失败：请重新插卡。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="104"/>
        <source>The social security function of this card is locked: the holder must have it unlocked at the card&apos;s issuing office.</source>
        <translation>该卡社会保障应用已锁定：请持卡人到发卡机构解锁。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="107"/>
        <source>The card has no {field} where the settings say (record {record} of file EF{sfi}): ask the technician to check the card reader settings.</source>
        <translation>卡片上按设置的位置（文件 EF{sfi} 记录 {record}）没有{field}：请联系运维人员检查读卡设置。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="110"/>
        <source>The card&apos;s {field} (record {record} of file EF{sfi}) holds something unexpected: ask the technician to check the card reader settings.</source>
        <translation>卡片的{field}（文件 EF{sfi} 记录 {record}）内容不符合预期：请联系运维人员检查读卡设置。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="113"/>
        <source>The card does not give its {field} (record {record} of file EF{sfi}) without a security check: ask the technician to check the card reader settings.</source>
        <translation>卡片的{field}（文件 EF{sfi} 记录 {record}）需要安全认证才能读取：请联系运维人员检查读卡设置。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="116"/>
        <source>The card&apos;s {field} (record {record} of file EF{sfi}) could not be read: insert the card again.</source>
        <translation>无法读取卡片的{field}（文件 EF{sfi} 记录 {record}）：请重新插卡。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="118"/>
        <source>The card&apos;s answer was incomplete: insert the card again.</source>
        <translation>卡片响应不完整：请重新插卡。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="119"/>
        <source>A card record has an unexpected format: ask the technician to check the card reader settings.</source>
        <translation>卡片记录格式不符合预期：请联系运维人员检查读卡设置。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="126"/>
        <source>The photo decoder library {path} does not exist: ask the technician to check the photo decoder setting.</source>
        <translation>照片解码库 {path} 不存在：请联系运维人员检查照片解码库设置。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="129"/>
        <source>The photo decoder library {path} cannot be used: ask the technician to check it and the photo decoder setting.</source>
        <translation>照片解码库 {path} 无法使用：请联系运维人员检查该库及照片解码库设置。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="132"/>
        <source>The photo decoder did not answer within {seconds} s and was stopped: read the card again; if it keeps happening, ask the technician.</source>
        <translation>照片解码库 {seconds} 秒内没有响应，已将其结束：请重新读卡；如反复出现，请联系运维人员。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="135"/>
        <source>The photo decoder stopped unexpectedly, so the photo is not shown: read the card again; if it keeps happening, ask the technician.</source>
        <translation>照片解码库意外退出，未能显示照片：请重新读卡；如反复出现，请联系运维人员。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="138"/>
        <source>The photo decoder cannot be started: restart the program; if it keeps happening, ask the technician.</source>
        <translation>照片解码进程无法启动：请重启本程序；如反复出现，请联系运维人员。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="141"/>
        <source>The card&apos;s photo data has the wrong size ({size} bytes instead of {expected}): read the card again.</source>
        <translation>卡内照片数据长度异常（{size} 字节，应为 {expected} 字节）：请重新读卡。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="144"/>
        <source>The card photo could not be decoded: read the card again; if it keeps happening, ask the technician to check the photo decoder.</source>
        <translation>证件照片解码失败：请重新读卡；如反复出现，请联系运维人员检查照片解码库。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="147"/>
        <source>The photo decoder gave an unusable image: ask the technician to check the photo decoder and its output setting.</source>
        <translation>照片解码库输出的图像无法使用：请联系运维人员检查照片解码库及其输出格式设置。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="150"/>
        <source>A helper process of the program stopped unexpectedly: try again; if it keeps happening, ask the technician.</source>
        <translation>程序的辅助进程意外退出：请重试；如反复出现，请联系运维人员。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="153"/>
        <source>The device reported an error: try again; if it keeps happening, ask the technician.</source>
        <translation>设备报告错误：请重试；如反复出现，请联系运维人员。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="160"/>
        <source>The ticket printer at {target} refused the connection: check the address and port (usually 9100), and that the printer has finished starting up.</source>
        <translation>号票打印机 {target} 拒绝连接：请检查地址和端口（通常为 9100），并确认打印机已启动完毕。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="163"/>
        <source>The ticket printer at {target} does not answer: check that it is switched on, that its network cable is in and that its IP address is right.</source>
        <translation>号票打印机 {target} 无响应：请确认已开机、网线已插好、IP 地址正确。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="166"/>
        <source>The printer name in {target} is not known on this network: use the printer&apos;s IP address instead.</source>
        <translation>本网络中找不到 {target} 中的打印机名称：请改用打印机的 IP 地址。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="169"/>
        <source>No USB printer {target} is connected: check the USB cable and that the printer is on; the vendor and product IDs must be the printer&apos;s own.</source>
        <translation>未连接 USB 打印机 {target}：请检查 USB 线并确认打印机已开机；厂商编号 和产品编号 须与该打印机一致。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="172"/>
        <source>This program may not use the USB printer {target}: ask the technician to grant access to the device.</source>
        <translation>本程序无权使用 USB 打印机 {target}：请联系运维人员开通设备权限。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="175"/>
        <source>USB printing is not installed on this computer, so {target} cannot be used: ask the technician, or connect the printer by network.</source>
        <translation>本机未安装 USB 打印组件，无法使用 {target}：请联系运维人员，或改用网络连接打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="178"/>
        <source>The serial port {port} does not exist: check the printer&apos;s serial cable or USB adapter, and the port in the printer address.</source>
        <translation>串口 {port} 不存在：请检查打印机串口线或 USB 转接头，以及打印机地址中的端口。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="181"/>
        <source>The serial port {port} cannot be opened (another program uses it, or no permission): close the other program or ask the technician.</source>
        <translation>无法打开串口 {port}（被其他程序占用或无权限）：请关闭该程序或联系运维人员。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="184"/>
        <source>The printer device {target} cannot be written: ask the technician to check the path and its permissions.</source>
        <translation>无法写入打印设备 {target}：请联系运维人员检查路径及权限。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="187"/>
        <source>The Windows print queue {target} does not accept the ticket: check the printer in the Windows printer settings.</source>
        <translation>Windows 打印队列 {target} 不接受号票：请在 Windows 打印机设置中检查该打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="190"/>
        <source>The connection to the ticket printer {target} broke off while printing: check the cable and the power, then print again.</source>
        <translation>打印时与号票打印机 {target} 的连接中断：请检查连线和电源后重新打印。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="193"/>
        <source>The ticket printer {target} cannot be reached: check its power and its cable.</source>
        <translation>无法连接号票打印机 {target}：请检查电源和连线。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="195"/>
        <source>No ticket printer is set up: ask the technician to set the printer&apos;s address.</source>
        <translation>未配置号票打印机：请联系运维人员设置打印机地址。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="197"/>
        <source>The ticket printer is ready.</source>
        <translation>号票打印机正常。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="198"/>
        <source>The ticket printer does not report its state; tickets are still sent to it.</source>
        <translation>号票打印机未返回状态，号票仍会发送打印。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="200"/>
        <source>The ticket printer&apos;s paper cover is open: close it.</source>
        <translation>号票打印机纸仓盖未合上：请合上纸仓盖。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="201"/>
        <source>The ticket printer is out of paper: put in a new roll.</source>
        <translation>号票打印机缺纸：请更换纸卷。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="202"/>
        <source>The ticket printer reports a fault (cutter or print head): switch it off, check it and switch it on again.</source>
        <translation>号票打印机故障（切刀或打印头）：请关闭电源检查后重新开机。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="205"/>
        <source>The ticket printer is offline: check the printer.</source>
        <translation>号票打印机处于离线状态：请检查打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="206"/>
        <source>The ticket printer&apos;s paper roll is nearly used up: have a new roll ready.</source>
        <translation>号票打印机纸卷即将用完：请准备新纸卷。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="213"/>
        <source>The printer address {uri} has no type: write it like tcp://192.168.1.50:9100, usb://0416:5011, serial:///dev/ttyUSB0?baud=9600 or file:///dev/usb/lp0.</source>
        <translation>打印机地址 {uri} 缺少类型前缀：请写成 tcp://192.168.1.50:9100、usb://0416:5011、serial:///dev/ttyUSB0?baud=9600 或 file:///dev/usb/lp0 的形式。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="216"/>
        <source>The printer address {uri} has an unknown type {scheme}://: write it like tcp://192.168.1.50:9100, usb://0416:5011, serial:///dev/ttyUSB0?baud=9600 or file:///dev/usb/lp0.</source>
        <translation>打印机地址 {uri} 的类型 {scheme}:// 不受支持：请写成 tcp://192.168.1.50:9100、usb://0416:5011、serial:///dev/ttyUSB0?baud=9600 或 file:///dev/usb/lp0 的形式。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="220"/>
        <source>The options of the printer address {uri} cannot be read: write them like ?baud=9600.</source>
        <translation>打印机地址 {uri} 的参数格式错误：请写成 ?baud=9600 的形式。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="222"/>
        <source>The printer address {uri} has unknown options: {names}.</source>
        <translation>打印机地址 {uri} 含未知参数：{names}。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="224"/>
        <source>The network printer address {uri} cannot have a path: write it like tcp://192.168.1.50:9100.</source>
        <translation>网络打印机地址 {uri} 不能带路径：请写成 tcp://192.168.1.50:9100 的形式。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="226"/>
        <source>The printer address {uri} has a bad port: it must be a number from 1 to 65535.</source>
        <translation>打印机地址 {uri} 的端口无效：必须是 1–65535 的数字。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="228"/>
        <source>The printer address {uri} has no host name or IP address.</source>
        <translation>打印机地址 {uri} 缺少主机名或 IP 地址。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="229"/>
        <source>The USB printer address {uri} must give the vendor and product IDs in hexadecimal, like usb://0416:5011.</source>
        <translation>USB 打印机地址 {uri} 须用十六进制写明厂商编号 和产品编号，如 usb://0416:5011。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="232"/>
        <source>The printer address {uri} has a bad {what}: it must be a hexadecimal number like 0416.</source>
        <translation>打印机地址 {uri} 中的{what}无效：必须是十六进制数，如 0416。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="234"/>
        <source>The serial printer address {uri} has no port: write it like serial:///dev/ttyUSB0 or serial://COM3.</source>
        <translation>串口打印机地址 {uri} 缺少串口：请写成 serial:///dev/ttyUSB0 或 serial://COM3 的形式。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="237"/>
        <source>The printer address {uri} has a bad baud rate: use one of {choices}.</source>
        <translation>打印机地址 {uri} 的波特率无效：请使用 {choices} 之一。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="239"/>
        <source>The printer address {uri} has a bad flow control: use one of {choices}.</source>
        <translation>打印机地址 {uri} 的流控无效：请使用 {choices} 之一。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="241"/>
        <source>The printer address {uri} must be an absolute path, like file:///dev/usb/lp0.</source>
        <translation>打印机地址 {uri} 须为绝对路径，如 file:///dev/usb/lp0。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="243"/>
        <source>The printer address {uri} has no Windows printer name: write it like win://POS-80C.</source>
        <translation>打印机地址 {uri} 缺少 Windows 打印机名称：请写成 win://POS-80C 的形式。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="245"/>
        <source>The printer address {uri} uses the Windows print queue, which only exists on Windows: on this computer use tcp://, usb://, serial:// or file://.</source>
        <translation>打印机地址 {uri} 使用 Windows 打印队列，只能在 Windows 上使用：本机请改用 tcp://、usb://、serial:// 或 file://。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="253"/>
        <source>Scanner support is not installed on this computer: ask the technician to install it, or import the files from the watched folder.</source>
        <translation>本机未安装扫描仪支持组件：请联系运维人员安装，或改用“监视文件夹”导入。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="256"/>
        <source>The scanner service did not start: ask the technician.</source>
        <translation>扫描仪服务启动失败：请联系运维人员。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="258"/>
        <source>The scanner has not been opened yet.</source>
        <translation>扫描仪尚未打开。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="259"/>
        <source>The scanner {device} cannot be found: check its power and cable, or ask the technician to choose the scanner again in the settings.</source>
        <translation>找不到扫描仪“{device}”：请检查扫描仪电源和数据线，或联系运维人员在设置中重新选择扫描仪。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="262"/>
        <source>No scanner found: check the scanner&apos;s power and cable, or add the material with Import.</source>
        <translation>未找到扫描仪：请检查扫描仪电源和数据线，或用“导入”添加材料。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="264"/>
        <source>The scanner does not support this setting: {setting}.</source>
        <translation>扫描仪不支持该设置：{setting}。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="266"/>
        <source>The scanner driver stopped unexpectedly and the scan is incomplete: scan again; if it keeps happening, restart the scanner, and if that does not help, ask the technician.</source>
        <translation>扫描仪驱动意外退出，本次扫描未完成：请重新扫描；如反复出现，请重启扫描仪，仍不行请联系运维人员。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="269"/>
        <source>The scanner driver cannot be started: restart the program; if it keeps happening, ask the technician.</source>
        <translation>扫描仪驱动无法启动：请重启本程序；如反复出现，请联系运维人员。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="272"/>
        <source>The scanner does not support this operation: check the scan settings.</source>
        <translation>扫描仪不支持该操作：请检查扫描设置。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="274"/>
        <source>The scan was cancelled.</source>
        <translation>扫描已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="275"/>
        <source>The scanner is busy (perhaps another program is using it): try again in a moment.</source>
        <translation>扫描仪正忙（可能正被其他程序使用）：请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="277"/>
        <source>The scan settings are not valid: check resolution, colour mode and paper source.</source>
        <translation>扫描参数无效：请检查分辨率、颜色模式和进纸方式。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="279"/>
        <source>The scanner returned no image: scan again.</source>
        <translation>扫描仪没有返回图像：请重新扫描。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="280"/>
        <source>Paper jam in the scanner: open the feeder, take out the stuck sheet, straighten the pages and scan again.</source>
        <translation>扫描仪卡纸：请打开送纸器取出卡住的纸张，整理好材料后重新扫描。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="283"/>
        <source>There are no pages in the document feeder: put the pages in and scan again.</source>
        <translation>送纸器中没有文件：请放入材料后重新扫描。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="285"/>
        <source>The scanner&apos;s cover is open: close it and scan again.</source>
        <translation>扫描仪盖板未合上：请合上盖板后重新扫描。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="286"/>
        <source>Communication with the scanner failed: check its cable and power, then scan again.</source>
        <translation>扫描仪通信错误：请检查数据线和电源后重新扫描。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="288"/>
        <source>Not enough memory to finish the scan: lower the resolution or close other programs, then try again.</source>
        <translation>内存不足，无法完成扫描：请降低分辨率或关闭其他程序后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="291"/>
        <source>This program may not use the scanner: ask the technician to check the device permissions.</source>
        <translation>无权使用扫描仪：请联系运维人员检查设备权限。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="293"/>
        <source>The scanner reported an error: scan again; if it keeps happening, ask the technician.</source>
        <translation>扫描仪出错：请重新扫描；如反复出现，请联系运维人员。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="295"/>
        <source>A material needs at least one page: scan it again, or mark it missing.</source>
        <translation>一份材料至少需要一页：请重新扫描，或标记为缺少。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="297"/>
        <source>Scanning was cancelled; no page was captured.</source>
        <translation>扫描已取消，没有采集到页面。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="298"/>
        <source>The file cannot be read: it is damaged or not a supported format (PDF, JPEG, PNG, TIFF).</source>
        <translation>无法读取该文件：文件已损坏或不是受支持的格式（PDF、JPEG、PNG、TIFF）。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="300"/>
        <source>The file is empty, perhaps not completely saved yet: scan or export it again.</source>
        <translation>该文件是空文件，可能尚未保存完成：请重新扫描或导出。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="302"/>
        <source>The file cannot be found: it may have been moved or deleted.</source>
        <translation>找不到该文件，可能已被移动或删除。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="303"/>
        <source>PDF files cannot be opened on this computer: ask the technician to install the PDF renderer.</source>
        <translation>本机无法打开 PDF 文件：请联系运维人员安装 PDF 渲染组件。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="305"/>
        <source>The PDF is password protected and cannot be imported: export it without a password, or as images, then import it again.</source>
        <translation>该 PDF 设有密码，无法导入：请导出为无密码的 PDF 或图片后重新导入。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="308"/>
        <source>The PDF cannot be read: the file is damaged or incomplete.</source>
        <translation>无法读取该 PDF：文件已损坏或不完整。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="309"/>
        <source>The file has too many pages (more than {limit}): split it, then import the parts.</source>
        <translation>文件页数过多（超过 {limit} 页）：请拆分后分别导入。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="311"/>
        <source>The image is too large to import: scan it again at 600 dpi or less.</source>
        <translation>图片尺寸过大，无法导入：请以 600 dpi 及以下分辨率重新扫描。</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="326"/>
        <source>card identifier</source>
        <translation>卡识别码</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="327"/>
        <source>card category</source>
        <translation>卡类别</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="328"/>
        <source>specification version</source>
        <translation>规范版本</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="329"/>
        <source>card number</source>
        <translation>社会保障卡卡号</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="330"/>
        <source>social security number</source>
        <translation>社会保障号码</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="331"/>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="332"/>
        <source>sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="333"/>
        <source>ethnic group</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="334"/>
        <source>place of birth</source>
        <translation>出生地</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="335"/>
        <source>date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="338"/>
        <source>colour</source>
        <translation>彩色</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="339"/>
        <source>greyscale</source>
        <translation>灰度</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="340"/>
        <source>black and white</source>
        <translation>黑白</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="341"/>
        <source>flatbed</source>
        <translation>平板</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="342"/>
        <source>document feeder</source>
        <translation>自动进纸（ADF）</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="343"/>
        <source>two-sided document feeder</source>
        <translation>双面自动进纸</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="346"/>
        <source>vendor ID</source>
        <translation>厂商编号</translation>
    </message>
    <message>
        <location filename="../../ui/device_errors.py" line="347"/>
        <source>product ID</source>
        <translation>产品编号</translation>
    </message>
</context>
<context>
    <name>EvaluationWindow</name>
    <message>
        <location filename="../../ui/evaluate/window.py" line="111"/>
        <source>Evaluation</source>
        <translation>好差评</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="111"/>
        <location filename="../../ui/evaluate/window.py" line="152"/>
        <source>Counter {0}</source>
        <translation>{0} 号窗口</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="151"/>
        <source>Welcome to rate our service</source>
        <translation>欢迎评价</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="153"/>
        <source>When your visit is finished, please rate it here</source>
        <translation>办结后请在此对本次服务进行评价</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="167"/>
        <source>How satisfied are you with this visit?</source>
        <translation>请您对本次服务进行评价</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="189"/>
        <source>Please tell us what went wrong (choose one or more)</source>
        <translation>请选择不满意的原因（可多选）</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="206"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="208"/>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="222"/>
        <source>Thank you for your evaluation</source>
        <translation>感谢您的评价</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="269"/>
        <source>This screen returns by itself in {0} s</source>
        <translation>{0} 秒后自动返回</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="316"/>
        <source>The queue cannot be read right now — retrying…</source>
        <translation>暂时无法读取排队信息，正在重试…</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="333"/>
        <source>Ticket {0} · Counter {1}</source>
        <translation>号票 {0} · {1} 号窗口</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="391"/>
        <source>We will follow up on your feedback</source>
        <translation>我们会认真处理您的意见并回访</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="77"/>
        <source>Follow-up of a bad rating</source>
        <translation>差评回访</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="91"/>
        <source>What the applicant said</source>
        <translation>办事人反映的情况</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="93"/>
        <source>What the hall changed (rectification)</source>
        <translation>大厅的整改措施</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="98"/>
        <source>&amp;Outcome</source>
        <translation>回访结果(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="99"/>
        <source>&amp;Applicant said</source>
        <translation>办事人反映(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="100"/>
        <source>&amp;Rectification</source>
        <translation>整改情况(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="101"/>
        <source>Contacted &amp;by</source>
        <translation>回访人(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="102"/>
        <source>Contacted &amp;at</source>
        <translation>回访时间(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="109"/>
        <source>Enter saves; Esc goes back without saving.</source>
        <translation>Enter 保存；Esc 不保存并返回。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="116"/>
        <source>no case: the applicant is not known</source>
        <translation>无办件：办事人身份不明</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="117"/>
        <source>{level} on {time} — {reason}
Clerk {clerk} · {item} · case {case} · due {due}</source>
        <translation>{time} {level} — {reason}
窗口人员 {clerk} · {item} · 办件 {case} · 回访期限 {due}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="146"/>
        <source>The follow-up could not be saved ({error}). Try again; if it keeps failing, ask the technician.</source>
        <translation>回访记录未能保存（{error}）。请重试；如反复出现，请联系运维人员。</translation>
    </message>
</context>
<context>
    <name>FollowUpWords</name>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="58"/>
        <source>reached, problem solved</source>
        <translation>已联系，问题已解决</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="59"/>
        <source>reached, explained</source>
        <translation>已联系，已解释说明</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="60"/>
        <source>not reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="61"/>
        <source>no contact possible, rectified</source>
        <translation>无法联系，已整改</translation>
    </message>
</context>
<context>
    <name>FollowUpsPanel</name>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="163"/>
        <source>To follow up (any day)</source>
        <translation>待回访（不限日期）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="164"/>
        <source>All bad ratings of the period</source>
        <translation>本时段全部差评</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="170"/>
        <source>Due</source>
        <translation>回访期限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="170"/>
        <source>Given</source>
        <translation>评价时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="170"/>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="170"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="170"/>
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="170"/>
        <source>Clerk</source>
        <translation>窗口人员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="171"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="171"/>
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="178"/>
        <source>Open the case Ctrl+O</source>
        <translation>打开办件 Ctrl+O</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="181"/>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="192"/>
        <source>Enter records a follow-up; overdue ones are marked ⚠ and red.</source>
        <translation>Enter 登记回访；逾期的以 ⚠ 和红色标出。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="208"/>
        <source>Bad ratings could not be read ({error}); they are read again when the page is shown.</source>
        <translation>差评读取失败（{error}），再次打开本页时将重新读取。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="223"/>
        <source>{shown} shown, {overdue} overdue. In the period: satisfied {satisfied}, named bad ratings followed up {followed} ({done} of {named}).</source>
        <translation>显示 {shown} 条，逾期 {overdue} 条。本时段满意率 {satisfied}，实名差评回访率 {followed}（{named} 条中已回访 {done} 条）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="230"/>
        <source>overdue since {day}</source>
        <translation>{day} 起逾期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="230"/>
        <source>by {day}</source>
        <translation>{day} 前</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="232"/>
        <source>none yet</source>
        <translation>尚未回访</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="232"/>
        <source>{outcome} ({who}, {time})</source>
        <translation>{outcome}（{who}，{time}）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_followups.py" line="237"/>
        <source>(no case)</source>
        <translation>（无办件）</translation>
    </message>
</context>
<context>
    <name>HallStatusBar</name>
    <message>
        <location filename="../../ui/status_bar.py" line="87"/>
        <source>Card reader</source>
        <translation>读卡器</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="89"/>
        <source>Card reader: connecting</source>
        <translation>读卡器：正在连接</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="91"/>
        <source>Card reader: not connected</source>
        <translation>读卡器：未连接</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="113"/>
        <source>Database unreachable</source>
        <translation>数据库无法连接</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="119"/>
        <source>Platform online</source>
        <translation>平台在线</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="121"/>
        <source>Platform unreachable: cases wait safely and are sent later</source>
        <translation>平台暂时无法连接：办件已安全保存，恢复后自动发送</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="123"/>
        <source>Connecting to the platform…</source>
        <translation>正在连接平台……</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="125"/>
        <source>Sync stopped: {reason}</source>
        <translation>同步已停止：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="127"/>
        <source>Platform: cases are sent by the hall&apos;s sync PC</source>
        <translation>平台：本厅办件由同步电脑发送</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="129"/>
        <source>Platform: not configured</source>
        <translation>平台：未配置</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="137"/>
        <source>Nothing waiting to sync</source>
        <translation>无待同步办件</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="140"/>
        <source>Waiting to sync: {count} (oldest {age} ago)</source>
        <translation>待同步 {count} 件（最早 {age}前）</translation>
    </message>
</context>
<context>
    <name>IntakeFlow</name>
    <message>
        <location filename="../../ui/intake/flow.py" line="131"/>
        <source>1 Applicant</source>
        <translation>1 申请人</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="131"/>
        <source>2 Item</source>
        <translation>2 事项</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="131"/>
        <source>3 Handling place</source>
        <translation>3 办理地</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="131"/>
        <source>4 Materials</source>
        <translation>4 材料</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="132"/>
        <source>5 Decision</source>
        <translation>5 决定</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="132"/>
        <source>6 Print</source>
        <translation>6 打印</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="135"/>
        <source>Choose item (Enter)</source>
        <translation>选择事项（回车）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="135"/>
        <source>Save case (Enter)</source>
        <translation>保存办件（回车）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="136"/>
        <source>Next case (Enter)</source>
        <translation>下一件（回车）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="136"/>
        <source>Next (Enter)</source>
        <translation>下一步（回车）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="404"/>
        <source>Read the applicant&apos;s card first (F3), or enter it by hand (Ctrl+M).</source>
        <translation>请先读取申请人证件（F3），或手工录入（Ctrl+M）。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="405"/>
        <source>Choose the county where the case is handled.</source>
        <translation>请选择办理地的区县。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="206"/>
        <source>Waiting for the applicant&apos;s card (F3) or manual entry (Ctrl+M).</source>
        <translation>等待读取申请人证件（F3）或手工录入（Ctrl+M）。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="208"/>
        <source>Agent: {name}</source>
        <translation>代办人：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="209"/>
        <source>Applicant: {name} {number}</source>
        <translation>申请人：{name} {number}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="210"/>
        <source>Press Enter to choose the item.</source>
        <translation>按回车键选择事项。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="217"/>
        <source>Item name, code or pinyin initials (e.g. sbk)</source>
        <translation>事项名称、编码或拼音首字母（如 sbk）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="248"/>
        <source>Type to find the item, then press Enter.</source>
        <translation>输入查找事项，然后按回车键。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="255"/>
        <source>This item is no longer in the catalog.</source>
        <translation>该事项已不在目录中。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="272"/>
        <source>Where is the case handled? (the other province&apos;s authority)</source>
        <translation>办理地（异地受理部门所在地）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="273"/>
        <source>Province</source>
        <translation>省</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="274"/>
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="275"/>
        <source>County</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="312"/>
        <source>Check each material in the checklist on the right:
F7 scan · Ctrl+I import a file · Ctrl+D missing · Ctrl+E incorrect · arrows move.
Press Enter when done.</source>
        <translation>请在右侧材料清单中逐项核对：
F7 扫描 · Ctrl+I 导入文件 · Ctrl+D 缺 · Ctrl+E 有误 · 方向键移动。
完成后按回车键。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="339"/>
        <source>Collect at this window</source>
        <translation>窗口领取</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="340"/>
        <source>By post</source>
        <translation>邮寄送达</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="342"/>
        <source>Missing materials due by</source>
        <translation>补交期限</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="343"/>
        <source>Result delivered</source>
        <translation>结果送达方式</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="344"/>
        <source>Postal address</source>
        <translation>邮寄地址</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="385"/>
        <source>Still missing: {names}</source>
        <translation>尚缺：{names}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="386"/>
        <source>All required materials are received.</source>
        <translation>必需材料已齐全。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="406"/>
        <source>Choose a decision.</source>
        <translation>请选择受理决定。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="407"/>
        <source>Enter the postal address for the result.</source>
        <translation>请填写结果邮寄地址。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="418"/>
        <location filename="../../ui/intake/flow.py" line="422"/>
        <source>Saving the case…</source>
        <translation>正在保存办件……</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="434"/>
        <source>Case {number}
{state}</source>
        <translation>办件编号 {number}
{state}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="436"/>
        <source>Promised date {day}: no holiday calendar for {years} is loaded, so holidays were not skipped. Check the date; an administrator imports the calendar (hallapp calendar import FILE).</source>
        <translation>承诺办结日期 {day}：未载入 {years} 年的节假日安排，未扣除节假日。请核对日期，并请管理员导入节假日安排（hallapp calendar import FILE）。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="449"/>
        <source>Receipt</source>
        <translation>受理回执</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="449"/>
        <source>Consent form</source>
        <translation>服务同意书</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="450"/>
        <source>Commitment</source>
        <translation>容缺受理承诺书</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="328"/>
        <location filename="../../ui/intake/flow.py" line="450"/>
        <source>One-time notice</source>
        <translation>一次性告知书</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="326"/>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="327"/>
        <source>Accept with a gap (commitment)</source>
        <translation>容缺受理（签承诺书）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="461"/>
        <source>Print {document} (Alt+{key})</source>
        <translation>打印{document}（Alt+{key}）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="478"/>
        <source>Preparing {document}…</source>
        <translation>正在生成{document}……</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="497"/>
        <source>Press Enter for the next case.</source>
        <translation>按回车键开始下一件。</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../ui/kiosk/window.py" line="198"/>
        <source>Choose a service to take a ticket</source>
        <translation>请选择业务类别取号</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="212"/>
        <location filename="../../ui/kiosk/window.py" line="366"/>
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="213"/>
        <location filename="../../ui/kiosk/window.py" line="254"/>
        <source>For older people, people with disabilities, military families and others</source>
        <translation>老年人、残疾人、军人军属等</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="216"/>
        <location filename="../../ui/kiosk/window.py" line="273"/>
        <source>Appointment check-in</source>
        <translation>预约签到</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="217"/>
        <source>Enter your code or place your ID card on the reader</source>
        <translation>输入预约码或刷身份证</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="223"/>
        <source>Priority service and appointments</source>
        <translation>绿色通道与预约签到</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="253"/>
        <source>Green channel — choose a service</source>
        <translation>绿色通道 — 请选择业务类别</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="256"/>
        <location filename="../../ui/kiosk/window.py" line="373"/>
        <source>Please show the relevant certificate to the staff</source>
        <translation>请向工作人员出示相关证件</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="274"/>
        <source>Enter your appointment code, or place your ID card on the reader</source>
        <translation>请输入预约码，或将身份证放在读卡区</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="296"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="297"/>
        <source>Check in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="316"/>
        <source>ABC</source>
        <translation>字母</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="319"/>
        <location filename="../../ui/kiosk/window.py" line="325"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="323"/>
        <source>123</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="360"/>
        <source>Your number</source>
        <translation>您的号码</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="367"/>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="372"/>
        <source>Please listen for your number to be called</source>
        <translation>请留意叫号</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="179"/>
        <source>Back to start</source>
        <translation>返回首页</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="487"/>
        <source>{0} waiting</source>
        <translation>等候 {0} 人</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="500"/>
        <location filename="../../ui/kiosk/window.py" line="632"/>
        <source>Tickets cannot be issued right now. Please ask at the information desk.</source>
        <translation>暂时无法取号，请到咨询台办理</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="648"/>
        <source>People ahead of you: {0}</source>
        <translation>前面还有 {0} 人</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="666"/>
        <source>Printing your ticket…</source>
        <translation>正在打印号票…</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="689"/>
        <source>Please take your ticket</source>
        <translation>请取走号票</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="691"/>
        <source>The ticket could not be printed. Please note your number.</source>
        <translation>号票打印失败，请记下您的号码</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../ui/dialogs/lock.py" line="20"/>
        <source>Window locked</source>
        <translation>窗口已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/lock.py" line="23"/>
        <source>Locked — %s</source>
        <translation>已锁定 — %s</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/lock.py" line="24"/>
        <source>The window locked itself after a period without use. Enter your password to continue.</source>
        <translation>窗口长时间无操作已自动锁定。请输入密码继续。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/lock.py" line="29"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/lock.py" line="50"/>
        <source>Cannot check the password now.</source>
        <translation>暂时无法核对密码，请稍后再试。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/dialogs/login.py" line="30"/>
        <source>hallapp — log in</source>
        <translation>hallapp — 登录</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="36"/>
        <source>Cross-province service window</source>
        <translation>跨省通办窗口</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="46"/>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="47"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="52"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="69"/>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="72"/>
        <source>Checking…</source>
        <translation>正在核对……</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="88"/>
        <source>You are also logged in on PC {hosts}. Log out there, or tell the supervisor; press Continue to work here.</source>
        <translation>您在电脑 {hosts} 上也处于登录状态。请到那台电脑退出，或告知值班主任；按“继续”在本机工作。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="90"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="102"/>
        <source>The database cannot be reached. Check the network cable or ask the technician.</source>
        <translation>无法连接数据库。请检查网线，或联系运维人员。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="140"/>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140"/>
        <source>Supervisor</source>
        <translation>值班主任</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141"/>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="142"/>
        <source>Cases</source>
        <translation>办件查询</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="142"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184"/>
        <source> (demo)</source>
        <translation>（演示）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="221"/>
        <source>&amp;Session</source>
        <translation>会话(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="222"/>
        <source>Lock window</source>
        <translation>锁定窗口</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="225"/>
        <source>Log out and quit</source>
        <translation>退出登录并关闭</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="228"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="288"/>
        <source>Change language</source>
        <translation>切换语言</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289"/>
        <source>An intake is in progress. The language changes as soon as this visit ends (F8).</source>
        <translation>正在办理中。本次办结（F8）后即切换语言。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="290"/>
        <source>Change after this visit</source>
        <translation>办结后切换</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="291"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="343"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="343"/>
        <source>The intake in progress has not been saved: the applicant and every scan would be lost.</source>
        <translation>当前办件尚未保存：申请人信息和已扫描的材料都将丢失。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="344"/>
        <source>Discard and quit</source>
        <translation>放弃并退出</translation>
    </message>
</context>
<context>
    <name>ManualIdentityDialog</name>
    <message>
        <location filename="../../ui/dialogs/manual_identity.py" line="45"/>
        <source>Long-term</source>
        <translation>长期</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_identity.py" line="51"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_identity.py" line="52"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_identity.py" line="54"/>
        <source>Ethnic group</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_identity.py" line="55"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_identity.py" line="56"/>
        <source>Issued by</source>
        <translation>签发机关</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_identity.py" line="57"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual_identity.py" line="63"/>
        <source>Only when the card cannot be read. Check the card with your own eyes.</source>
        <translation>仅在无法读卡时使用。请人工核对证件。</translation>
    </message>
</context>
<context>
    <name>MaterialViewer</name>
    <message>
        <location filename="../../ui/dialogs/material_viewer.py" line="35"/>
        <source>Previous page PgUp</source>
        <translation>上一页 PgUp</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/material_viewer.py" line="36"/>
        <source>Next page PgDown</source>
        <translation>下一页 PgDown</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/material_viewer.py" line="37"/>
        <source>Zoom in Ctrl++</source>
        <translation>放大 Ctrl++</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/material_viewer.py" line="38"/>
        <source>Zoom out Ctrl+-</source>
        <translation>缩小 Ctrl+-</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/material_viewer.py" line="39"/>
        <source>Fit Ctrl+0</source>
        <translation>适合窗口 Ctrl+0</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/material_viewer.py" line="48"/>
        <source>Cancel Esc</source>
        <translation>取消 Esc</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/material_viewer.py" line="48"/>
        <source>Close Esc</source>
        <translation>关闭 Esc</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/material_viewer.py" line="95"/>
        <source>Page {n} of {total}</source>
        <translation>第 {n} 页，共 {total} 页</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/material_viewer.py" line="98"/>
        <source>The pages cannot be shown: the file is not a readable PDF.</source>
        <translation>无法显示页面：文件不是可读的 PDF。</translation>
    </message>
</context>
<context>
    <name>OverduePanel</name>
    <message>
        <location filename="../../ui/pages/supervisor_supplements.py" line="26"/>
        <source>Case</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_supplements.py" line="26"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_supplements.py" line="26"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_supplements.py" line="26"/>
        <source>Due</source>
        <translation>补齐期限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_supplements.py" line="26"/>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_supplements.py" line="27"/>
        <source>Clerk</source>
        <translation>窗口人员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_supplements.py" line="27"/>
        <source>Still owed</source>
        <translation>尚欠材料</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_supplements.py" line="35"/>
        <source>Enter on a row opens the case, where the material is supplied.</source>
        <translation>在某行按回车打开办件，在那里补交材料。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_supplements.py" line="43"/>
        <source>The overdue materials could not be read ({error}); they are read again when the page is shown.</source>
        <translation>无法读取逾期材料（{error}），页面再次显示时将重新读取。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_supplements.py" line="50"/>
        <source>Cases with materials overdue: {count}.</source>
        <translation>材料逾期未补的办件：{count} 件。</translation>
    </message>
</context>
<context>
    <name>PagesDialog</name>
    <message>
        <location filename="../../ui/intake/pages_dialog.py" line="39"/>
        <source>Rotate left</source>
        <translation>向左旋转</translation>
    </message>
    <message>
        <location filename="../../ui/intake/pages_dialog.py" line="40"/>
        <source>Rotate right</source>
        <translation>向右旋转</translation>
    </message>
    <message>
        <location filename="../../ui/intake/pages_dialog.py" line="41"/>
        <source>Move left</source>
        <translation>左移</translation>
    </message>
    <message>
        <location filename="../../ui/intake/pages_dialog.py" line="42"/>
        <source>Move right</source>
        <translation>右移</translation>
    </message>
    <message>
        <location filename="../../ui/intake/pages_dialog.py" line="43"/>
        <source>Delete page</source>
        <translation>删除此页</translation>
    </message>
    <message>
        <location filename="../../ui/intake/pages_dialog.py" line="44"/>
        <source>Crop</source>
        <translation>裁切</translation>
    </message>
    <message>
        <location filename="../../ui/intake/pages_dialog.py" line="67"/>
        <source>Page {n}</source>
        <translation>第 {n} 页</translation>
    </message>
    <message>
        <location filename="../../ui/intake/pages_dialog.py" line="114"/>
        <source>A material needs at least one page; mark it missing instead (Ctrl+D).</source>
        <translation>一份材料至少需要一页；如未提供，请标记为缺（Ctrl+D）。</translation>
    </message>
</context>
<context>
    <name>PlatformUpdatePanel</name>
    <message>
        <location filename="../../ui/pages/admin_catalog.py" line="77"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin_catalog.py" line="117"/>
        <source>Already applied: nothing to do.</source>
        <translation>已是该版本，无需更新。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin_catalog.py" line="118"/>
        <source>Check the differences, then Apply (Enter).</source>
        <translation>请核对差异，然后应用（回车）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin_catalog.py" line="129"/>
        <source>This window has no platform connection: use the command line.</source>
        <translation>本窗口未连接国家平台，请使用命令行更新。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin_catalog.py" line="134"/>
        <source>Asking the platform…</source>
        <translation>正在向国家平台查询…</translation>
    </message>
</context>
<context>
    <name>QueueBar</name>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="66"/>
        <source>Call</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="66"/>
        <source>Recall</source>
        <translation>重呼</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="67"/>
        <location filename="../../ui/widgets/queue_bar.py" line="234"/>
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="67"/>
        <source>Transfer</source>
        <translation>转移</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="68"/>
        <source>Hold</source>
        <translation>挂起</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="68"/>
        <source>Done</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="116"/>
        <source>The hall database cannot be reached: queue actions are refused until it is back. The window keeps trying; if this lasts, call the technician.</source>
        <translation>无法连接大厅数据库：恢复前不能进行叫号等排队操作。程序会持续重试；如长时间未恢复，请联系运维人员。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="127"/>
        <source>Held: {numbers}</source>
        <translation>挂起：{numbers}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="128"/>
        <source>Waiting: {counts}</source>
        <translation>等候：{counts}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="144"/>
        <source>Warning: counter {number} is also set on PC {hosts}: both serve the same tickets. Ask the technician to give one of them another counter number.</source>
        <translation>警告：电脑 {hosts} 也设为 {number} 号窗口，两台电脑会叫同一批号票。请联系运维人员为其中一台改设窗口号。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="152"/>
        <source>Current: none</source>
        <translation>当前：无</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="154"/>
        <source>Current: {number} · waited {minutes} min</source>
        <translation>当前：{number} · 已等 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="166"/>
        <source>green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="168"/>
        <source>appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="170"/>
        <source>called {times}×</source>
        <translation>第 {times} 次呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="118"/>
        <source>The queue cannot be reached: {error}</source>
        <translation>无法连接排队系统：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="202"/>
        <source>Nobody is waiting for this counter.</source>
        <translation>本窗口暂无等候人员。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="220"/>
        <source>{number} did not come after the recalls: marked no-show.</source>
        <translation>{number} 重呼后仍未到，已按过号处理。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="222"/>
        <source>{number} called again (call {times}).</source>
        <translation>已重呼 {number}（第 {times} 次）。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="234"/>
        <source>Mark {number} as not come (no-show)?</source>
        <translation>将 {number} 记为过号（未到）？</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="235"/>
        <source>Mark no-show</source>
        <translation>记为过号</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="238"/>
        <source>{number} marked no-show.</source>
        <translation>{number} 已记为过号。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="248"/>
        <source>Resume {number}</source>
        <translation>恢复 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="264"/>
        <source>The intake in progress has not been saved: the applicant and every scan would be lost.</source>
        <translation>当前办件尚未保存：申请人信息和已扫描的材料都将丢失。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="265"/>
        <source>Discard the intake?</source>
        <translation>放弃当前办件？</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="265"/>
        <source>Discard and end the visit</source>
        <translation>放弃并办结</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="283"/>
        <source>To category {letter} {name}</source>
        <translation>转到 {letter} 类 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="287"/>
        <source>To counter {number} and back</source>
        <translation>转到 {number} 号窗口（办完回本窗口）</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <location filename="../../ui/refusals.py" line="13"/>
        <source>A ticket that is {ticket_state} cannot be {move}.</source>
        <translation>号票{ticket_state}，不能{move}。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="14"/>
        <source>Choose at least one ticket category.</source>
        <translation>请至少选择一个号票类别。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="15"/>
        <source>A ticket category is listed twice: {letters}.</source>
        <translation>号票类别重复：{letters}。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="16"/>
        <source>There is no ticket category {unknown} (the hall has {known}).</source>
        <translation>没有号票类别 {unknown}（本大厅有 {known}）。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="19"/>
        <source>Unknown queue settings: {keys}.</source>
        <translation>未知的排队设置：{keys}。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="20"/>
        <source>There is no counter {counter}: ask the technician to check this PC&apos;s counter number.</source>
        <translation>没有 {counter} 号窗口：请联系运维人员检查本机的窗口号。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="23"/>
        <source>There is no ticket category {letter}.</source>
        <translation>没有号票类别 {letter}。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="24"/>
        <source>No appointment has this code. Check the code, or take a ticket at the information desk.</source>
        <translation>未找到预约，请核对预约码，或到咨询台取号</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="27"/>
        <source>The time of this appointment has passed. Please take a new ticket.</source>
        <translation>预约时段已过，请重新取号</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="30"/>
        <source>Please check in at most {minutes} minutes before your appointment.</source>
        <translation>请在预约时段前 {minutes} 分钟内签到</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="33"/>
        <source>Finish {ticket} or mark it a no-show before calling the next one.</source>
        <translation>请先办结或过号 {ticket}，再叫下一位</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="36"/>
        <location filename="../../ui/refusals.py" line="108"/>
        <source>There is no such ticket.</source>
        <translation>没有该号票。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="37"/>
        <source>{ticket} is not at this counter.</source>
        <translation>{ticket} 不在本窗口。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="38"/>
        <source>Finish or hold {ticket} first.</source>
        <translation>请先办结或挂起 {ticket}。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="39"/>
        <source>Choose the counter or the category to transfer to.</source>
        <translation>请选择要转到的窗口或类别。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="42"/>
        <source>Tickets cannot be transferred to counter {counter}.</source>
        <translation>号票不能转到 {counter} 号窗口。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="43"/>
        <source>A case that is {state} cannot become {target}.</source>
        <translation>办件{state}，不能改为{target}。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="44"/>
        <source>The case number would be longer than {limit} characters: ask the administrator to shorten the hall code.</source>
        <translation>办件编号将超过 {limit} 个字符：请联系管理员缩短大厅编码。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="47"/>
        <location filename="../../ui/refusals.py" line="139"/>
        <source>There is no case {number}.</source>
        <translation>没有办件 {number}。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="48"/>
        <source>Item {item} is not in the current catalog: choose the item again.</source>
        <translation>事项 {item} 不在当前事项目录中：请重新选择事项。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="51"/>
        <source>Item {item} was withdrawn by the national platform: it cannot start a new case. Tell the applicant, and choose another item if one fits.</source>
        <translation>事项 {item} 已被国家平台撤销，不能再新建办件。请告知申请人，如有合适的事项请另选。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="55"/>
        <source>The platform&apos;s catalog {version} has an item that cannot be used ({where}): nothing changed. Try again later, or report it to the platform&apos;s support.</source>
        <translation>平台事项目录 {version} 中有无法使用的事项（{where}），未做任何更改。请稍后重试，或报告平台技术支持。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="59"/>
        <source>The platform&apos;s catalog {version} lists no item: nothing changed. Try again later.</source>
        <translation>平台事项目录 {version} 中没有任何事项，未做任何更改。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="62"/>
        <source>The local catalog changed since the differences were shown: fetch them again.</source>
        <translation>显示差异后本地事项目录已有变化，请重新获取。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="65"/>
        <source>The platform has no holiday calendar for {year} yet: nothing changed. Try again once the State Council&apos;s notice is out.</source>
        <translation>国家平台尚未发布 {year} 年节假日安排，未做任何更改。请在国务院通知发布后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="69"/>
        <source>The platform&apos;s holiday calendar {year} ({version}) cannot be used ({why}): nothing changed. Try again later, or report it to the platform&apos;s support.</source>
        <translation>国家平台 {year} 年节假日安排（{version}）无法使用（{why}），未做任何更改。请稍后重试，或报告平台技术支持。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="73"/>
        <source>{day} would be a holiday in one calendar and a working day in another ({entry}): ask the technician to remove that calendar from the settings, then update again.</source>
        <translation>{day} 在一份节假日安排中是节假日，在另一份中是工作日（{entry}）：请运维人员从设置中移除该安排后再更新。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="77"/>
        <source>A holiday calendar in the settings cannot be read ({why}): ask the technician to fix the setting documents.holiday_calendars first.</source>
        <translation>设置中的一份节假日安排无法读取（{why}）：请运维人员先修正设置 documents.holiday_calendars。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="81"/>
        <source>The calendars changed since the differences were shown: fetch them again.</source>
        <translation>显示差异后节假日安排已有变化，请重新获取。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="84"/>
        <source>The checklist does not allow this decision: with a key material missing or wrong, only a one-time notice can be given.</source>
        <translation>材料清单不允许此处理：缺少关键材料或关键材料有误时，只能出具一次性告知书。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="89"/>
        <source>Accepting with a gap needs the date by which the missing materials come.</source>
        <translation>容缺受理须填写所缺材料的补交期限。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="92"/>
        <source>Returning a case for correction needs a reason.</source>
        <translation>退回补正须填写原因。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="93"/>
        <source>Fill in the courier company and the waybill number.</source>
        <translation>请填写快递公司和运单号。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="94"/>
        <source>Delivery by post needs the waybill number.</source>
        <translation>邮寄送达须填写运单号。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="95"/>
        <source>The person collecting is neither the applicant nor the agent: the result cannot be handed over.</source>
        <translation>领取人既不是申请人也不是代办人：不能交付办理结果。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="98"/>
        <source>This material has no scan.</source>
        <translation>该材料没有扫描件。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="99"/>
        <source>A supplied material needs at least one page: scan it first.</source>
        <translation>补交的材料至少需要一页：请先扫描。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="102"/>
        <source>This case has no materials still to be supplied.</source>
        <translation>该办件没有待补交的材料。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="103"/>
        <source>This material is not among those still to be supplied.</source>
        <translation>该材料不在待补交材料之列。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="106"/>
        <source>Please choose one of the five levels.</source>
        <translation>请选择一个评价等级。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="107"/>
        <source>Please choose why you were not satisfied.</source>
        <translation>请选择不满意的原因。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="109"/>
        <source>This visit has already been evaluated. Thank you.</source>
        <translation>本次服务已评价，谢谢！</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="110"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="111"/>
        <source>The account is locked: try again in {minutes} minutes, or ask an administrator to unlock it.</source>
        <translation>账号已锁定，请 {minutes} 分钟后再试，或请管理员解锁</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="114"/>
        <source>Too many wrong passwords: the account is locked for {minutes} minutes.</source>
        <translation>密码错误次数过多，账号已锁定 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="117"/>
        <source>A password needs at least {length} characters.</source>
        <translation>密码至少需要 {length} 个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="118"/>
        <source>A password needs both letters and digits.</source>
        <translation>密码须同时包含字母和数字。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="119"/>
        <source>A user name is 1 to 40 characters.</source>
        <translation>用户名为 1 至 40 个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="120"/>
        <source>The user name {user} is taken: choose another.</source>
        <translation>用户名 {user} 已被使用：请另选一个。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="121"/>
        <source>There is no user {user}.</source>
        <translation>没有用户 {user}。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="122"/>
        <source>{user} is the last active administrator and cannot be disabled: add another administrator first.</source>
        <translation>{user} 是最后一名在用的管理员，不能停用：请先添加另一名管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="125"/>
        <source>Fill in the hall&apos;s name.</source>
        <translation>请填写大厅名称。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="127"/>
        <source>The region code is 6 digits.</source>
        <translation>行政区划代码为 6 位数字。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="128"/>
        <source>Region code {region} is not in the current table of regions: check it.</source>
        <translation>行政区划代码 {region} 不在现行区划代码表中：请核对。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="131"/>
        <source>This database already holds a hall; it cannot be set up again.</source>
        <translation>该数据库已设置大厅，不能重复初始化。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="134"/>
        <source>This database has no hall yet: finish the set-up first.</source>
        <translation>该数据库尚未设置大厅：请先完成初始设置。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="135"/>
        <source>A hall has at least 1 counter.</source>
        <translation>大厅至少要有 1 个窗口。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="136"/>
        <source>A hall has at most {limit} counters (it has {existing}).</source>
        <translation>大厅最多 {limit} 个窗口（现有 {existing} 个）。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="140"/>
        <source>Case {number} is no longer returned for correction: refresh the list.</source>
        <translation>办件 {number} 已不在退回补正状态：请刷新列表。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="143"/>
        <source>Choose the outcome of the call.</source>
        <translation>请选择通话结果。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="144"/>
        <source>Write down what was agreed with the applicant.</source>
        <translation>请填写与申请人商定的事项。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="145"/>
        <source>Write down what was corrected, then send the case again.</source>
        <translation>请填写改正的内容，然后重新报送办件。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="148"/>
        <source>Case {number} cannot be sent again: ask the technician to look at the log.</source>
        <translation>办件 {number} 无法重新报送：请联系运维人员查看日志。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="151"/>
        <source>Write down why it is closed.</source>
        <translation>请填写关闭原因。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="152"/>
        <source>This sync entry needs nothing more: refresh the list.</source>
        <translation>该同步记录已无需处理：请刷新列表。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="153"/>
        <source>There is no such bad rating: refresh the list and try again.</source>
        <translation>没有该差评：请刷新列表后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="156"/>
        <source>This bad rating is named: contact the applicant and record the outcome.</source>
        <translation>该差评为实名评价：请联系办事人并登记回访结果。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="159"/>
        <source>Choose the outcome of the follow-up.</source>
        <translation>请选择回访结果。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="160"/>
        <source>When the applicant cannot be contacted, write down the rectification.</source>
        <translation>无法联系办事人时，请填写整改情况。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="163"/>
        <source>Fill in when and by whom the applicant was contacted.</source>
        <translation>请填写回访时间和回访人。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="166"/>
        <source>The time of contact cannot be later than now.</source>
        <translation>回访时间不能晚于当前时间。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="167"/>
        <source>Write down what the applicant said or the rectification.</source>
        <translation>请填写办事人反映的情况或整改情况。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="180"/>
        <source>The applicant did not consent: nothing was fetched. Scan the paper (F7).</source>
        <translation>申请人未同意授权，未调取任何内容。请扫描纸质材料（F7）。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="183"/>
        <source>The national platform cannot supply this material as an e-licence. Scan the paper (F7).</source>
        <translation>国家平台无法以电子证照提供此材料。请扫描纸质材料（F7）。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="186"/>
        <source>Read the applicant&apos;s card first (F3): a licence is fetched by the applicant&apos;s ID number.</source>
        <translation>请先读取申请人身份证（F3）：电子证照按申请人身份证号调取。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="189"/>
        <source>The national platform cannot be reached now. Scan the paper (F7); the case is sent when the link returns.</source>
        <translation>暂时无法连接国家平台。请扫描纸质材料（F7）；网络恢复后办件将自动上报。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="193"/>
        <source>This PC is not registered with the national platform, so no e-licence can be fetched. Scan the paper (F7), and tell the technician.</source>
        <translation>本机尚未在国家平台注册，无法调取电子证照。请扫描纸质材料（F7），并告知运维人员。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="197"/>
        <source>The national platform&apos;s certificate is not trusted by this PC, so nothing was sent. Scan the paper (F7), and tell the technician.</source>
        <translation>本机不信任国家平台的证书，未发送任何内容。请扫描纸质材料（F7），并告知运维人员。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="201"/>
        <source>The platform holds no such licence for this applicant. Scan the paper (F7).</source>
        <translation>国家平台没有该申请人的此项证照。请扫描纸质材料（F7）。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="204"/>
        <source>The platform refused the request. Scan the paper (F7); if this repeats, tell the technician (platform registration).</source>
        <translation>国家平台拒绝了本次请求。请扫描纸质材料（F7）；如反复出现，请联系运维人员（平台注册）。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="208"/>
        <source>The platform&apos;s answer was not a usable licence. Scan the paper (F7).</source>
        <translation>国家平台返回的内容不是可用的电子证照。请扫描纸质材料（F7）。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="408"/>
        <source>The scan {sha} is missing from this PC: restore the home folder&apos;s backup, or scan the paper again.</source>
        <translation>本机缺少扫描件 {sha}：请恢复主目录的备份，或重新扫描纸质材料。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="412"/>
        <source>The scan {sha} is neither in the shared database nor on this PC: it may be kept only on the PC that scanned it with an older version; a technician checks that PC.</source>
        <translation>共享数据库和本机都没有扫描件 {sha}：它可能只保存在用旧版本扫描它的那台电脑上，请运维人员到那台电脑上核查。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="416"/>
        <source>The scan {sha} is damaged or was altered: scan the paper again.</source>
        <translation>扫描件 {sha} 已损坏或被改动：请重新扫描纸质材料。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="419"/>
        <source>The scan {sha} cannot be opened: it is damaged, or this PC lacks the hall&apos;s keys (run `hallapp keys import` with the hall&apos;s keys file).</source>
        <translation>无法打开扫描件 {sha}：文件已损坏，或这台电脑没有大厅密钥（请用大厅密钥文件运行 `hallapp keys import`）。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="423"/>
        <source>The scan {sha} does not match its recorded hash: scan the paper again.</source>
        <translation>扫描件 {sha} 与记录的哈希不符：请重新扫描纸质材料。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="431"/>
        <source>waiting</source>
        <translation>等候中</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="433"/>
        <source>being served</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="434"/>
        <source>done</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="435"/>
        <source>a no-show</source>
        <translation>已过号</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="436"/>
        <source>on hold</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="432"/>
        <source>called</source>
        <comment>ticket state</comment>
        <translation>已叫号</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="437"/>
        <source>transferred</source>
        <comment>ticket state</comment>
        <translation>已转移</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="443"/>
        <source>called</source>
        <comment>queue move</comment>
        <translation>叫号</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="449"/>
        <source>transferred</source>
        <comment>queue move</comment>
        <translation>转移</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="444"/>
        <source>called again</source>
        <translation>重呼</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="126"/>
        <source>The hall code is 4 to 30 letters or digits.</source>
        <translation>大厅编码为 4 至 30 位字母或数字。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="445"/>
        <source>started</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="446"/>
        <source>marked a no-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="447"/>
        <source>put on hold</source>
        <translation>挂起</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="448"/>
        <source>resumed</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="450"/>
        <source>finished</source>
        <translation>办结</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <location filename="../../ui/pages/supervisor_report.py" line="80"/>
        <source>&amp;Print report</source>
        <translation>打印报表(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_report.py" line="82"/>
        <source>The report of the period shown, in the print preview (Ctrl+P)</source>
        <translation>在打印预览中查看所选时段的报表（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_report.py" line="83"/>
        <source>Sa&amp;ve report…</source>
        <translation>保存报表(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_report.py" line="85"/>
        <source>Save the report of the period shown as PDF, CSV or XLSX (Ctrl+Shift+S)</source>
        <translation>将所选时段的报表保存为 PDF、CSV 或 XLSX（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_report.py" line="98"/>
        <source>Preparing the report…</source>
        <translation>正在生成报表…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_report.py" line="104"/>
        <source>Print preview opened: {title}</source>
        <translation>已打开打印预览：{title}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_report.py" line="113"/>
        <source>Save the report</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_report.py" line="117"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_report.py" line="117"/>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_report.py" line="117"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_report.py" line="152"/>
        <source>{name}: end the file name in .pdf, .csv or .xlsx, then save again.</source>
        <translation>{name}：文件名请以 .pdf、.csv 或 .xlsx 结尾，然后重新保存。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_report.py" line="148"/>
        <source>Report saved to {path}</source>
        <translation>报表已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_report.py" line="154"/>
        <source>{path} is one of hallapp&apos;s own files (in its home folder, or its database): nothing was saved. Choose a file elsewhere and save again.</source>
        <translation>{path} 是 hallapp 自身的文件（位于其主目录中，或是其数据库）：未保存任何内容。请选择其他位置的文件后重新保存。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_report.py" line="157"/>
        <source>The report was not saved ({error}): choose another file and save again.</source>
        <translation>报表未保存（{error}）：请选择其他文件后重新保存。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_report.py" line="162"/>
        <source>The report could not be written ({error}): choose another folder and save again.</source>
        <translation>报表无法写入（{error}）：请选择其他文件夹后重新保存。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_report.py" line="165"/>
        <source>The report could not be made ({error}); try again, and if it fails again tell the technician.</source>
        <translation>报表生成失败（{error}）；请重试，如仍失败请联系运维人员。</translation>
    </message>
</context>
<context>
    <name>ReturnedPanel</name>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="42"/>
        <source>called the applicant: {outcome}</source>
        <translation>致电申请人：{outcome}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="43"/>
        <source>sent again as revision {revision}</source>
        <translation>作为第 {revision} 版重新报送</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="44"/>
        <source>sent again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="45"/>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="46"/>
        <source>reached</source>
        <translation>已联系上</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="47"/>
        <source>not reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="155"/>
        <location filename="../../ui/pages/supervisor_returned.py" line="158"/>
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="155"/>
        <source>Returned</source>
        <translation>退回时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="155"/>
        <source>Because</source>
        <translation>退回原因</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="155"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="155"/>
        <source>Clerk</source>
        <translation>窗口人员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="156"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="156"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="156"/>
        <location filename="../../ui/pages/supervisor_returned.py" line="158"/>
        <source>Last step</source>
        <translation>最近处理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="158"/>
        <source>Since</source>
        <translation>出现时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="158"/>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="158"/>
        <source>What the platform said</source>
        <translation>平台反馈</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="165"/>
        <source>Returned by the platform for correction</source>
        <translation>平台退回补正</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="167"/>
        <source>Sync needs attention</source>
        <translation>同步需处理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="169"/>
        <source>Enter on a row: call, send again, retry or close. Tab moves between the lists.</source>
        <translation>在某行按 Enter：致电、重新报送、重试或关闭。Tab 在两个列表间切换。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="177"/>
        <source>The cases could not be read ({error}); they are read again when the page is shown.</source>
        <translation>办件读取失败（{error}），再次打开本页时将重新读取。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="182"/>
        <source>none yet</source>
        <translation>尚未处理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="184"/>
        <source>no phone recorded</source>
        <translation>未登记电话</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="187"/>
        <source>Returned cases: {returned}. Sync entries needing attention: {attention}.</source>
        <translation>退回办件 {returned} 件，需处理的同步记录 {attention} 条。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="212"/>
        <source>Returned because: {reason}</source>
        <translation>退回原因：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="213"/>
        <source>{item} · accepted by {clerk} on {saved}</source>
        <translation>{item} · {clerk} 于 {saved} 受理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="215"/>
        <source>Applicant: {name}, phone {phone}</source>
        <translation>申请人：{name}，电话 {phone}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="216"/>
        <source>not recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="218"/>
        <source>Record a call to the applicant</source>
        <translation>登记致电申请人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="219"/>
        <source>Send again as revision {n}</source>
        <translation>作为第 {n} 版重新报送</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="220"/>
        <location filename="../../ui/pages/supervisor_returned.py" line="240"/>
        <source>Close with a reason</source>
        <translation>填写原因后关闭</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="229"/>
        <source>Case {number} returned</source>
        <translation>办件 {number} 被退回</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="236"/>
        <source>The platform said: {said}</source>
        <translation>平台反馈：{said}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="237"/>
        <source>{attempts} attempts; needs attention since {since}</source>
        <translation>已尝试 {attempts} 次；自 {since} 起需处理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="240"/>
        <source>Send again now</source>
        <translation>立即重新发送</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="247"/>
        <source>Case {number}: sync needs attention</source>
        <translation>办件 {number}：同步需处理</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="125"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="126"/>
        <source>Hall and counter</source>
        <translation>大厅与窗口</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="129"/>
        <source>Settings of this PC</source>
        <translation>本机设置</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="140"/>
        <source>letters in calling order, e.g. A,B</source>
        <translation>按叫号顺序填写字母，如 A,B</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="142"/>
        <source>Ticket ca&amp;tegories this counter calls</source>
        <translation>本窗口叫号的号票类别(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="144"/>
        <source>Save categories</source>
        <translation>保存类别</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="153"/>
        <source>type part of a setting or its meaning, e.g. idle</source>
        <translation>输入设置项或说明中的文字，如 idle</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="157"/>
        <source>&amp;Find setting (Ctrl+F)</source>
        <translation>查找设置(&amp;F)（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="163"/>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="163"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="163"/>
        <source>Meaning</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="164"/>
        <source>Takes effect</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="186"/>
        <source>&amp;Value</source>
        <translation>值(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="188"/>
        <source>Save (Enter)</source>
        <translation>保存（Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="210"/>
        <source>The settings could not be read: {problem}. Correct or remove settings.toml, then open this page again.</source>
        <translation>无法读取设置：{problem}。请改正或删除 settings.toml，然后重新打开本页。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="222"/>
        <source>overridden by {name} in this session</source>
        <translation>本次运行由 {name} 覆盖</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="223"/>
        <source>(set with hallapp config)</source>
        <translation>（用 hallapp config 设置）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="236"/>
        <source>This database has no hall yet.</source>
        <translation>该数据库尚未设置大厅。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="240"/>
        <source>{name} · hall code {code} · {region} ({region_code}) · counters {counters} · this PC is counter {number}. The hall&apos;s name, code and region are set once at set-up.</source>
        <translation>{name} · 大厅编码 {code} · {region}（{region_code}）· 窗口 {counters} · 本机为 {number} 号窗口。大厅名称、编码和行政区划在初始设置时确定，此后不能更改。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="363"/>
        <source>Not saved: this hall has counters {counters}, no counter {number}. Type one of them, or add counters first (hallapp counters add N).</source>
        <translation>未保存：本大厅的窗口为 {counters}，没有 {number} 号窗口。请填写其中之一，或先添加窗口（hallapp counters add N）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="368"/>
        <source>Not saved: {reason}. Correct the value as its meaning says and press Enter again.</source>
        <translation>未保存：{reason}。请按说明改正取值后再按 Enter。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="371"/>
        <source>Not saved: settings.toml could not be written ({problem}). Check that the home folder is writable and try again.</source>
        <translation>未保存：无法写入 settings.toml（{problem}）。请检查数据目录是否可写，然后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="381"/>
        <source>Saved. Counter {number} calls {letters} from the next call (F1) on.</source>
        <translation>已保存。{number} 号窗口从下一次叫号（F1）起叫 {letters} 类号票。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="386"/>
        <source>Not saved: {reason}. Type the category letters separated by commas, e.g. A,B.</source>
        <translation>未保存：{reason}。请输入以逗号分隔的类别字母，如 A,B。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="389"/>
        <source>Not saved: the hall&apos;s database could not be reached. Try again in a moment.</source>
        <translation>未保存：无法连接大厅数据库。请稍后重试。</translation>
    </message>
</context>
<context>
    <name>SettingsWords</name>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="56"/>
        <source>now</source>
        <translation>立即</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="57"/>
        <source>at the next start</source>
        <translation>下次启动时</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="58"/>
        <source>when the kiosk, display or evaluation screen starts again</source>
        <translation>取号机、显示屏或评价屏重新启动时</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="59"/>
        <source>now (during an intake: when the visit ends, F8)</source>
        <translation>立即（正在办理时：本次办结后，F8）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="65"/>
        <source>Saved. In effect now.</source>
        <translation>已保存，立即生效。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="66"/>
        <source>Saved. Takes effect when hallapp is started again (Ctrl+Q, then start it).</source>
        <translation>已保存，重新启动 hallapp 后生效（按 Ctrl+Q 退出后再启动）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="68"/>
        <source>Saved. Takes effect when the kiosk, the hall display or the evaluation screen is started again.</source>
        <translation>已保存，取号机、大厅显示屏或评价屏重新启动后生效。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="71"/>
        <source>Saved. The window switches language now, or when the visit in progress ends (F8).</source>
        <translation>已保存。界面立即切换语言；如正在办理，则在本次办结（F8）后切换。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="78"/>
        <source>The hall&apos;s time zone: every time shown or printed uses it, whatever the PC&apos;s zone.</source>
        <translation>大厅所在时区：所有显示和打印的时间都按此时区，与本机时区无关。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="80"/>
        <source>Language of the window: zh_CN (Simplified Chinese) or en (English).</source>
        <translation>界面语言：zh_CN（简体中文）或 en（英文）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="82"/>
        <source>Base font size on the counter, in points (9 to 32).</source>
        <translation>窗口界面的基础字号，单位为磅（9 至 32）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="83"/>
        <source>Wrong passwords in a row before an account locks.</source>
        <translation>连续输错密码多少次后锁定账号。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="84"/>
        <source>Minutes a locked account stays locked.</source>
        <translation>账号锁定的时长（分钟）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="85"/>
        <source>Lock the window after this many minutes without input (0 = never).</source>
        <translation>无操作多少分钟后自动锁定窗口（0 表示不锁定）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="87"/>
        <source>Shared hall database (PostgreSQL). It holds a password: change it with `hallapp config set database.url`.</source>
        <translation>大厅共享数据库（PostgreSQL）。其中含有密码：请用 `hallapp config set database.url` 修改。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="90"/>
        <source>How long to wait for the shared database server before saying it cannot be reached, in seconds.</source>
        <translation>等待共享数据库服务器应答的秒数，超时即提示无法连接。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="92"/>
        <source>Address of the national platform&apos;s inter-provincial channel (https://…).</source>
        <translation>国家平台跨省通办专区的地址（https://…）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="94"/>
        <source>File of the authority that signs the platform&apos;s certificate; empty = the system&apos;s.</source>
        <translation>签发平台证书的 CA 证书文件；留空则使用系统证书。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="96"/>
        <source>Optional fingerprints of the platform&apos;s key; one of them must match.</source>
        <translation>平台公钥指纹（可选）；须与其中之一相符。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="98"/>
        <source>The counter number of this PC; must be one of the hall&apos;s counters.</source>
        <translation>本机的窗口号；必须是本大厅已有的窗口。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="100"/>
        <source>This PC&apos;s window sends the hall&apos;s cases to the platform; turn it off where the hall&apos;s sync daemon on another PC sends them.</source>
        <translation>本机窗口程序向平台发送本厅办件；若由另一台电脑上的同步服务发送，请关闭此项。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="103"/>
        <source>Serial port of the ID card reader: a path (/dev/ttyUSB0, COM3), auto (the first port where a reader answers), simulator, or none.</source>
        <translation>身份证读卡器的串口：路径（/dev/ttyUSB0、COM3）、auto（第一个有读卡器应答的端口）、simulator（模拟器）或 none（不用）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="106"/>
        <source>Speed of the ID card reader: 115200 or 9600 (Configure on the Devices page finds it).</source>
        <translation>身份证读卡器的波特率：115200 或 9600（在“设备”页“配置”时会自动测出）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="108"/>
        <source>Read an ID card as soon as it is placed on the reader; false = only on F3.</source>
        <translation>身份证一放上读卡器就读取；false = 仅在按 F3 时读取。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="110"/>
        <source>Path of the card vendor&apos;s photo library (WLT decoder); empty = no photo is shown.</source>
        <translation>读卡器厂商照片解码库（WLT 解码）的路径；留空 = 不显示照片。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="112"/>
        <source>What the vendor&apos;s photo library writes: bmp (an image file) or rgb (bare pixels).</source>
        <translation>厂商照片解码库的输出：bmp（图像文件）或 rgb（原始像素）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="114"/>
        <source>Reader for social security cards (PC/SC); empty = the first one found.</source>
        <translation>社会保障卡读卡器（PC/SC）；留空 = 使用找到的第一个。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="116"/>
        <source>Scanner (SANE name, e.g. fujitsu:fi-7160:123); empty = the first one found; none = no scanner.</source>
        <translation>扫描仪（SANE 设备名，如 fujitsu:fi-7160:123）；留空 = 使用找到的第一台；none = 不用扫描仪。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="118"/>
        <source>Where the scanner takes the pages from: flatbed or adf (the document feeder).</source>
        <translation>扫描仪的进纸方式：flatbed（平板）或 adf（自动进纸器）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="120"/>
        <source>Scan resolution in dots per inch (100 to 600).</source>
        <translation>扫描分辨率，单位 DPI（100 至 600）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="121"/>
        <source>Folder where the vendor&apos;s scan tool (TWAIN/WIA) saves files; each new file is added to the selected material.</source>
        <translation>厂商扫描工具（TWAIN/WIA）保存文件的文件夹；每个新文件都会加入当前选中的材料。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="124"/>
        <source>Address of the ticket printer: tcp://HOST:PORT, usb://VID:PID, serial:///dev/ttyX?baud=9600 or file:///PATH; empty = no ticket printer.</source>
        <translation>号票打印机地址：tcp://HOST:PORT、usb://VID:PID、serial:///dev/ttyX?baud=9600 或 file:///PATH；留空 = 不用号票打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="127"/>
        <source>Width of the ticket paper in millimetres: 58 or 80.</source>
        <translation>号票纸宽度，单位毫米：58 或 80。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="128"/>
        <source>How the ticket printer reads Chinese text: GB18030, GBK or UTF-8.</source>
        <translation>号票打印机的中文编码：GB18030、GBK 或 UTF-8。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="130"/>
        <source>true = the printer draws the QR code itself; false = an image of it is sent.</source>
        <translation>true = 由打印机自行打印二维码；false = 以图片形式发送二维码。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="132"/>
        <source>Web address printed as a QR code on the ticket, with {number} for the ticket number; empty = no QR code.</source>
        <translation>以二维码形式印在号票上的网址，{number} 代表号票号码；留空 = 不印二维码。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="135"/>
        <source>Voice of the hall display&apos;s calls: auto, qt, espeak, or silent (no voice).</source>
        <translation>大厅显示屏叫号所用的语音：auto、qt、espeak 或 silent（不播报）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="137"/>
        <source>How many times each call is spoken (1 to 5).</source>
        <translation>每次叫号播报的遍数（1 至 5）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="138"/>
        <source>A call not spoken within this many seconds is dropped (10 to 600).</source>
        <translation>超过此秒数仍未播报的叫号将被放弃（10 至 600）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="140"/>
        <source>Seconds the applicant has to rate a visit on the evaluation screen; then it counts as no answer.</source>
        <translation>申请人在评价器上评价一次办事的时限（秒）；超时记为未评价。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="142"/>
        <source>Working days a supervisor has to follow up a bad rating, counted from the day after it.</source>
        <translation>值班主任完成差评回访的时限（工作日），自差评次日起算。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="144"/>
        <source>Seconds between two sends of the outbox when nothing is waiting.</source>
        <translation>没有待同步办件时，两次同步之间的间隔（秒）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="145"/>
        <source>Cases sent together in one round.</source>
        <translation>每轮同步一起发送的办件数。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="146"/>
        <source>Seconds a case being sent stays reserved for one PC before another may take it over.</source>
        <translation>一件正在发送的办件由一台电脑占用的秒数，超时后可由其他电脑接手。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="148"/>
        <source>Seconds one platform request may take before it counts as failed.</source>
        <translation>单次平台请求的超时时间（秒），超时即算失败。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="150"/>
        <source>Seconds one round of sending may take in all.</source>
        <translation>一轮发送总共允许的秒数。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="151"/>
        <source>Encrypt uploaded materials with SM4 (the platform&apos;s transport key).</source>
        <translation>用 SM4 加密上传的材料（使用平台的传输密钥）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="153"/>
        <source>First wait after a failed send, in seconds (doubles each time).</source>
        <translation>发送失败后首次等待的秒数（每次加倍）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="155"/>
        <source>Longest wait between two tries, in seconds.</source>
        <translation>两次重试之间的最长等待（秒）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="156"/>
        <source>Size of one piece of a material upload, in bytes (a multiple of 16).</source>
        <translation>材料分块上传时每块的大小，单位字节（16 的倍数）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="158"/>
        <source>Largest platform answer read, in bytes; a longer one counts as no answer.</source>
        <translation>读取平台应答的最大字节数；超过即视为没有应答。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="160"/>
        <source>Quick retries of one platform request before waiting longer.</source>
        <translation>一次平台请求在延长等待前的快速重试次数。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="162"/>
        <source>How cases reach the platform: http = the documented hallapp contract.</source>
        <translation>办件报送平台的方式：http = hallapp 文档约定的接口。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="164"/>
        <source>TrueType Chinese fonts embedded in receipts and notices, tried in order.</source>
        <translation>嵌入受理回执和一次性告知书的 TrueType 中文字体，按顺序尝试。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="166"/>
        <source>The hall&apos;s status-query web address, with {number} for the case number, printed as the receipt&apos;s QR code; empty = the QR code holds the case number and the hall&apos;s phone.</source>
        <translation>大厅办件进度查询网址，{number} 代表办件编号，印成受理回执上的二维码；留空 = 二维码中为办件编号和大厅电话。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="169"/>
        <source>Hall address printed on receipts and notices; empty = the hall&apos;s own address.</source>
        <translation>印在受理回执和一次性告知书上的大厅地址；留空 = 使用大厅登记的地址。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="171"/>
        <source>Enquiry phone printed on receipts and notices; empty = the hall&apos;s own phone.</source>
        <translation>印在受理回执和一次性告知书上的咨询电话；留空 = 使用大厅登记的电话。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="173"/>
        <source>Supervision and complaint phone printed on receipts and notices; empty = only the 12345 hotline.</source>
        <translation>印在受理回执和一次性告知书上的监督投诉电话；留空 = 仅印 12345 热线。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="175"/>
        <source>Holiday calendars for promised dates: files, or names under resources/ (e.g. calendars/cn-2026.yaml).</source>
        <translation>计算承诺办结日期所用的节假日日历：文件路径，或 resources/ 下的名称（如 calendars/cn-2026.yaml）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="178"/>
        <source>How much the log records: DEBUG, INFO, WARNING or ERROR.</source>
        <translation>日志记录的详细程度：DEBUG、INFO、WARNING 或 ERROR。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="179"/>
        <source>Days after the platform confirms a case before its scans and personal details are deleted (statistics and the audit trail stay).</source>
        <translation>平台确认办件后，其扫描件和个人信息保留的天数，到期删除（统计数据和审计记录保留）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="182"/>
        <source>Daily backups of the hall&apos;s database (SQLite) kept in the backups folder of the home (1 to 366).</source>
        <translation>大厅数据库（SQLite）每日备份在数据目录 backups 文件夹中保留的份数（1 至 366）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="184"/>
        <source>Months for which the first daily backup of the month is also kept (0 = none).</source>
        <translation>另外保留每月第一份每日备份的月数（0 = 不保留）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="226"/>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="227"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="229"/>
        <source>{key} must be {kind} from {low} to {high}: type such a number and press Enter.</source>
        <translation>{key} 必须是 {low} 至 {high} 之间的{kind}：请输入符合要求的数后按 Enter。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_words.py" line="232"/>
        <source>{key} must be {kind}: type a number and press Enter.</source>
        <translation>{key} 必须是{kind}：请输入数字后按 Enter。</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="28"/>
        <source>hallapp — first-run set-up</source>
        <translation>hallapp — 首次设置</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="31"/>
        <source>This computer has no hall yet. Enter the hall&apos;s details and the first administrator.</source>
        <translation>本机尚未设置大厅。请填写大厅信息和首个管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="43"/>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="50"/>
        <source>Hall name</source>
        <translation>大厅名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="51"/>
        <source>Hall code</source>
        <translation>大厅编码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="52"/>
        <source>Region code (6 digits)</source>
        <translation>行政区划代码（6位）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="54"/>
        <source>Number of counters</source>
        <translation>窗口数量</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="55"/>
        <source>Administrator user name</source>
        <translation>管理员用户名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="56"/>
        <source>Administrator name</source>
        <translation>管理员姓名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="57"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="58"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="62"/>
        <source>Create hall</source>
        <translation>创建大厅</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="77"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="89"/>
        <source>Creating the hall…</source>
        <translation>正在创建大厅……</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="100"/>
        <source>Set-up failed: %s</source>
        <translation>初始化失败：%s</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../ui/app.py" line="70"/>
        <location filename="../../ui/app.py" line="84"/>
        <source>hallapp cannot start</source>
        <translation>hallapp 无法启动</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="71"/>
        <source>The settings file cannot be used.</source>
        <translation>设置文件无法使用。</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="72"/>
        <source>{problem}

Correct or remove the file, then start hallapp again. The problem is also written to the log.</source>
        <translation>{problem}

请修正或删除该文件，然后重新启动 hallapp。此问题也已写入日志。</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="85"/>
        <source>The hall&apos;s database is missing or empty.</source>
        <translation>大厅数据库丢失或为空。</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="86"/>
        <source>{problem}

The problem is also written to the log.</source>
        <translation>{problem}

此问题也已写入日志。</translation>
    </message>
</context>
<context>
    <name>StartupWindow</name>
    <message>
        <location filename="../../ui/startup.py" line="83"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="68"/>
        <source>Reached</source>
        <translation>已联系上</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="69"/>
        <source>Not reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="73"/>
        <source>&amp;Step</source>
        <translation>处理方式(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="75"/>
        <source>&amp;Call</source>
        <translation>通话结果(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="76"/>
        <source>&amp;Note</source>
        <translation>说明(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="86"/>
        <source>Enter saves; Esc goes back without saving.</source>
        <translation>Enter 保存；Esc 不保存并返回。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="93"/>
        <source>What was agreed with the applicant</source>
        <translation>与申请人商定的事项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="94"/>
        <source>What was corrected before sending again</source>
        <translation>重新报送前改正的内容</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="95"/>
        <source>Optional: what was fixed</source>
        <translation>可选：排除了什么问题</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="95"/>
        <source>Why it is closed</source>
        <translation>关闭原因</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_returned.py" line="113"/>
        <source>The step could not be saved ({error}). Try again; if it keeps failing, ask the technician.</source>
        <translation>本次处理未能保存（{error}）。请重试；如反复出现，请联系运维人员。</translation>
    </message>
</context>
<context>
    <name>SupervisorPage</name>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="212"/>
        <source>Hall overview</source>
        <translation>大厅概况</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="254"/>
        <source>Waiting now</source>
        <translation>等候</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="255"/>
        <source>Visits finished</source>
        <translation>叫号办结</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="256"/>
        <source>Cases accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="257"/>
        <source>Accepted with gap</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="258"/>
        <source>One-time notices</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="259"/>
        <source>Returned by the platform</source>
        <translation>平台退回</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="261"/>
        <source>Average wait (min)</source>
        <translation>平均等候(分)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="261"/>
        <source>Avg. wait (min)</source>
        <translation>平均等候(分)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="262"/>
        <source>90 % waited at most (min)</source>
        <translation>90%等候(分)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="262"/>
        <source>90 % wait (min)</source>
        <translation>90%等候(分)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="263"/>
        <source>Average service (min)</source>
        <translation>平均办理(分)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="263"/>
        <source>Avg. service (min)</source>
        <translation>平均办理(分)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="264"/>
        <source>90 % served within (min)</source>
        <translation>90%办理(分)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="264"/>
        <source>90 % service (min)</source>
        <translation>90%办理(分)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="265"/>
        <source>To receipt (min)</source>
        <translation>取号至回执(分)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="265"/>
        <source>Average from ticket to receipt printed (min)</source>
        <translation>平均取号至回执打印（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="266"/>
        <source>Satisfied (%)</source>
        <translation>满意率（%）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="268"/>
        <source>Waiting to sync</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="268"/>
        <source>Oldest unsynced</source>
        <translation>最久未同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="425"/>
        <source>{n}: {done}</source>
        <comment>a counter&apos;s visits finished</comment>
        <translation>{n}号 {done}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="437"/>
        <source>Visits finished per counter:</source>
        <translation>各窗口叫号办结：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="480"/>
        <location filename="../../ui/pages/supervisor.py" line="484"/>
        <source>Visits</source>
        <translation>叫号办结</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="481"/>
        <location filename="../../ui/pages/supervisor.py" line="485"/>
        <location filename="../../ui/pages/supervisor.py" line="487"/>
        <source>Cases</source>
        <translation>办件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="489"/>
        <source>Evaluations</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="175"/>
        <location filename="../../ui/pages/supervisor.py" line="267"/>
        <source>Bad ratings to follow up</source>
        <translation>差评待回访</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="171"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="173"/>
        <source>Ticket → receipt</source>
        <translation>取号→回执</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="177"/>
        <source>Need a supervisor</source>
        <translation>待主任处理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="179"/>
        <location filename="../../ui/pages/supervisor.py" line="260"/>
        <source>Materials overdue</source>
        <translation>容缺逾期未补</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="198"/>
        <source>Today (live)</source>
        <translation>今天（实时）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="198"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="199"/>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="199"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="200"/>
        <source>From – to</source>
        <translation>自定义起止</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="202"/>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="214"/>
        <source>&amp;Period</source>
        <translation>时段(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="254"/>
        <source>Tickets taken</source>
        <translation>取号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="255"/>
        <source>No-shows</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="466"/>
        <source>Same weekday, {n} weeks before (avg)</source>
        <translation>前{n}周同日均值</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="475"/>
        <source>Tickets</source>
        <translation>取号数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="183"/>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="280"/>
        <source>Per counter</source>
        <translation>按窗口</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="281"/>
        <source>Per clerk</source>
        <translation>按人员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="282"/>
        <source>Cases per item</source>
        <translation>各事项办件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="279"/>
        <source>Evaluations by level</source>
        <translation>评价等级分布</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="276"/>
        <source>Arrivals by hour</source>
        <translation>分时段取号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="277"/>
        <source>Served by hour</source>
        <translation>分时段办结</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="278"/>
        <source>Waiting time (min)</source>
        <translation>等候时长分布（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="391"/>
        <source>Figures could not be read ({error}); they are read again at the next change.</source>
        <translation>数据读取失败（{error}），有变化时将重新读取。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="407"/>
        <source>as of {time}</source>
        <translation>截至 {time}</translation>
    </message>
</context>
<context>
    <name>SyncErrors</name>
    <message>
        <location filename="../../ui/refusals.py" line="218"/>
        <source>The national platform&apos;s address (platform.url) is not set or not valid, for example https://platform.example/: ask the technician to set it.</source>
        <translation>未设置国家平台地址 platform.url，或地址无效（例如 https://platform.example/）：请联系运维人员设置。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="222"/>
        <source>The national platform&apos;s address is not valid ({why}): ask the technician to correct platform.url.</source>
        <translation>国家平台地址无效（{why}）：请联系运维人员更正 platform.url。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="225"/>
        <source>This PC has not pinned the national platform&apos;s signing key yet: the technician runs hallapp platform register.</source>
        <translation>本机尚未固定国家平台的签名公钥：请运维人员运行 hallapp platform register。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="229"/>
        <source>The answer carries no valid signature of the national platform (a gateway login page, a proxy or another server); treated as no answer, tried again later.</source>
        <translation>应答没有国家平台的有效签名（可能是网关认证页、代理或其他服务器），按未收到应答处理，稍后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="233"/>
        <source>The signing key in the platform&apos;s answer differs from the one this PC pinned; treated as no answer. If the platform did change its key, an administrator checks it first.</source>
        <translation>平台应答中的签名公钥与本机固定的不同，按未收到应答处理；如平台确已换钥，请管理员核实后处理。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="237"/>
        <source>The platform&apos;s answer is outside the contract ({status}); treated as no answer.</source>
        <translation>平台返回了接口约定之外的应答（{status}），按未收到应答处理。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="240"/>
        <source>The platform&apos;s answer does not fit the contract (missing); treated as no answer.</source>
        <translation>平台应答不符合接口约定（missing），按未收到应答处理。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="243"/>
        <source>The platform&apos;s answer is larger than the {limit} byte limit; treated as no answer.</source>
        <translation>平台应答超过 {limit} 字节上限，按未收到应答处理。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="246"/>
        <source>The platform refused this hall&apos;s signature or key ({status} {reason}): the technician checks the hall&apos;s registration (hallapp platform register).</source>
        <translation>平台拒绝了本大厅的签名或密钥（{status} {reason}）：请运维人员核查大厅注册（hallapp platform register）。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="250"/>
        <source>The platform holds different data under the same submission ({where}): a supervisor checks the case; nothing is overwritten.</source>
        <translation>平台在同一提交编号下保存了不同的数据（{where}）：请值班主任核查该办件；不会覆盖平台数据。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="254"/>
        <source>The platform&apos;s hash of a material differs from this PC&apos;s ({where}); it is sent again.</source>
        <translation>平台校验材料哈希与本机不符（{where}），将重新上传。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="257"/>
        <source>The platform has no such record ({where}).</source>
        <translation>平台没有该记录（{where}）。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="260"/>
        <source>The national platform is unavailable for now ({status} {reason}); sending is retried later.</source>
        <translation>国家平台暂时不可用（{status} {reason}），稍后重试发送。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="263"/>
        <source>The platform refused the record ({status} {reason}: {detail}): a supervisor checks the case.</source>
        <translation>平台拒收该记录（{status} {reason}：{detail}）：请值班主任核查该办件。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="266"/>
        <source>This sync run reached its time limit; the next run goes on.</source>
        <translation>本轮同步已到时限，下一轮继续。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="269"/>
        <source>The national platform did not finish its answer within {seconds} s; tried again later.</source>
        <translation>国家平台在 {seconds} 秒内没有完成应答，稍后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="272"/>
        <source>The national platform cannot be reached ({error}); tried again later.</source>
        <translation>无法连接国家平台（{error}），稍后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="275"/>
        <source>The platform did not confirm the submission; tried again later.</source>
        <translation>平台没有确认提交，稍后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="278"/>
        <source>The platform&apos;s answer names another submission than the one sent; treated as no answer.</source>
        <translation>平台应答的提交编号与所发不符，按未收到应答处理。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="281"/>
        <source>The platform and this PC disagree on how much of a material was uploaded; tried again later.</source>
        <translation>平台与本机对材料上传进度不一致，稍后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="284"/>
        <source>The case is not yet confirmed by the platform; this record is sent after it.</source>
        <translation>案件尚未被平台确认，此记录随后发送。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="287"/>
        <source>The case needs a person&apos;s attention; this record is sent after it.</source>
        <translation>案件需要人工处理，此记录随后发送。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="290"/>
        <source>The platform&apos;s status updates are not in sequence; treated as no answer.</source>
        <translation>平台状态更新的序号不连贯，按未收到应答处理。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="293"/>
        <source>The platform&apos;s answer does not fit the contract ({what}); treated as no answer, tried again later.</source>
        <translation>平台应答不符合接口约定（{what}），按未收到应答处理，稍后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="296"/>
        <source>There is no sync entry {entry} that can be retried (it is confirmed or does not exist).</source>
        <translation>没有可重试的同步记录 {entry}（已确认或不存在）。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="306"/>
        <source>The CA file for the platform&apos;s certificate (platform.ca_file: {path}) cannot be read: the administrator checks its path and content.</source>
        <translation>无法读取平台证书的 CA 文件 platform.ca_file（{path}）：请管理员核实路径与内容。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="310"/>
        <source>A platform certificate is set (platform.ca_file / pin_sha256) but the platform&apos;s address is not https://; this PC never sends over plain HTTP: change platform.url to an https:// address.</source>
        <translation>已设置平台证书（platform.ca_file / pin_sha256），但平台地址不是 https://；本机不会以明文 HTTP 发送，请把 platform.url 改为 https:// 地址。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="314"/>
        <source>The national platform&apos;s TLS certificate has expired or is not valid yet ({detail}); sending stopped. Check this PC&apos;s date and time, or ask the platform to renew its certificate.</source>
        <translation>国家平台的 TLS 证书已过期或尚未生效（{detail}），已停止发送。请核实本机日期时间，或请平台方更换证书。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="318"/>
        <source>The national platform&apos;s TLS certificate is not for the host in platform.url ({detail}); sending stopped. The administrator checks the platform&apos;s address.</source>
        <translation>国家平台的 TLS 证书不属于 platform.url 中的主机（{detail}），已停止发送。请管理员核实平台地址。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="322"/>
        <source>The national platform&apos;s TLS certificate is not trusted by this PC ({detail}); sending stopped. The administrator checks platform.ca_file (the platform&apos;s CA certificate) and the platform&apos;s address.</source>
        <translation>国家平台的 TLS 证书不受本机信任（{detail}），已停止发送。请管理员核实 platform.ca_file（平台的 CA 证书）与平台地址。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="326"/>
        <source>Certificate pinning is set (platform.pin_sha256) but the connection has no TLS certificate; sending stopped.</source>
        <translation>已设置平台证书固定（platform.pin_sha256），但连接没有 TLS 证书，已停止发送。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="330"/>
        <source>The national platform&apos;s certificate key differs from the one pinned on this PC (platform.pin_sha256); sending stopped. The connection may be intercepted, or the platform changed its certificate: the administrator checks, then updates the pin.</source>
        <translation>国家平台的证书公钥与本机固定的（platform.pin_sha256）不符，已停止发送。连接可能被拦截，或平台已更换证书：请管理员核实后更新固定值。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="32"/>
        <source>This PC has no signing key for the hall yet: the technician runs hallapp platform register.</source>
        <translation>本机还没有本大厅的平台签名密钥：请技术人员运行 hallapp platform register。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="35"/>
        <source>There is no hall in the database yet: finish the first-run set-up first.</source>
        <translation>数据库中还没有大厅信息：请先完成首次设置。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="38"/>
        <source>The national platform&apos;s key pinned on this PC ({path}) cannot be read: the administrator checks the file, or the technician runs hallapp platform register again.</source>
        <translation>本机固定的国家平台公钥（{path}）无法读取：请管理员核实该文件，或由技术人员重新运行 hallapp platform register。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="42"/>
        <source>There is no platform adapter {adapter} on this PC (entry point group {group}): the technician installs it, or corrects the setting sync.adapter.</source>
        <translation>本机未找到平台适配器 {adapter}（entry point 组 {group}）：请技术人员安装该适配器，或更正设置项 sync.adapter。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="46"/>
        <source>This PC&apos;s platform adapter does not provide the item catalog: import the catalog from a file instead (hallapp catalog import).</source>
        <translation>本机的平台适配器不提供事项目录：请改为从文件导入事项目录（hallapp catalog import）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="50"/>
        <source>This PC&apos;s platform adapter does not provide holiday calendars: import the year&apos;s calendar from a file instead (hallapp calendar import).</source>
        <translation>本机的平台适配器不提供节假日安排：请改为从文件导入该年度的节假日安排（hallapp calendar import）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="54"/>
        <source>The platform&apos;s item catalog does not fit the contract (version, items); treated as no answer, nothing changed: try again later.</source>
        <translation>平台的事项目录应答不符合接口约定（version, items），按未收到应答处理，未作任何更改：请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="58"/>
        <source>The platform&apos;s holiday calendar does not fit the contract (year, version, days); treated as no answer, nothing changed: try again later.</source>
        <translation>平台的节假日安排应答不符合接口约定（year, version, days），按未收到应答处理，未作任何更改：请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="62"/>
        <source>The platform&apos;s e-licence answer does not fit the contract; treated as no answer.</source>
        <translation>平台的电子证照应答不符合接口约定，按未收到应答处理。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="65"/>
        <source>The window&apos;s sending process ended unexpectedly (exit {status}); it starts again in {seconds} s and cases wait safely meanwhile. If this repeats, the technician reads sync-window.err and hallapp.log in the home&apos;s logs folder.</source>
        <translation>窗口的发送进程意外退出（退出码 {status}）；{seconds} 秒后自动重启，其间办件安全等待发送。如反复出现，请运维人员查看主目录 logs 文件夹中的 sync-window.err 和 hallapp.log。</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="39"/>
        <source>Not yet confirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="48"/>
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="48"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="48"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="48"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="49"/>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="49"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="53"/>
        <source>Retry selected Ctrl+R</source>
        <translation>重试选中 Ctrl+R</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="58"/>
        <source>Sync with the national platform</source>
        <translation>与全国一体化平台同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="100"/>
        <source>The sync list cannot be read now ({error}); it is read again at the next change.</source>
        <translation>同步列表暂时无法读取（{error}）；下次有变化时会再次读取。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="109"/>
        <source>oldest unconfirmed: {minutes} min</source>
        <translation>最早未确认：{minutes} 分钟前</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="111"/>
        <source>Nothing to send.</source>
        <translation>没有待发送的办件。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="128"/>
        <source>Select an entry first.</source>
        <translation>请先选中一条记录。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="132"/>
        <source>It will be sent again now.</source>
        <translation>将立即重新发送。</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../../ui/tasks.py" line="150"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TimesPanel</name>
    <message>
        <location filename="../../ui/pages/supervisor_times.py" line="22"/>
        <source>Visits</source>
        <translation>件次</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_times.py" line="22"/>
        <location filename="../../ui/pages/supervisor_times.py" line="27"/>
        <source>→ call</source>
        <translation>→叫号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_times.py" line="22"/>
        <location filename="../../ui/pages/supervisor_times.py" line="27"/>
        <source>→ case saved</source>
        <translation>→办件保存</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_times.py" line="22"/>
        <location filename="../../ui/pages/supervisor_times.py" line="27"/>
        <source>→ receipt</source>
        <translation>→回执</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_times.py" line="23"/>
        <source>90 % → receipt</source>
        <translation>90%→回执</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_times.py" line="23"/>
        <source>Receipts printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_times.py" line="24"/>
        <location filename="../../ui/pages/supervisor_times.py" line="26"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_times.py" line="25"/>
        <location filename="../../ui/pages/supervisor_times.py" line="26"/>
        <source>Clerk</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_times.py" line="26"/>
        <source>Ticket</source>
        <translation>号票</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_times.py" line="26"/>
        <source>Taken</source>
        <translation>取号时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_times.py" line="28"/>
        <source>Case</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_times.py" line="32"/>
        <source>Per item (minutes from the ticket)</source>
        <translation>按事项（自取号起，分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_times.py" line="33"/>
        <source>Per clerk</source>
        <translation>按人员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_times.py" line="36"/>
        <source>Slowest visits</source>
        <translation>最慢的办理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor_times.py" line="64"/>
        <source>{visits} visits with a case: on average {call} min to the call, {case} min to the case saved, {receipt} min to the receipt printed (90 % within {p90} min).</source>
        <translation>有办件的办理 {visits} 件次：平均取号后 {call} 分钟叫号，{case} 分钟办件保存，{receipt} 分钟打印回执（90% 在 {p90} 分钟内）。</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../ui/words.py" line="14"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="15"/>
        <source>accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="16"/>
        <source>accepted (gap)</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="17"/>
        <source>notice given</source>
        <translation>已一次性告知</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="18"/>
        <source>sent</source>
        <translation>已报送平台</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="19"/>
        <source>at the authority</source>
        <translation>办理机关已接收</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="20"/>
        <source>in process</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="21"/>
        <source>returned</source>
        <translation>退回补正</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="22"/>
        <source>completed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="23"/>
        <location filename="../../ui/words.py" line="55"/>
        <source>delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="29"/>
        <source>account locked</source>
        <translation>账号锁定</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="30"/>
        <source>account unlocked</source>
        <translation>账号解锁</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="31"/>
        <source>audit trail keyed</source>
        <translation>审计日志设置密钥</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="32"/>
        <source>export bundle imported</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="33"/>
        <source>bundle key trusted</source>
        <translation>信任数据包密钥</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="34"/>
        <source>case state changed</source>
        <translation>办件状态变更</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="35"/>
        <source>case sent again</source>
        <translation>办件重新报送</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="36"/>
        <source>bad rating followed up</source>
        <translation>差评回访</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="37"/>
        <source>returned case closed</source>
        <translation>关闭退回办件</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="38"/>
        <source>applicant of a returned case contacted</source>
        <translation>联系退回办件申请人</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="39"/>
        <source>sync entry closed</source>
        <translation>关闭同步记录</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="40"/>
        <source>sync retried</source>
        <translation>重试同步</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="41"/>
        <source>catalog imported</source>
        <translation>导入事项目录</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="42"/>
        <source>database restored from a backup</source>
        <translation>已从备份恢复数据库</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="43"/>
        <source>document printed again</source>
        <translation>重新打印文书</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="44"/>
        <source>evaluation given</source>
        <translation>收到评价</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="45"/>
        <source>hall set up</source>
        <translation>大厅初始化</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="46"/>
        <source>logged in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="47"/>
        <source>login failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="48"/>
        <source>login refused: account locked</source>
        <translation>拒绝登录：账号已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="49"/>
        <source>logged out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="50"/>
        <source>material viewed</source>
        <translation>查看材料</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="51"/>
        <source>material supplied later</source>
        <translation>补交材料</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="52"/>
        <source>originals sent</source>
        <translation>寄出原件</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="53"/>
        <source>queue set up</source>
        <translation>配置排队</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="54"/>
        <source>queue rules changed</source>
        <translation>修改排队规则</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="56"/>
        <source>role changed</source>
        <translation>角色变更</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="57"/>
        <source>staff account created</source>
        <translation>新建工作人员账号</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="58"/>
        <source>ticket released by the supervisor</source>
        <translation>号票已由值班主任释放</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="59"/>
        <source>window locked</source>
        <translation>锁定窗口</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="66"/>
        <source>waiting to be sent</source>
        <translation>等待报送</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="67"/>
        <source>being sent</source>
        <translation>正在报送</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="68"/>
        <source>sent, not yet confirmed</source>
        <translation>已发送，待平台确认</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="69"/>
        <source>will retry</source>
        <translation>稍后重试</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="71"/>
        <location filename="../../ui/words.py" line="79"/>
        <source>confirmed by the platform</source>
        <translation>平台已确认</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="142"/>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="144"/>
        <source>{n} h</source>
        <translation>{n} 小时</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="145"/>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="70"/>
        <source>needs attention</source>
        <translation>需要处理</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="80"/>
        <source>result mailed</source>
        <translation>结果已寄出</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="98"/>
        <source>case: {state}</source>
        <translation>办件：{state}</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="105"/>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="106"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="107"/>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="108"/>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="109"/>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="116"/>
        <source>no answer</source>
        <translation>未评价</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="123"/>
        <source>Long wait</source>
        <translation>等候时间长</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="124"/>
        <source>The service took long</source>
        <translation>办理时间长</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="125"/>
        <source>Unfriendly service</source>
        <translation>服务态度不好</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="126"/>
        <source>Unclear material requirements</source>
        <translation>材料要求不清楚</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="127"/>
        <source>Had to come more than once</source>
        <translation>需要多次跑腿</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="128"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="135"/>
        <source>, </source>
        <comment>between two reasons of one rating</comment>
        <translation>、</translation>
    </message>
</context>
</TS>
