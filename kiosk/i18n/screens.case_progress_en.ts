<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>CaseScreen</name>
    <message>
      <source>Submitted</source>
      <translation>Submitted</translation>
    </message>
    <message>
      <source>Accepted</source>
      <translation>Accepted</translation>
    </message>
    <message>
      <source>Not accepted</source>
      <translation>Not accepted</translation>
    </message>
    <message>
      <source>Under review</source>
      <translation>Under review</translation>
    </message>
    <message>
      <source>Materials missing: corrections requested</source>
      <translation>Materials missing: corrections requested</translation>
    </message>
    <message>
      <source>Corrections received</source>
      <translation>Corrections received</translation>
    </message>
    <message>
      <source>Approved</source>
      <translation>Approved</translation>
    </message>
    <message>
      <source>Refused</source>
      <translation>Refused</translation>
    </message>
    <message>
      <source>Result ready</source>
      <translation>Result ready</translation>
    </message>
    <message>
      <source>Result collected</source>
      <translation>Result collected</translation>
    </message>
    <message>
      <source>at a window</source>
      <translation>at a window</translation>
    </message>
    <message>
      <source>online</source>
      <translation>online</translation>
    </message>
    <message>
      <source>at a self-service kiosk</source>
      <translation>at a self-service kiosk</translation>
    </message>
    <message>
      <source>The department checks whether your application can be accepted.</source>
      <translation>The department checks whether your application can be accepted.</translation>
    </message>
    <message>
      <source>The department is reviewing your application. Nothing is needed from you now.</source>
      <translation>The department is reviewing your application. Nothing is needed from you now.</translation>
    </message>
    <message>
      <source>The department is reviewing your application and will decide. Nothing is needed from you now.</source>
      <translation>The department is reviewing your application and will decide. Nothing is needed from you now.</translation>
    </message>
    <message>
      <source>Hand in the missing materials before the deadline. Until then the case waits for you.</source>
      <translation>Hand in the missing materials before the deadline. Until then the case waits for you.</translation>
    </message>
    <message>
      <source>The result is being prepared.</source>
      <translation>The result is being prepared.</translation>
    </message>
    <message>
      <source>Collect the result at the window.</source>
      <translation>Collect the result at the window.</translation>
    </message>
    <message>
      <source>The result has been sent to you by post.</source>
      <translation>The result has been sent to you by post.</translation>
    </message>
    <message>
      <source>Collect the result from the 24-hour locker with the pick-up code.</source>
      <translation>Collect the result from the 24-hour locker with the pick-up code.</translation>
    </message>
    <message>
      <source>The result is an e-licence: you can print it at this kiosk.</source>
      <translation>The result is an e-licence: you can print it at this kiosk.</translation>
    </message>
    <message>
      <source>The reason is given below. For questions, ask at a service window or call 12345.</source>
      <translation>The reason is given below. For questions, ask at a service window or call 12345.</translation>
    </message>
    <message>
      <source>Finished. Nothing more is needed.</source>
      <translation>Finished. Nothing more is needed.</translation>
    </message>
    <message>
      <source>Check my case</source>
      <translation>Check my case</translation>
    </message>
    <message>
      <source>How would you like to find your case?</source>
      <translation>How would you like to find your case?</translation>
    </message>
    <message>
      <source>Looking up the case…</source>
      <translation>Looking up the case…</translation>
    </message>
    <message>
      <source>Without identifying, only the progress of one case is shown, never personal details.</source>
      <translation>Without identifying, only the progress of one case is shown, never personal details.</translation>
    </message>
    <message>
      <source>See all my cases</source>
      <translation>See all my cases</translation>
    </message>
    <message>
      <source>Identify myself and see all my cases</source>
      <translation>Identify myself and see all my cases</translation>
    </message>
    <message>
      <source>Scan the QR code on my receipt</source>
      <translation>Scan the QR code on my receipt</translation>
    </message>
    <message>
      <source>Type the case number</source>
      <translation>Type the case number</translation>
    </message>
    <message>
      <source>Your cases</source>
      <translation>Your cases</translation>
    </message>
    <message>
      <source>Fetching your cases…</source>
      <translation>Fetching your cases…</translation>
    </message>
    <message>
      <source>Try again</source>
      <translation>Try again</translation>
    </message>
    <message>
      <source>There are no cases in your name. A case you handed in today may take a moment to appear.</source>
      <translation>There are no cases in your name. A case you handed in today may take a moment to appear.</translation>
    </message>
    <message numerus="yes">
      <source>Cases: %n. Touch one to see every step.</source>
      <translation>
        <numerusform>Cases: %n. Touch one to see every step.</numerusform>
        <numerusform>Cases: %n. Touch one to see every step.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n of them overdue.</source>
      <translation>
        <numerusform>%n of them overdue.</numerusform>
        <numerusform>%n of them overdue.</numerusform>
      </translation>
    </message>
    <message>
      <source>Finish</source>
      <translation>Finish</translation>
    </message>
    <message>
      <source>Case number: %1</source>
      <translation>Case number: %1</translation>
    </message>
    <message>
      <source>%1, submitted on %2 %3</source>
      <translation>%1, submitted on %2 %3</translation>
    </message>
    <message>
      <source>Now: %1</source>
      <translation>Now: %1</translation>
    </message>
    <message numerus="yes">
      <source>Overdue: it was promised by %1 and is %n day(s) late. You can ask about it at the window or call 12345.</source>
      <translation>
        <numerusform>Overdue: it was promised by %1 and is %n day(s) late. You can ask about it at the window or call 12345.</numerusform>
        <numerusform>Overdue: it was promised by %1 and is %n day(s) late. You can ask about it at the window or call 12345.</numerusform>
      </translation>
    </message>
    <message>
      <source>Promised by %1</source>
      <translation>Promised by %1</translation>
    </message>
    <message>
      <source>Next: %1</source>
      <translation>Next: %1</translation>
    </message>
    <message>
      <source>See every step</source>
      <translation>See every step</translation>
    </message>
    <message>
      <source>Reason given by the department</source>
      <translation>Reason given by the department</translation>
    </message>
    <message>
      <source>Only the progress is shown. Personal details (the applicant, tracking number, locker pick-up code) appear after the applicant identifies.</source>
      <translation>Only the progress is shown. Personal details (the applicant, tracking number, locker pick-up code) appear after the applicant identifies.</translation>
    </message>
    <message>
      <source>Identify myself</source>
      <translation>Identify myself</translation>
    </message>
    <message>
      <source>Print a progress slip</source>
      <translation>Print a progress slip</translation>
    </message>
    <message>
      <source>Print my e-licence</source>
      <translation>Print my e-licence</translation>
    </message>
    <message>
      <source>Back to my cases</source>
      <translation>Back to my cases</translation>
    </message>
    <message>
      <source>Look up another case</source>
      <translation>Look up another case</translation>
    </message>
    <message>
      <source>Printing the progress slip…</source>
      <translation>Printing the progress slip…</translation>
    </message>
    <message>
      <source>Please take your progress slip from the receipt slot.</source>
      <translation>Please take your progress slip from the receipt slot.</translation>
    </message>
    <message>
      <source>Materials still missing</source>
      <translation>Materials still missing</translation>
    </message>
    <message>
      <source>The deadline for the missing materials (%1) has passed. Please ask at the window what you can do now.</source>
      <translation>The deadline for the missing materials (%1) has passed. Please ask at the window what you can do now.</translation>
    </message>
    <message>
      <source>Hand them in by %1.</source>
      <translation>Hand them in by %1.</translation>
    </message>
    <message>
      <source>You can hand them in here: scan them with the document camera.</source>
      <translation>You can hand them in here: scan them with the document camera.</translation>
    </message>
    <message>
      <source>Hand in the missing materials</source>
      <translation>Hand in the missing materials</translation>
    </message>
    <message>
      <source>Hand them in at %1, or where you applied online. This kiosk cannot take them for this item.</source>
      <translation>Hand them in at %1, or where you applied online. This kiosk cannot take them for this item.</translation>
    </message>
    <message>
      <source>How to collect the result</source>
      <translation>How to collect the result</translation>
    </message>
    <message>
      <source>At the window: %1</source>
      <translation>At the window: %1</translation>
    </message>
    <message>
      <source>By post with %1.</source>
      <translation>By post with %1.</translation>
    </message>
    <message>
      <source>Tracking number: %1</source>
      <translation>Tracking number: %1</translation>
    </message>
    <message>
      <source>In the 24-hour locker at %1</source>
      <translation>In the 24-hour locker at %1</translation>
    </message>
    <message>
      <source>(until %1)</source>
      <translation>(until %1)</translation>
    </message>
    <message>
      <source>Locker %1, pick-up code %2</source>
      <translation>Locker %1, pick-up code %2</translation>
    </message>
    <message>
      <source>As an e-licence: %1</source>
      <translation>As an e-licence: %1</translation>
    </message>
    <message>
      <source>Every step so far</source>
      <translation>Every step so far</translation>
    </message>
  </context>
</TS>
