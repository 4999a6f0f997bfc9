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
    <message>
      <source>This service is not available on this kiosk yet.</source>
      <translation>This service is not available on this kiosk yet.</translation>
    </message>
    <message>
      <source>Please take it to a service counter, or ask the staff in the hall for help.</source>
      <translation>Please take it to a service counter, or ask the staff in the hall for help.</translation>
    </message>
  </context>
</TS>
