<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>QueueTakeScreen</name>
    <message>
      <source>I have a disability card</source>
      <translation>I have a disability card</translation>
    </message>
    <message>
      <source>I am a serving soldier or veteran</source>
      <translation>I am a serving soldier or veteran</translation>
    </message>
    <message>
      <source>I am pregnant</source>
      <translation>I am pregnant</translation>
    </message>
    <message>
      <source>Take a number</source>
      <translation>Take a number</translation>
    </message>
    <message>
      <source>Asking the hall's queue system…</source>
      <translation>Asking the hall's queue system…</translation>
    </message>
    <message>
      <source>Choose what you have come for</source>
      <translation>Choose what you have come for</translation>
    </message>
    <message>
      <source>You can see how many people are waiting before you take a number.</source>
      <translation>You can see how many people are waiting before you take a number.</translation>
    </message>
    <message>
      <source>ID card needed</source>
      <translation>ID card needed</translation>
    </message>
    <message>
      <source>Choose</source>
      <translation>Choose</translation>
    </message>
    <message>
      <source>I have an appointment</source>
      <translation>I have an appointment</translation>
    </message>
    <message>
      <source>Nobody is waiting</source>
      <translation>Nobody is waiting</translation>
    </message>
    <message numerus="yes">
      <source>about %n min</source>
      <translation>
        <numerusform>about %n min</numerusform>
        <numerusform>about %n min</numerusform>
      </translation>
    </message>
    <message>
      <source>Windows: %1</source>
      <translation>Windows: %1</translation>
    </message>
    <message numerus="yes">
      <source>Waiting: %n</source>
      <translation>
        <numerusform>Waiting: %n</numerusform>
        <numerusform>Waiting: %n</numerusform>
      </translation>
    </message>
    <message>
      <source>Where am I in the queue?</source>
      <translation>Where am I in the queue?</translation>
    </message>
    <message>
      <source>Book for another day</source>
      <translation>Book for another day</translation>
    </message>
    <message numerus="yes">
      <source>Numbers per person per day on this line: %n</source>
      <translation>
        <numerusform>Numbers per person per day on this line: %n</numerusform>
        <numerusform>Numbers per person per day on this line: %n</numerusform>
      </translation>
    </message>
    <message>
      <source>Other lines</source>
      <translation>Other lines</translation>
    </message>
    <message>
      <source>Identify</source>
      <translation>Identify</translation>
    </message>
    <message>
      <source>You are %1 or older: your number will be in the priority line.</source>
      <translation>You are %1 or older: your number will be in the priority line.</translation>
    </message>
    <message>
      <source>The estimate is from recent service times; it can change.</source>
      <translation>The estimate is from recent service times; it can change.</translation>
    </message>
    <message>
      <source>Priority line (绿色通道)</source>
      <translation>Priority line (绿色通道)</translation>
    </message>
    <message>
      <source>If one of these applies to you, touch it. Please show your certificate at the window.</source>
      <translation>If one of these applies to you, touch it. Please show your certificate at the window.</translation>
    </message>
    <message>
      <source>Aged %1 or over</source>
      <translation>Aged %1 or over</translation>
    </message>
    <message>
      <source>None of these</source>
      <translation>None of these</translation>
    </message>
    <message>
      <source>Getting your number…</source>
      <translation>Getting your number…</translation>
    </message>
    <message>
      <source>Issued at %1</source>
      <translation>Issued at %1</translation>
    </message>
    <message>
      <source>Your number</source>
      <translation>Your number</translation>
    </message>
    <message>
      <source>Please take your ticket from the slot below the screen. Scan its QR code to follow the queue on your phone.</source>
      <translation>Please take your ticket from the slot below the screen. Scan its QR code to follow the queue on your phone.</translation>
    </message>
    <message>
      <source>Finish</source>
      <translation>Finish</translation>
    </message>
    <message>
      <source>The ticket was not printed</source>
      <translation>The ticket was not printed</translation>
    </message>
    <message>
      <source>Your number has been kept for you. Print it again, or give it up if you do not need it.</source>
      <translation>Your number has been kept for you. Print it again, or give it up if you do not need it.</translation>
    </message>
    <message>
      <source>The number cannot be printed here, so it will be cancelled. Please get a number at the service desk near the entrance.</source>
      <translation>The number cannot be printed here, so it will be cancelled. Please get a number at the service desk near the entrance.</translation>
    </message>
    <message>
      <source>Give up this number</source>
      <translation>Give up this number</translation>
    </message>
    <message>
      <source>Print again</source>
      <translation>Print again</translation>
    </message>
    <message>
      <source>Number given up</source>
      <translation>Number given up</translation>
    </message>
    <message>
      <source>The number was cancelled. If you still need one, please get it at the service desk near the entrance.</source>
      <translation>The number was cancelled. If you still need one, please get it at the service desk near the entrance.</translation>
    </message>
    <message>
      <source>Try again</source>
      <translation>Try again</translation>
    </message>
  </context>
</TS>
