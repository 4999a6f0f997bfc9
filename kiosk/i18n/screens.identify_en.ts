<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>IdentifyScreen</name>
    <message>
      <source>Identify yourself</source>
      <translation>Identify yourself</translation>
    </message>
    <message>
      <source>Choose how you want to identify yourself. Your information is used only for this visit and cleared when you finish.</source>
      <translation>Choose how you want to identify yourself. Your information is used only for this visit and cleared when you finish.</translation>
    </message>
  </context>
</TS>
