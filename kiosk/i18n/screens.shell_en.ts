<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>Shell</name>
    <message>
      <source>Back</source>
      <translation>Back</translation>
    </message>
    <message>
      <source>Home</source>
      <translation>Home</translation>
    </message>
    <message>
      <source>Large text</source>
      <translation>Large text</translation>
    </message>
    <message>
      <source>Voice</source>
      <translation>Voice</translation>
    </message>
    <message>
      <source>Repeat</source>
      <translation>Repeat</translation>
    </message>
    <message>
      <source>Online</source>
      <translation>Online</translation>
    </message>
    <message>
      <source>Offline, guides as of %1</source>
      <translation>Offline, guides as of %1</translation>
    </message>
    <message>
      <source>Offline</source>
      <translation>Offline</translation>
    </message>
    <message>
      <source>%1 seconds left.</source>
      <translation>%1 seconds left.</translation>
    </message>
  </context>
</TS>
