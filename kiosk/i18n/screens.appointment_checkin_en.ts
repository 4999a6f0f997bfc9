<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>AppointmentCheckinScreen</name>
    <message>
      <source>Check in to an appointment</source>
      <translation>Check in to an appointment</translation>
    </message>
    <message>
      <source>Find your appointment</source>
      <translation>Find your appointment</translation>
    </message>
    <message>
      <source>Identify yourself to see today's appointments, or scan the QR code of your appointment.</source>
      <translation>Identify yourself to see today's appointments, or scan the QR code of your appointment.</translation>
    </message>
    <message>
      <source>Scan the appointment code</source>
      <translation>Scan the appointment code</translation>
    </message>
    <message>
      <source>Identify</source>
      <translation>Identify</translation>
    </message>
    <message>
      <source>Looking up your appointments…</source>
      <translation>Looking up your appointments…</translation>
    </message>
    <message>
      <source>%1/%2</source>
      <translation>%1/%2</translation>
    </message>
    <message>
      <source>You can check in now.</source>
      <translation>You can check in now.</translation>
    </message>
    <message>
      <source>Please come back from %1.</source>
      <translation>Please come back from %1.</translation>
    </message>
    <message>
      <source>Please come back on %1 from %2.</source>
      <translation>Please come back on %1 from %2.</translation>
    </message>
    <message>
      <source>Your number is %1.</source>
      <translation>Your number is %1.</translation>
    </message>
    <message>
      <source>Your appointments</source>
      <translation>Your appointments</translation>
    </message>
    <message>
      <source>The appointment for %1 was cancelled.</source>
      <translation>The appointment for %1 was cancelled.</translation>
    </message>
    <message>
      <source>You have no appointment from today on. You can take a number instead.</source>
      <translation>You have no appointment from today on. You can take a number instead.</translation>
    </message>
    <message>
      <source>Check-in is open from %1 minutes before to %2 minutes after the time of the appointment.</source>
      <translation>Check-in is open from %1 minutes before to %2 minutes after the time of the appointment.</translation>
    </message>
    <message>
      <source>%1, %2 to %3</source>
      <translation>%1, %2 to %3</translation>
    </message>
    <message>
      <source>Cancel this appointment</source>
      <translation>Cancel this appointment</translation>
    </message>
    <message>
      <source>Cancel %1</source>
      <translation>Cancel %1</translation>
    </message>
    <message>
      <source>Check in</source>
      <translation>Check in</translation>
    </message>
    <message>
      <source>Take a number instead</source>
      <translation>Take a number instead</translation>
    </message>
    <message>
      <source>Checking you in…</source>
      <translation>Checking you in…</translation>
    </message>
    <message>
      <source>Windows: %1</source>
      <translation>Windows: %1</translation>
    </message>
    <message>
      <source>People ahead of you: %1</source>
      <translation>People ahead of you: %1</translation>
    </message>
    <message>
      <source>You are checked in</source>
      <translation>You are checked in</translation>
    </message>
    <message>
      <source>Please take your ticket from the slot below the screen. Appointments are called first.</source>
      <translation>Please take your ticket from the slot below the screen. Appointments are called first.</translation>
    </message>
    <message>
      <source>Finish</source>
      <translation>Finish</translation>
    </message>
    <message>
      <source>You are checked in all the same: please remember your number.</source>
      <translation>You are checked in all the same: please remember your number.</translation>
    </message>
    <message>
      <source>Print again</source>
      <translation>Print again</translation>
    </message>
    <message>
      <source>Back to my appointments</source>
      <translation>Back to my appointments</translation>
    </message>
    <message>
      <source>Scan again</source>
      <translation>Scan again</translation>
    </message>
    <message>
      <source>Try again</source>
      <translation>Try again</translation>
    </message>
  </context>
</TS>
