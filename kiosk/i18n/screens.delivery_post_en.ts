<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>DeliveryScreen</name>
    <message>
      <source>How you receive the result</source>
      <translation>How you receive the result</translation>
    </message>
    <message>
      <source>Choose the window, post or the locker.</source>
      <translation>Choose the window, post or the locker.</translation>
    </message>
    <message>
      <source>Getting the ways to receive the result…</source>
      <translation>Getting the ways to receive the result…</translation>
    </message>
    <message>
      <source>Collect it at the window</source>
      <translation>Collect it at the window</translation>
    </message>
    <message>
      <source>Post it to me (%1)</source>
      <translation>Post it to me (%1)</translation>
    </message>
    <message>
      <source>24-hour locker: %1</source>
      <translation>24-hour locker: %1</translation>
    </message>
    <message>
      <source>How would you like to receive the result?</source>
      <translation>How would you like to receive the result?</translation>
    </message>
    <message>
      <source>Where should we post it? Touch a box to type; choose the region from the lists.</source>
      <translation>Where should we post it? Touch a box to type; choose the region from the lists.</translation>
    </message>
    <message>
      <source>Recipient</source>
      <translation>Recipient</translation>
    </message>
    <message>
      <source>Mobile number</source>
      <translation>Mobile number</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>Region</translation>
    </message>
    <message>
      <source>Search (Chinese, pinyin or initials)</source>
      <translation>Search (Chinese, pinyin or initials)</translation>
    </message>
    <message>
      <source>Street, number, building and room</source>
      <translation>Street, number, building and room</translation>
    </message>
    <message>
      <source>Type with pinyin and choose the characters above the keys.</source>
      <translation>Type with pinyin and choose the characters above the keys.</translation>
    </message>
    <message>
      <source>Start from the address on my ID card</source>
      <translation>Start from the address on my ID card</translation>
    </message>
    <message>
      <source>Previous step</source>
      <translation>Previous step</translation>
    </message>
    <message>
      <source>Next</source>
      <translation>Next</translation>
    </message>
    <message>
      <source>Nothing matches this search.</source>
      <translation>Nothing matches this search.</translation>
    </message>
    <message>
      <source>Please check and confirm.</source>
      <translation>Please check and confirm.</translation>
    </message>
    <message>
      <source>Posting is free.</source>
      <translation>Posting is free.</translation>
    </message>
    <message>
      <source>Posting costs %1 yuan: pay it under “Pay” after this (the order is already there).</source>
      <translation>Posting costs %1 yuan: pay it under “Pay” after this (the order is already there).</translation>
    </message>
    <message>
      <source>Confirm</source>
      <translation>Confirm</translation>
    </message>
    <message>
      <source>Recorded. The result is posted to this address when it is ready; the carrier's tracking number is assigned then.</source>
      <translation>Recorded. The result is posted to this address when it is ready; the carrier's tracking number is assigned then.</translation>
    </message>
    <message>
      <source>Recorded. You will get a text message with the pick-up code when the result is in the locker.</source>
      <translation>Recorded. You will get a text message with the pick-up code when the result is in the locker.</translation>
    </message>
    <message>
      <source>Recorded. Please collect the result at the window when you are told it is ready.</source>
      <translation>Recorded. Please collect the result at the window when you are told it is ready.</translation>
    </message>
    <message>
      <source>Reference: %1</source>
      <translation>Reference: %1</translation>
    </message>
    <message>
      <source>Pay the posting fee</source>
      <translation>Pay the posting fee</translation>
    </message>
    <message>
      <source>Finish</source>
      <translation>Finish</translation>
    </message>
  </context>
</TS>
