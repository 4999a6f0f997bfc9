<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>DemoActions</name>
    <message>
      <source>A4 printer: jam on the next job</source>
      <translation>A4 printer: jam on the next job</translation>
    </message>
    <message>
      <source>A4 printer: out of paper on the next job</source>
      <translation>A4 printer: out of paper on the next job</translation>
    </message>
    <message>
      <source>A4 printer: fixed by staff</source>
      <translation>A4 printer: fixed by staff</translation>
    </message>
  </context>
</TS>
