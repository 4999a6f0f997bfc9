<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>FeedbackAskScreen</name>
    <message>
      <source>Ask a question</source>
      <translation>Ask a question</translation>
    </message>
    <message>
      <source>About: %1</source>
      <translation>About: %1</translation>
    </message>
    <message>
      <source>Frequent questions</source>
      <translation>Frequent questions</translation>
    </message>
    <message>
      <source>Your question (required)</source>
      <translation>Your question (required)</translation>
    </message>
    <message>
      <source>Mobile number for the answer</source>
      <translation>Mobile number for the answer</translation>
    </message>
    <message>
      <source>Please call me back</source>
      <translation>Please call me back</translation>
    </message>
  </context>
  <context>
    <name>FeedbackComplainScreen</name>
    <message>
      <source>Make a complaint</source>
      <translation>Make a complaint</translation>
    </message>
    <message>
      <source>What is it about?</source>
      <translation>What is it about?</translation>
    </message>
    <message>
      <source>Send it anonymously (no follow-up)</source>
      <translation>Send it anonymously (no follow-up)</translation>
    </message>
    <message>
      <source>What happened (required)</source>
      <translation>What happened (required)</translation>
    </message>
    <message>
      <source>Mobile number (optional)</source>
      <translation>Mobile number (optional)</translation>
    </message>
  </context>
  <context>
    <name>FeedbackScreen</name>
    <message>
      <source>Ask or complain</source>
      <translation>Ask or complain</translation>
    </message>
    <message>
      <source>Every question, complaint and correction goes to the department responsible and is answered.</source>
      <translation>Every question, complaint and correction goes to the department responsible and is answered.</translation>
    </message>
    <message>
      <source>Ask a question</source>
      <translation>Ask a question</translation>
    </message>
    <message>
      <source>Make a complaint</source>
      <translation>Make a complaint</translation>
    </message>
    <message>
      <source>Correct my data</source>
      <translation>Correct my data</translation>
    </message>
    <message>
      <source>Send</source>
      <translation>Send</translation>
    </message>
    <message>
      <source>About a service item: find it</source>
      <translation>About a service item: find it</translation>
    </message>
  </context>
</TS>
