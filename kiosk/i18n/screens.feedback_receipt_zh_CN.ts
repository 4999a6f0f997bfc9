<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>FeedbackReceipt</name>
    <message>
      <source>Your question has been received.</source>
      <translation>您的咨询已收到。</translation>
    </message>
    <message>
      <source>Your complaint has been received.</source>
      <translation>您的投诉已收到。</translation>
    </message>
    <message>
      <source>Your correction has been received.</source>
      <translation>您的纠错申请已收到。</translation>
    </message>
    <message>
      <source>Print a receipt</source>
      <translation>打印回执</translation>
    </message>
    <message>
      <source>Finish</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>Reference: %1</source>
      <translation>回执编号：%1</translation>
    </message>
    <message>
      <source>The department answers within %1 working days by text message or phone, and in Check my case.</source>
      <translation>部门将在%1个工作日内通过短信或电话答复，也可在“查询办件”中查看。</translation>
    </message>
    <message>
      <source>The department answers within %1 working days. Sent anonymously: keep the receipt to see the answer.</source>
      <translation>部门将在%1个工作日内答复。匿名提交：请保留回执以查看答复。</translation>
    </message>
    <message>
      <source>Sent to the service platform.</source>
      <translation>已送达服务平台。</translation>
    </message>
    <message>
      <source>The connection is down: it is kept safely at this kiosk and sent as soon as the connection returns.</source>
      <translation>网络中断：已安全保存在本机，网络恢复后立即发送。</translation>
    </message>
    <message>
      <source>No receipt printer here: please note the reference.</source>
      <translation>本机没有凭条打印机，请记下回执编号。</translation>
    </message>
  </context>
</TS>
