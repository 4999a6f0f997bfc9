<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>QrScanScreen</name>
    <message>
      <source>Hold the QR code on your receipt up to the scanner</source>
      <translation>Hold the QR code on your receipt up to the scanner</translation>
    </message>
    <message>
      <source>Open your electronic ID code on your phone and hold it up to the scanner</source>
      <translation>Open your electronic ID code on your phone and hold it up to the scanner</translation>
    </message>
    <message>
      <source>Hold your appointment QR code up to the scanner</source>
      <translation>Hold your appointment QR code up to the scanner</translation>
    </message>
    <message>
      <source>Scan a QR code</source>
      <translation>Scan a QR code</translation>
    </message>
    <message>
      <source>Scan another code</source>
      <translation>Scan another code</translation>
    </message>
    <message>
      <source>Starting the scanner…</source>
      <translation>Starting the scanner…</translation>
    </message>
    <message>
      <source>Hold the code still, about a hand's width from the scanner, and tilt it away from bright lights.</source>
      <translation>Hold the code still, about a hand's width from the scanner, and tilt it away from bright lights.</translation>
    </message>
    <message>
      <source>Code read.</source>
      <translation>Code read.</translation>
    </message>
  </context>
</TS>
