<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>IdentifyMethods</name>
    <message>
      <source>Phone code (e-ID)</source>
      <translation>Phone code (e-ID)</translation>
    </message>
  </context>
  <context>
    <name>IdentifyPhoneScreen</name>
    <message>
      <source>Electronic ID (phone)</source>
      <translation>Electronic ID (phone)</translation>
    </message>
    <message>
      <source>Electronic social security card (phone)</source>
      <translation>Electronic social security card (phone)</translation>
    </message>
    <message>
      <source>Show your phone's code</source>
      <translation>Show your phone's code</translation>
    </message>
    <message>
      <source>Open the electronic ID or the electronic social security card in your phone's government app and hold its QR code up to the scanner.</source>
      <translation>Open the electronic ID or the electronic social security card in your phone's government app and hold its QR code up to the scanner.</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>ID number</translation>
    </message>
    <message>
      <source>Shown with</source>
      <translation>Shown with</translation>
    </message>
    <message>
      <source>This is me, continue</source>
      <translation>This is me, continue</translation>
    </message>
    <message>
      <source>Scan again</source>
      <translation>Scan again</translation>
    </message>
    <message>
      <source>Use a card instead</source>
      <translation>Use a card instead</translation>
    </message>
    <message>
      <source>Starting the scanner…</source>
      <translation>Starting the scanner…</translation>
    </message>
    <message>
      <source>Checking your code with the service platform…</source>
      <translation>Checking your code with the service platform…</translation>
    </message>
    <message>
      <source>Please check that this is you.</source>
      <translation>Please check that this is you.</translation>
    </message>
  </context>
</TS>
