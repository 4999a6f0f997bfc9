<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>EvaluationScreen</name>
    <message>
      <source>Very satisfied</source>
      <translation>Very satisfied</translation>
    </message>
    <message>
      <source>Satisfied</source>
      <translation>Satisfied</translation>
    </message>
    <message>
      <source>Basically satisfied</source>
      <translation>Basically satisfied</translation>
    </message>
    <message>
      <source>Dissatisfied</source>
      <translation>Dissatisfied</translation>
    </message>
    <message>
      <source>Very dissatisfied</source>
      <translation>Very dissatisfied</translation>
    </message>
    <message>
      <source>Waited too long</source>
      <translation>Waited too long</translation>
    </message>
    <message>
      <source>The guide was unclear</source>
      <translation>The guide was unclear</translation>
    </message>
    <message>
      <source>Too many materials asked for</source>
      <translation>Too many materials asked for</translation>
    </message>
    <message>
      <source>Staff attitude</source>
      <translation>Staff attitude</translation>
    </message>
    <message>
      <source>The kiosk did not work well</source>
      <translation>The kiosk did not work well</translation>
    </message>
    <message>
      <source>My matter was not solved</source>
      <translation>My matter was not solved</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>Other</translation>
    </message>
    <message>
      <source>Rate a service</source>
      <translation>Rate a service</translation>
    </message>
    <message>
      <source>Thank you. Your rating has been recorded. Reference: %1</source>
      <translation>Thank you. Your rating has been recorded. Reference: %1</translation>
    </message>
    <message>
      <source>Thank you. The platform cannot be reached right now: your rating is saved on this kiosk and will be sent when the connection returns. Reference: %1</source>
      <translation>Thank you. The platform cannot be reached right now: your rating is saved on this kiosk and will be sent when the connection returns. Reference: %1</translation>
    </message>
    <message>
      <source>You are rating: %1</source>
      <translation>You are rating: %1</translation>
    </message>
    <message>
      <source>Skip</source>
      <translation>Skip</translation>
    </message>
    <message>
      <source>How satisfied are you with the service today?</source>
      <translation>How satisfied are you with the service today?</translation>
    </message>
    <message>
      <source>Your rating is anonymous: the department does not see who you are.</source>
      <translation>Your rating is anonymous: the department does not see who you are.</translation>
    </message>
    <message>
      <source>What went wrong? Choose one or more.</source>
      <translation>What went wrong? Choose one or more.</translation>
    </message>
    <message>
      <source>Submit rating</source>
      <translation>Submit rating</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Done</translation>
    </message>
  </context>
</TS>
