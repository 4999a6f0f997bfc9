<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>IdentifyScreen</name>
    <message>
      <source>Identify yourself</source>
      <translation>身份识别</translation>
    </message>
    <message>
      <source>Choose how you want to identify yourself. Your information is used only for this visit and cleared when you finish.</source>
      <translation>请选择身份识别方式。您的信息仅用于本次办理，结束后立即清除。</translation>
    </message>
  </context>
</TS>
