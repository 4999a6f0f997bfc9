<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>IdentifyMethods</name>
    <message>
      <source>Social security card</source>
      <translation>社会保障卡</translation>
    </message>
  </context>
  <context>
    <name>IdentifySscScreen</name>
    <message>
      <source>Social security card</source>
      <translation>社会保障卡</translation>
    </message>
    <message>
      <source>Your card has been read</source>
      <translation>已读取您的社会保障卡</translation>
    </message>
    <message>
      <source>Insert your social security card into the card slot, chip facing up and going in first</source>
      <translation>请将社会保障卡插入读卡口，芯片朝上、芯片一端先插入</translation>
    </message>
    <message>
      <source>Try again</source>
      <translation>再试一次</translation>
    </message>
    <message>
      <source>Use another way</source>
      <translation>换一种方式</translation>
    </message>
    <message>
      <source>Continue</source>
      <translation>继续</translation>
    </message>
    <message>
      <source>Card read. Is this you?</source>
      <translation>读卡成功，请核对是否为本人</translation>
    </message>
    <message>
      <source>Waiting for your card…</source>
      <translation>正在等待插卡…</translation>
    </message>
    <message>
      <source>Reading your card. Please leave it in the slot.</source>
      <translation>正在读卡，请不要拔出卡片。</translation>
    </message>
    <message>
      <source>Checking the PIN with your card…</source>
      <translation>正在核验密码…</translation>
    </message>
    <message>
      <source>The card could not be used</source>
      <translation>此卡暂时无法使用</translation>
    </message>
    <message numerus="yes">
      <source>%n tries left.</source>
      <translation>
        <numerusform>还可以尝试 %n 次。</numerusform>
      </translation>
    </message>
    <message>
      <source>Not me: read another card</source>
      <translation>不是本人，换一张卡</translation>
    </message>
    <message>
      <source>not on the card</source>
      <translation>卡上未记载</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>社会保障号码</translation>
    </message>
    <message>
      <source>Card number</source>
      <translation>卡号</translation>
    </message>
    <message>
      <source>Valid until</source>
      <translation>有效期至</translation>
    </message>
    <message>
      <source>This card has expired. Some services may ask for a valid card.</source>
      <translation>此卡已过有效期，部分业务可能需要有效的卡。</translation>
    </message>
  </context>
  <context>
    <name>SscMessages</name>
    <message>
      <source>The card reader is not working right now. Please use another way to identify yourself, or ask the staff for help.</source>
      <translation>读卡器暂时无法使用。请换一种方式验证身份，或请工作人员帮助。</translation>
    </message>
    <message>
      <source>The card reader is not connected. Please use another way to identify yourself, or ask the staff for help.</source>
      <translation>读卡器未连接。请换一种方式验证身份，或请工作人员帮助。</translation>
    </message>
    <message>
      <source>The card reader was disconnected. Please wait a moment; if this message stays, ask the staff for help.</source>
      <translation>读卡器连接中断。请稍候；如果一直显示此提示，请工作人员帮助。</translation>
    </message>
    <message>
      <source>Please insert your social security card.</source>
      <translation>请插入您的社会保障卡。</translation>
    </message>
    <message>
      <source>The card was taken out before reading finished. Please insert it again and leave it in until the screen says it has been read.</source>
      <translation>读卡还没有完成，卡片就被拔出了。请重新插入，等屏幕提示读卡成功后再取出。</translation>
    </message>
    <message>
      <source>The card does not respond. Please take it out, check that the chip faces up and goes in first, and insert it again.</source>
      <translation>卡片没有响应。请取出卡片，确认芯片朝上、芯片一端先插入，再重新插入。</translation>
    </message>
    <message>
      <source>This is not a social security card. Please take it out and insert your social security card.</source>
      <translation>这不是社会保障卡。请取出后插入您的社会保障卡。</translation>
    </message>
    <message>
      <source>This is a bank card. Please take it out and insert your social security card. (Bank cards are only used when paying.)</source>
      <translation>这是一张银行卡。请取出后插入您的社会保障卡。（银行卡只在缴费时使用。）</translation>
    </message>
    <message>
      <source>The card could not be read. Please take it out and insert it again.</source>
      <translation>无法读取此卡。请取出后重新插入。</translation>
    </message>
    <message>
      <source>The information on this card cannot be read here. Please use another way to identify yourself, or ask the staff for help.</source>
      <translation>本机无法识别此卡上的信息。请换一种方式验证身份，或请工作人员帮助。</translation>
    </message>
    <message>
      <source>This card needs its PIN, but PIN entry is not available here. Please ask the staff for help.</source>
      <translation>此卡需要输入密码，但本机暂时无法输入密码。请工作人员帮助。</translation>
    </message>
    <message>
      <source>PIN entry was cancelled. Touch “Try again” to enter the PIN, or take the card out.</source>
      <translation>已取消输入密码。请点击“再试一次”重新输入密码，或取出卡片。</translation>
    </message>
    <message>
      <source>The PIN was wrong. Touch “Try again” to enter it again.</source>
      <translation>密码错误。请点击“再试一次”重新输入。</translation>
    </message>
    <message>
      <source>The card's PIN is blocked after too many wrong tries. Please take the card to a social security service counter to have it unblocked.</source>
      <translation>密码错误次数过多，卡片密码已锁定。请携带卡片到社会保障服务窗口办理解锁。</translation>
    </message>
    <message>
      <source>The PIN pad is not working. Please ask the staff for help.</source>
      <translation>密码键盘暂时无法使用。请工作人员帮助。</translation>
    </message>
    <message>
      <source>Something went wrong while reading the card. Please take it out and insert it again.</source>
      <translation>读卡时出现问题。请取出卡片后重新插入。</translation>
    </message>
  </context>
</TS>
