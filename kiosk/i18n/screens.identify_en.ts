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
    <message>
      <source>No identification device is working on this kiosk right now. Please ask the staff in the hall for help.</source>
      <translation>No identification device is working on this kiosk right now. Please ask the staff in the hall for help.</translation>
    </message>
  </context>
</TS>
