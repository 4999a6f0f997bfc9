<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>Speaker</name>
    <message>
      <source>your details are on the screen</source>
      <translation>your details are on the screen</translation>
    </message>
  </context>
</TS>
