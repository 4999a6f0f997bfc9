<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>UnavailableScreen</name>
    <message>
      <source>Check my case</source>
      <translation>Check my case</translation>
    </message>
    <message>
      <source>Take a number</source>
      <translation>Take a number</translation>
    </message>
  </context>
</TS>
