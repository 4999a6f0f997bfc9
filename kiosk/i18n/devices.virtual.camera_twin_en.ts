<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>DemoActions</name>
    <message>
      <source>Face camera: a live person</source>
      <translation>Face camera: a live person</translation>
    </message>
    <message>
      <source>Face camera: a printed photo held up</source>
      <translation>Face camera: a printed photo held up</translation>
    </message>
    <message>
      <source>Face camera: two people</source>
      <translation>Face camera: two people</translation>
    </message>
    <message>
      <source>Unplug the face camera</source>
      <translation>Unplug the face camera</translation>
    </message>
    <message>
      <source>Plug the face camera back in</source>
      <translation>Plug the face camera back in</translation>
    </message>
  </context>
</TS>
