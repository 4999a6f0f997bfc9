<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>DemoActions</name>
    <message>
      <source>Receipt printer: paper near end</source>
      <translation>Receipt printer: paper near end</translation>
    </message>
    <message>
      <source>Receipt printer: out of paper</source>
      <translation>Receipt printer: out of paper</translation>
    </message>
    <message>
      <source>Receipt printer: paper refilled</source>
      <translation>Receipt printer: paper refilled</translation>
    </message>
  </context>
</TS>
