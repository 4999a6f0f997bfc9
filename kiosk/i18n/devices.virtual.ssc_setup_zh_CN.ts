<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>DemoActions</name>
    <message>
      <source>Remove social security card</source>
      <translation>取出社会保障卡</translation>
    </message>
    <message>
      <source>Insert sample social security card</source>
      <translation>插入示例社会保障卡</translation>
    </message>
    <message>
      <source>Insert social security card with PIN 123456</source>
      <translation>插入需要密码的社会保障卡（密码 123456）</translation>
    </message>
    <message>
      <source>Insert social security card with blocked PIN</source>
      <translation>插入密码已锁定的社会保障卡</translation>
    </message>
    <message>
      <source>Insert bank card into the card slot</source>
      <translation>在读卡口插入银行卡</translation>
    </message>
    <message>
      <source>Insert social security card that does not answer</source>
      <translation>插入无响应的社会保障卡</translation>
    </message>
    <message>
      <source>Social security card pulled out during reading</source>
      <translation>读卡过程中拔出社会保障卡</translation>
    </message>
  </context>
</TS>
