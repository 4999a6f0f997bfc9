<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>Doctor</name>
    <message>
      <source>Configuration</source>
      <translation>配置</translation>
    </message>
    <message>
      <source>Platform</source>
      <translation>平台</translation>
    </message>
    <message>
      <source>Clock</source>
      <translation>时钟</translation>
    </message>
    <message>
      <source>Disk space</source>
      <translation>磁盘空间</translation>
    </message>
    <message>
      <source>Outbox</source>
      <translation>待发送队列</translation>
    </message>
    <message>
      <source>CUPS keeps no job files</source>
      <translation>CUPS 不保留打印文件</translation>
    </message>
    <message>
      <source>Version</source>
      <translation>版本</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>检查</translation>
    </message>
    <message>
      <source>Certificate %1</source>
      <translation>证书 %1</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>正常</translation>
    </message>
    <message>
      <source>Look at this</source>
      <translation>请留意</translation>
    </message>
    <message>
      <source>Must be fixed</source>
      <translation>必须处理</translation>
    </message>
    <message>
      <source>Not checked</source>
      <translation>未检查</translation>
    </message>
  </context>
  <context>
    <name>DoctorCard</name>
    <message>
      <source>Diagnostics (kiosk doctor)</source>
      <translation>自检（kiosk doctor）</translation>
    </message>
    <message>
      <source>Checks the configuration, the platform, the clock, disk, outbox and certificates.</source>
      <translation>检查配置、平台、时钟、磁盘、待发送队列和证书。</translation>
    </message>
    <message>
      <source>Run the checks</source>
      <translation>开始自检</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>正在检查…</translation>
    </message>
    <message>
      <source>The checks could not run: %1</source>
      <translation>自检无法运行：%1</translation>
    </message>
    <message>
      <source>Fit to serve.</source>
      <translation>可以正常服务。</translation>
    </message>
    <message>
      <source>Not fit to serve: %1 to fix.</source>
      <translation>暂不能服务：有 %1 项需要处理。</translation>
    </message>
    <message>
      <source>%1: %2. %3</source>
      <translation>%1：%2。%3</translation>
    </message>
  </context>
</TS>
