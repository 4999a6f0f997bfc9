<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>Doctor</name>
    <message>
      <source>Configuration</source>
      <translation>Configuration</translation>
    </message>
    <message>
      <source>Platform</source>
      <translation>Platform</translation>
    </message>
    <message>
      <source>Clock</source>
      <translation>Clock</translation>
    </message>
    <message>
      <source>Disk space</source>
      <translation>Disk space</translation>
    </message>
    <message>
      <source>Outbox</source>
      <translation>Outbox</translation>
    </message>
    <message>
      <source>CUPS keeps no job files</source>
      <translation>CUPS keeps no job files</translation>
    </message>
    <message>
      <source>Version</source>
      <translation>Version</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>Check</translation>
    </message>
    <message>
      <source>Certificate %1</source>
      <translation>Certificate %1</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>OK</translation>
    </message>
    <message>
      <source>Look at this</source>
      <translation>Look at this</translation>
    </message>
    <message>
      <source>Must be fixed</source>
      <translation>Must be fixed</translation>
    </message>
    <message>
      <source>Not checked</source>
      <translation>Not checked</translation>
    </message>
  </context>
  <context>
    <name>DoctorCard</name>
    <message>
      <source>Diagnostics (kiosk doctor)</source>
      <translation>Diagnostics (kiosk doctor)</translation>
    </message>
    <message>
      <source>Checks the configuration, the platform, the clock, disk, outbox and certificates.</source>
      <translation>Checks the configuration, the platform, the clock, disk, outbox and certificates.</translation>
    </message>
    <message>
      <source>Run the checks</source>
      <translation>Run the checks</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>Checking…</translation>
    </message>
    <message>
      <source>The checks could not run: %1</source>
      <translation>The checks could not run: %1</translation>
    </message>
    <message>
      <source>Fit to serve.</source>
      <translation>Fit to serve.</translation>
    </message>
    <message>
      <source>Not fit to serve: %1 to fix.</source>
      <translation>Not fit to serve: %1 to fix.</translation>
    </message>
    <message>
      <source>%1: %2. %3</source>
      <translation>%1: %2. %3</translation>
    </message>
  </context>
</TS>
