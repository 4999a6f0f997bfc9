<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>IdentifyMethods</name>
    <message>
      <source>Social security card</source>
      <translation>社会保障卡</translation>
    </message>
  </context>
  <context>
    <name>IdentifySscScreen</name>
    <message>
      <source>Social security card</source>
      <translation>社会保障卡</translation>
    </message>
    <message>
      <source>Your card has been read</source>
      <translation>已读取您的社会保障卡</translation>
    </message>
    <message>
      <source>Insert your social security card into the card slot, chip facing up and going in first</source>
      <translation>请将社会保障卡插入读卡口，芯片朝上、芯片一端先插入</translation>
    </message>
    <message>
      <source>Try again</source>
      <translation>再试一次</translation>
    </message>
    <message>
      <source>Use another way</source>
      <translation>换一种方式</translation>
    </message>
    <message>
      <source>Continue</source>
      <translation>继续</translation>
    </message>
    <message>
      <source>Card read. Is this you?</source>
      <translation>读卡成功，请核对是否为本人</translation>
    </message>
    <message>
      <source>Waiting for your card…</source>
      <translation>正在等待插卡…</translation>
    </message>
    <message>
      <source>Reading your card. Please leave it in the slot.</source>
      <translation>正在读卡，请不要拔出卡片。</translation>
    </message>
    <message>
      <source>Checking the PIN with your card…</source>
      <translation>正在核验密码…</translation>
    </message>
    <message>
      <source>The card could not be used</source>
      <translation>此卡暂时无法使用</translation>
    </message>
    <message numerus="yes">
      <source>%n tries left.</source>
      <translation>
        <numerusform>还可以尝试 %n 次。</numerusform>
      </translation>
    </message>
    <message>
      <source>Not me: read another card</source>
      <translation>不是本人，换一张卡</translation>
    </message>
    <message>
      <source>not on the card</source>
      <translation>卡上未记载</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>社会保障号码</translation>
    </message>
    <message>
      <source>Card number</source>
      <translation>卡号</translation>
    </message>
    <message>
      <source>Valid until</source>
      <translation>有效期至</translation>
    </message>
    <message>
      <source>This card has expired. Some services may ask for a valid card.</source>
      <translation>此卡已过有效期，部分业务可能需要有效的卡。</translation>
    </message>
  </context>
</TS>
