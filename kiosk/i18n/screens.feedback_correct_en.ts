<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>FeedbackCorrectScreen</name>
    <message>
      <source>Correct my data</source>
      <translation>Correct my data</translation>
    </message>
    <message>
      <source>Wrong</source>
      <translation>Wrong</translation>
    </message>
    <message>
      <source>Missing</source>
      <translation>Missing</translation>
    </message>
    <message>
      <source>Proof of the correct information</source>
      <translation>Proof of the correct information</translation>
    </message>
    <message>
      <source>Wrong: %1</source>
      <translation>Wrong: %1</translation>
    </message>
    <message>
      <source>Missing: %1</source>
      <translation>Missing: %1</translation>
    </message>
    <message>
      <source>Proof scanned: %1 document(s)</source>
      <translation>Proof scanned: %1 document(s)</translation>
    </message>
    <message>
      <source>A proof is needed for this.</source>
      <translation>A proof is needed for this.</translation>
    </message>
    <message>
      <source>Touch Wrong or Missing next to the information to correct.</source>
      <translation>Touch Wrong or Missing next to the information to correct.</translation>
    </message>
    <message>
      <source>What it should be (required)</source>
      <translation>What it should be (required)</translation>
    </message>
    <message>
      <source>Scan the proof</source>
      <translation>Scan the proof</translation>
    </message>
    <message>
      <source>Send the correction</source>
      <translation>Send the correction</translation>
    </message>
  </context>
</TS>
