<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>CaseNumberScreen</name>
    <message>
      <source>Type the case number</source>
      <translation>输入受理编号</translation>
    </message>
    <message>
      <source>The case number (受理编号) is printed on your receipt or acceptance notice, for example SL-990100-20261122-000123.</source>
      <translation>受理编号印在您的回执或受理通知书上，例如 SL-990100-20261122-000123。</translation>
    </message>
  </context>
</TS>
