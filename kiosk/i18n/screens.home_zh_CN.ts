<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>HomeScreen</name>
    <message>
      <source>Find a service</source>
      <translation>查找服务事项</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>我要申报</translation>
    </message>
    <message>
      <source>Pay</source>
      <translation>缴费</translation>
    </message>
    <message>
      <source>Print my licences</source>
      <translation>打印证照</translation>
    </message>
    <message>
      <source>Check my case</source>
      <translation>办件查询</translation>
    </message>
    <message>
      <source>Take a number</source>
      <translation>取号</translation>
    </message>
    <message>
      <source>Rate a service</source>
      <translation>服务评价</translation>
    </message>
    <message>
      <source>Ask or complain</source>
      <translation>咨询投诉</translation>
    </message>
    <message>
      <source>Identify myself</source>
      <translation>身份识别</translation>
    </message>
    <message>
      <source>Welcome. What would you like to do?</source>
      <translation>您好，请问您要办理什么业务？</translation>
    </message>
    <message>
      <source>Touch a button below. Tap “Large text” at the top for bigger letters.</source>
      <translation>请点击下方按钮。点击右上角“大字模式”可放大文字。</translation>
    </message>
    <message>
      <source>Need help? Staff at the help desk will gladly assist you. Government service hotline: 12345</source>
      <translation>需要帮助？请到咨询台找工作人员。政务服务便民热线：12345</translation>
    </message>
  </context>
</TS>
