<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>GuideScreen</name>
    <message>
      <source>Service guide</source>
      <translation>办事指南</translation>
    </message>
    <message>
      <source>Print this notice</source>
      <translation>打印一次性告知单</translation>
    </message>
    <message>
      <source>Take a number for this</source>
      <translation>为此事项取号</translation>
    </message>
    <message>
      <source>Apply here</source>
      <translation>在本机申报</translation>
    </message>
    <message>
      <source>Ask or complain</source>
      <translation>咨询投诉</translation>
    </message>
    <message>
      <source>This service could not be found. It may have been withdrawn; please search again.</source>
      <translation>未找到该事项，可能已调整，请重新搜索。</translation>
    </message>
    <message>
      <source>Department: %1</source>
      <translation>实施部门：%1</translation>
    </message>
    <message>
      <source>The guide below is published in Chinese by the department; staff at the help desk can explain it.</source>
      <translation>以下指南由部门以中文发布，如需解释请咨询服务台工作人员。</translation>
    </message>
    <message>
      <source>Item code: %1</source>
      <translation>实施编码：%1</translation>
    </message>
    <message>
      <source>Basic code: %1</source>
      <translation>基本编码：%1</translation>
    </message>
    <message>
      <source>Scan to read this guide on your phone</source>
      <translation>手机扫码查看指南</translation>
    </message>
    <message>
      <source>What this kiosk can do</source>
      <translation>本机可办</translation>
    </message>
    <message>
      <source>Online service depth: %1</source>
      <translation>网办深度：%1</translation>
    </message>
    <message>
      <source>Visits to the hall needed: %1</source>
      <translation>到现场次数：%1</translation>
    </message>
    <message>
      <source>Conditions</source>
      <translation>受理条件</translation>
    </message>
    <message>
      <source>Process</source>
      <translation>办理流程</translation>
    </message>
    <message>
      <source>Time limits</source>
      <translation>办理时限</translation>
    </message>
    <message>
      <source>Promised: %1</source>
      <translation>承诺时限：%1</translation>
    </message>
    <message>
      <source>Statutory: %1</source>
      <translation>法定时限：%1</translation>
    </message>
    <message>
      <source>Fees</source>
      <translation>收费标准</translation>
    </message>
    <message>
      <source>Basis: %1</source>
      <translation>收费依据：%1</translation>
    </message>
    <message>
      <source>Where and when</source>
      <translation>办理地点和时间</translation>
    </message>
    <message>
      <source>Enquiries and complaints</source>
      <translation>咨询和投诉</translation>
    </message>
    <message>
      <source>Enquiry phone: %1</source>
      <translation>咨询电话：%1</translation>
    </message>
    <message>
      <source>Complaint phone: %1</source>
      <translation>投诉电话：%1</translation>
    </message>
    <message>
      <source>Legal basis</source>
      <translation>设定依据</translation>
    </message>
    <message>
      <source>Materials to bring</source>
      <translation>申请材料</translation>
    </message>
    <message>
      <source>No materials needed.</source>
      <translation>无需提交材料。</translation>
    </message>
    <message>
      <source>Printing…</source>
      <translation>正在打印……</translation>
    </message>
    <message>
      <source>Printed. Please take your notice from the slot below the screen.</source>
      <translation>打印完成，请从屏幕下方出纸口取走告知单。</translation>
    </message>
  </context>
</TS>
