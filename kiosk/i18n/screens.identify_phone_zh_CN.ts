<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>IdentifyMethods</name>
    <message>
      <source>Phone code (e-ID)</source>
      <translation>手机亮码（电子证照）</translation>
    </message>
  </context>
  <context>
    <name>IdentifyPhoneScreen</name>
    <message>
      <source>Electronic ID (phone)</source>
      <translation>电子身份证（手机）</translation>
    </message>
    <message>
      <source>Electronic social security card (phone)</source>
      <translation>电子社保卡（手机）</translation>
    </message>
    <message>
      <source>Show your phone's code</source>
      <translation>出示手机码</translation>
    </message>
    <message>
      <source>Open the electronic ID or the electronic social security card in your phone's government app and hold its QR code up to the scanner.</source>
      <translation>请在手机政务服务应用中打开电子身份证或电子社保卡，将二维码对准扫码口。</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>证件号码</translation>
    </message>
    <message>
      <source>Shown with</source>
      <translation>出示方式</translation>
    </message>
    <message>
      <source>This is me, continue</source>
      <translation>是我本人，继续</translation>
    </message>
    <message>
      <source>Scan again</source>
      <translation>重新扫码</translation>
    </message>
    <message>
      <source>Use a card instead</source>
      <translation>改用证件卡</translation>
    </message>
    <message>
      <source>Starting the scanner…</source>
      <translation>正在启动扫码器…</translation>
    </message>
    <message>
      <source>Checking your code with the service platform…</source>
      <translation>正在向服务平台核验您的码…</translation>
    </message>
    <message>
      <source>Please check that this is you.</source>
      <translation>请确认是您本人。</translation>
    </message>
  </context>
</TS>
