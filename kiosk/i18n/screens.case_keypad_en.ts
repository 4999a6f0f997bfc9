<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>CaseNumberPad</name>
    <message>
      <source>Clear</source>
      <translation>Clear</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>Look up this case</source>
      <translation>Look up this case</translation>
    </message>
    <message>
      <source>Check the number, then touch “Look up this case”.</source>
      <translation>Check the number, then touch “Look up this case”.</translation>
    </message>
    <message>
      <source>First the two letters at the start of the number.</source>
      <translation>First the two letters at the start of the number.</translation>
    </message>
    <message>
      <source>Now the digits. The dashes are put in for you.</source>
      <translation>Now the digits. The dashes are put in for you.</translation>
    </message>
  </context>
</TS>
