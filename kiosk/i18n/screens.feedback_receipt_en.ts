<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>FeedbackReceipt</name>
    <message>
      <source>Your question has been received.</source>
      <translation>Your question has been received.</translation>
    </message>
    <message>
      <source>Your complaint has been received.</source>
      <translation>Your complaint has been received.</translation>
    </message>
    <message>
      <source>Your correction has been received.</source>
      <translation>Your correction has been received.</translation>
    </message>
    <message>
      <source>Print a receipt</source>
      <translation>Print a receipt</translation>
    </message>
    <message>
      <source>Finish</source>
      <translation>Finish</translation>
    </message>
    <message>
      <source>Reference: %1</source>
      <translation>Reference: %1</translation>
    </message>
    <message>
      <source>The department answers within %1 working days by text message or phone, and in Check my case.</source>
      <translation>The department answers within %1 working days by text message or phone, and in Check my case.</translation>
    </message>
    <message>
      <source>The department answers within %1 working days. Sent anonymously: keep the receipt to see the answer.</source>
      <translation>The department answers within %1 working days. Sent anonymously: keep the receipt to see the answer.</translation>
    </message>
    <message>
      <source>Sent to the service platform.</source>
      <translation>Sent to the service platform.</translation>
    </message>
    <message>
      <source>The connection is down: it is kept safely at this kiosk and sent as soon as the connection returns.</source>
      <translation>The connection is down: it is kept safely at this kiosk and sent as soon as the connection returns.</translation>
    </message>
    <message>
      <source>No receipt printer here: please note the reference.</source>
      <translation>No receipt printer here: please note the reference.</translation>
    </message>
  </context>
</TS>
