<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>CameraView</name>
    <message>
      <source>The camera is not responding. Trying again…</source>
      <translation>The camera is not responding. Trying again…</translation>
    </message>
  </context>
</TS>
