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
  <context>
    <name>SscMessages</name>
    <message>
      <source>The card reader is not working right now. Please use another way to identify yourself, or ask the staff for help.</source>
      <translation>The card reader is not working right now. Please use another way to identify yourself, or ask the staff for help.</translation>
    </message>
    <message>
      <source>The card reader is not connected. Please use another way to identify yourself, or ask the staff for help.</source>
      <translation>The card reader is not connected. Please use another way to identify yourself, or ask the staff for help.</translation>
    </message>
    <message>
      <source>The card reader was disconnected. Please wait a moment; if this message stays, ask the staff for help.</source>
      <translation>The card reader was disconnected. Please wait a moment; if this message stays, ask the staff for help.</translation>
    </message>
    <message>
      <source>Please insert your social security card.</source>
      <translation>Please insert your social security card.</translation>
    </message>
    <message>
      <source>The card was taken out before reading finished. Please insert it again and leave it in until the screen says it has been read.</source>
      <translation>The card was taken out before reading finished. Please insert it again and leave it in until the screen says it has been read.</translation>
    </message>
    <message>
      <source>The card does not respond. Please take it out, check that the chip faces up and goes in first, and insert it again.</source>
      <translation>The card does not respond. Please take it out, check that the chip faces up and goes in first, and insert it again.</translation>
    </message>
    <message>
      <source>This is not a social security card. Please take it out and insert your social security card.</source>
      <translation>This is not a social security card. Please take it out and insert your social security card.</translation>
    </message>
    <message>
      <source>This is a bank card. Please take it out and insert your social security card. (Bank cards are only used when paying.)</source>
      <translation>This is a bank card. Please take it out and insert your social security card. (Bank cards are only used when paying.)</translation>
    </message>
    <message>
      <source>The card could not be read. Please take it out and insert it again.</source>
      <translation>The card could not be read. Please take it out and insert it again.</translation>
    </message>
    <message>
      <source>The information on this card cannot be read here. Please use another way to identify yourself, or ask the staff for help.</source>
      <translation>The information on this card cannot be read here. Please use another way to identify yourself, or ask the staff for help.</translation>
    </message>
    <message>
      <source>This card needs its PIN, but PIN entry is not available here. Please ask the staff for help.</source>
      <translation>This card needs its PIN, but PIN entry is not available here. Please ask the staff for help.</translation>
    </message>
    <message>
      <source>PIN entry was cancelled. Touch “Try again” to enter the PIN, or take the card out.</source>
      <translation>PIN entry was cancelled. Touch “Try again” to enter the PIN, or take the card out.</translation>
    </message>
    <message>
      <source>The PIN was wrong. Touch “Try again” to enter it again.</source>
      <translation>The PIN was wrong. Touch “Try again” to enter it again.</translation>
    </message>
    <message>
      <source>The card's PIN is blocked after too many wrong tries. Please take the card to a social security service counter to have it unblocked.</source>
      <translation>The card's PIN is blocked after too many wrong tries. Please take the card to a social security service counter to have it unblocked.</translation>
    </message>
    <message>
      <source>The PIN pad is not working. Please ask the staff for help.</source>
      <translation>The PIN pad is not working. Please ask the staff for help.</translation>
    </message>
    <message>
      <source>Something went wrong while reading the card. Please take it out and insert it again.</source>
      <translation>Something went wrong while reading the card. Please take it out and insert it again.</translation>
    </message>
  </context>
</TS>
