<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>MaintenanceScreen</name>
    <message>
      <source>This kiosk is temporarily out of service</source>
      <translation>This kiosk is temporarily out of service</translation>
    </message>
    <message>
      <source>Please use another kiosk or go to a service counter. We are sorry for the inconvenience.</source>
      <translation>Please use another kiosk or go to a service counter. We are sorry for the inconvenience.</translation>
    </message>
  </context>
  <context>
    <name>StaffScreen</name>
    <message>
      <source>Staff menu</source>
      <translation>Staff menu</translation>
    </message>
    <message>
      <source>The staff menu is disabled: no staff PIN is configured.</source>
      <translation>The staff menu is disabled: no staff PIN is configured.</translation>
    </message>
    <message>
      <source>Too many wrong PINs. Locked for %1 s.</source>
      <translation>Too many wrong PINs. Locked for %1 s.</translation>
    </message>
    <message>
      <source>Wrong PIN.</source>
      <translation>Wrong PIN.</translation>
    </message>
    <message>
      <source>Enter the staff PIN.</source>
      <translation>Enter the staff PIN.</translation>
    </message>
    <message>
      <source>Kiosk %1</source>
      <translation>Kiosk %1</translation>
    </message>
    <message>
      <source>Devices and services</source>
      <translation>Devices and services</translation>
    </message>
    <message>
      <source>Kiosk</source>
      <translation>Kiosk</translation>
    </message>
    <message>
      <source>Leave maintenance mode</source>
      <translation>Leave maintenance mode</translation>
    </message>
    <message>
      <source>Put out of service (maintenance)</source>
      <translation>Put out of service (maintenance)</translation>
    </message>
    <message>
      <source>Restart the kiosk application</source>
      <translation>Restart the kiosk application</translation>
    </message>
    <message>
      <source>Quit (demo only)</source>
      <translation>Quit (demo only)</translation>
    </message>
    <message>
      <source>Demo controls</source>
      <translation>Demo controls</translation>
    </message>
    <message>
      <source>Voice guidance volume</source>
      <translation>Voice guidance volume</translation>
    </message>
  </context>
</TS>
