<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>DemoActions</name>
    <message>
      <source>A4 printer: jam on the next job</source>
      <translation>A4打印机：下一份卡纸</translation>
    </message>
    <message>
      <source>A4 printer: out of paper on the next job</source>
      <translation>A4打印机：下一份缺纸</translation>
    </message>
    <message>
      <source>A4 printer: fixed by staff</source>
      <translation>A4打印机：工作人员已排除故障</translation>
    </message>
  </context>
</TS>
