<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AttractOverlay</name>
    <message>
      <source>One ID card for everything</source>
      <translation>一证通办</translation>
    </message>
    <message>
      <source>Find a service and its guide</source>
      <translation>查找事项和办事指南</translation>
    </message>
    <message>
      <source>Print your e-licences and certificates</source>
      <translation>打印电子证照和证明</translation>
    </message>
    <message>
      <source>Check the progress of your case</source>
      <translation>查询办件进度</translation>
    </message>
    <message>
      <source>Take a queue number</source>
      <translation>排队取号</translation>
    </message>
    <message>
      <source>Welcome to the self-service kiosk</source>
      <translation>欢迎使用政务服务自助终端</translation>
    </message>
    <message>
      <source>Touch the screen to start</source>
      <translation>请触摸屏幕开始</translation>
    </message>
  </context>
  <context>
    <name>IdleWarning</name>
    <message>
      <source>Are you still there?</source>
      <translation>您还在吗？</translation>
    </message>
    <message>
      <source>To protect your personal information, this session will end and your data will be cleared when the countdown reaches zero.</source>
      <translation>为保护您的个人信息，倒计时结束后将退出本次办理并清除您的信息。</translation>
    </message>
    <message>
      <source>Continue</source>
      <translation>继续办理</translation>
    </message>
    <message>
      <source>End now</source>
      <translation>立即退出</translation>
    </message>
  </context>
</TS>
