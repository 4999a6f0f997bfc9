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
    <message>
      <source>Case progress needs the connection to the service platform, which is not available right now. You can call the 12345 hotline or ask at a service window.</source>
      <translation>Case progress needs the connection to the service platform, which is not available right now. You can call the 12345 hotline or ask at a service window.</translation>
    </message>
    <message>
      <source>No case has this number. Please check the number on your receipt and type it again.</source>
      <translation>No case has this number. Please check the number on your receipt and type it again.</translation>
    </message>
    <message>
      <source>A case number has two letters and 20 digits, like SL-990100-20261122-000123. Please check it and type it again.</source>
      <translation>A case number has two letters and 20 digits, like SL-990100-20261122-000123. Please check it and type it again.</translation>
    </message>
    <message>
      <source>This QR code is not a case receipt. Please scan the QR code on your acceptance receipt, or type the case number.</source>
      <translation>This QR code is not a case receipt. Please scan the QR code on your acceptance receipt, or type the case number.</translation>
    </message>
    <message>
      <source>The QR code on this receipt has expired. Please type the case number printed on it, or identify yourself to see all your cases.</source>
      <translation>The QR code on this receipt has expired. Please type the case number printed on it, or identify yourself to see all your cases.</translation>
    </message>
    <message>
      <source>Case progress cannot be shown right now. You can call the 12345 hotline or ask at a service window.</source>
      <translation>Case progress cannot be shown right now. You can call the 12345 hotline or ask at a service window.</translation>
    </message>
    <message>
      <source>Please identify yourself first.</source>
      <translation>Please identify yourself first.</translation>
    </message>
    <message>
      <source>This item cannot be applied for at this kiosk. Please apply at the service window.</source>
      <translation>This item cannot be applied for at this kiosk. Please apply at the service window.</translation>
    </message>
    <message>
      <source>This application needs the connection to the service platform, which is down right now. Please try again later or apply at the service window.</source>
      <translation>This application needs the connection to the service platform, which is down right now. Please try again later or apply at the service window.</translation>
    </message>
    <message>
      <source>A required material is still missing. Please scan it.</source>
      <translation>A required material is still missing. Please scan it.</translation>
    </message>
    <message>
      <source>Please sign in the box before you go on.</source>
      <translation>Please sign in the box before you go on.</translation>
    </message>
    <message>
      <source>That page is too blurry to read. Please hold it flat and still and take it again.</source>
      <translation>That page is too blurry to read. Please hold it flat and still and take it again.</translation>
    </message>
    <message>
      <source>The edges of the page were not all visible. Please lay the whole page inside the frame and take it again.</source>
      <translation>The edges of the page were not all visible. Please lay the whole page inside the frame and take it again.</translation>
    </message>
    <message>
      <source>No more pages can be added to this material.</source>
      <translation>No more pages can be added to this material.</translation>
    </message>
    <message>
      <source>These pages are too many to submit from this kiosk at once. Please scan only the pages the guide asks for, or bring the rest to the window.</source>
      <translation>These pages are too many to submit from this kiosk at once. Please scan only the pages the guide asks for, or bring the rest to the window.</translation>
    </message>
    <message>
      <source>Your application could not be saved at this kiosk, so it was not submitted. Nothing was sent.</source>
      <translation>Your application could not be saved at this kiosk, so it was not submitted. Nothing was sent.</translation>
    </message>
    <message>
      <source>Please fill this in.</source>
      <translation>Please fill this in.</translation>
    </message>
    <message>
      <source>An ID number has 18 characters: 17 digits, then a digit or X.</source>
      <translation>An ID number has 18 characters: 17 digits, then a digit or X.</translation>
    </message>
    <message>
      <source>This ID number is not right: please check each digit against the card.</source>
      <translation>This ID number is not right: please check each digit against the card.</translation>
    </message>
    <message>
      <source>The date of birth in this ID number is not possible.</source>
      <translation>The date of birth in this ID number is not possible.</translation>
    </message>
    <message>
      <source>Please enter an 11-digit mobile number, or an area code and a landline number.</source>
      <translation>Please enter an 11-digit mobile number, or an area code and a landline number.</translation>
    </message>
    <message>
      <source>Please enter the date as year-month-day, for example 2026-05-01.</source>
      <translation>Please enter the date as year-month-day, for example 2026-05-01.</translation>
    </message>
    <message>
      <source>This date does not exist.</source>
      <translation>This date does not exist.</translation>
    </message>
    <message>
      <source>This date is too far in the past or the future.</source>
      <translation>This date is too far in the past or the future.</translation>
    </message>
    <message>
      <source>A postcode has 6 digits.</source>
      <translation>A postcode has 6 digits.</translation>
    </message>
    <message>
      <source>An administrative division code has 6 digits.</source>
      <translation>An administrative division code has 6 digits.</translation>
    </message>
    <message>
      <source>This administrative division code is not known.</source>
      <translation>This administrative division code is not known.</translation>
    </message>
    <message>
      <source>Please choose one of the answers shown.</source>
      <translation>Please choose one of the answers shown.</translation>
    </message>
    <message>
      <source>Please use digits only.</source>
      <translation>Please use digits only.</translation>
    </message>
    <message>
      <source>This is too short.</source>
      <translation>This is too short.</translation>
    </message>
    <message>
      <source>This is too long.</source>
      <translation>This is too long.</translation>
    </message>
    <message>
      <source>A unified social credit code has 18 characters: please check it against the business licence.</source>
      <translation>A unified social credit code has 18 characters: please check it against the business licence.</translation>
    </message>
    <message>
      <source>Numbers cannot be issued at this kiosk right now. Please get a number at the service desk near the entrance.</source>
      <translation>Numbers cannot be issued at this kiosk right now. Please get a number at the service desk near the entrance.</translation>
    </message>
    <message>
      <source>This line needs you to identify yourself first, with your ID card or social security card.</source>
      <translation>This line needs you to identify yourself first, with your ID card or social security card.</translation>
    </message>
    <message>
      <source>You have already taken the numbers allowed for this line today.</source>
      <translation>You have already taken the numbers allowed for this line today.</translation>
    </message>
    <message>
      <source>The priority line cannot be given here. Please take a normal number.</source>
      <translation>The priority line cannot be given here. Please take a normal number.</translation>
    </message>
    <message>
      <source>The queue system did not issue a number.</source>
      <translation>The queue system did not issue a number.</translation>
    </message>
    <message>
      <source>The ticket could not be printed, and the number is still yours: please remember the number shown here and watch the calling screen.</source>
      <translation>The ticket could not be printed, and the number is still yours: please remember the number shown here and watch the calling screen.</translation>
    </message>
    <message>
      <source>The queue system does not know this ticket. It may be from another day.</source>
      <translation>The queue system does not know this ticket. It may be from another day.</translation>
    </message>
    <message>
      <source>No appointment was found for this code. Please identify yourself with your ID card to see your appointments.</source>
      <translation>No appointment was found for this code. Please identify yourself with your ID card to see your appointments.</translation>
    </message>
    <message>
      <source>It is too early to check in for this appointment.</source>
      <translation>It is too early to check in for this appointment.</translation>
    </message>
    <message>
      <source>The check-in time for this appointment has passed. Please take a number instead.</source>
      <translation>The check-in time for this appointment has passed. Please take a number instead.</translation>
    </message>
    <message>
      <source>This appointment is not for today.</source>
      <translation>This appointment is not for today.</translation>
    </message>
    <message>
      <source>This appointment is at another service hall. Please check in there.</source>
      <translation>This appointment is at another service hall. Please check in there.</translation>
    </message>
    <message>
      <source>This appointment was cancelled. Please take a number instead.</source>
      <translation>This appointment was cancelled. Please take a number instead.</translation>
    </message>
    <message>
      <source>This appointment is already checked in.</source>
      <translation>This appointment is already checked in.</translation>
    </message>
    <message>
      <source>This time is no longer free. Please choose another one.</source>
      <translation>This time is no longer free. Please choose another one.</translation>
    </message>
    <message>
      <source>You already have an appointment for this line.</source>
      <translation>You already have an appointment for this line.</translation>
    </message>
    <message>
      <source>This hall does not take appointments at the kiosk. You can take a number today.</source>
      <translation>This hall does not take appointments at the kiosk. You can take a number today.</translation>
    </message>
    <message>
      <source>This is not an electronic ID or social security card code. Please open the code in your phone's government app.</source>
      <translation>This is not an electronic ID or social security card code. Please open the code in your phone's government app.</translation>
    </message>
    <message>
      <source>This code is not known to the service platform. Please refresh the code on your phone and try again.</source>
      <translation>This code is not known to the service platform. Please refresh the code on your phone and try again.</translation>
    </message>
    <message>
      <source>This code has expired. Please refresh the code on your phone and show the new one.</source>
      <translation>This code has expired. Please refresh the code on your phone and show the new one.</translation>
    </message>
    <message>
      <source>This code has already been used. A code works only once: please refresh it on your phone. A screenshot of a code cannot be used.</source>
      <translation>This code has already been used. A code works only once: please refresh it on your phone. A screenshot of a code cannot be used.</translation>
    </message>
    <message>
      <source>This code was made for another kiosk. Please refresh the code on your phone here.</source>
      <translation>This code was made for another kiosk. Please refresh the code on your phone here.</translation>
    </message>
    <message>
      <source>The phone code needs the connection to the service platform, which is down right now. Please use your ID card or social security card.</source>
      <translation>The phone code needs the connection to the service platform, which is down right now. Please use your ID card or social security card.</translation>
    </message>
    <message>
      <source>There is no photo on file for this ID number, so face login cannot be used. Please choose another way.</source>
      <translation>There is no photo on file for this ID number, so face login cannot be used. Please choose another way.</translation>
    </message>
    <message>
      <source>Face login cannot be used for this service. Please use your ID card or the phone code.</source>
      <translation>Face login cannot be used for this service. Please use your ID card or the phone code.</translation>
    </message>
    <message>
      <source>Face login needs the connection to the service platform, which is down right now. Please use your ID card or social security card.</source>
      <translation>Face login needs the connection to the service platform, which is down right now. Please use your ID card or social security card.</translation>
    </message>
    <message>
      <source>Please write something here.</source>
      <translation>Please write something here.</translation>
    </message>
    <message>
      <source>Please write a little more, so the department understands you.</source>
      <translation>Please write a little more, so the department understands you.</translation>
    </message>
    <message>
      <source>This is too long: please keep it under 500 characters.</source>
      <translation>This is too long: please keep it under 500 characters.</translation>
    </message>
    <message>
      <source>To be called back, please leave a mobile number.</source>
      <translation>To be called back, please leave a mobile number.</translation>
    </message>
    <message>
      <source>Please choose what the complaint is about.</source>
      <translation>Please choose what the complaint is about.</translation>
    </message>
    <message>
      <source>A complaint about a service item names the item: please start it from the item's guide, or choose another kind.</source>
      <translation>A complaint about a service item names the item: please start it from the item's guide, or choose another kind.</translation>
    </message>
    <message>
      <source>Please choose the information that is wrong or missing.</source>
      <translation>Please choose the information that is wrong or missing.</translation>
    </message>
    <message>
      <source>This change needs a proof: please scan the document that shows it.</source>
      <translation>This change needs a proof: please scan the document that shows it.</translation>
    </message>
    <message>
      <source>Your data can be shown only with the connection to the service platform, which is down right now. Please try again later or ask at the service window.</source>
      <translation>Your data can be shown only with the connection to the service platform, which is down right now. Please try again later or ask at the service window.</translation>
    </message>
    <message>
      <source>The service platform holds no data of yours that can be corrected here.</source>
      <translation>The service platform holds no data of yours that can be corrected here.</translation>
    </message>
    <message>
      <source>This could not be saved at this kiosk, so it was not sent. Nothing was sent.</source>
      <translation>This could not be saved at this kiosk, so it was not sent. Nothing was sent.</translation>
    </message>
    <message>
      <source>This has not reached the service platform yet: the kiosk that took it sends it as soon as it is online. Please look again later.</source>
      <translation>This has not reached the service platform yet: the kiosk that took it sends it as soon as it is online. Please look again later.</translation>
    </message>
    <message>
      <source>Paying needs the connection to the payment platform, which is down right now. Nothing has been charged. Please try again later or pay at the service window.</source>
      <translation>Paying needs the connection to the payment platform, which is down right now. Nothing has been charged. Please try again later or pay at the service window.</translation>
    </message>
    <message>
      <source>We cannot reach the payment platform to learn whether you paid. If you paid, the payment counts and is never taken twice; the code stops working by itself. Please do not pay again: come back to “Pay” in a few minutes to see the result.</source>
      <translation>We cannot reach the payment platform to learn whether you paid. If you paid, the payment counts and is never taken twice; the code stops working by itself. Please do not pay again: come back to “Pay” in a few minutes to see the result.</translation>
    </message>
    <message>
      <source>A mobile number has 11 digits and starts with 1, for example 13912345678. The courier calls or texts it.</source>
      <translation>A mobile number has 11 digits and starts with 1, for example 13912345678. The courier calls or texts it.</translation>
    </message>
    <message>
      <source>Please choose the province, city, district and street of the address.</source>
      <translation>Please choose the province, city, district and street of the address.</translation>
    </message>
    <message>
      <source>Posting needs the connection to the service platform, which is down right now. You can collect the result at the window instead.</source>
      <translation>Posting needs the connection to the service platform, which is down right now. You can collect the result at the window instead.</translation>
    </message>
    <message>
      <source>Your delivery choice could not be saved at this kiosk. The result waits for you at the window.</source>
      <translation>Your delivery choice could not be saved at this kiosk. The result waits for you at the window.</translation>
    </message>
    <message>
      <source>The ticket printer has run out of paper. The staff have been told.</source>
      <translation>The ticket printer has run out of paper. The staff have been told.</translation>
    </message>
    <message>
      <source>The ticket printer's cover is open.</source>
      <translation>The ticket printer's cover is open.</translation>
    </message>
    <message>
      <source>The ticket printer is not working right now.</source>
      <translation>The ticket printer is not working right now.</translation>
    </message>
  </context>
</TS>
