<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AppointmentBookingScreen</name>
    <message>
      <source>Mon</source>
      <translation>周一</translation>
    </message>
    <message>
      <source>Tue</source>
      <translation>周二</translation>
    </message>
    <message>
      <source>Wed</source>
      <translation>周三</translation>
    </message>
    <message>
      <source>Thu</source>
      <translation>周四</translation>
    </message>
    <message>
      <source>Fri</source>
      <translation>周五</translation>
    </message>
    <message>
      <source>Sat</source>
      <translation>周六</translation>
    </message>
    <message>
      <source>Sun</source>
      <translation>周日</translation>
    </message>
    <message>
      <source>Make an appointment</source>
      <translation>预约办理</translation>
    </message>
    <message>
      <source>%1/%2 (%3)</source>
      <translation>%1月%2日（%3）</translation>
    </message>
    <message>
      <source>An appointment is made in your name: please identify yourself first.</source>
      <translation>预约需实名办理，请先验证身份。</translation>
    </message>
    <message>
      <source>Identify</source>
      <translation>验证身份</translation>
    </message>
    <message>
      <source>Asking the hall's queue system…</source>
      <translation>正在连接大厅排队系统…</translation>
    </message>
    <message>
      <source>Which line is the appointment for?</source>
      <translation>请选择要预约的业务</translation>
    </message>
    <message>
      <source>Days ahead open for booking: %1</source>
      <translation>可预约未来 %1 天</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>返回</translation>
    </message>
    <message>
      <source>Looking for free times…</source>
      <translation>正在查询可预约时段…</translation>
    </message>
    <message>
      <source>There is no free time for this line in the coming days. You can take a number today.</source>
      <translation>近几天此类业务已约满，您可以今天直接取号。</translation>
    </message>
    <message>
      <source>Choose a day.</source>
      <translation>请选择日期。</translation>
    </message>
    <message>
      <source>Free places: %1</source>
      <translation>余号 %1</translation>
    </message>
    <message>
      <source>Choose a time.</source>
      <translation>请选择时段。</translation>
    </message>
    <message>
      <source>Please check your appointment</source>
      <translation>请核对预约信息</translation>
    </message>
    <message>
      <source>Check in at a kiosk from %1 minutes before to %2 minutes after the start.</source>
      <translation>请在预约时段开始前 %1 分钟至开始后 %2 分钟内到自助终端签到。</translation>
    </message>
    <message>
      <source>Book this time</source>
      <translation>预约这个时段</translation>
    </message>
    <message>
      <source>Booking…</source>
      <translation>正在预约…</translation>
    </message>
    <message>
      <source>Your appointment is booked</source>
      <translation>预约成功</translation>
    </message>
    <message>
      <source>Please take your appointment slip from the slot below the screen; scan its code when you check in.</source>
      <translation>请从屏幕下方出纸口取走预约凭条，签到时扫描凭条上的二维码。</translation>
    </message>
    <message>
      <source>Your appointment is booked all the same: when you come, identify yourself with your ID card to check in.</source>
      <translation>预约已经成功：到时请用身份证验证身份后签到。</translation>
    </message>
    <message>
      <source>Appointment code: %1</source>
      <translation>预约号：%1</translation>
    </message>
    <message>
      <source>Finish</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>Not booked</source>
      <translation>未能预约</translation>
    </message>
    <message>
      <source>Choose another time</source>
      <translation>另选时段</translation>
    </message>
    <message>
      <source>Take a number today</source>
      <translation>今天直接取号</translation>
    </message>
  </context>
</TS>
