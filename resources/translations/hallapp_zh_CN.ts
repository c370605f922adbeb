<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/pages/admin.py" line="36"/>
        <source>Clerk</source>
        <translation>窗口人员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="36"/>
        <source>Supervisor</source>
        <translation>值班主任</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="37"/>
        <source>Technician</source>
        <translation>运维人员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="37"/>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="40"/>
        <location filename="../../ui/pages/admin.py" line="55"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="40"/>
        <location filename="../../ui/pages/admin.py" line="56"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="40"/>
        <location filename="../../ui/pages/admin.py" line="57"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="40"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="52"/>
        <source>Add account</source>
        <translation>添加账号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="58"/>
        <source>Initial password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="61"/>
        <source>Unlock selected account</source>
        <translation>解锁选中账号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="63"/>
        <source>Give selected account the role above</source>
        <translation>将上方所选角色授予选中账号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="65"/>
        <source>Import catalog file…</source>
        <translation>导入事项目录文件……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="75"/>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="76"/>
        <source>Staff accounts</source>
        <translation>工作人员账号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="79"/>
        <source>New account</source>
        <translation>新建账号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="96"/>
        <source>✖ locked</source>
        <translation>✖ 已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="96"/>
        <source>✔ active</source>
        <translation>✔ 正常</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="96"/>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="122"/>
        <source>Account {user} added.</source>
        <translation>已添加账号 {user}。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="128"/>
        <source>Account {user} unlocked.</source>
        <translation>已解锁账号 {user}。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="134"/>
        <source>Role of {user} changed.</source>
        <translation>已更改 {user} 的角色。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="137"/>
        <location filename="../../ui/pages/admin.py" line="141"/>
        <source>Import catalog</source>
        <translation>导入事项目录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="137"/>
        <source>Catalog (*.yaml *.yml)</source>
        <translation>事项目录 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="142"/>
        <source>Keep items that the file does not list (merge)?
No = the file replaces the catalog.</source>
        <translation>保留文件中未列出的事项（合并）？
选“否”则以文件替换整个目录。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="146"/>
        <source>Importing catalog…</source>
        <translation>正在导入事项目录……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="148"/>
        <source>Catalog imported: {added} added, {updated} updated, {withdrawn} withdrawn.</source>
        <translation>事项目录已导入：新增 {added} 项，更新 {updated} 项，停用 {withdrawn} 项。</translation>
    </message>
</context>
<context>
    <name>ApplicantPanel</name>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="53"/>
        <source>No applicant yet. Place the ID card on the reader, or press F3.</source>
        <translation>尚无申请人。请将身份证放在读卡器上，或按 F3。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="106"/>
        <source>Cross-province</source>
        <translation>跨省</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="108"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="109"/>
        <source>Bad check digit</source>
        <translation>校验位错误</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="110"/>
        <source>Not yet valid</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="111"/>
        <source>Typed by hand</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="116"/>
        <source>long-term</source>
        <translation>长期</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="119"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="120"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="121"/>
        <source>Issued by</source>
        <translation>签发机关</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="122"/>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="125"/>
        <source>Permit number</source>
        <translation>通行证号码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="127"/>
        <source>English name</source>
        <translation>英文姓名</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="127"/>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../../ui/intake/camera_dialog.py" line="43"/>
        <source>No document camera found. Check its USB cable, or scan (F7) or import (Ctrl+I) instead.</source>
        <translation>未找到高拍仪。请检查 USB 连接，或改用扫描（F7）或导入（Ctrl+I）。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/camera_dialog.py" line="56"/>
        <source>Take a page Space</source>
        <translation>拍摄一页 空格</translation>
    </message>
    <message>
        <location filename="../../ui/intake/camera_dialog.py" line="58"/>
        <source>Done Enter</source>
        <translation>完成 回车</translation>
    </message>
    <message>
        <location filename="../../ui/intake/camera_dialog.py" line="75"/>
        <source>{n} page(s) taken.</source>
        <translation>已拍摄 {n} 页。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/camera_dialog.py" line="79"/>
        <source>Take at least one page (Space).</source>
        <translation>请至少拍摄一页（空格键）。</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="35"/>
        <source>Case number, ID number or name</source>
        <translation>办件编号、证件号码或姓名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="38"/>
        <source>Any state</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="41"/>
        <source>On</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="45"/>
        <source>Search Enter</source>
        <translation>查询 回车</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="48"/>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="48"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="48"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="49"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="49"/>
        <source>Promised</source>
        <translation>承诺办结</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="65"/>
        <source>Cases</source>
        <translation>办件查询</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="83"/>
        <source>No case found.</source>
        <translation>没有找到办件。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="98"/>
        <source>Returned for correction: {reason}</source>
        <translation>退回补正：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="99"/>
        <source>Materials:</source>
        <translation>材料：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="102"/>
        <source>{n} page(s)</source>
        <translation>{n} 页</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="106"/>
        <source>Platform: {state} ({percent}%)</source>
        <translation>平台：{state}（{percent}%）</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../ui/intake/checklist.py" line="33"/>
        <location filename="../../ui/intake/checklist.py" line="54"/>
        <source>No item chosen yet.</source>
        <translation>尚未选择事项。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="36"/>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="36"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="56"/>
        <source>(sample checklist)</source>
        <translation>（示例清单）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="62"/>
        <source>not yet</source>
        <translation>未收</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="62"/>
        <source>received</source>
        <translation>已收</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="63"/>
        <source>missing</source>
        <translation>缺</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="63"/>
        <source>incorrect</source>
        <translation>有误</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="66"/>
        <source>missing (may defer)</source>
        <translation>缺（可容缺）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="70"/>
        <source>required</source>
        <translation>必需</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="70"/>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="71"/>
        <source>key</source>
        <translation>关键</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="71"/>
        <source>non-key</source>
        <translation>非关键</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="72"/>
        <source>original</source>
        <translation>原件</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="72"/>
        <source>copy</source>
        <translation>复印件</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="72"/>
        <source>electronic</source>
        <translation>电子件</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="105"/>
        <source>Please bring: {name}</source>
        <translation>请补交：{name}</translation>
    </message>
</context>
<context>
    <name>CounterPage</name>
    <message>
        <location filename="../../ui/pages/counter.py" line="65"/>
        <source>Counter {number} · {name}</source>
        <translation>{number}号窗口 · {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="105"/>
        <source>Agent</source>
        <translation>代办人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="108"/>
        <source>Read card F3</source>
        <translation>读卡 F3</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="110"/>
        <source>Manual entry Ctrl+M</source>
        <translation>手工录入 Ctrl+M</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="112"/>
        <source>Agent card Shift+F3</source>
        <translation>代办人读卡 ⇧F3</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="114"/>
        <source>Agent typed Ctrl+Shift+M</source>
        <translation>代办人录入 Ctrl+⇧M</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="136"/>
        <source>Scan F7</source>
        <translation>扫描 F7</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="136"/>
        <source>Import Ctrl+I</source>
        <translation>导入 Ctrl+I</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="137"/>
        <source>Missing Ctrl+D</source>
        <translation>缺 Ctrl+D</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="138"/>
        <source>Incorrect Ctrl+E</source>
        <translation>有误 Ctrl+E</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="139"/>
        <source>Pages Ctrl+G</source>
        <translation>页面 Ctrl+G</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="139"/>
        <source>Add a scan Shift+F7</source>
        <translation>补扫 ⇧F7</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="140"/>
        <source>Document camera Ctrl+K</source>
        <translation>高拍仪 Ctrl+K</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="154"/>
        <location filename="../../ui/pages/counter.py" line="183"/>
        <source>Choose the item first, then the material to scan.</source>
        <translation>请先选择事项，再选择要扫描的材料。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="157"/>
        <location filename="../../ui/pages/counter.py" line="159"/>
        <location filename="../../ui/pages/counter.py" line="210"/>
        <location filename="../../ui/pages/counter.py" line="211"/>
        <source>Scanning…</source>
        <translation>正在扫描……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="164"/>
        <source>Choose the item first, then the material to import.</source>
        <translation>请先选择事项，再选择要导入的材料。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="166"/>
        <source>Import material</source>
        <translation>导入材料</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="167"/>
        <source>Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</source>
        <translation>文件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="169"/>
        <source>Importing…</source>
        <translation>正在导入……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="178"/>
        <location filename="../../ui/pages/counter.py" line="216"/>
        <source>{pages} page(s) captured.</source>
        <translation>已采集 {pages} 页。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="193"/>
        <source>A scan arrived but no material is selected: choose the item first.</source>
        <translation>收到扫描文件，但尚未选择材料：请先选择事项和材料。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="222"/>
        <source>Scan or import this material first.</source>
        <translation>请先扫描或导入该材料。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="243"/>
        <source>Reading… place the card on the reader.</source>
        <translation>正在读卡……请将身份证放在读卡器上。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="247"/>
        <source>Manual entry — applicant</source>
        <translation>手工录入 — 申请人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="247"/>
        <source>Manual entry — agent</source>
        <translation>手工录入 — 代办人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="103"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="92"/>
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="93"/>
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
    <name>DevicesPage</name>
    <message>
        <location filename="../../ui/pages/devices.py" line="14"/>
        <source>ID card reader</source>
        <translation>身份证读卡器</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="14"/>
        <source>Social security card reader (PC/SC)</source>
        <translation>社保卡读卡器（PC/SC）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="15"/>
        <source>Ticket printer</source>
        <translation>号票打印机</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="15"/>
        <source>Receipt printer</source>
        <translation>回执打印机</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="15"/>
        <source>Scanner / document camera</source>
        <translation>扫描仪 / 高拍仪</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="16"/>
        <source>Hall display</source>
        <translation>大厅显示屏</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="19"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="19"/>
        <source>Driver</source>
        <translation>驱动</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="19"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="23"/>
        <source>not configured</source>
        <translation>未配置</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="24"/>
        <source>not available yet</source>
        <translation>尚未提供</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="28"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices.py" line="31"/>
        <source>Device drivers, tests and diagnostics are not available yet in this version.</source>
        <translation>本版本尚未提供设备驱动、测试和诊断。</translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <location filename="../../ui/display/window.py" line="180"/>
        <source>Hall display</source>
        <translation>叫号显示屏</translation>
    </message>
    <message>
        <location filename="../../ui/display/window.py" line="234"/>
        <source>Now calling</source>
        <translation>正在叫号</translation>
    </message>
    <message>
        <location filename="../../ui/display/window.py" line="246"/>
        <source>Recent calls</source>
        <translation>最近叫号</translation>
    </message>
    <message>
        <location filename="../../ui/display/window.py" line="259"/>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <location filename="../../ui/display/window.py" line="276"/>
        <location filename="../../ui/display/window.py" line="405"/>
        <source>Counter {0}</source>
        <translation>{0} 号窗口</translation>
    </message>
    <message>
        <location filename="../../ui/display/window.py" line="376"/>
        <source>The queue cannot be read right now — retrying…</source>
        <translation>暂时无法读取排队信息，正在重试…</translation>
    </message>
    <message>
        <location filename="../../ui/display/window.py" line="424"/>
        <source>{0} waiting</source>
        <translation>等候 {0} 人</translation>
    </message>
</context>
<context>
    <name>EvaluationWindow</name>
    <message>
        <location filename="../../ui/evaluate/window.py" line="144"/>
        <source>Evaluation</source>
        <translation>好差评</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="144"/>
        <location filename="../../ui/evaluate/window.py" line="206"/>
        <source>Counter {0}</source>
        <translation>{0} 号窗口</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="176"/>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="176"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="176"/>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="177"/>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="177"/>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="181"/>
        <source>Long wait</source>
        <translation>等候时间长</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="181"/>
        <source>The service took long</source>
        <translation>办理时间长</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="182"/>
        <source>Unfriendly service</source>
        <translation>服务态度不好</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="182"/>
        <source>Unclear material requirements</source>
        <translation>材料要求不清楚</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="183"/>
        <source>Had to come more than once</source>
        <translation>需要多次跑腿</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="183"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="205"/>
        <source>Welcome to rate our service</source>
        <translation>欢迎评价</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="207"/>
        <source>When your visit is finished, please rate it here</source>
        <translation>办结后请在此对本次服务进行评价</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="221"/>
        <source>How satisfied are you with this visit?</source>
        <translation>请您对本次服务进行评价</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="243"/>
        <source>Please tell us what went wrong (choose one or more)</source>
        <translation>请选择不满意的原因（可多选）</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="260"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="262"/>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="276"/>
        <source>Thank you for your evaluation</source>
        <translation>感谢您的评价</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="330"/>
        <source>This screen returns by itself in {0} s</source>
        <translation>{0} 秒后自动返回</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="379"/>
        <source>The queue cannot be read right now — retrying…</source>
        <translation>暂时无法读取排队信息，正在重试…</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="396"/>
        <source>Ticket {0} · Counter {1}</source>
        <translation>号票 {0} · {1} 号窗口</translation>
    </message>
    <message>
        <location filename="../../ui/evaluate/window.py" line="454"/>
        <source>We will follow up on your feedback</source>
        <translation>我们会认真处理您的意见并回访</translation>
    </message>
</context>
<context>
    <name>HallStatusBar</name>
    <message>
        <location filename="../../ui/status_bar.py" line="51"/>
        <source>Card reader</source>
        <translation>读卡器</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="53"/>
        <source>Card reader: connecting</source>
        <translation>读卡器：正在连接</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="55"/>
        <source>Card reader: not connected</source>
        <translation>读卡器：未连接</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="60"/>
        <source>Database unreachable</source>
        <translation>数据库无法连接</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="65"/>
        <source>Platform online</source>
        <translation>平台在线</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="67"/>
        <source>Platform unreachable: cases wait safely and are sent later</source>
        <translation>平台暂时无法连接：办件已安全保存，恢复后自动发送</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="69"/>
        <source>Connecting to the platform…</source>
        <translation>正在连接平台……</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="71"/>
        <source>Sync stopped: {reason}</source>
        <translation>同步已停止：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="73"/>
        <source>Platform: not configured</source>
        <translation>平台：未配置</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="79"/>
        <source>Nothing waiting to sync</source>
        <translation>无待同步办件</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="82"/>
        <source>Waiting to sync: {count} (oldest {minutes} min ago)</source>
        <translation>待同步 {count} 件（最早 {minutes} 分钟前）</translation>
    </message>
</context>
<context>
    <name>IntakeFlow</name>
    <message>
        <location filename="../../ui/intake/flow.py" line="90"/>
        <source>1 Applicant</source>
        <translation>1 申请人</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="90"/>
        <source>2 Item</source>
        <translation>2 事项</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="90"/>
        <source>3 Handling place</source>
        <translation>3 办理地</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="90"/>
        <source>4 Materials</source>
        <translation>4 材料</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="91"/>
        <source>5 Decision</source>
        <translation>5 决定</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="91"/>
        <source>6 Print</source>
        <translation>6 打印</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="123"/>
        <source>Read the applicant&apos;s card first (F3), or enter it by hand (Ctrl+M).</source>
        <translation>请先读取申请人证件（F3），或手工录入（Ctrl+M）。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="130"/>
        <source>Choose the county where the case is handled.</source>
        <translation>请选择办理地的区县。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="157"/>
        <source>Waiting for the applicant&apos;s card (F3) or manual entry (Ctrl+M).</source>
        <translation>等待读取申请人证件（F3）或手工录入（Ctrl+M）。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="159"/>
        <source>Agent: {name}</source>
        <translation>代办人：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="160"/>
        <source>Applicant: {name} {number}</source>
        <translation>申请人：{name} {number}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="161"/>
        <source>Press Enter to choose the item.</source>
        <translation>按回车键选择事项。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="168"/>
        <source>Item name, code or pinyin initials (e.g. sbk)</source>
        <translation>事项名称、编码或拼音首字母（如 sbk）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="199"/>
        <source>Type to find the item, then press Enter.</source>
        <translation>输入查找事项，然后按回车键。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="206"/>
        <source>This item is no longer in the catalog.</source>
        <translation>该事项已不在目录中。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="225"/>
        <source>Where is the case handled? (the other province&apos;s authority)</source>
        <translation>办理地（异地受理部门所在地）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="226"/>
        <source>Province</source>
        <translation>省</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="227"/>
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="228"/>
        <source>County</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="255"/>
        <source>Check each material in the checklist on the right:
F7 scan · Ctrl+I import a file · Ctrl+D missing · Ctrl+E incorrect · arrows move.
Press Enter when done.</source>
        <translation>请在右侧材料清单中逐项核对：
F7 扫描 · Ctrl+I 导入文件 · Ctrl+D 缺 · Ctrl+E 有误 · 方向键移动。
完成后按回车键。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="269"/>
        <source>Accept (受理)</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="270"/>
        <source>Accept with a gap under a commitment (容缺受理)</source>
        <translation>容缺受理（签署承诺书）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="271"/>
        <source>One-time notice of what is missing (一次性告知)</source>
        <translation>一次性告知（不予受理）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="281"/>
        <source>Collect at this window</source>
        <translation>窗口领取</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="282"/>
        <source>By post</source>
        <translation>邮寄送达</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="284"/>
        <source>Missing materials due by</source>
        <translation>补交期限</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="285"/>
        <source>Result delivered</source>
        <translation>结果送达方式</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="286"/>
        <source>Postal address</source>
        <translation>邮寄地址</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="303"/>
        <source>Still missing: {names}</source>
        <translation>尚缺：{names}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="304"/>
        <source>All required materials are received.</source>
        <translation>必需材料已齐全。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="312"/>
        <source>Choose a decision.</source>
        <translation>请选择受理决定。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="315"/>
        <source>Enter the postal address for the result.</source>
        <translation>请填写结果邮寄地址。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="328"/>
        <location filename="../../ui/intake/flow.py" line="331"/>
        <source>Saving the case…</source>
        <translation>正在保存办件……</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="336"/>
        <source>Case {number}
{state}</source>
        <translation>办件编号 {number}
{state}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="344"/>
        <source>Receipt</source>
        <translation>受理回执</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="346"/>
        <location filename="../../ui/intake/flow.py" line="347"/>
        <source>Consent form</source>
        <translation>服务同意书</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="347"/>
        <source>Commitment</source>
        <translation>容缺受理承诺书</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="348"/>
        <source>One-time notice</source>
        <translation>一次性告知书</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="357"/>
        <source>Print {document} (Alt+{key})</source>
        <translation>打印{document}（Alt+{key}）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="368"/>
        <source>Preparing {document}…</source>
        <translation>正在生成{document}……</translation>
    </message>
    <message>
        <location filename="../../ui/intake/flow.py" line="381"/>
        <source>Press Enter for the next case.</source>
        <translation>按回车键开始下一件。</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../ui/kiosk/window.py" line="157"/>
        <source>Ticket kiosk</source>
        <translation>自助取号机</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="220"/>
        <source>Choose a service to take a ticket</source>
        <translation>请选择业务类别取号</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="234"/>
        <location filename="../../ui/kiosk/window.py" line="390"/>
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="235"/>
        <location filename="../../ui/kiosk/window.py" line="276"/>
        <source>For older people, people with disabilities, military families and others</source>
        <translation>老年人、残疾人、军人军属等</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="238"/>
        <location filename="../../ui/kiosk/window.py" line="298"/>
        <source>Appointment check-in</source>
        <translation>预约签到</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="239"/>
        <source>Enter your code or place your ID card on the reader</source>
        <translation>输入预约码或刷身份证</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="245"/>
        <source>Priority service and appointments</source>
        <translation>绿色通道与预约签到</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="275"/>
        <source>Green channel — choose a service</source>
        <translation>绿色通道 — 请选择业务类别</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="278"/>
        <location filename="../../ui/kiosk/window.py" line="397"/>
        <source>Please show the relevant certificate to the staff</source>
        <translation>请向工作人员出示相关证件</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="288"/>
        <location filename="../../ui/kiosk/window.py" line="318"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="299"/>
        <source>Enter your appointment code, or place your ID card on the reader</source>
        <translation>请输入预约码，或将身份证放在读卡区</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="320"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="321"/>
        <source>Check in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="340"/>
        <source>ABC</source>
        <translation>字母</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="343"/>
        <location filename="../../ui/kiosk/window.py" line="349"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="347"/>
        <source>123</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="384"/>
        <source>Your number</source>
        <translation>您的号码</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="391"/>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="396"/>
        <source>Please listen for your number to be called</source>
        <translation>请留意叫号</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="411"/>
        <source>Back to start</source>
        <translation>返回首页</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="502"/>
        <source>{0} waiting</source>
        <translation>等候 {0} 人</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="512"/>
        <location filename="../../ui/kiosk/window.py" line="641"/>
        <source>Tickets cannot be issued right now. Please ask at the information desk.</source>
        <translation>暂时无法取号，请到咨询台办理</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="654"/>
        <source>People ahead of you: {0}</source>
        <translation>前面还有 {0} 人</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="672"/>
        <source>Printing your ticket…</source>
        <translation>正在打印号票…</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="695"/>
        <source>Please take your ticket</source>
        <translation>请取走号票</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/window.py" line="697"/>
        <source>The ticket could not be printed. Please note your number.</source>
        <translation>号票打印失败，请记下您的号码</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../ui/dialogs/lock.py" line="18"/>
        <source>Window locked</source>
        <translation>窗口已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/lock.py" line="21"/>
        <source>Locked — %s</source>
        <translation>已锁定 — %s</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/lock.py" line="22"/>
        <source>The window locked itself after a period without use. Enter your password to continue.</source>
        <translation>窗口长时间无操作已自动锁定。请输入密码继续。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/lock.py" line="27"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/lock.py" line="47"/>
        <source>Cannot check the password now.</source>
        <translation>暂时无法核对密码，请稍后再试。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/dialogs/login.py" line="27"/>
        <source>hallapp — log in</source>
        <translation>hallapp — 登录</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="33"/>
        <source>Cross-province service window</source>
        <translation>跨省通办窗口</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="43"/>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="44"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="49"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="66"/>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="69"/>
        <source>Checking…</source>
        <translation>正在核对……</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="85"/>
        <source>The database cannot be reached. Check the network cable or ask the technician.</source>
        <translation>无法连接数据库。请检查网线，或联系运维人员。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="50"/>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="50"/>
        <source>Supervisor</source>
        <translation>值班主任</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="51"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="51"/>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="51"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="52"/>
        <source>Cases</source>
        <translation>办件查询</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70"/>
        <source> (demo)</source>
        <translation>（演示）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="104"/>
        <source>&amp;Session</source>
        <translation>会话(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105"/>
        <source>Lock window</source>
        <translation>锁定窗口</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="108"/>
        <source>Log out and quit</source>
        <translation>退出登录并关闭</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="111"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
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
    <name>PagesDialog</name>
    <message>
        <location filename="../../ui/intake/pages_dialog.py" line="38"/>
        <source>Rotate left</source>
        <translation>向左旋转</translation>
    </message>
    <message>
        <location filename="../../ui/intake/pages_dialog.py" line="39"/>
        <source>Rotate right</source>
        <translation>向右旋转</translation>
    </message>
    <message>
        <location filename="../../ui/intake/pages_dialog.py" line="40"/>
        <source>Move left</source>
        <translation>左移</translation>
    </message>
    <message>
        <location filename="../../ui/intake/pages_dialog.py" line="41"/>
        <source>Move right</source>
        <translation>右移</translation>
    </message>
    <message>
        <location filename="../../ui/intake/pages_dialog.py" line="42"/>
        <source>Delete page</source>
        <translation>删除此页</translation>
    </message>
    <message>
        <location filename="../../ui/intake/pages_dialog.py" line="43"/>
        <source>Crop</source>
        <translation>裁切</translation>
    </message>
    <message>
        <location filename="../../ui/intake/pages_dialog.py" line="66"/>
        <source>Page {n}</source>
        <translation>第 {n} 页</translation>
    </message>
    <message>
        <location filename="../../ui/intake/pages_dialog.py" line="107"/>
        <source>A material needs at least one page; mark it missing instead (Ctrl+D).</source>
        <translation>一份材料至少需要一页；如未提供，请标记为缺（Ctrl+D）。</translation>
    </message>
</context>
<context>
    <name>QueueBar</name>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="53"/>
        <source>Call</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="53"/>
        <source>Recall</source>
        <translation>重呼</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="54"/>
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="54"/>
        <source>Transfer</source>
        <translation>转移</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="55"/>
        <source>Hold</source>
        <translation>挂起</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="55"/>
        <source>Done</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="82"/>
        <source>Held: {numbers}</source>
        <translation>挂起：{numbers}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="83"/>
        <source>Waiting: {counts}</source>
        <translation>等候：{counts}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="91"/>
        <source>Current: none</source>
        <translation>当前：无</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="93"/>
        <source>green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="94"/>
        <source>Current: {number} (waited {minutes} min)</source>
        <translation>当前：{number}（等候 {minutes} 分）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="118"/>
        <source>The queue cannot be reached: {error}</source>
        <translation>无法连接排队系统：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="130"/>
        <source>Nobody is waiting for this counter.</source>
        <translation>本窗口暂无等候人员。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="148"/>
        <source>{number} did not come after the recalls: marked no-show.</source>
        <translation>{number} 重呼后仍未到，已按过号处理。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="163"/>
        <source>Resume {number}</source>
        <translation>恢复 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="187"/>
        <source>To category {letter} {name}</source>
        <translation>转到 {letter} 类 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_bar.py" line="191"/>
        <source>To counter {number} and back</source>
        <translation>转到 {number} 号窗口（办完回本窗口）</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="26"/>
        <source>hallapp — first-run set-up</source>
        <translation>hallapp — 首次设置</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="29"/>
        <source>This computer has no hall yet. Enter the hall&apos;s details and the first administrator.</source>
        <translation>本机尚未设置大厅。请填写大厅信息和首个管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="41"/>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="48"/>
        <source>Hall name</source>
        <translation>大厅名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="49"/>
        <source>Hall code</source>
        <translation>大厅编码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="50"/>
        <source>Region code (6 digits)</source>
        <translation>行政区划代码（6位）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="52"/>
        <source>Number of counters</source>
        <translation>窗口数量</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="53"/>
        <source>Administrator user name</source>
        <translation>管理员用户名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="54"/>
        <source>Administrator name</source>
        <translation>管理员姓名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="55"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="56"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="60"/>
        <source>Create hall</source>
        <translation>创建大厅</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="75"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="87"/>
        <source>Creating the hall…</source>
        <translation>正在创建大厅……</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="98"/>
        <source>Set-up failed: %s</source>
        <translation>初始化失败：%s</translation>
    </message>
</context>
<context>
    <name>SupervisorPage</name>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="19"/>
        <source>Hall overview</source>
        <translation>大厅概况</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="24"/>
        <source>Tickets issued</source>
        <translation>取号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="24"/>
        <source>Visits done</source>
        <translation>已办</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="24"/>
        <source>Waiting now</source>
        <translation>等候</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="25"/>
        <source>Average wait (min)</source>
        <translation>平均等候（分）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="25"/>
        <source>Average service (min)</source>
        <translation>平均办理（分）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="26"/>
        <source>Waiting to sync</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="26"/>
        <source>Bad ratings to follow up</source>
        <translation>差评待回访</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="27"/>
        <source>No-shows</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="37"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="37"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="37"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="37"/>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="45"/>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="69"/>
        <source>Counter {n}: {done}</source>
        <translation>{n}号窗口：{done}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="82"/>
        <source>✖ Audit trail altered: {count} events fail the check</source>
        <translation>✖ 审计日志被改动：{count} 条记录校验失败</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="85"/>
        <source>✔ Audit trail intact</source>
        <translation>✔ 审计日志完整</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="31"/>
        <source>waiting to send</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="31"/>
        <source>sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="32"/>
        <source>sent, awaiting confirmation</source>
        <translation>已发送，待确认</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="32"/>
        <source>will retry</source>
        <translation>稍后重试</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="33"/>
        <source>needs attention</source>
        <translation>需处理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="33"/>
        <source>confirmed by the platform</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="36"/>
        <source>Not yet confirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="45"/>
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="45"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="45"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="45"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="46"/>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="46"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="50"/>
        <source>Retry selected Ctrl+R</source>
        <translation>重试选中 Ctrl+R</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="55"/>
        <source>Sync with the national platform</source>
        <translation>与全国一体化平台同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="93"/>
        <source>oldest unconfirmed: {minutes} min</source>
        <translation>最早未确认：{minutes} 分钟前</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="95"/>
        <source>Nothing to send.</source>
        <translation>没有待发送的办件。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="107"/>
        <source>Select an entry first.</source>
        <translation>请先选中一条记录。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="111"/>
        <source>It will be sent again now.</source>
        <translation>将立即重新发送。</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../../ui/tasks.py" line="96"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
