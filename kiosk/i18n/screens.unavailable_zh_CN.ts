<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>UnavailableScreen</name>
    <message>
      <source>Check my case</source>
      <translation>办件查询</translation>
    </message>
    <message>
      <source>Take a number</source>
      <translation>取号</translation>
    </message>
    <message>
      <source>This service is not available on this kiosk yet.</source>
      <translation>本机暂未开通此项服务。</translation>
    </message>
    <message>
      <source>Please take it to a service counter, or ask the staff in the hall for help.</source>
      <translation>请前往服务窗口办理，或向大厅工作人员求助。</translation>
    </message>
  </context>
</TS>
