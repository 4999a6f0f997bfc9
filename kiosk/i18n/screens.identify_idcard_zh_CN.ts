<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>IdentifyIdCardScreen</name>
    <message>
      <source>Resident ID card</source>
      <translation>居民身份证</translation>
    </message>
    <message>
      <source>Residence permit for Hong Kong, Macao and Taiwan residents</source>
      <translation>港澳台居民居住证</translation>
    </message>
    <message>
      <source>Foreign permanent residence ID card</source>
      <translation>外国人永久居留身份证</translation>
    </message>
    <message>
      <source>Identify with your ID card</source>
      <translation>刷身份证识别</translation>
    </message>
    <message>
      <source>Yes, this is me, continue</source>
      <translation>是本人，继续</translation>
    </message>
    <message>
      <source>Read again</source>
      <translation>重新读卡</translation>
    </message>
    <message>
      <source>Choose another way</source>
      <translation>换一种方式</translation>
    </message>
    <message>
      <source>Please check that this is you</source>
      <translation>请确认是您本人</translation>
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
      <source>Card</source>
      <translation>证件类型</translation>
    </message>
    <message>
      <source>Valid until</source>
      <translation>有效期至</translation>
    </message>
    <message>
      <source>Part of your details is hidden to protect your privacy. They are cleared when you finish.</source>
      <translation>为保护您的隐私，部分信息已隐藏。办理结束后信息将被清除。</translation>
    </message>
    <message>
      <source>Place your ID card on the reader</source>
      <translation>请将身份证放在阅读器上</translation>
    </message>
    <message>
      <source>Lay the card flat on the marked area of the reader below the screen and keep it still until reading is finished.</source>
      <translation>请把身份证平放在屏幕下方阅读器的感应区内，读卡完成前请不要移动。</translation>
    </message>
    <message>
      <source>Reading your card…</source>
      <translation>正在读卡…</translation>
    </message>
    <message>
      <source>Please keep the card still. This takes a few seconds.</source>
      <translation>请保持证件不动，需要几秒钟。</translation>
    </message>
    <message>
      <source>Your card has been read</source>
      <translation>读卡成功</translation>
    </message>
    <message>
      <source>You can take your card back now.</source>
      <translation>您现在可以取回身份证。</translation>
    </message>
    <message>
      <source>This ID card has expired</source>
      <translation>该身份证已过有效期</translation>
    </message>
    <message>
      <source>The card could not be read</source>
      <translation>未能识别证件</translation>
    </message>
    <message>
      <source>Please take the card off the reader and place it again, flat and still, on the marked area.</source>
      <translation>请将证件从阅读器上取下，再重新平放在感应区内，保持不动。</translation>
    </message>
    <message>
      <source>The ID card reader is not available</source>
      <translation>身份证阅读器暂时无法使用</translation>
    </message>
    <message>
      <source>Valid until: %1</source>
      <translation>有效期至：%1</translation>
    </message>
    <message>
      <source>Long-term</source>
      <translation>长期</translation>
    </message>
  </context>
  <context>
    <name>IdentifyMethods</name>
    <message>
      <source>Resident ID card</source>
      <translation>居民身份证</translation>
    </message>
  </context>
</TS>
