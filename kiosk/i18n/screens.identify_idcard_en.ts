<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>IdentifyIdCardScreen</name>
    <message>
      <source>Resident ID card</source>
      <translation>Resident ID card</translation>
    </message>
    <message>
      <source>Residence permit for Hong Kong, Macao and Taiwan residents</source>
      <translation>Residence permit for Hong Kong, Macao and Taiwan residents</translation>
    </message>
    <message>
      <source>Foreign permanent residence ID card</source>
      <translation>Foreign permanent residence ID card</translation>
    </message>
    <message>
      <source>Identify with your ID card</source>
      <translation>Identify with your ID card</translation>
    </message>
    <message>
      <source>Yes, this is me, continue</source>
      <translation>Yes, this is me, continue</translation>
    </message>
    <message>
      <source>Read again</source>
      <translation>Read again</translation>
    </message>
    <message>
      <source>Choose another way</source>
      <translation>Choose another way</translation>
    </message>
    <message>
      <source>Please check that this is you</source>
      <translation>Please check that this is you</translation>
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
      <source>Card</source>
      <translation>Card</translation>
    </message>
    <message>
      <source>Valid until</source>
      <translation>Valid until</translation>
    </message>
    <message>
      <source>Part of your details is hidden to protect your privacy. They are cleared when you finish.</source>
      <translation>Part of your details is hidden to protect your privacy. They are cleared when you finish.</translation>
    </message>
    <message>
      <source>Place your ID card on the reader</source>
      <translation>Place your ID card on the reader</translation>
    </message>
    <message>
      <source>Lay the card flat on the marked area of the reader below the screen and keep it still until reading is finished.</source>
      <translation>Lay the card flat on the marked area of the reader below the screen and keep it still until reading is finished.</translation>
    </message>
    <message>
      <source>Reading your card…</source>
      <translation>Reading your card…</translation>
    </message>
    <message>
      <source>Please keep the card still. This takes a few seconds.</source>
      <translation>Please keep the card still. This takes a few seconds.</translation>
    </message>
    <message>
      <source>Your card has been read</source>
      <translation>Your card has been read</translation>
    </message>
    <message>
      <source>You can take your card back now.</source>
      <translation>You can take your card back now.</translation>
    </message>
    <message>
      <source>This ID card has expired</source>
      <translation>This ID card has expired</translation>
    </message>
    <message>
      <source>The card could not be read</source>
      <translation>The card could not be read</translation>
    </message>
    <message>
      <source>Please take the card off the reader and place it again, flat and still, on the marked area.</source>
      <translation>Please take the card off the reader and place it again, flat and still, on the marked area.</translation>
    </message>
    <message>
      <source>The ID card reader is not available</source>
      <translation>The ID card reader is not available</translation>
    </message>
    <message>
      <source>Valid until: %1</source>
      <translation>Valid until: %1</translation>
    </message>
    <message>
      <source>Long-term</source>
      <translation>Long-term</translation>
    </message>
  </context>
  <context>
    <name>IdentifyMethods</name>
    <message>
      <source>Resident ID card</source>
      <translation>Resident ID card</translation>
    </message>
  </context>
</TS>
