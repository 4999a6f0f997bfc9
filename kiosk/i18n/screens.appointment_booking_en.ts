<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>AppointmentBookingScreen</name>
    <message>
      <source>Mon</source>
      <translation>Mon</translation>
    </message>
    <message>
      <source>Tue</source>
      <translation>Tue</translation>
    </message>
    <message>
      <source>Wed</source>
      <translation>Wed</translation>
    </message>
    <message>
      <source>Thu</source>
      <translation>Thu</translation>
    </message>
    <message>
      <source>Fri</source>
      <translation>Fri</translation>
    </message>
    <message>
      <source>Sat</source>
      <translation>Sat</translation>
    </message>
    <message>
      <source>Sun</source>
      <translation>Sun</translation>
    </message>
    <message>
      <source>Make an appointment</source>
      <translation>Make an appointment</translation>
    </message>
    <message>
      <source>%1/%2 (%3)</source>
      <translation>%1/%2 (%3)</translation>
    </message>
    <message>
      <source>An appointment is made in your name: please identify yourself first.</source>
      <translation>An appointment is made in your name: please identify yourself first.</translation>
    </message>
    <message>
      <source>Identify</source>
      <translation>Identify</translation>
    </message>
    <message>
      <source>Asking the hall's queue system…</source>
      <translation>Asking the hall's queue system…</translation>
    </message>
    <message>
      <source>Which line is the appointment for?</source>
      <translation>Which line is the appointment for?</translation>
    </message>
    <message>
      <source>Days ahead open for booking: %1</source>
      <translation>Days ahead open for booking: %1</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>Back</translation>
    </message>
    <message>
      <source>Looking for free times…</source>
      <translation>Looking for free times…</translation>
    </message>
    <message>
      <source>There is no free time for this line in the coming days. You can take a number today.</source>
      <translation>There is no free time for this line in the coming days. You can take a number today.</translation>
    </message>
    <message>
      <source>Choose a day.</source>
      <translation>Choose a day.</translation>
    </message>
    <message>
      <source>Free places: %1</source>
      <translation>Free places: %1</translation>
    </message>
    <message>
      <source>Choose a time.</source>
      <translation>Choose a time.</translation>
    </message>
    <message>
      <source>Please check your appointment</source>
      <translation>Please check your appointment</translation>
    </message>
    <message>
      <source>Check in at a kiosk from %1 minutes before to %2 minutes after the start.</source>
      <translation>Check in at a kiosk from %1 minutes before to %2 minutes after the start.</translation>
    </message>
    <message>
      <source>Book this time</source>
      <translation>Book this time</translation>
    </message>
    <message>
      <source>Booking…</source>
      <translation>Booking…</translation>
    </message>
    <message>
      <source>Your appointment is booked</source>
      <translation>Your appointment is booked</translation>
    </message>
    <message>
      <source>Please take your appointment slip from the slot below the screen; scan its code when you check in.</source>
      <translation>Please take your appointment slip from the slot below the screen; scan its code when you check in.</translation>
    </message>
    <message>
      <source>Your appointment is booked all the same: when you come, identify yourself with your ID card to check in.</source>
      <translation>Your appointment is booked all the same: when you come, identify yourself with your ID card to check in.</translation>
    </message>
    <message>
      <source>Appointment code: %1</source>
      <translation>Appointment code: %1</translation>
    </message>
    <message>
      <source>Finish</source>
      <translation>Finish</translation>
    </message>
    <message>
      <source>Not booked</source>
      <translation>Not booked</translation>
    </message>
    <message>
      <source>Choose another time</source>
      <translation>Choose another time</translation>
    </message>
    <message>
      <source>Take a number today</source>
      <translation>Take a number today</translation>
    </message>
  </context>
</TS>
