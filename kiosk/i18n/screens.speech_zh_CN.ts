<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>Speaker</name>
    <message>
      <source>your details are on the screen</source>
      <translation>您的信息请看屏幕</translation>
    </message>
  </context>
</TS>
