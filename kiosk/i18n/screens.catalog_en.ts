<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>CatalogScreen</name>
    <message>
      <source>By department</source>
      <translation>By department</translation>
    </message>
    <message>
      <source>"One thing" bundles</source>
      <translation>"One thing" bundles</translation>
    </message>
    <message>
      <source>For individuals</source>
      <translation>For individuals</translation>
    </message>
    <message>
      <source>For businesses</source>
      <translation>For businesses</translation>
    </message>
    <message>
      <source>Offline: showing the guides as of %1. Some information may have changed since.</source>
      <translation>Offline: showing the guides as of %1. Some information may have changed since.</translation>
    </message>
    <message>
      <source>Find a service</source>
      <translation>Find a service</translation>
    </message>
    <message>
      <source>Search: type a name, pinyin initials or an item code</source>
      <translation>Search: type a name, pinyin initials or an item code</translation>
    </message>
    <message>
      <source>%1 services</source>
      <translation>%1 services</translation>
    </message>
  </context>
  <context>
    <name>ServiceListScreen</name>
    <message>
      <source>Show %1 more</source>
      <translation>Show %1 more</translation>
    </message>
    <message>
      <source>%1 services</source>
      <translation>%1 services</translation>
    </message>
  </context>
</TS>
