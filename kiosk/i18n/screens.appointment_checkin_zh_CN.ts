<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AppointmentCheckinScreen</name>
    <message>
      <source>Check in to an appointment</source>
      <translation>预约签到</translation>
    </message>
    <message>
      <source>Find your appointment</source>
      <translation>查找您的预约</translation>
    </message>
    <message>
      <source>Identify yourself to see today's appointments, or scan the QR code of your appointment.</source>
      <translation>验证身份后可查看今天的预约，也可以扫描预约二维码。</translation>
    </message>
    <message>
      <source>Scan the appointment code</source>
      <translation>扫描预约码</translation>
    </message>
    <message>
      <source>Identify</source>
      <translation>验证身份</translation>
    </message>
    <message>
      <source>Looking up your appointments…</source>
      <translation>正在查询您的预约…</translation>
    </message>
    <message>
      <source>%1/%2</source>
      <translation>%1月%2日</translation>
    </message>
    <message>
      <source>You can check in now.</source>
      <translation>现在可以签到。</translation>
    </message>
    <message>
      <source>Please come back from %1.</source>
      <translation>请在 %1 以后再来签到。</translation>
    </message>
    <message>
      <source>Please come back on %1 from %2.</source>
      <translation>请在%1 %2以后来签到。</translation>
    </message>
    <message>
      <source>Your number is %1.</source>
      <translation>您的号码是 %1。</translation>
    </message>
    <message>
      <source>Your appointments</source>
      <translation>您的预约</translation>
    </message>
    <message>
      <source>The appointment for %1 was cancelled.</source>
      <translation>%1的预约已取消。</translation>
    </message>
    <message>
      <source>You have no appointment from today on. You can take a number instead.</source>
      <translation>您今天及以后没有预约，可以直接取号。</translation>
    </message>
    <message>
      <source>Check-in is open from %1 minutes before to %2 minutes after the time of the appointment.</source>
      <translation>签到时间为预约时段开始前 %1 分钟至开始后 %2 分钟。</translation>
    </message>
    <message>
      <source>%1, %2 to %3</source>
      <translation>%1 %2-%3</translation>
    </message>
    <message>
      <source>Cancel this appointment</source>
      <translation>取消这个预约</translation>
    </message>
    <message>
      <source>Cancel %1</source>
      <translation>取消%1的预约</translation>
    </message>
    <message>
      <source>Check in</source>
      <translation>签到</translation>
    </message>
    <message>
      <source>Take a number instead</source>
      <translation>改为取号</translation>
    </message>
    <message>
      <source>Checking you in…</source>
      <translation>正在签到…</translation>
    </message>
    <message>
      <source>Windows: %1</source>
      <translation>办理窗口：%1</translation>
    </message>
    <message>
      <source>People ahead of you: %1</source>
      <translation>前面等候：%1 人</translation>
    </message>
    <message>
      <source>You are checked in</source>
      <translation>签到成功</translation>
    </message>
    <message>
      <source>Please take your ticket from the slot below the screen. Appointments are called first.</source>
      <translation>请从屏幕下方出纸口取走凭条。预约号优先叫号。</translation>
    </message>
    <message>
      <source>Finish</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>You are checked in all the same: please remember your number.</source>
      <translation>您已签到成功，请记住您的号码。</translation>
    </message>
    <message>
      <source>Print again</source>
      <translation>重新打印</translation>
    </message>
    <message>
      <source>Back to my appointments</source>
      <translation>返回我的预约</translation>
    </message>
    <message>
      <source>Scan again</source>
      <translation>重新扫描</translation>
    </message>
    <message>
      <source>Try again</source>
      <translation>重试</translation>
    </message>
  </context>
</TS>
