<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>Shell</name>
    <message>
      <source>Back</source>
      <translation>返回</translation>
    </message>
    <message>
      <source>Home</source>
      <translation>首页</translation>
    </message>
    <message>
      <source>Large text</source>
      <translation>大字模式</translation>
    </message>
    <message>
      <source>Voice</source>
      <translation>语音</translation>
    </message>
    <message>
      <source>Repeat</source>
      <translation>重听</translation>
    </message>
    <message>
      <source>Online</source>
      <translation>网络正常</translation>
    </message>
    <message>
      <source>Offline, guides as of %1</source>
      <translation>离线，指南更新于 %1</translation>
    </message>
    <message>
      <source>Offline</source>
      <translation>网络已断开</translation>
    </message>
    <message>
      <source>%1 seconds left.</source>
      <translation>还剩%1秒。</translation>
    </message>
  </context>
</TS>
