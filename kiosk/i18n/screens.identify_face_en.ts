<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>IdentifyFaceScreen</name>
    <message>
      <source>Face login</source>
      <translation>Face login</translation>
    </message>
    <message>
      <source>Before we compare your face</source>
      <translation>Before we compare your face</translation>
    </message>
    <message>
      <source>Face login compares a picture of your face, taken now by this kiosk's camera, with the photo the government holds for the ID number you type. The comparison is made on this kiosk; your picture is not saved and is cleared when the check ends, within a minute. Only whether it matched is sent to the service platform. You can always use your ID card, social security card or phone code instead.</source>
      <translation>Face login compares a picture of your face, taken now by this kiosk's camera, with the photo the government holds for the ID number you type. The comparison is made on this kiosk; your picture is not saved and is cleared when the check ends, within a minute. Only whether it matched is sent to the service platform. You can always use your ID card, social security card or phone code instead.</translation>
    </message>
    <message>
      <source>Type your ID number</source>
      <translation>Type your ID number</translation>
    </message>
    <message>
      <source>I agree, continue</source>
      <translation>I agree, continue</translation>
    </message>
    <message>
      <source>Use another way</source>
      <translation>Use another way</translation>
    </message>
    <message>
      <source>Looking up the photo on file…</source>
      <translation>Looking up the photo on file…</translation>
    </message>
  </context>
  <context>
    <name>IdentifyMethods</name>
    <message>
      <source>Face login</source>
      <translation>Face login</translation>
    </message>
  </context>
</TS>
