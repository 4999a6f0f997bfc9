<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>CaseNumberScreen</name>
    <message>
      <source>Type the case number</source>
      <translation>Type the case number</translation>
    </message>
    <message>
      <source>The case number (受理编号) is printed on your receipt or acceptance notice, for example SL-990100-20261122-000123.</source>
      <translation>The case number (受理编号) is printed on your receipt or acceptance notice, for example SL-990100-20261122-000123.</translation>
    </message>
  </context>
</TS>
