<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>PrintLicencesScreen</name>
    <message>
      <source>Print my licences</source>
      <translation>Print my licences</translation>
    </message>
    <message>
      <source>Certificate printing is not available</source>
      <translation>Certificate printing is not available</translation>
    </message>
    <message>
      <source>Please identify yourself first</source>
      <translation>Please identify yourself first</translation>
    </message>
    <message>
      <source>Your licences are shown after you identify with your ID card, social security card or face.</source>
      <translation>Your licences are shown after you identify with your ID card, social security card or face.</translation>
    </message>
    <message>
      <source>Identify</source>
      <translation>Identify</translation>
    </message>
    <message>
      <source>Your licences and certificates</source>
      <translation>Your licences and certificates</translation>
    </message>
    <message>
      <source>Fetching your documents…</source>
      <translation>Fetching your documents…</translation>
    </message>
    <message>
      <source>No documents are available to print for you.</source>
      <translation>No documents are available to print for you.</translation>
    </message>
    <message>
      <source>Choose a document to see it before printing.</source>
      <translation>Choose a document to see it before printing.</translation>
    </message>
    <message>
      <source>Issued by %1</source>
      <translation>Issued by %1</translation>
    </message>
    <message>
      <source>Valid until %1</source>
      <translation>Valid until %1</translation>
    </message>
    <message>
      <source>Electronic licence with the issuer's signature, checked before printing</source>
      <translation>Electronic licence with the issuer's signature, checked before printing</translation>
    </message>
    <message>
      <source>Preview and print</source>
      <translation>Preview and print</translation>
    </message>
    <message>
      <source>Please confirm it is you</source>
      <translation>Please confirm it is you</translation>
    </message>
    <message>
      <source>Your licences are shown after your face has been matched with the photo of your ID card.</source>
      <translation>Your licences are shown after your face has been matched with the photo of your ID card.</translation>
    </message>
    <message>
      <source>Verify my face</source>
      <translation>Verify my face</translation>
    </message>
    <message>
      <source>Preparing the document and checking it…</source>
      <translation>Preparing the document and checking it…</translation>
    </message>
    <message>
      <source>Back to the list</source>
      <translation>Back to the list</translation>
    </message>
    <message>
      <source>Preview of the first page</source>
      <translation>Preview of the first page</translation>
    </message>
    <message>
      <source>Print</source>
      <translation>Print</translation>
    </message>
    <message>
      <source>Sending the document to the printer…</source>
      <translation>Sending the document to the printer…</translation>
    </message>
    <message>
      <source>Waiting for the printer…</source>
      <translation>Waiting for the printer…</translation>
    </message>
    <message>
      <source>Printing… please wait, do not leave yet.</source>
      <translation>Printing… please wait, do not leave yet.</translation>
    </message>
    <message>
      <source>The printer has paused…</source>
      <translation>The printer has paused…</translation>
    </message>
    <message>
      <source>Almost done…</source>
      <translation>Almost done…</translation>
    </message>
    <message>
      <source>Printing…</source>
      <translation>Printing…</translation>
    </message>
    <message>
      <source>Printed</source>
      <translation>Printed</translation>
    </message>
    <message numerus="yes">
      <source>Pages to print: %n. Check them, choose the number of copies and press Print.</source>
      <translation>
        <numerusform>Pages to print: %n. Check them, choose the number of copies and press Print.</numerusform>
        <numerusform>Pages to print: %n. Check them, choose the number of copies and press Print.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Copies: %n</source>
      <translation>
        <numerusform>Copies: %n</numerusform>
        <numerusform>Copies: %n</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Printed. Copies: %n. Please take your documents from the tray below the screen.</source>
      <translation>
        <numerusform>Printed. Copies: %n. Please take your documents from the tray below the screen.</numerusform>
        <numerusform>Printed. Copies: %n. Please take your documents from the tray below the screen.</numerusform>
      </translation>
    </message>
    <message>
      <source>Print a receipt</source>
      <translation>Print a receipt</translation>
    </message>
    <message>
      <source>Print another document</source>
      <translation>Print another document</translation>
    </message>
    <message>
      <source>Finish</source>
      <translation>Finish</translation>
    </message>
    <message>
      <source>Not printed</source>
      <translation>Not printed</translation>
    </message>
    <message>
      <source>Try again</source>
      <translation>Try again</translation>
    </message>
    <message>
      <source>Receipt printed. Please take it from the receipt slot.</source>
      <translation>Receipt printed. Please take it from the receipt slot.</translation>
    </message>
    <message>
      <source>The receipt could not be printed; your documents were printed. The staff have been told.</source>
      <translation>The receipt could not be printed; your documents were printed. The staff have been told.</translation>
    </message>
  </context>
</TS>
