<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>HomeScreen</name>
    <message>
      <source>Find a service</source>
      <translation>Find a service</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>Apply</translation>
    </message>
    <message>
      <source>Pay</source>
      <translation>Pay</translation>
    </message>
    <message>
      <source>Print my licences</source>
      <translation>Print my licences</translation>
    </message>
    <message>
      <source>Check my case</source>
      <translation>Check my case</translation>
    </message>
    <message>
      <source>Take a number</source>
      <translation>Take a number</translation>
    </message>
    <message>
      <source>Rate a service</source>
      <translation>Rate a service</translation>
    </message>
    <message>
      <source>Ask or complain</source>
      <translation>Ask or complain</translation>
    </message>
    <message>
      <source>Identify myself</source>
      <translation>Identify myself</translation>
    </message>
    <message>
      <source>Welcome. What would you like to do?</source>
      <translation>Welcome. What would you like to do?</translation>
    </message>
    <message>
      <source>Touch a button below. Tap “Large text” at the top for bigger letters.</source>
      <translation>Touch a button below. Tap “Large text” at the top for bigger letters.</translation>
    </message>
    <message>
      <source>Need help? Staff at the help desk will gladly assist you. Government service hotline: 12345</source>
      <translation>Need help? Staff at the help desk will gladly assist you. Government service hotline: 12345</translation>
    </message>
  </context>
</TS>
