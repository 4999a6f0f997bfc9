<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>PayScreen</name>
    <message>
      <source>Pay a fee</source>
      <translation>Pay a fee</translation>
    </message>
    <message>
      <source>Choose the order to pay, then scan the code with a wallet or bank app.</source>
      <translation>Choose the order to pay, then scan the code with a wallet or bank app.</translation>
    </message>
    <message>
      <source>Finding what you have to pay…</source>
      <translation>Finding what you have to pay…</translation>
    </message>
    <message>
      <source>You have nothing to pay at the moment.</source>
      <translation>You have nothing to pay at the moment.</translation>
    </message>
    <message>
      <source>Finish</source>
      <translation>Finish</translation>
    </message>
    <message>
      <source>These are your unpaid orders. Touch “Pay” to show the payment code; scan it with a wallet or bank app.</source>
      <translation>These are your unpaid orders. Touch “Pay” to show the payment code; scan it with a wallet or bank app.</translation>
    </message>
    <message>
      <source>Collected by %1 · for %2</source>
      <translation>Collected by %1 · for %2</translation>
    </message>
    <message>
      <source>Amount: %1 yuan</source>
      <translation>Amount: %1 yuan</translation>
    </message>
    <message>
      <source>Pay by %1</source>
      <translation>Pay by %1</translation>
    </message>
    <message>
      <source>Pay %1 yuan</source>
      <translation>Pay %1 yuan</translation>
    </message>
    <message>
      <source>Paid in the last day</source>
      <translation>Paid in the last day</translation>
    </message>
    <message>
      <source>Show and print the receipt</source>
      <translation>Show and print the receipt</translation>
    </message>
    <message>
      <source>Getting the payment code…</source>
      <translation>Getting the payment code…</translation>
    </message>
    <message>
      <source>Checking whether the payment came in…</source>
      <translation>Checking whether the payment came in…</translation>
    </message>
    <message>
      <source>The code is valid for %1:%2 more</source>
      <translation>The code is valid for %1:%2 more</translation>
    </message>
    <message>
      <source>The connection is slow; we keep checking. If you have paid, please wait here.</source>
      <translation>The connection is slow; we keep checking. If you have paid, please wait here.</translation>
    </message>
    <message>
      <source>Scan the code with a wallet or bank app and pay. This screen changes by itself when you have paid.</source>
      <translation>Scan the code with a wallet or bank app and pay. This screen changes by itself when you have paid.</translation>
    </message>
    <message>
      <source>%1 yuan</source>
      <translation>%1 yuan</translation>
    </message>
    <message>
      <source>Cancel payment</source>
      <translation>Cancel payment</translation>
    </message>
    <message>
      <source>Printing your receipt…</source>
      <translation>Printing your receipt…</translation>
    </message>
    <message>
      <source>Please take your receipt.</source>
      <translation>Please take your receipt.</translation>
    </message>
    <message>
      <source>The receipt could not be printed (%1). Your payment is complete; the electronic fiscal receipt is the proof.</source>
      <translation>The receipt could not be printed (%1). Your payment is complete; the electronic fiscal receipt is the proof.</translation>
    </message>
    <message>
      <source>Paid. Thank you.</source>
      <translation>Paid. Thank you.</translation>
    </message>
    <message>
      <source>%1 yuan paid</source>
      <translation>%1 yuan paid</translation>
    </message>
    <message>
      <source>Payment reference: %1</source>
      <translation>Payment reference: %1</translation>
    </message>
    <message>
      <source>Print again</source>
      <translation>Print again</translation>
    </message>
    <message>
      <source>The payment code has expired. Nothing has been charged. You can get a new code and pay again.</source>
      <translation>The payment code has expired. Nothing has been charged. You can get a new code and pay again.</translation>
    </message>
    <message>
      <source>The payment was cancelled. Nothing has been charged.</source>
      <translation>The payment was cancelled. Nothing has been charged.</translation>
    </message>
    <message>
      <source>This order was already paid, so this payment was refused and the money goes back to your account.</source>
      <translation>This order was already paid, so this payment was refused and the money goes back to your account.</translation>
    </message>
    <message>
      <source>The payment did not go through and nothing has been charged. Please check your wallet or bank app, then try again or pay at the window.</source>
      <translation>The payment did not go through and nothing has been charged. Please check your wallet or bank app, then try again or pay at the window.</translation>
    </message>
    <message>
      <source>This order is already paid. Nothing more will be charged.</source>
      <translation>This order is already paid. Nothing more will be charged.</translation>
    </message>
    <message>
      <source>Back to my orders</source>
      <translation>Back to my orders</translation>
    </message>
  </context>
</TS>
