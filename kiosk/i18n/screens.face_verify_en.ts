<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>FaceVerifyScreen</name>
    <message>
      <source>Please stand in front of the camera</source>
      <translation>Please stand in front of the camera</translation>
    </message>
    <message>
      <source>Only one person in front of the camera, please</source>
      <translation>Only one person in front of the camera, please</translation>
    </message>
    <message>
      <source>Please move closer</source>
      <translation>Please move closer</translation>
    </message>
    <message>
      <source>Please move back a little</source>
      <translation>Please move back a little</translation>
    </message>
    <message>
      <source>Please move so that your face is inside the oval</source>
      <translation>Please move so that your face is inside the oval</translation>
    </message>
    <message>
      <source>Your face is too dark. Please face the light</source>
      <translation>Your face is too dark. Please face the light</translation>
    </message>
    <message>
      <source>Too much light on your face. Please step out of the glare</source>
      <translation>Too much light on your face. Please step out of the glare</translation>
    </message>
    <message>
      <source>Please hold still</source>
      <translation>Please hold still</translation>
    </message>
    <message>
      <source>Please look straight at the camera</source>
      <translation>Please look straight at the camera</translation>
    </message>
    <message>
      <source>Hold still, checking…</source>
      <translation>Hold still, checking…</translation>
    </message>
    <message>
      <source>Please blink your eyes</source>
      <translation>Please blink your eyes</translation>
    </message>
    <message>
      <source>Slowly turn your head to your left, then look back</source>
      <translation>Slowly turn your head to your left, then look back</translation>
    </message>
    <message>
      <source>Slowly turn your head to your right, then look back</source>
      <translation>Slowly turn your head to your right, then look back</translation>
    </message>
    <message>
      <source>Your face did not match the photo on file.</source>
      <translation>Your face did not match the photo on file.</translation>
    </message>
    <message>
      <source>We could not see the movement we asked for.</source>
      <translation>We could not see the movement we asked for.</translation>
    </message>
    <message>
      <source>Your face left the camera during the check.</source>
      <translation>Your face left the camera during the check.</translation>
    </message>
    <message>
      <source>The face changed during the check.</source>
      <translation>The face changed during the check.</translation>
    </message>
    <message>
      <source>The liveness check did not pass.</source>
      <translation>The liveness check did not pass.</translation>
    </message>
    <message>
      <source>There have been too many attempts.</source>
      <translation>There have been too many attempts.</translation>
    </message>
    <message>
      <source>There is no photo on file to compare with.</source>
      <translation>There is no photo on file to compare with.</translation>
    </message>
    <message>
      <source>The photo on file cannot be used for comparison.</source>
      <translation>The photo on file cannot be used for comparison.</translation>
    </message>
    <message>
      <source>Face verification is not available on this kiosk right now.</source>
      <translation>Face verification is not available on this kiosk right now.</translation>
    </message>
    <message>
      <source>Face verification</source>
      <translation>Face verification</translation>
    </message>
    <message>
      <source>We compare your face with the photo on your ID. Your picture is not saved and is cleared when you finish.</source>
      <translation>We compare your face with the photo on your ID. Your picture is not saved and is cleared when you finish.</translation>
    </message>
    <message>
      <source>Try again</source>
      <translation>Try again</translation>
    </message>
    <message>
      <source>Finish and ask staff</source>
      <translation>Finish and ask staff</translation>
    </message>
    <message>
      <source>Continue</source>
      <translation>Continue</translation>
    </message>
    <message>
      <source>Use another way</source>
      <translation>Use another way</translation>
    </message>
    <message>
      <source>Starting the camera…</source>
      <translation>Starting the camera…</translation>
    </message>
    <message>
      <source>Getting ready…</source>
      <translation>Getting ready…</translation>
    </message>
    <message>
      <source>Look at the camera</source>
      <translation>Look at the camera</translation>
    </message>
    <message>
      <source>Attempts left: %1</source>
      <translation>Attempts left: %1</translation>
    </message>
    <message>
      <source>Identity confirmed</source>
      <translation>Identity confirmed</translation>
    </message>
    <message>
      <source>Your face matches the photo on file. Thank you.</source>
      <translation>Your face matches the photo on file. Thank you.</translation>
    </message>
    <message>
      <source>Staff at the help desk can check your identity with you.</source>
      <translation>Staff at the help desk can check your identity with you.</translation>
    </message>
    <message>
      <source>Not confirmed</source>
      <translation>Not confirmed</translation>
    </message>
    <message>
      <source>You can try again.</source>
      <translation>You can try again.</translation>
    </message>
  </context>
</TS>
