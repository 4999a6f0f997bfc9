<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>DemoActions</name>
    <message>
      <source>Phone: show an e-ID code</source>
      <translation>Phone: show an e-ID code</translation>
    </message>
    <message>
      <source>Phone: show an expired code</source>
      <translation>Phone: show an expired code</translation>
    </message>
    <message>
      <source>Phone: show the last code again (a screenshot)</source>
      <translation>Phone: show the last code again (a screenshot)</translation>
    </message>
  </context>
</TS>
