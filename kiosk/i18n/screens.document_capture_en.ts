<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>DocumentCaptureScreen</name>
    <message>
      <source>Scan your documents</source>
      <translation>Scan your documents</translation>
    </message>
    <message>
      <source>your document</source>
      <translation>your document</translation>
    </message>
    <message>
      <source>Lay %1 flat under the camera, one page at a time</source>
      <translation>Lay %1 flat under the camera, one page at a time</translation>
    </message>
    <message>
      <source>Remove page</source>
      <translation>Remove page</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>Starting the document camera…</source>
      <translation>Starting the document camera…</translation>
    </message>
    <message>
      <source>We could not see the edges of the page. If the picture is cut off, select it and take it again.</source>
      <translation>We could not see the edges of the page. If the picture is cut off, select it and take it again.</translation>
    </message>
    <message>
      <source>Page added. Lay the next page down, or touch Done.</source>
      <translation>Page added. Lay the next page down, or touch Done.</translation>
    </message>
    <message>
      <source>That page could not be processed. Please try again.</source>
      <translation>That page could not be processed. Please try again.</translation>
    </message>
    <message>
      <source>Pages ready to submit: %1</source>
      <translation>Pages ready to submit: %1</translation>
    </message>
    <message>
      <source>Page %1</source>
      <translation>Page %1</translation>
    </message>
    <message>
      <source>Pages: %1. Touch a page to take it again or remove it.</source>
      <translation>Pages: %1. Touch a page to take it again or remove it.</translation>
    </message>
    <message>
      <source>Take page %1 again</source>
      <translation>Take page %1 again</translation>
    </message>
    <message>
      <source>Take picture</source>
      <translation>Take picture</translation>
    </message>
  </context>
</TS>
