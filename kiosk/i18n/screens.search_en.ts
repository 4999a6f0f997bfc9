<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>SearchScreen</name>
    <message>
      <source>Search for a service</source>
      <translation>Search for a service</translation>
    </message>
    <message>
      <source>e.g. hkqy for 户口迁移</source>
      <translation>e.g. hkqy for 户口迁移</translation>
    </message>
    <message>
      <source>Show %1 more</source>
      <translation>Show %1 more</translation>
    </message>
    <message>
      <source>Type on the keyboard below: the name in pinyin, its initials, or the item code.</source>
      <translation>Type on the keyboard below: the name in pinyin, its initials, or the item code.</translation>
    </message>
    <message>
      <source>%1 services found</source>
      <translation>%1 services found</translation>
    </message>
    <message>
      <source>Nothing found. Check the letters, or browse by department instead.</source>
      <translation>Nothing found. Check the letters, or browse by department instead.</translation>
    </message>
  </context>
</TS>
