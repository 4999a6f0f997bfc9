<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>PinPadScreen</name>
    <message>
      <source>Card PIN</source>
      <translation>社会保障卡密码</translation>
    </message>
    <message numerus="yes">
      <source>Enter the %n-digit PIN of your social security card</source>
      <translation>
        <numerusform>请输入 %n 位社会保障卡密码</numerusform>
      </translation>
    </message>
    <message>
      <source>Cover the keypad with your hand while you type. Then touch Confirm.</source>
      <translation>输入时请用手遮挡键盘，输完后点击“确认”。</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>The PIN goes only to your card. The kiosk does not keep it.</source>
      <translation>密码只发送给您的卡片，本机不会保存。</translation>
    </message>
    <message>
      <source>Wrong PIN. This is your last try: one more wrong PIN blocks the card.</source>
      <translation>密码错误。这是最后一次机会：再输错一次，卡片密码将被锁定。</translation>
    </message>
    <message numerus="yes">
      <source>Wrong PIN. You have %n tries left.</source>
      <translation>
        <numerusform>密码错误，您还可以尝试 %n 次。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Please enter all %n digits.</source>
      <translation>
        <numerusform>请输入全部 %n 位数字。</numerusform>
      </translation>
    </message>
  </context>
</TS>
