<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>DemoActions</name>
    <message>
      <source>Place sample ID card</source>
      <translation>放置示例身份证</translation>
    </message>
    <message>
      <source>Place ID card valid long-term</source>
      <translation>放置长期有效身份证</translation>
    </message>
    <message>
      <source>Place expired ID card</source>
      <translation>放置过期身份证</translation>
    </message>
    <message>
      <source>Place HK/Macau/Taiwan residence permit</source>
      <translation>放置港澳台居民居住证</translation>
    </message>
    <message>
      <source>Place foreign permanent residence card</source>
      <translation>放置外国人永久居留身份证</translation>
    </message>
    <message>
      <source>Remove ID card</source>
      <translation>取走身份证</translation>
    </message>
    <message>
      <source>ID card taken away during reading</source>
      <translation>读卡过程中取走身份证</translation>
    </message>
    <message>
      <source>Unplug the ID card reader</source>
      <translation>拔出身份证阅读器</translation>
    </message>
    <message>
      <source>Plug the ID card reader back in</source>
      <translation>重新接入身份证阅读器</translation>
    </message>
  </context>
</TS>
