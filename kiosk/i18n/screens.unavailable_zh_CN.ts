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
  </context>
</TS>
