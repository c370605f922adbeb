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
        <location filename="../../ui/widgets/applicant_panel.py" line="50"/>
        <source>No applicant yet. Place the ID card on the reader, or press F3.</source>
        <translation>尚无申请人。请将身份证放在读卡器上，或按 F3。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="102"/>
        <source>Cross-province</source>
        <translation>跨省</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="104"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="105"/>
        <source>Bad check digit</source>
        <translation>校验位错误</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="106"/>
        <source>Not yet valid</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="107"/>
        <source>Typed by hand</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="112"/>
        <source>long-term</source>
        <translation>长期</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="115"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="116"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="117"/>
        <source>Issued by</source>
        <translation>签发机关</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="118"/>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="121"/>
        <source>Permit number</source>
        <translation>通行证号码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="123"/>
        <source>English name</source>
        <translation>英文姓名</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_panel.py" line="123"/>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
</context>
<context>
    <name>CounterPage</name>
    <message>
        <location filename="../../ui/pages/counter.py" line="55"/>
        <source>Counter {number} · {name}</source>
        <translation>{number}号窗口 · {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="58"/>
        <source>Current: none</source>
        <translation>当前：无</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="59"/>
        <source>Call</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="59"/>
        <source>Recall</source>
        <translation>重呼</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="59"/>
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="60"/>
        <source>Transfer</source>
        <translation>转移</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="60"/>
        <source>Hold</source>
        <translation>挂起</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="60"/>
        <source>Done</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="63"/>
        <source>Queue calling is not available yet in this version.</source>
        <translation>本版本尚未提供叫号功能。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="73"/>
        <source>Agent</source>
        <translation>代办人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="76"/>
        <source>Read card F3</source>
        <translation>读卡 F3</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="78"/>
        <source>Manual entry Ctrl+M</source>
        <translation>手工录入 Ctrl+M</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="80"/>
        <source>Agent card Shift+F3</source>
        <translation>代办人读卡 Shift+F3</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="82"/>
        <source>Agent typed Ctrl+Shift+M</source>
        <translation>代办人录入 Ctrl+Shift+M</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="117"/>
        <source>Reading… place the card on the reader.</source>
        <translation>正在读卡……请将身份证放在读卡器上。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="121"/>
        <source>Manual entry — applicant</source>
        <translation>手工录入 — 申请人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="121"/>
        <source>Manual entry — agent</source>
        <translation>手工录入 — 代办人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="102"/>
        <source>1 Applicant › 2 Item › 3 Handling place › 4 Materials › 5 Decision › 6 Print</source>
        <translation>1 申请人 › 2 事项 › 3 办理地 › 4 材料 › 5 决定 › 6 打印</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="105"/>
        <source>Case intake is not available yet in this version. The service item catalog is loaded and can be searched from the command line: hallapp catalog search TEXT</source>
        <translation>本版本尚未提供办件受理。事项目录已载入，可在命令行查询：hallapp catalog search 关键字</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="46"/>
        <source>The material checklist and scanning (F7) are not available yet in this version.</source>
        <translation>本版本尚未提供材料清单和扫描（F7）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="71"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="44"/>
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/counter.py" line="45"/>
        <source>Materials</source>
        <translation>材料清单</translation>
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
    <name>HallStatusBar</name>
    <message>
        <location filename="../../ui/status_bar.py" line="46"/>
        <source>Card reader</source>
        <translation>读卡器</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="48"/>
        <source>Card reader: connecting</source>
        <translation>读卡器：正在连接</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="50"/>
        <source>Card reader: not connected</source>
        <translation>读卡器：未连接</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="55"/>
        <source>Database unreachable</source>
        <translation>数据库无法连接</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="60"/>
        <source>Platform configured</source>
        <translation>平台已配置</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="62"/>
        <source>Platform: not configured</source>
        <translation>平台：未配置</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="64"/>
        <source>Nothing waiting to sync</source>
        <translation>无待同步办件</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="67"/>
        <source>Waiting to sync: {count} (oldest {minutes} min ago)</source>
        <translation>待同步 {count} 件（最早 {minutes} 分钟前）</translation>
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
        <location filename="../../ui/main_window.py" line="45"/>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="45"/>
        <source>Supervisor</source>
        <translation>值班主任</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="46"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="46"/>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="60"/>
        <source> (demo)</source>
        <translation>（演示）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="94"/>
        <source>&amp;Session</source>
        <translation>会话(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="95"/>
        <source>Lock window</source>
        <translation>锁定窗口</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="98"/>
        <source>Log out and quit</source>
        <translation>退出登录并关闭</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="101"/>
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
        <location filename="../../ui/pages/supervisor.py" line="18"/>
        <source>Hall overview</source>
        <translation>大厅概况</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="20"/>
        <source>Tickets, waiting and service times, throughput and evaluations appear here once the queue is in use (not available yet in this version).</source>
        <translation>启用排队叫号后，此处显示取号、等候和办理时长、办件量及好差评（本版本尚未提供）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="23"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="23"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="23"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="23"/>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="30"/>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="52"/>
        <source>✖ Audit trail altered: {count} events fail the check</source>
        <translation>✖ 审计日志被改动：{count} 条记录校验失败</translation>
    </message>
    <message>
        <location filename="../../ui/pages/supervisor.py" line="55"/>
        <source>✔ Audit trail intact</source>
        <translation>✔ 审计日志完整</translation>
    </message>
</context>
</TS>
