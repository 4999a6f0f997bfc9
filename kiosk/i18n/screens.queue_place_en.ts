<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>QueuePlaceScreen</name>
    <message>
      <source>Where am I in the queue?</source>
      <translation>Where am I in the queue?</translation>
    </message>
    <message>
      <source>Asking the hall's queue system…</source>
      <translation>Asking the hall's queue system…</translation>
    </message>
    <message>
      <source>People ahead of you: %1. About %2 minutes.</source>
      <translation>People ahead of you: %1. About %2 minutes.</translation>
    </message>
    <message>
      <source>Your number has been called: please go to window %1.</source>
      <translation>Your number has been called: please go to window %1.</translation>
    </message>
    <message>
      <source>This number has been served.</source>
      <translation>This number has been served.</translation>
    </message>
    <message>
      <source>This number was cancelled.</source>
      <translation>This number was cancelled.</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>Refresh</translation>
    </message>
    <message>
      <source>Scan again</source>
      <translation>Scan again</translation>
    </message>
  </context>
</TS>
