<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>Messages</name>
    <message>
      <source>Please ask the staff for help.</source>
      <translation>Please ask the staff for help.</translation>
    </message>
    <message>
      <source>This cannot be done at this kiosk right now.</source>
      <translation>This cannot be done at this kiosk right now.</translation>
    </message>
    <message>
      <source>This document did not pass the authenticity check and will not be printed. The staff have been told; please ask at the service window.</source>
      <translation>This document did not pass the authenticity check and will not be printed. The staff have been told; please ask at the service window.</translation>
    </message>
    <message>
      <source>The printer has run out of paper. The staff have been told; nothing was printed.</source>
      <translation>The printer has run out of paper. The staff have been told; nothing was printed.</translation>
    </message>
    <message>
      <source>Paper is stuck in the printer. The staff have been told.</source>
      <translation>Paper is stuck in the printer. The staff have been told.</translation>
    </message>
    <message>
      <source>A printer cover is open. The staff have been told.</source>
      <translation>A printer cover is open. The staff have been told.</translation>
    </message>
    <message>
      <source>The printer has run out of toner. The staff have been told.</source>
      <translation>The printer has run out of toner. The staff have been told.</translation>
    </message>
    <message>
      <source>Printing took too long and was stopped; nothing more will come out.</source>
      <translation>Printing took too long and was stopped; nothing more will come out.</translation>
    </message>
    <message>
      <source>This document has already been tried twice. The staff can print it for you.</source>
      <translation>This document has already been tried twice. The staff can print it for you.</translation>
    </message>
    <message>
      <source>Your documents cannot be fetched right now. Please try again later.</source>
      <translation>Your documents cannot be fetched right now. Please try again later.</translation>
    </message>
    <message>
      <source>This document cannot be printed at this kiosk. Please ask at the service window.</source>
      <translation>This document cannot be printed at this kiosk. Please ask at the service window.</translation>
    </message>
    <message>
      <source>The printer is not available right now. The staff have been told; please try again in a few minutes.</source>
      <translation>The printer is not available right now. The staff have been told; please try again in a few minutes.</translation>
    </message>
    <message>
      <source>This kiosk cannot print certificates right now. Please use another kiosk.</source>
      <translation>This kiosk cannot print certificates right now. Please use another kiosk.</translation>
    </message>
    <message>
      <source>The document could not be printed.</source>
      <translation>The document could not be printed.</translation>
    </message>
    <message>
      <source>The receipt printer is not available on this kiosk. Please scan the QR code to keep this guide.</source>
      <translation>The receipt printer is not available on this kiosk. Please scan the QR code to keep this guide.</translation>
    </message>
    <message>
      <source>The receipt printer is out of paper. Please scan the QR code to keep this guide; staff have been told.</source>
      <translation>The receipt printer is out of paper. Please scan the QR code to keep this guide; staff have been told.</translation>
    </message>
    <message>
      <source>The receipt printer's cover is open. Please scan the QR code instead.</source>
      <translation>The receipt printer's cover is open. Please scan the QR code instead.</translation>
    </message>
    <message>
      <source>The receipt printer is not responding. Please scan the QR code instead.</source>
      <translation>The receipt printer is not responding. Please scan the QR code instead.</translation>
    </message>
    <message>
      <source>The notice could not be printed. Please scan the QR code instead.</source>
      <translation>The notice could not be printed. Please scan the QR code instead.</translation>
    </message>
    <message>
      <source>The card reader is not available. Please choose another way to identify yourself.</source>
      <translation>The card reader is not available. Please choose another way to identify yourself.</translation>
    </message>
    <message>
      <source>The card could not be read. Please take the card off the reader and place it again, flat and still, on the marked area.</source>
      <translation>The card could not be read. Please take the card off the reader and place it again, flat and still, on the marked area.</translation>
    </message>
    <message>
      <source>An expired card cannot be used here. Please take your card back and choose another way to identify yourself.</source>
      <translation>An expired card cannot be used here. Please take your card back and choose another way to identify yourself.</translation>
    </message>
    <message>
      <source>This card cannot be used here. Please choose another way to identify yourself.</source>
      <translation>This card cannot be used here. Please choose another way to identify yourself.</translation>
    </message>
    <message>
      <source>The card's PIN is blocked; the card's issuing office can unblock it.</source>
      <translation>The card's PIN is blocked; the card's issuing office can unblock it.</translation>
    </message>
    <message>
      <source>The PIN was not accepted. Please try again.</source>
      <translation>The PIN was not accepted. Please try again.</translation>
    </message>
    <message>
      <source>The face check is not available right now.</source>
      <translation>The face check is not available right now.</translation>
    </message>
    <message>
      <source>No face could be seen clearly. Please look at the camera and try again.</source>
      <translation>No face could be seen clearly. Please look at the camera and try again.</translation>
    </message>
    <message>
      <source>There is no photo on file to compare your face with.</source>
      <translation>There is no photo on file to compare your face with.</translation>
    </message>
    <message>
      <source>The service platform cannot be reached right now. Please try again later.</source>
      <translation>The service platform cannot be reached right now. Please try again later.</translation>
    </message>
    <message>
      <source>No identification device is working on this kiosk right now.</source>
      <translation>No identification device is working on this kiosk right now.</translation>
    </message>
    <message>
      <source>If this happens again, the card may be damaged.</source>
      <translation>If this happens again, the card may be damaged.</translation>
    </message>
    <message>
      <source>The scanner is not working right now.</source>
      <translation>The scanner is not working right now.</translation>
    </message>
    <message>
      <source>The document camera is not working right now.</source>
      <translation>The document camera is not working right now.</translation>
    </message>
    <message>
      <source>The card reader is not working right now. Please use another way to identify yourself.</source>
      <translation>The card reader is not working right now. Please use another way to identify yourself.</translation>
    </message>
    <message>
      <source>The card reader is not connected. Please use another way to identify yourself.</source>
      <translation>The card reader is not connected. Please use another way to identify yourself.</translation>
    </message>
    <message>
      <source>The card reader was disconnected; it may come back in a moment.</source>
      <translation>The card reader was disconnected; it may come back in a moment.</translation>
    </message>
    <message>
      <source>Please insert your social security card.</source>
      <translation>Please insert your social security card.</translation>
    </message>
    <message>
      <source>The card was taken out before reading finished. Please insert it again and leave it in until the screen says it has been read.</source>
      <translation>The card was taken out before reading finished. Please insert it again and leave it in until the screen says it has been read.</translation>
    </message>
    <message>
      <source>The card does not respond. Please take it out, check that the chip faces up and goes in first, and insert it again.</source>
      <translation>The card does not respond. Please take it out, check that the chip faces up and goes in first, and insert it again.</translation>
    </message>
    <message>
      <source>This is not a social security card. Please take it out and insert your social security card.</source>
      <translation>This is not a social security card. Please take it out and insert your social security card.</translation>
    </message>
    <message>
      <source>This is a bank card. Please take it out and insert your social security card. (Bank cards are only used when paying.)</source>
      <translation>This is a bank card. Please take it out and insert your social security card. (Bank cards are only used when paying.)</translation>
    </message>
    <message>
      <source>The card could not be read. Please take it out and insert it again.</source>
      <translation>The card could not be read. Please take it out and insert it again.</translation>
    </message>
    <message>
      <source>The information on this card cannot be read here. Please use another way to identify yourself.</source>
      <translation>The information on this card cannot be read here. Please use another way to identify yourself.</translation>
    </message>
    <message>
      <source>This card needs its PIN, but PIN entry is not available here.</source>
      <translation>This card needs its PIN, but PIN entry is not available here.</translation>
    </message>
    <message>
      <source>PIN entry was cancelled. Touch “Try again” to enter the PIN, or take the card out.</source>
      <translation>PIN entry was cancelled. Touch “Try again” to enter the PIN, or take the card out.</translation>
    </message>
    <message>
      <source>The PIN was wrong. Touch “Try again” to enter it again.</source>
      <translation>The PIN was wrong. Touch “Try again” to enter it again.</translation>
    </message>
    <message>
      <source>The card's PIN is blocked after too many wrong tries. Please take the card to a social security service counter to have it unblocked.</source>
      <translation>The card's PIN is blocked after too many wrong tries. Please take the card to a social security service counter to have it unblocked.</translation>
    </message>
    <message>
      <source>The PIN pad is not working.</source>
      <translation>The PIN pad is not working.</translation>
    </message>
    <message>
      <source>Something went wrong while reading the card. Please take it out and insert it again.</source>
      <translation>Something went wrong while reading the card. Please take it out and insert it again.</translation>
    </message>
    <message>
      <source>The service guides cannot be loaded right now.</source>
      <translation>The service guides cannot be loaded right now.</translation>
    </message>
    <message>
      <source>Ratings cannot be recorded on this kiosk right now. You can also rate by calling 12345.</source>
      <translation>Ratings cannot be recorded on this kiosk right now. You can also rate by calling 12345.</translation>
    </message>
    <message>
      <source>Your rating could not be saved. You can also rate by calling 12345.</source>
      <translation>Your rating could not be saved. You can also rate by calling 12345.</translation>
    </message>
    <message>
      <source>This service is not available on this kiosk yet. Please take it to a service counter.</source>
      <translation>This service is not available on this kiosk yet. Please take it to a service counter.</translation>
    </message>
  </context>
</TS>
