<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>DemoActions</name>
    <message>
      <source>Receipt printer: paper near end</source>
      <translation>凭条打印机：纸将用尽</translation>
    </message>
    <message>
      <source>Receipt printer: out of paper</source>
      <translation>凭条打印机：缺纸</translation>
    </message>
    <message>
      <source>Receipt printer: paper refilled</source>
      <translation>凭条打印机：已换纸</translation>
    </message>
  </context>
</TS>
