<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>QueueTakeScreen</name>
    <message>
      <source>I have a disability card</source>
      <translation>我持有残疾人证</translation>
    </message>
    <message>
      <source>I am a serving soldier or veteran</source>
      <translation>我是现役军人或退役军人</translation>
    </message>
    <message>
      <source>I am pregnant</source>
      <translation>我是孕妇</translation>
    </message>
    <message>
      <source>Take a number</source>
      <translation>取号</translation>
    </message>
    <message>
      <source>Asking the hall's queue system…</source>
      <translation>正在连接大厅排队系统…</translation>
    </message>
    <message>
      <source>Choose what you have come for</source>
      <translation>请选择您要办理的业务</translation>
    </message>
    <message>
      <source>You can see how many people are waiting before you take a number.</source>
      <translation>取号前可以先看到每类业务的等候人数。</translation>
    </message>
    <message>
      <source>ID card needed</source>
      <translation>需验证身份证</translation>
    </message>
    <message>
      <source>Choose</source>
      <translation>选择</translation>
    </message>
    <message>
      <source>I have an appointment</source>
      <translation>我有预约</translation>
    </message>
    <message>
      <source>Nobody is waiting</source>
      <translation>无人等候</translation>
    </message>
    <message numerus="yes">
      <source>about %n min</source>
      <translation>
        <numerusform>约 %n 分钟</numerusform>
      </translation>
    </message>
    <message>
      <source>Windows: %1</source>
      <translation>办理窗口：%1</translation>
    </message>
    <message numerus="yes">
      <source>Waiting: %n</source>
      <translation>
        <numerusform>等候 %n 人</numerusform>
      </translation>
    </message>
    <message>
      <source>Where am I in the queue?</source>
      <translation>查看排队进度</translation>
    </message>
    <message>
      <source>Book for another day</source>
      <translation>预约其他日期</translation>
    </message>
    <message numerus="yes">
      <source>Numbers per person per day on this line: %n</source>
      <translation>
        <numerusform>此类业务每人每天限取 %n 个号</numerusform>
      </translation>
    </message>
    <message>
      <source>Other lines</source>
      <translation>其他业务</translation>
    </message>
    <message>
      <source>Identify</source>
      <translation>验证身份</translation>
    </message>
    <message>
      <source>You are %1 or older: your number will be in the priority line.</source>
      <translation>您已年满 %1 周岁，将为您取绿色通道号。</translation>
    </message>
    <message>
      <source>The estimate is from recent service times; it can change.</source>
      <translation>预计等候时间根据近期办理用时估算，仅供参考。</translation>
    </message>
    <message>
      <source>Priority line (绿色通道)</source>
      <translation>绿色通道</translation>
    </message>
    <message>
      <source>If one of these applies to you, touch it. Please show your certificate at the window.</source>
      <translation>如符合以下情况，请点选，并在窗口出示有效证件。</translation>
    </message>
    <message>
      <source>Aged %1 or over</source>
      <translation>年满 %1 周岁</translation>
    </message>
    <message>
      <source>None of these</source>
      <translation>都不是</translation>
    </message>
    <message>
      <source>Getting your number…</source>
      <translation>正在取号…</translation>
    </message>
    <message>
      <source>Issued at %1</source>
      <translation>取号时间 %1</translation>
    </message>
    <message>
      <source>Your number</source>
      <translation>您的号码</translation>
    </message>
    <message>
      <source>Please take your ticket from the slot below the screen. Scan its QR code to follow the queue on your phone.</source>
      <translation>请从屏幕下方出纸口取走凭条。扫描凭条上的二维码，可在手机上查看排队进度。</translation>
    </message>
    <message>
      <source>Finish</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>The ticket was not printed</source>
      <translation>凭条未能打印</translation>
    </message>
    <message>
      <source>Your number has been kept for you. Print it again, or give it up if you do not need it.</source>
      <translation>您的号码已为您保留。可以重新打印；如不需要，也可以放弃这个号。</translation>
    </message>
    <message>
      <source>The number cannot be printed here, so it will be cancelled. Please get a number at the service desk near the entrance.</source>
      <translation>这个号码在本机无法打印，将被取消。请到入口处的服务台取号。</translation>
    </message>
    <message>
      <source>Give up this number</source>
      <translation>放弃这个号</translation>
    </message>
    <message>
      <source>Print again</source>
      <translation>重新打印</translation>
    </message>
    <message>
      <source>Number given up</source>
      <translation>已放弃号码</translation>
    </message>
    <message>
      <source>The number was cancelled. If you still need one, please get it at the service desk near the entrance.</source>
      <translation>这个号码已取消。如仍需取号，请到入口处的服务台。</translation>
    </message>
    <message>
      <source>Try again</source>
      <translation>重试</translation>
    </message>
  </context>
</TS>
