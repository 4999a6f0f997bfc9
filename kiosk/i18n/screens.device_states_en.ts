<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>DeviceArea</name>
    <message>
      <source>Cameras</source>
      <translation>Cameras</translation>
    </message>
    <message>
      <source>Service catalogue</source>
      <translation>Service catalogue</translation>
    </message>
    <message>
      <source>ID card reader</source>
      <translation>ID card reader</translation>
    </message>
    <message>
      <source>Printers</source>
      <translation>Printers</translation>
    </message>
    <message>
      <source>Social security card reader</source>
      <translation>Social security card reader</translation>
    </message>
    <message>
      <source>Platform link</source>
      <translation>Platform link</translation>
    </message>
    <message>
      <source>certificate printing</source>
      <translation>certificate printing</translation>
    </message>
    <message>
      <source>receipt printing</source>
      <translation>receipt printing</translation>
    </message>
  </context>
  <context>
    <name>DeviceState</name>
    <message>
      <source>; </source>
      <translation>; </translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <source>ready</source>
      <translation>ready</translation>
    </message>
    <message>
      <source>disabled</source>
      <translation>disabled</translation>
    </message>
    <message>
      <source>unavailable (%1)</source>
      <translation>unavailable (%1)</translation>
    </message>
    <message>
      <source>%1 unavailable</source>
      <translation>%1 unavailable</translation>
    </message>
    <message>
      <source>%1</source>
      <translation>%1</translation>
    </message>
    <message>
      <source>%1 (%2)</source>
      <translation>%1 (%2)</translation>
    </message>
    <message>
      <source>A4 printer: the print service (CUPS) is down</source>
      <translation>A4 printer: the print service (CUPS) is down</translation>
    </message>
    <message>
      <source>A4 printer: not checked yet</source>
      <translation>A4 printer: not checked yet</translation>
    </message>
    <message>
      <source>A4 printer: ready</source>
      <translation>A4 printer: ready</translation>
    </message>
    <message>
      <source>A4 printer: %1</source>
      <translation>A4 printer: %1</translation>
    </message>
    <message>
      <source>A4 printer warning: %1</source>
      <translation>A4 printer warning: %1</translation>
    </message>
    <message>
      <source>receipt printer: %1</source>
      <translation>receipt printer: %1</translation>
    </message>
    <message>
      <source>offline, guides as of %1</source>
      <translation>offline, guides as of %1</translation>
    </message>
    <message>
      <source>%1 services</source>
      <translation>%1 services</translation>
    </message>
    <message>
      <source>%1 camera lost (%2)</source>
      <translation>%1 camera lost (%2)</translation>
    </message>
    <message>
      <source>face models unavailable (%1)</source>
      <translation>face models unavailable (%1)</translation>
    </message>
    <message>
      <source>virtual card unavailable: %1</source>
      <translation>virtual card unavailable: %1</translation>
    </message>
    <message>
      <source>the PC/SC service (pcscd) is not running</source>
      <translation>the PC/SC service (pcscd) is not running</translation>
    </message>
    <message>
      <source>no smart card reader</source>
      <translation>no smart card reader</translation>
    </message>
    <message>
      <source>reader %1</source>
      <translation>reader %1</translation>
    </message>
    <message>
      <source>reader %1, card in</source>
      <translation>reader %1, card in</translation>
    </message>
    <message>
      <source>SECURITY: the platform's certificate does not verify</source>
      <translation>SECURITY: the platform's certificate does not verify</translation>
    </message>
    <message>
      <source>SECURITY: %1</source>
      <translation>SECURITY: %1</translation>
    </message>
    <message>
      <source>NOT accepting records (%1)</source>
      <translation>NOT accepting records (%1)</translation>
    </message>
    <message>
      <source>online</source>
      <translation>online</translation>
    </message>
    <message>
      <source>offline (%1)</source>
      <translation>offline (%1)</translation>
    </message>
    <message>
      <source>connecting</source>
      <translation>connecting</translation>
    </message>
    <message>
      <source>%1 queued</source>
      <translation>%1 queued</translation>
    </message>
    <message>
      <source>%1 dead letters</source>
      <translation>%1 dead letters</translation>
    </message>
    <message>
      <source>idle</source>
      <translation>idle</translation>
    </message>
    <message>
      <source>processing</source>
      <translation>processing</translation>
    </message>
    <message>
      <source>stopped</source>
      <translation>stopped</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>unknown</translation>
    </message>
    <message>
      <source>out of paper</source>
      <translation>out of paper</translation>
    </message>
    <message>
      <source>paper jam</source>
      <translation>paper jam</translation>
    </message>
    <message>
      <source>door open</source>
      <translation>door open</translation>
    </message>
    <message>
      <source>out of toner</source>
      <translation>out of toner</translation>
    </message>
    <message>
      <source>printer fault</source>
      <translation>printer fault</translation>
    </message>
    <message>
      <source>toner low</source>
      <translation>toner low</translation>
    </message>
    <message>
      <source>paper low</source>
      <translation>paper low</translation>
    </message>
    <message>
      <source>paper roll nearly used up</source>
      <translation>paper roll nearly used up</translation>
    </message>
    <message>
      <source>cover open</source>
      <translation>cover open</translation>
    </message>
    <message>
      <source>reading a card</source>
      <translation>reading a card</translation>
    </message>
    <message>
      <source>card removed</source>
      <translation>card removed</translation>
    </message>
    <message>
      <source>internal error</source>
      <translation>internal error</translation>
    </message>
    <message>
      <source>serial port unavailable</source>
      <translation>serial port unavailable</translation>
    </message>
    <message>
      <source>no answer from the reader</source>
      <translation>no answer from the reader</translation>
    </message>
    <message>
      <source>security module (SAM) fault</source>
      <translation>security module (SAM) fault</translation>
    </message>
    <message>
      <source>platform unreachable</source>
      <translation>platform unreachable</translation>
    </message>
    <message>
      <source>platform timed out</source>
      <translation>platform timed out</translation>
    </message>
    <message>
      <source>TLS certificate error</source>
      <translation>TLS certificate error</translation>
    </message>
    <message>
      <source>CUPS keeps the files of printed jobs (cupsctl PreserveJobFiles=No)</source>
      <translation>CUPS keeps the files of printed jobs (cupsctl PreserveJobFiles=No)</translation>
    </message>
    <message>
      <source>connection reset</source>
      <translation>connection reset</translation>
    </message>
    <message>
      <source>kiosk credential rejected</source>
      <translation>kiosk credential rejected</translation>
    </message>
    <message>
      <source>bad answer from the platform</source>
      <translation>bad answer from the platform</translation>
    </message>
    <message>
      <source>disk full</source>
      <translation>disk full</translation>
    </message>
    <message>
      <source>offline</source>
      <translation>offline</translation>
    </message>
    <message>
      <source>error</source>
      <translation>error</translation>
    </message>
    <message>
      <source>connected</source>
      <translation>connected</translation>
    </message>
    <message>
      <source>disconnected</source>
      <translation>disconnected</translation>
    </message>
    <message>
      <source>starting</source>
      <translation>starting</translation>
    </message>
  </context>
</TS>
