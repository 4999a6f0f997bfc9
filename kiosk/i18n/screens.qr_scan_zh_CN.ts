<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>QrScanScreen</name>
    <message>
      <source>Hold the QR code on your receipt up to the scanner</source>
      <translation>请将回执上的二维码对准扫码器</translation>
    </message>
    <message>
      <source>Open your electronic ID code on your phone and hold it up to the scanner</source>
      <translation>请在手机上打开电子证照码，并对准扫码器</translation>
    </message>
    <message>
      <source>Hold your appointment QR code up to the scanner</source>
      <translation>请将预约二维码对准扫码器</translation>
    </message>
    <message>
      <source>Scan a QR code</source>
      <translation>扫描二维码</translation>
    </message>
    <message>
      <source>Scan another code</source>
      <translation>扫描其他二维码</translation>
    </message>
    <message>
      <source>Starting the scanner…</source>
      <translation>正在启动扫码器…</translation>
    </message>
    <message>
      <source>Hold the code still, about a hand's width from the scanner, and tilt it away from bright lights.</source>
      <translation>请保持二维码稳定，距扫码器约一掌宽，并避开强光反射。</translation>
    </message>
    <message>
      <source>Code read.</source>
      <translation>已识别二维码。</translation>
    </message>
  </context>
</TS>
