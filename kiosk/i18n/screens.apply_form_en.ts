<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>ApplyFormScreen</name>
    <message>
      <source>Apply for a service</source>
      <translation>Apply for a service</translation>
    </message>
    <message>
      <source>Previous step</source>
      <translation>Previous step</translation>
    </message>
    <message>
      <source>Getting your form…</source>
      <translation>Getting your form…</translation>
    </message>
    <message>
      <source>The connection to the platform is down: only what your card holds is filled in, and materials from the e-licence library are scanned instead.</source>
      <translation>The connection to the platform is down: only what your card holds is filled in, and materials from the e-licence library are scanned instead.</translation>
    </message>
    <message>
      <source>Please check what we filled in and complete the rest. Touch a box to type.</source>
      <translation>Please check what we filled in and complete the rest. Touch a box to type.</translation>
    </message>
    <message>
      <source>Next: materials</source>
      <translation>Next: materials</translation>
    </message>
    <message>
      <source>Filled in from what the government holds; correct it if needed.</source>
      <translation>Filled in from what the government holds; correct it if needed.</translation>
    </message>
    <message>
      <source>%1 (required)</source>
      <translation>%1 (required)</translation>
    </message>
    <message>
      <source>Next</source>
      <translation>Next</translation>
    </message>
    <message>
      <source>Page %1: </source>
      <translation>Page %1: </translation>
    </message>
    <message>
      <source>These are the materials the guide lists.</source>
      <translation>These are the materials the guide lists.</translation>
    </message>
    <message>
      <source>Taken from the e-licence library (%1): nothing to bring.</source>
      <translation>Taken from the e-licence library (%1): nothing to bring.</translation>
    </message>
    <message>
      <source>Bring this to the window.</source>
      <translation>Bring this to the window.</translation>
    </message>
    <message>
      <source>This is the form you filled in.</source>
      <translation>This is the form you filled in.</translation>
    </message>
    <message>
      <source>Scanned pages: %1</source>
      <translation>Scanned pages: %1</translation>
    </message>
    <message>
      <source>To scan with the document camera.</source>
      <translation>To scan with the document camera.</translation>
    </message>
    <message>
      <source>Scan again</source>
      <translation>Scan again</translation>
    </message>
    <message>
      <source>Scan</source>
      <translation>Scan</translation>
    </message>
    <message>
      <source>Next: review</source>
      <translation>Next: review</translation>
    </message>
    <message>
      <source>Please sign with your finger in the box.</source>
      <translation>Please sign with your finger in the box.</translation>
    </message>
    <message>
      <source>Signing pad</source>
      <translation>Signing pad</translation>
    </message>
    <message>
      <source>Clear and sign again</source>
      <translation>Clear and sign again</translation>
    </message>
    <message>
      <source>Submit</source>
      <translation>Submit</translation>
    </message>
    <message>
      <source>The connection to the platform is down. You can still submit: the kiosk keeps your application safely and sends it when the connection returns.</source>
      <translation>The connection to the platform is down. You can still submit: the kiosk keeps your application safely and sends it when the connection returns.</translation>
    </message>
    <message>
      <source>Please check everything, then submit.</source>
      <translation>Please check everything, then submit.</translation>
    </message>
    <message>
      <source>Your answers</source>
      <translation>Your answers</translation>
    </message>
    <message>
      <source>Corrections for case %1</source>
      <translation>Corrections for case %1</translation>
    </message>
    <message>
      <source>Change answers</source>
      <translation>Change answers</translation>
    </message>
    <message>
      <source>Materials</source>
      <translation>Materials</translation>
    </message>
    <message>
      <source>from the e-licence library</source>
      <translation>from the e-licence library</translation>
    </message>
    <message>
      <source>bring to the window</source>
      <translation>bring to the window</translation>
    </message>
    <message>
      <source>this form</source>
      <translation>this form</translation>
    </message>
    <message>
      <source>scanned</source>
      <translation>scanned</translation>
    </message>
    <message>
      <source>Signed on the screen</source>
      <translation>Signed on the screen</translation>
    </message>
    <message>
      <source>Not signed</source>
      <translation>Not signed</translation>
    </message>
    <message>
      <source>Your application is kept safely on this kiosk and will be sent when the connection returns. Reference: %1</source>
      <translation>Your application is kept safely on this kiosk and will be sent when the connection returns. Reference: %1</translation>
    </message>
    <message>
      <source>Your application has been submitted. Reference: %1</source>
      <translation>Your application has been submitted. Reference: %1</translation>
    </message>
    <message>
      <source>Keep this reference. The case number follows and appears in “Check my case”.</source>
      <translation>Keep this reference. The case number follows and appears in “Check my case”.</translation>
    </message>
    <message>
      <source>Case number: %1</source>
      <translation>Case number: %1</translation>
    </message>
    <message>
      <source>Please take your receipt from the slot below the screen.</source>
      <translation>Please take your receipt from the slot below the screen.</translation>
    </message>
    <message>
      <source>Have the result posted</source>
      <translation>Have the result posted</translation>
    </message>
  </context>
</TS>
