<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>MaintenanceScreen</name>
    <message>
      <source>This kiosk is temporarily out of service</source>
      <translation>本机暂停服务</translation>
    </message>
    <message>
      <source>Please use another kiosk or go to a service counter. We are sorry for the inconvenience.</source>
      <translation>请使用其他自助终端或前往服务窗口办理，给您带来不便，敬请谅解。</translation>
    </message>
  </context>
  <context>
    <name>StaffScreen</name>
    <message>
      <source>Staff menu</source>
      <translation>工作人员菜单</translation>
    </message>
    <message>
      <source>The staff menu is disabled: no staff PIN is configured.</source>
      <translation>未配置工作人员密码，菜单已停用。</translation>
    </message>
    <message>
      <source>Too many wrong PINs. Locked for %1 s.</source>
      <translation>密码错误次数过多，已锁定 %1 秒。</translation>
    </message>
    <message>
      <source>Wrong PIN.</source>
      <translation>密码错误。</translation>
    </message>
    <message>
      <source>Enter the staff PIN.</source>
      <translation>请输入工作人员密码。</translation>
    </message>
    <message>
      <source>Kiosk %1</source>
      <translation>终端 %1</translation>
    </message>
    <message>
      <source>Devices and services</source>
      <translation>设备和服务</translation>
    </message>
    <message>
      <source>Kiosk</source>
      <translation>终端</translation>
    </message>
    <message>
      <source>Leave maintenance mode</source>
      <translation>恢复服务</translation>
    </message>
    <message>
      <source>Put out of service (maintenance)</source>
      <translation>暂停服务（维护）</translation>
    </message>
    <message>
      <source>Restart the kiosk application</source>
      <translation>重启终端程序</translation>
    </message>
    <message>
      <source>Quit (demo only)</source>
      <translation>退出（仅演示）</translation>
    </message>
    <message>
      <source>Demo controls</source>
      <translation>演示控制</translation>
    </message>
    <message>
      <source>Voice guidance volume</source>
      <translation>语音播报音量</translation>
    </message>
  </context>
</TS>
