<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>DemoActions</name>
    <message>
      <source>Remove social security card</source>
      <translation>Remove social security card</translation>
    </message>
    <message>
      <source>Insert sample social security card</source>
      <translation>Insert sample social security card</translation>
    </message>
    <message>
      <source>Insert social security card with PIN 123456</source>
      <translation>Insert social security card with PIN 123456</translation>
    </message>
    <message>
      <source>Insert social security card with blocked PIN</source>
      <translation>Insert social security card with blocked PIN</translation>
    </message>
    <message>
      <source>Insert bank card into the card slot</source>
      <translation>Insert bank card into the card slot</translation>
    </message>
    <message>
      <source>Insert social security card that does not answer</source>
      <translation>Insert social security card that does not answer</translation>
    </message>
    <message>
      <source>Social security card pulled out during reading</source>
      <translation>Social security card pulled out during reading</translation>
    </message>
  </context>
</TS>
