<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>PinPadScreen</name>
    <message>
      <source>Card PIN</source>
      <translation>Card PIN</translation>
    </message>
    <message numerus="yes">
      <source>Enter the %n-digit PIN of your social security card</source>
      <translation>
        <numerusform>Enter the %n-digit PIN of your social security card</numerusform>
        <numerusform>Enter the %n-digit PIN of your social security card</numerusform>
      </translation>
    </message>
    <message>
      <source>Cover the keypad with your hand while you type. Then touch Confirm.</source>
      <translation>Cover the keypad with your hand while you type. Then touch Confirm.</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>The PIN goes only to your card. The kiosk does not keep it.</source>
      <translation>The PIN goes only to your card. The kiosk does not keep it.</translation>
    </message>
    <message>
      <source>Wrong PIN. This is your last try: one more wrong PIN blocks the card.</source>
      <translation>Wrong PIN. This is your last try: one more wrong PIN blocks the card.</translation>
    </message>
    <message numerus="yes">
      <source>Wrong PIN. You have %n tries left.</source>
      <translation>
        <numerusform>Wrong PIN. You have %n tries left.</numerusform>
        <numerusform>Wrong PIN. You have %n tries left.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Please enter all %n digits.</source>
      <translation>
        <numerusform>Please enter all %n digits.</numerusform>
        <numerusform>Please enter all %n digits.</numerusform>
      </translation>
    </message>
  </context>
</TS>
