<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>DemoActions</name>
    <message>
      <source>Place sample ID card</source>
      <translation>Place sample ID card</translation>
    </message>
    <message>
      <source>Place ID card valid long-term</source>
      <translation>Place ID card valid long-term</translation>
    </message>
    <message>
      <source>Place expired ID card</source>
      <translation>Place expired ID card</translation>
    </message>
    <message>
      <source>Place HK/Macau/Taiwan residence permit</source>
      <translation>Place HK/Macau/Taiwan residence permit</translation>
    </message>
    <message>
      <source>Place foreign permanent residence card</source>
      <translation>Place foreign permanent residence card</translation>
    </message>
    <message>
      <source>Remove ID card</source>
      <translation>Remove ID card</translation>
    </message>
    <message>
      <source>ID card taken away during reading</source>
      <translation>ID card taken away during reading</translation>
    </message>
    <message>
      <source>Unplug the ID card reader</source>
      <translation>Unplug the ID card reader</translation>
    </message>
    <message>
      <source>Plug the ID card reader back in</source>
      <translation>Plug the ID card reader back in</translation>
    </message>
  </context>
</TS>
