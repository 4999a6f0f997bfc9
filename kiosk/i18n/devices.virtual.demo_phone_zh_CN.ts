<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>DemoActions</name>
    <message>
      <source>Phone: show an e-ID code</source>
      <translation>手机：出示电子身份证码</translation>
    </message>
    <message>
      <source>Phone: show an expired code</source>
      <translation>手机：出示已过期的码</translation>
    </message>
    <message>
      <source>Phone: show the last code again (a screenshot)</source>
      <translation>手机：再次出示上一个码（截图）</translation>
    </message>
  </context>
</TS>
