"""The one catalogue from an error code (kiosk/errors.py) to what the citizen is told.

Every screen takes its error texts from here, so a code means the same words everywhere, and the
flows hand screens codes, never texts. A message that sends the citizen to the staff ends with
ASK_STAFF, the one way the kiosk says it. Texts are translated in the "Messages" context
(kiosk/i18n/kiosk.messages_*.ts); an unknown code gets the generic message, never a code or a
stack trace.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

CONTEXT = "Messages"
ASK_STAFF = QT_TRANSLATE_NOOP("Messages", "Please ask the staff for help.")

GENERIC = QT_TRANSLATE_NOOP("Messages", "This cannot be done at this kiosk right now.")

# --- certificates and licences ------------------------------------------------------------------
_REJECTED = QT_TRANSLATE_NOOP("Messages", "This document did not pass the authenticity check and "
                              "will not be printed. The staff have been told; please ask at the "
                              "service window.")
_PAPER_OUT = QT_TRANSLATE_NOOP("Messages", "The printer has run out of paper. The staff have been "
                               "told; nothing was printed.")
_PAPER_JAM = QT_TRANSLATE_NOOP("Messages", "Paper is stuck in the printer. The staff have been told.")
_DOOR_OPEN = QT_TRANSLATE_NOOP("Messages", "A printer cover is open. The staff have been told.")
_TONER_OUT = QT_TRANSLATE_NOOP("Messages", "The printer has run out of toner. The staff have been "
                               "told.")
_JOB_TIMEOUT = QT_TRANSLATE_NOOP("Messages", "Printing took too long and was stopped; nothing more "
                                 "will come out.")
_RETRY_USED = QT_TRANSLATE_NOOP("Messages", "This document has already been tried twice. The staff "
                                "can print it for you.")
_NO_DOCUMENTS = QT_TRANSLATE_NOOP("Messages", "Your documents cannot be fetched right now. Please "
                                  "try again later.")
_CANNOT_RENDER = QT_TRANSLATE_NOOP("Messages", "This document cannot be printed at this kiosk. "
                                   "Please ask at the service window.")
_PRINTER_DOWN = QT_TRANSLATE_NOOP("Messages", "The printer is not available right now. The staff "
                                  "have been told; please try again in a few minutes.")
_NO_CERTIFICATE_PRINTER = QT_TRANSLATE_NOOP("Messages", "This kiosk cannot print certificates "
                                            "right now. Please use another kiosk.")
_NOT_PRINTED = QT_TRANSLATE_NOOP("Messages", "The document could not be printed.")

# --- the receipt printer (guide notices) --------------------------------------------------------
_RECEIPT_NONE = QT_TRANSLATE_NOOP("Messages", "The receipt printer is not available on this kiosk. "
                                  "Please scan the QR code to keep this guide.")
_RECEIPT_PAPER = QT_TRANSLATE_NOOP("Messages", "The receipt printer is out of paper. Please scan the "
                                   "QR code to keep this guide; staff have been told.")
_RECEIPT_COVER = QT_TRANSLATE_NOOP("Messages", "The receipt printer's cover is open. Please scan the "
                                   "QR code instead.")
_RECEIPT_SILENT = QT_TRANSLATE_NOOP("Messages", "The receipt printer is not responding. Please scan "
                                    "the QR code instead.")
_RECEIPT_FAILED = QT_TRANSLATE_NOOP("Messages", "The notice could not be printed. Please scan the "
                                    "QR code instead.")

# --- identification -----------------------------------------------------------------------------
_READER_DOWN = QT_TRANSLATE_NOOP("Messages", "The card reader is not available. Please choose "
                                 "another way to identify yourself.")
_CARD_AGAIN = QT_TRANSLATE_NOOP("Messages", "The card could not be read. Please take the card off "
                                "the reader and place it again, flat and still, on the marked area.")
_CARD_EXPIRED = QT_TRANSLATE_NOOP("Messages", "An expired card cannot be used here. Please take "
                                  "your card back and choose another way to identify yourself.")
_OTHER_CARD = QT_TRANSLATE_NOOP("Messages", "This card cannot be used here. Please choose another "
                                "way to identify yourself.")
_PIN_BLOCKED = QT_TRANSLATE_NOOP("Messages", "The card's PIN is blocked; the card's issuing office "
                                 "can unblock it.")
_PIN_AGAIN = QT_TRANSLATE_NOOP("Messages", "The PIN was not accepted. Please try again.")
_CAMERA_DOWN = QT_TRANSLATE_NOOP("Messages", "The face check is not available right now.")
_FACE_AGAIN = QT_TRANSLATE_NOOP("Messages", "No face could be seen clearly. Please look at the "
                                "camera and try again.")
_NO_PHOTO = QT_TRANSLATE_NOOP("Messages", "There is no photo on file to compare your face with.")
_PLATFORM_DOWN = QT_TRANSLATE_NOOP("Messages", "The service platform cannot be reached right now. "
                                   "Please try again later.")

_NO_IDENTIFY_DEVICE = QT_TRANSLATE_NOOP("Messages", "No identification device is working on this "
                                        "kiosk right now.")
_CARD_DAMAGED = QT_TRANSLATE_NOOP("Messages", "If this happens again, the card may be damaged.")
_SCANNER_DOWN = QT_TRANSLATE_NOOP("Messages", "The scanner is not working right now.")
_DOCUMENT_CAMERA_DOWN = QT_TRANSLATE_NOOP("Messages", "The document camera is not working right "
                                          "now.")

# --- the social security card (its codes are shared with the ID card, its words are its own) -----
_SSC_READER_DOWN = QT_TRANSLATE_NOOP("Messages", "The card reader is not working right now. Please "
                                     "use another way to identify yourself.")
_SSC_NO_READER = QT_TRANSLATE_NOOP("Messages", "The card reader is not connected. Please use another "
                                   "way to identify yourself.")
_SSC_READER_GONE = QT_TRANSLATE_NOOP("Messages", "The card reader was disconnected; it may come back "
                                     "in a moment.")
_SSC_INSERT = QT_TRANSLATE_NOOP("Messages", "Please insert your social security card.")
_SSC_REMOVED = QT_TRANSLATE_NOOP("Messages", "The card was taken out before reading finished. Please "
                                 "insert it again and leave it in until the screen says it has been "
                                 "read.")
_SSC_MUTE = QT_TRANSLATE_NOOP("Messages", "The card does not respond. Please take it out, check that "
                              "the chip faces up and goes in first, and insert it again.")
_SSC_NOT_SSC = QT_TRANSLATE_NOOP("Messages", "This is not a social security card. Please take it out "
                                 "and insert your social security card.")
_SSC_BANK = QT_TRANSLATE_NOOP("Messages", "This is a bank card. Please take it out and insert your "
                              "social security card. (Bank cards are only used when paying.)")
_SSC_AGAIN = QT_TRANSLATE_NOOP("Messages", "The card could not be read. Please take it out and "
                               "insert it again.")
_SSC_DATA = QT_TRANSLATE_NOOP("Messages", "The information on this card cannot be read here. Please "
                              "use another way to identify yourself.")
_SSC_PIN_NEEDED = QT_TRANSLATE_NOOP("Messages", "This card needs its PIN, but PIN entry is not "
                                    "available here.")
_SSC_PIN_CANCELLED = QT_TRANSLATE_NOOP("Messages", "PIN entry was cancelled. Touch “Try again” to "
                                       "enter the PIN, or take the card out.")
_SSC_PIN_WRONG = QT_TRANSLATE_NOOP("Messages", "The PIN was wrong. Touch “Try again” to enter it "
                                   "again.")
_SSC_PIN_BLOCKED = QT_TRANSLATE_NOOP("Messages", "The card's PIN is blocked after too many wrong "
                                     "tries. Please take the card to a social security service "
                                     "counter to have it unblocked.")
_SSC_PIN_PAD = QT_TRANSLATE_NOOP("Messages", "The PIN pad is not working.")
_SSC_FAILED = QT_TRANSLATE_NOOP("Messages", "Something went wrong while reading the card. Please "
                                "take it out and insert it again.")

# --- the kiosk itself ---------------------------------------------------------------------------
_CATALOG_DOWN = QT_TRANSLATE_NOOP("Messages", "The service guides cannot be loaded right now.")
_RATING_DOWN = QT_TRANSLATE_NOOP("Messages", "Ratings cannot be recorded on this kiosk right now. "
                                 "You can also rate by calling 12345.")
_RATING_LOST = QT_TRANSLATE_NOOP("Messages", "Your rating could not be saved. You can also rate by "
                                 "calling 12345.")
_SERVICE_ELSEWHERE = QT_TRANSLATE_NOOP("Messages", "This service is not available on this kiosk "
                                       "yet. Please take it to a service counter.")

# --- check my case (kiosk/flows/case_*.py) ------------------------------------------------------
_CASE_OFFLINE = QT_TRANSLATE_NOOP("Messages", "Case progress needs the connection to the service "
                                  "platform, which is not available right now. You can call the "
                                  "12345 hotline or ask at a service window.")
_CASE_NOT_FOUND = QT_TRANSLATE_NOOP("Messages", "No case has this number. Please check the number "
                                    "on your receipt and type it again.")
_CASE_NUMBER_INVALID = QT_TRANSLATE_NOOP("Messages", "A case number has two letters and 20 digits, "
                                         "like SL-990100-20261122-000123. Please check it and type "
                                         "it again.")
_NOT_A_CASE_CODE = QT_TRANSLATE_NOOP("Messages", "This QR code is not a case receipt. Please scan "
                                     "the QR code on your acceptance receipt, or type the case "
                                     "number.")
_RECEIPT_EXPIRED = QT_TRANSLATE_NOOP("Messages", "The QR code on this receipt has expired. Please "
                                     "type the case number printed on it, or identify yourself to "
                                     "see all your cases.")
_CASE_LOOKUP_FAILED = QT_TRANSLATE_NOOP("Messages", "Case progress cannot be shown right now. You "
                                        "can call the 12345 hotline or ask at a service window.")

# code -> (text, whether the citizen is sent to the staff)
_STAFF, _SELF = True, False
_CATALOGUE: dict[str, tuple[str, bool]] = {}


def _add(text: str, ask_staff: bool, *codes: str) -> None:
    for code in codes:
        assert code not in _CATALOGUE, code
        _CATALOGUE[code] = (text, ask_staff)


_add(_REJECTED, _SELF, "document_rejected", "signature_untrusted", "signature_missing",
     "signature_invalid", "document_modified", "document_unreadable")
_add(_PAPER_OUT, _SELF, "paper_out")
_add(_PAPER_JAM, _SELF, "paper_jam")
_add(_DOOR_OPEN, _SELF, "door_open")
_add(_TONER_OUT, _SELF, "toner_out")
_add(_JOB_TIMEOUT, _STAFF, "job_timeout")
_add(_RETRY_USED, _STAFF, "retry_not_allowed")
_add(_NO_DOCUMENTS, _STAFF, "document_missing")
_add(_CANNOT_RENDER, _SELF, "template_missing", "template_invalid", "document_data_invalid",
     "font_missing", "preview_unavailable")
_add(_PRINTER_DOWN, _SELF, "offline", "print_service_down", "queue_missing", "submit_failed",
     "job_lost", "printer_unavailable", "printer_fault", "job_aborted", "job_cancelled")
_add(_NOT_PRINTED, _STAFF, "printing_error", "job_failed")
_add(_RECEIPT_NONE, _STAFF, "receipt_unavailable", "receipt_not_configured")
_add(_RECEIPT_PAPER, _SELF, "receipt_paper_out")
_add(_RECEIPT_COVER, _STAFF, "receipt_cover_open")
_add(_RECEIPT_SILENT, _STAFF, "receipt_link", "receipt_not_connected", "receipt_offline")
_add(_RECEIPT_FAILED, _STAFF, "receipt_printer", "receipt_not_ready", "receipt_error")
# ID card reader (devices.idcard.errors) and smart card reader (devices.smartcard.errors)
_add(_READER_DOWN, _STAFF, "device", "idcard", "port_unavailable", "no_answer", "status", "sam",
     "smartcard", "service_unavailable", "no_reader", "reader_removed", "pin_entry_unavailable")
_add(_CARD_AGAIN, _SELF, "protocol", "checksum", "length", "truncated", "unexpected_reply",
     "card_read", "card_data", "check_digit", "no_card", "card_removed", "mute_card", "card_error")
_add(_CARD_EXPIRED, _STAFF, "card_expired")
_add(_OTHER_CARD, _SELF, "unknown_card")
_add(_PIN_BLOCKED, _STAFF, "pin_blocked")
_add(_PIN_AGAIN, _SELF, "pin_wrong", "pin_cancelled", "pin_required")
# the camera (devices.camera.errors); a missing card photo only loses the photo, never the card
_add(_CAMERA_DOWN, _STAFF, "source_invalid", "open_failed", "model_missing", "vendor_liveness",
     "photo_unavailable")
_add(_FACE_AGAIN, _SELF, "no_face", "image_unreadable")
_add(_NO_PHOTO, _STAFF, "no_reference")
# the platform (sync.client)
_add(_PLATFORM_DOWN, _STAFF, "platform_unreachable", "platform_connection_reset",
     "platform_timeout", "platform_busy", "platform_server_error", "platform_bad_response")
_add(GENERIC, _STAFF, "platform_tls", "platform_bad_request", "platform_unauthorized",
     "platform_forbidden", "platform_not_found", "platform_conflict", "platform_rejected",
     "catalog_bad_data", "unexpected")
_add(_SERVICE_ELSEWHERE, _STAFF, "service_not_offered")
_add(_CASE_OFFLINE, _SELF, "case_offline")
_add(_CASE_NOT_FOUND, _SELF, "case_not_found")
_add(_CASE_NUMBER_INVALID, _SELF, "case_number_invalid")
_add(_NOT_A_CASE_CODE, _SELF, "not_a_case_code")
_add(_RECEIPT_EXPIRED, _SELF, "receipt_expired")
_add(_CASE_LOOKUP_FAILED, _STAFF, "case_lookup_failed", "case_data_invalid")
# states the flows and screens name themselves (no error class behind them)
_add(_NO_IDENTIFY_DEVICE, _STAFF, "no_identify_device")
_add(_CARD_DAMAGED, _STAFF, "card_may_be_damaged")
_add(_DOCUMENT_CAMERA_DOWN, _STAFF, "document_camera_unavailable")
_add(_SCANNER_DOWN, _STAFF, "scanner_unavailable")
_add(_NO_CERTIFICATE_PRINTER, _STAFF, "certificate_printer_unavailable")
_add(_CATALOG_DOWN, _STAFF, "catalog_unavailable")
_add(_RATING_DOWN, _STAFF, "no_outbox")
_add(_RATING_LOST, _STAFF, "rating_not_saved")

# applications (kiosk/flows/apply.py) and the rules a typed value must meet (kiosk/forms.py)
_APPLY_WHO = QT_TRANSLATE_NOOP("Messages", "Please identify yourself first.")
_APPLY_NOT_HERE = QT_TRANSLATE_NOOP("Messages", "This item cannot be applied for at this kiosk. "
                                    "Please apply at the service window.")
_APPLY_OFFLINE = QT_TRANSLATE_NOOP("Messages", "This application needs the connection to the "
                                   "service platform, which is down right now. Please try again "
                                   "later or apply at the service window.")
_APPLY_MATERIAL = QT_TRANSLATE_NOOP("Messages", "A required material is still missing. Please "
                                    "scan it.")
_APPLY_SIGN = QT_TRANSLATE_NOOP("Messages", "Please sign in the box before you go on.")
_PAGE_BLURRY = QT_TRANSLATE_NOOP("Messages", "That page is too blurry to read. Please hold it "
                                 "flat and still and take it again.")
_PAGE_FRAME = QT_TRANSLATE_NOOP("Messages", "The edges of the page were not all visible. Please "
                                "lay the whole page inside the frame and take it again.")
_PAGE_MANY = QT_TRANSLATE_NOOP("Messages", "No more pages can be added to this material.")
_PAGES_TOO_BIG = QT_TRANSLATE_NOOP("Messages", "These pages are too many to submit from this "
                                   "kiosk at once. Please scan only the pages the guide asks "
                                   "for, or bring the rest to the window.")
_APPLY_NOT_SAVED = QT_TRANSLATE_NOOP("Messages", "Your application could not be saved at this "
                                     "kiosk, so it was not submitted. Nothing was sent.")
_F_REQUIRED = QT_TRANSLATE_NOOP("Messages", "Please fill this in.")
_F_ID_SHAPE = QT_TRANSLATE_NOOP("Messages", "An ID number has 18 characters: 17 digits, then a "
                                "digit or X.")
_F_ID_CHECK = QT_TRANSLATE_NOOP("Messages", "This ID number is not right: please check each "
                                "digit against the card.")
_F_ID_BIRTH = QT_TRANSLATE_NOOP("Messages", "The date of birth in this ID number is not possible.")
_F_PHONE = QT_TRANSLATE_NOOP("Messages", "Please enter an 11-digit mobile number, or an area code "
                             "and a landline number.")
_F_DATE_SHAPE = QT_TRANSLATE_NOOP("Messages", "Please enter the date as year-month-day, for "
                                  "example 2026-05-01.")
_F_DATE_REAL = QT_TRANSLATE_NOOP("Messages", "This date does not exist.")
_F_DATE_RANGE = QT_TRANSLATE_NOOP("Messages", "This date is too far in the past or the future.")
_F_POSTCODE = QT_TRANSLATE_NOOP("Messages", "A postcode has 6 digits.")
_F_REGION_SHAPE = QT_TRANSLATE_NOOP("Messages", "An administrative division code has 6 digits.")
_F_REGION = QT_TRANSLATE_NOOP("Messages", "This administrative division code is not known.")
_F_CHOICE = QT_TRANSLATE_NOOP("Messages", "Please choose one of the answers shown.")
_F_DIGITS = QT_TRANSLATE_NOOP("Messages", "Please use digits only.")
_F_SHORT = QT_TRANSLATE_NOOP("Messages", "This is too short.")
_F_LONG = QT_TRANSLATE_NOOP("Messages", "This is too long.")
_F_CREDIT = QT_TRANSLATE_NOOP("Messages", "A unified social credit code has 18 characters: please "
                              "check it against the business licence.")
_add(_APPLY_WHO, _SELF, "not_identified")
_add(_APPLY_NOT_HERE, _SELF, "item_not_offered", "form_unavailable")
_add(_APPLY_OFFLINE, _SELF, "platform_needed")
_add(_APPLY_MATERIAL, _SELF, "material_missing")
_add(_APPLY_SIGN, _SELF, "not_signed")
_add(_PAGE_BLURRY, _SELF, "page_blurry")
_add(_PAGE_FRAME, _SELF, "page_not_framed")
_add(_PAGE_MANY, _SELF, "too_many_pages")
_add(_PAGES_TOO_BIG, _SELF, "materials_too_large")
_add(_APPLY_NOT_SAVED, _STAFF, "submission_not_saved")
_add(_F_REQUIRED, _SELF, "field_required")
_add(_F_ID_SHAPE, _SELF, "id_number_shape")
_add(_F_ID_CHECK, _SELF, "id_number_check_digit")
_add(_F_ID_BIRTH, _SELF, "id_number_birth_date")
_add(_F_PHONE, _SELF, "phone_shape")
_add(_F_DATE_SHAPE, _SELF, "date_shape")
_add(_F_DATE_REAL, _SELF, "date_not_real")
_add(_F_DATE_RANGE, _SELF, "date_out_of_range")
_add(_F_POSTCODE, _SELF, "postcode_shape")
_add(_F_REGION_SHAPE, _SELF, "region_shape")
_add(_F_REGION, _SELF, "region_unknown")
_add(_F_CHOICE, _SELF, "choice_unknown")
_add(_F_DIGITS, _SELF, "digits_shape")
_add(_F_SHORT, _SELF, "too_short")
_add(_F_LONG, _SELF, "too_long")
_add(_F_CREDIT, _SELF, "credit_code_shape", "credit_code_check")

# taking a number and appointments (kiosk/flows/queue_*.py, appointment_*.py): the queue system is
# the hall's; when it cannot be reached the citizen is sent to the service desk, never left waiting
_Q_DOWN = QT_TRANSLATE_NOOP("Messages", "Numbers cannot be issued at this kiosk right now. Please "
                            "get a number at the service desk near the entrance.")
_Q_WHO = QT_TRANSLATE_NOOP("Messages", "This line needs you to identify yourself first, with your "
                           "ID card or social security card.")
_Q_LIMIT = QT_TRANSLATE_NOOP("Messages", "You have already taken the numbers allowed for this line "
                             "today.")
_Q_NOT_ENTITLED = QT_TRANSLATE_NOOP("Messages", "The priority line cannot be given here. Please "
                                    "take a normal number.")
_Q_REFUSED = QT_TRANSLATE_NOOP("Messages", "The queue system did not issue a number.")
_Q_KEEP = QT_TRANSLATE_NOOP("Messages", "The ticket could not be printed, and the number is still "
                            "yours: please remember the number shown here and watch the calling "
                            "screen.")
_Q_NO_TICKET = QT_TRANSLATE_NOOP("Messages", "The queue system does not know this ticket. It may "
                                 "be from another day.")
_A_NOT_FOUND = QT_TRANSLATE_NOOP("Messages", "No appointment was found for this code. Please "
                                 "identify yourself with your ID card to see your appointments.")
_A_EARLY = QT_TRANSLATE_NOOP("Messages", "It is too early to check in for this appointment.")
_A_LATE = QT_TRANSLATE_NOOP("Messages", "The check-in time for this appointment has passed. Please "
                            "take a number instead.")
_A_DAY = QT_TRANSLATE_NOOP("Messages", "This appointment is not for today.")
_A_HALL = QT_TRANSLATE_NOOP("Messages", "This appointment is at another service hall. Please check "
                            "in there.")
_A_CANCELLED = QT_TRANSLATE_NOOP("Messages", "This appointment was cancelled. Please take a number "
                                 "instead.")
_A_DONE = QT_TRANSLATE_NOOP("Messages", "This appointment is already checked in.")
_B_FULL = QT_TRANSLATE_NOOP("Messages", "This time is no longer free. Please choose another one.")
_B_TWICE = QT_TRANSLATE_NOOP("Messages", "You already have an appointment for this line.")
_add(_Q_DOWN, _SELF, "queue_unavailable")
_add(_Q_WHO, _SELF, "queue_id_required")
_add(_Q_LIMIT, _SELF, "queue_daily_limit_reached")
_add(_Q_NOT_ENTITLED, _SELF, "queue_not_entitled")
_add(_Q_REFUSED, _STAFF, "queue_rejected")
_add(_Q_KEEP, _SELF, "queue_cancel_failed")
_add(_Q_NO_TICKET, _SELF, "ticket_not_found")
_add(_A_NOT_FOUND, _SELF, "appointment_not_found")
_add(_A_EARLY, _SELF, "checkin_too_early")
_add(_A_LATE, _SELF, "checkin_too_late")
_add(_A_DAY, _SELF, "checkin_wrong_day")
_add(_A_HALL, _SELF, "checkin_other_hall")
_add(_A_CANCELLED, _SELF, "checkin_cancelled")
_add(_A_DONE, _SELF, "checkin_already_checked_in")
_add(_B_FULL, _SELF, "booking_slot_full", "booking_no_such_slot")
_add(_B_TWICE, _SELF, "booking_already_booked")
_B_NONE = QT_TRANSLATE_NOOP("Messages", "This hall does not take appointments at the kiosk. You can "
                            "take a number today.")
_add(_B_NONE, _SELF, "booking_not_offered")

# the phone's code and face login (kiosk/flows/identify_phone.py, identify_face.py)
_P_NOT_PHONE = QT_TRANSLATE_NOOP("Messages", "This is not an electronic ID or social security card "
                                 "code. Please open the code in your phone's government app.")
_P_UNKNOWN = QT_TRANSLATE_NOOP("Messages", "This code is not known to the service platform. Please "
                               "refresh the code on your phone and try again.")
_P_EXPIRED = QT_TRANSLATE_NOOP("Messages", "This code has expired. Please refresh the code on your "
                               "phone and show the new one.")
_P_USED = QT_TRANSLATE_NOOP("Messages", "This code has already been used. A code works only once: "
                            "please refresh it on your phone. A screenshot of a code cannot be used.")
_P_OTHER_KIOSK = QT_TRANSLATE_NOOP("Messages", "This code was made for another kiosk. Please "
                                   "refresh the code on your phone here.")
_P_OFFLINE = QT_TRANSLATE_NOOP("Messages", "The phone code needs the connection to the service "
                               "platform, which is down right now. Please use your ID card or "
                               "social security card.")
_F_NOT_ON_FILE = QT_TRANSLATE_NOOP("Messages", "There is no photo on file for this ID number, so "
                                   "face login cannot be used. Please choose another way.")
_F_NOT_FOR_TASK = QT_TRANSLATE_NOOP("Messages", "Face login cannot be used for this service. Please "
                                    "use your ID card or the phone code.")
_F_OFFLINE = QT_TRANSLATE_NOOP("Messages", "Face login needs the connection to the service "
                               "platform, which is down right now. Please use your ID card or "
                               "social security card.")
_add(_P_NOT_PHONE, _SELF, "not_a_phone_code")
_add(_P_UNKNOWN, _SELF, "unknown_code")
_add(_P_EXPIRED, _SELF, "code_expired")
_add(_P_USED, _SELF, "code_used")
_add(_P_OTHER_KIOSK, _SELF, "wrong_kiosk")
_add(_P_OFFLINE, _SELF, "phone_code_offline")
_add(_F_NOT_ON_FILE, _SELF, "not_on_file")
_add(_F_NOT_FOR_TASK, _SELF, "face_login_refused")
_add(_F_OFFLINE, _SELF, "face_login_offline")

# ask, complain, correct my data (kiosk/flows/feedback.py)
_FB_EMPTY = QT_TRANSLATE_NOOP("Messages", "Please write something here.")
_FB_SHORT = QT_TRANSLATE_NOOP("Messages", "Please write a little more, so the department "
                              "understands you.")
_FB_LONG = QT_TRANSLATE_NOOP("Messages", "This is too long: please keep it under 500 characters.")
_FB_PHONE = QT_TRANSLATE_NOOP("Messages", "To be called back, please leave a mobile number.")
_FB_CATEGORY = QT_TRANSLATE_NOOP("Messages", "Please choose what the complaint is about.")
_FB_ITEM = QT_TRANSLATE_NOOP("Messages", "A complaint about a service item names the item: please "
                             "start it from the item's guide, or choose another kind.")
_FB_FIELD = QT_TRANSLATE_NOOP("Messages", "Please choose the information that is wrong or missing.")
_FB_PROOF = QT_TRANSLATE_NOOP("Messages", "This change needs a proof: please scan the document "
                              "that shows it.")
_FB_OFFLINE = QT_TRANSLATE_NOOP("Messages", "Your data can be shown only with the connection to the "
                                "service platform, which is down right now. Please try again later "
                                "or ask at the service window.")
_FB_NOTHING = QT_TRANSLATE_NOOP("Messages", "The service platform holds no data of yours that can "
                                "be corrected here.")
_FB_NOT_SAVED = QT_TRANSLATE_NOOP("Messages", "This could not be saved at this kiosk, so it was not "
                                  "sent. Nothing was sent.")
_add(_FB_EMPTY, _SELF, "feedback_text_empty")
_add(_FB_SHORT, _SELF, "feedback_text_short")
_add(_FB_LONG, _SELF, "feedback_text_long")
_add(_FB_PHONE, _SELF, "feedback_phone_required")
_add(_FB_CATEGORY, _SELF, "feedback_category_missing")
_add(_FB_ITEM, _SELF, "feedback_item_missing")
_add(_FB_FIELD, _SELF, "feedback_field_missing")
_add(_FB_PROOF, _SELF, "feedback_proof_missing")
_add(_FB_OFFLINE, _SELF, "feedback_offline")
_add(_FB_NOTHING, _STAFF, "feedback_nothing_held")
_add(_FB_NOT_SAVED, _STAFF, "feedback_not_saved")
_FB_NOT_ARRIVED = QT_TRANSLATE_NOOP("Messages", "This has not reached the service platform yet: "
                                    "the kiosk that took it sends it as soon as it is online. "
                                    "Please look again later.")
_add(_FB_NOT_ARRIVED, _SELF, "feedback_not_arrived")

# payment (kiosk/flows/pay_order.py)
_PAY_OFFLINE = QT_TRANSLATE_NOOP("Messages", "Paying needs the connection to the payment "
                                 "platform, which is down right now. Nothing has been charged. "
                                 "Please try again later or pay at the service window.")
_PAY_UNSURE = QT_TRANSLATE_NOOP("Messages", "We cannot reach the payment platform to learn "
                                "whether you paid. If you paid, the payment counts and is never "
                                "taken twice; the code stops working by itself. Please do not pay "
                                "again: come back to “Pay” in a few minutes to see the result.")
_add(_PAY_OFFLINE, _SELF, "payment_offline")
_add(_PAY_UNSURE, _STAFF, "payment_unsure")

# delivery by post (kiosk/flows/delivery_post.py)
_DLV_MOBILE = QT_TRANSLATE_NOOP("Messages", "A mobile number has 11 digits and starts with 1, "
                                "for example 13912345678. The courier calls or texts it.")
_DLV_REGION = QT_TRANSLATE_NOOP("Messages", "Please choose the province, city, district and "
                                "street of the address.")
_DLV_OFFLINE = QT_TRANSLATE_NOOP("Messages", "Posting needs the connection to the service "
                                 "platform, which is down right now. You can collect the result "
                                 "at the window instead.")
_DLV_NOT_SAVED = QT_TRANSLATE_NOOP("Messages", "Your delivery choice could not be saved at this "
                                   "kiosk. The result waits for you at the window.")
_add(_DLV_MOBILE, _SELF, "mobile_shape")
_add(_DLV_REGION, _SELF, "region_incomplete")
_add(_DLV_OFFLINE, _SELF, "delivery_offline")
_add(_DLV_NOT_SAVED, _STAFF, "delivery_not_saved")

# a device's own wording for a code it shares with others (the card in the citizen's hand differs)
_BY_DEVICE: dict[tuple[str, str], tuple[str, bool]] = {}


def _add_for(device: str, text: str, ask_staff: bool, *codes: str) -> None:
    for code in codes:
        assert (device, code) not in _BY_DEVICE, (device, code)
        _BY_DEVICE[(device, code)] = (text, ask_staff)


_add_for("smartcard", _SSC_READER_DOWN, _STAFF, "service_unavailable")
_add_for("smartcard", _SSC_NO_READER, _STAFF, "no_reader")
_add_for("smartcard", _SSC_READER_GONE, _STAFF, "reader_removed")
_add_for("smartcard", _SSC_INSERT, _SELF, "no_card")
_add_for("smartcard", _SSC_REMOVED, _SELF, "card_removed")
_add_for("smartcard", _SSC_MUTE, _SELF, "mute_card")
_add_for("smartcard", _SSC_NOT_SSC, _SELF, "unknown_card")
_add_for("smartcard", _SSC_BANK, _SELF, "unknown_card_bank")     # UnknownCard of kind "bank"
_add_for("smartcard", _SSC_AGAIN, _SELF, "card_error")
_add_for("smartcard", _SSC_DATA, _STAFF, "card_data")
_add_for("smartcard", _SSC_PIN_NEEDED, _STAFF, "pin_required")
_add_for("smartcard", _SSC_PIN_CANCELLED, _SELF, "pin_cancelled")
_add_for("smartcard", _SSC_PIN_WRONG, _SELF, "pin_wrong")
_add_for("smartcard", _SSC_PIN_BLOCKED, _SELF, "pin_blocked")
_add_for("smartcard", _SSC_PIN_PAD, _STAFF, "pin_entry_unavailable")
_add_for("smartcard", _SSC_FAILED, _SELF, "smartcard")

# the receipt printer as the ticket printer of "take a number" (its words are not the guide's)
_T_PAPER = QT_TRANSLATE_NOOP("Messages", "The ticket printer has run out of paper. The staff have "
                             "been told.")
_T_COVER = QT_TRANSLATE_NOOP("Messages", "The ticket printer's cover is open.")
_T_DOWN = QT_TRANSLATE_NOOP("Messages", "The ticket printer is not working right now.")
_add_for("ticket", _T_PAPER, _SELF, "receipt_paper_out")
_add_for("ticket", _T_COVER, _STAFF, "receipt_cover_open")
_add_for("ticket", _T_DOWN, _STAFF, "receipt_unavailable", "receipt_not_configured", "receipt_link",
         "receipt_not_connected", "receipt_offline", "receipt_printer", "receipt_not_ready",
         "receipt_error")

# Codes that only staff and the technician's terminal see (start-up, storage, provisioning): the
# citizen never meets them, and the generic message would be right if one ever leaked.
STAFF_ONLY = frozenset({
    "kiosk_error", "config_invalid", "cups_standin", "sync_error", "platform_settings_invalid",
    "bad_response", "enrollment_refused", "invalid", "missing", "permissions", "unreachable",
    "ciphertext_format", "ciphertext_tampered", "key_invalid", "key_permissions",
    "closed", "corrupt", "disk_full", "io_error", "key_mismatch", "payload_too_large",
    "update_refused",
    "audit_action_unknown",     # a programming error in a staff command's audit call
})


def known(code: str, device: str | None = None) -> bool:
    return (device, code) in _BY_DEVICE or code in _CATALOGUE


def device_codes(device: str) -> set[str]:
    """The codes `device` has its own wording for."""
    return {code for owner, code in _BY_DEVICE if owner == device}


def texts() -> list[str]:
    """Every English source text of the catalogue, the staff request included."""
    return sorted({text for text, _ in [*_CATALOGUE.values(), *_BY_DEVICE.values()]} | {ASK_STAFF})


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def join(first: str, second: str) -> str:
    """Two translated sentences: Chinese runs on after its full stop, English takes a space."""
    return first + second if first.endswith(("。", "！", "？", "；")) else f"{first} {second}"


def ask_staff() -> str:
    return _tr(ASK_STAFF)


def _entry(code: str, device: str | None) -> tuple[str, bool] | None:
    return _BY_DEVICE.get((device, code)) or _CATALOGUE.get(code)


def message(code: str | None, fallback: str = "unexpected", device: str | None = None) -> str:
    """What the citizen is told for `code` (in `device`'s own words where it has them), in the
    current language; a code the catalogue does not know gets the message of `fallback` (what
    the screen was doing), else the generic one."""
    text, staff = _entry(code or "", device) or _entry(fallback, device) or (GENERIC, True)
    return join(_tr(text), ask_staff()) if staff else _tr(text)
