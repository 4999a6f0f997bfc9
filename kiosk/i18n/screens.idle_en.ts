<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>AttractOverlay</name>
    <message>
      <source>One ID card for everything</source>
      <translation>One ID card for everything</translation>
    </message>
    <message>
      <source>Find a service and its guide</source>
      <translation>Find a service and its guide</translation>
    </message>
    <message>
      <source>Print your e-licences and certificates</source>
      <translation>Print your e-licences and certificates</translation>
    </message>
    <message>
      <source>Check the progress of your case</source>
      <translation>Check the progress of your case</translation>
    </message>
    <message>
      <source>Take a queue number</source>
      <translation>Take a queue number</translation>
    </message>
    <message>
      <source>Welcome to the self-service kiosk</source>
      <translation>Welcome to the self-service kiosk</translation>
    </message>
    <message>
      <source>Touch the screen to start</source>
      <translation>Touch the screen to start</translation>
    </message>
  </context>
  <context>
    <name>IdleWarning</name>
    <message>
      <source>Are you still there?</source>
      <translation>Are you still there?</translation>
    </message>
    <message>
      <source>To protect your personal information, this session will end and your data will be cleared when the countdown reaches zero.</source>
      <translation>To protect your personal information, this session will end and your data will be cleared when the countdown reaches zero.</translation>
    </message>
    <message>
      <source>Continue</source>
      <translation>Continue</translation>
    </message>
    <message>
      <source>End now</source>
      <translation>End now</translation>
    </message>
  </context>
</TS>
