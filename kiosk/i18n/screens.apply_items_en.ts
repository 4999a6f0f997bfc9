<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>ApplyItemsScreen</name>
    <message>
      <source>Apply for a service</source>
      <translation>Apply for a service</translation>
    </message>
    <message>
      <source>Search: e.g. gjj for 公积金</source>
      <translation>Search: e.g. gjj for 公积金</translation>
    </message>
    <message>
      <source>Finding the services you can apply for here…</source>
      <translation>Finding the services you can apply for here…</translation>
    </message>
    <message>
      <source>Choose what you want to apply for. You will identify yourself first; the form is filled in with what the government already holds.</source>
      <translation>Choose what you want to apply for. You will identify yourself first; the form is filled in with what the government already holds.</translation>
    </message>
    <message>
      <source>No service you can apply for here matches this search.</source>
      <translation>No service you can apply for here matches this search.</translation>
    </message>
    <message>
      <source>for businesses</source>
      <translation>for businesses</translation>
    </message>
    <message>
      <source>Other services: see their guide for where to apply.</source>
      <translation>Other services: see their guide for where to apply.</translation>
    </message>
  </context>
</TS>
