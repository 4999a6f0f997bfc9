<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>IdentifyMethods</name>
    <message>
      <source>Social security card</source>
      <translation>Social security card</translation>
    </message>
  </context>
  <context>
    <name>IdentifySscScreen</name>
    <message>
      <source>Social security card</source>
      <translation>Social security card</translation>
    </message>
    <message>
      <source>Your card has been read</source>
      <translation>Your card has been read</translation>
    </message>
    <message>
      <source>Insert your social security card into the card slot, chip facing up and going in first</source>
      <translation>Insert your social security card into the card slot, chip facing up and going in first</translation>
    </message>
    <message>
      <source>Try again</source>
      <translation>Try again</translation>
    </message>
    <message>
      <source>Use another way</source>
      <translation>Use another way</translation>
    </message>
    <message>
      <source>Continue</source>
      <translation>Continue</translation>
    </message>
    <message>
      <source>Card read. Is this you?</source>
      <translation>Card read. Is this you?</translation>
    </message>
    <message>
      <source>Waiting for your card…</source>
      <translation>Waiting for your card…</translation>
    </message>
    <message>
      <source>Reading your card. Please leave it in the slot.</source>
      <translation>Reading your card. Please leave it in the slot.</translation>
    </message>
    <message>
      <source>Checking the PIN with your card…</source>
      <translation>Checking the PIN with your card…</translation>
    </message>
    <message>
      <source>The card could not be used</source>
      <translation>The card could not be used</translation>
    </message>
    <message numerus="yes">
      <source>%n tries left.</source>
      <translation>
        <numerusform>%n tries left.</numerusform>
        <numerusform>%n tries left.</numerusform>
      </translation>
    </message>
    <message>
      <source>Not me: read another card</source>
      <translation>Not me: read another card</translation>
    </message>
    <message>
      <source>not on the card</source>
      <translation>not on the card</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>ID number</translation>
    </message>
    <message>
      <source>Card number</source>
      <translation>Card number</translation>
    </message>
    <message>
      <source>Valid until</source>
      <translation>Valid until</translation>
    </message>
    <message>
      <source>This card has expired. Some services may ask for a valid card.</source>
      <translation>This card has expired. Some services may ask for a valid card.</translation>
    </message>
  </context>
</TS>
