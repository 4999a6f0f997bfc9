<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>GuideScreen</name>
    <message>
      <source>Service guide</source>
      <translation>Service guide</translation>
    </message>
    <message>
      <source>Print this notice</source>
      <translation>Print this notice</translation>
    </message>
    <message>
      <source>Take a number for this</source>
      <translation>Take a number for this</translation>
    </message>
    <message>
      <source>Apply here</source>
      <translation>Apply here</translation>
    </message>
    <message>
      <source>Ask or complain</source>
      <translation>Ask or complain</translation>
    </message>
    <message>
      <source>This service could not be found. It may have been withdrawn; please search again.</source>
      <translation>This service could not be found. It may have been withdrawn; please search again.</translation>
    </message>
    <message>
      <source>Department: %1</source>
      <translation>Department: %1</translation>
    </message>
    <message>
      <source>The guide below is published in Chinese by the department; staff at the help desk can explain it.</source>
      <translation>The guide below is published in Chinese by the department; staff at the help desk can explain it.</translation>
    </message>
    <message>
      <source>Item code: %1</source>
      <translation>Item code: %1</translation>
    </message>
    <message>
      <source>Basic code: %1</source>
      <translation>Basic code: %1</translation>
    </message>
    <message>
      <source>Scan to read this guide on your phone</source>
      <translation>Scan to read this guide on your phone</translation>
    </message>
    <message>
      <source>What this kiosk can do</source>
      <translation>What this kiosk can do</translation>
    </message>
    <message>
      <source>Online service depth: %1</source>
      <translation>Online service depth: %1</translation>
    </message>
    <message>
      <source>Visits to the hall needed: %1</source>
      <translation>Visits to the hall needed: %1</translation>
    </message>
    <message>
      <source>Conditions</source>
      <translation>Conditions</translation>
    </message>
    <message>
      <source>Process</source>
      <translation>Process</translation>
    </message>
    <message>
      <source>Time limits</source>
      <translation>Time limits</translation>
    </message>
    <message>
      <source>Promised: %1</source>
      <translation>Promised: %1</translation>
    </message>
    <message>
      <source>Statutory: %1</source>
      <translation>Statutory: %1</translation>
    </message>
    <message>
      <source>Fees</source>
      <translation>Fees</translation>
    </message>
    <message>
      <source>Basis: %1</source>
      <translation>Basis: %1</translation>
    </message>
    <message>
      <source>Where and when</source>
      <translation>Where and when</translation>
    </message>
    <message>
      <source>Enquiries and complaints</source>
      <translation>Enquiries and complaints</translation>
    </message>
    <message>
      <source>Enquiry phone: %1</source>
      <translation>Enquiry phone: %1</translation>
    </message>
    <message>
      <source>Complaint phone: %1</source>
      <translation>Complaint phone: %1</translation>
    </message>
    <message>
      <source>Legal basis</source>
      <translation>Legal basis</translation>
    </message>
    <message>
      <source>Materials to bring</source>
      <translation>Materials to bring</translation>
    </message>
    <message>
      <source>No materials needed.</source>
      <translation>No materials needed.</translation>
    </message>
    <message>
      <source>Printing…</source>
      <translation>Printing…</translation>
    </message>
    <message>
      <source>Printed. Please take your notice from the slot below the screen.</source>
      <translation>Printed. Please take your notice from the slot below the screen.</translation>
    </message>
  </context>
</TS>
