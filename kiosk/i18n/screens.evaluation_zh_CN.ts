<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>EvaluationScreen</name>
    <message>
      <source>Very satisfied</source>
      <translation>非常满意</translation>
    </message>
    <message>
      <source>Satisfied</source>
      <translation>满意</translation>
    </message>
    <message>
      <source>Basically satisfied</source>
      <translation>基本满意</translation>
    </message>
    <message>
      <source>Dissatisfied</source>
      <translation>不满意</translation>
    </message>
    <message>
      <source>Very dissatisfied</source>
      <translation>非常不满意</translation>
    </message>
    <message>
      <source>Waited too long</source>
      <translation>等候时间太长</translation>
    </message>
    <message>
      <source>The guide was unclear</source>
      <translation>办事指南不清楚</translation>
    </message>
    <message>
      <source>Too many materials asked for</source>
      <translation>要求的材料太多</translation>
    </message>
    <message>
      <source>Staff attitude</source>
      <translation>工作人员态度</translation>
    </message>
    <message>
      <source>The kiosk did not work well</source>
      <translation>自助终端不好用</translation>
    </message>
    <message>
      <source>My matter was not solved</source>
      <translation>事情没有办成</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>Rate a service</source>
      <translation>服务评价</translation>
    </message>
    <message>
      <source>Thank you. Your rating has been recorded. Reference: %1</source>
      <translation>感谢您的评价，已记录。编号：%1</translation>
    </message>
    <message>
      <source>Thank you. The platform cannot be reached right now: your rating is saved on this kiosk and will be sent when the connection returns. Reference: %1</source>
      <translation>感谢您的评价。目前无法连接平台：您的评价已保存在本机，网络恢复后将自动提交。编号：%1</translation>
    </message>
    <message>
      <source>You are rating: %1</source>
      <translation>您正在评价：%1</translation>
    </message>
    <message>
      <source>Skip</source>
      <translation>跳过</translation>
    </message>
    <message>
      <source>How satisfied are you with the service today?</source>
      <translation>您对今天的服务满意吗？</translation>
    </message>
    <message>
      <source>Your rating is anonymous: the department does not see who you are.</source>
      <translation>评价为匿名，办理部门看不到您的身份。</translation>
    </message>
    <message>
      <source>What went wrong? Choose one or more.</source>
      <translation>哪些方面不满意？可多选。</translation>
    </message>
    <message>
      <source>Submit rating</source>
      <translation>提交评价</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>完成</translation>
    </message>
  </context>
</TS>
