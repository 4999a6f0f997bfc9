<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>Messages</name>
    <message>
      <source>Please ask the staff for help.</source>
      <translation>请向工作人员求助。</translation>
    </message>
    <message>
      <source>This cannot be done at this kiosk right now.</source>
      <translation>本机暂时无法办理此项业务。</translation>
    </message>
    <message>
      <source>This document did not pass the authenticity check and will not be printed. The staff have been told; please ask at the service window.</source>
      <translation>该文件未通过真实性核验，不予打印。已通知工作人员，请到服务窗口咨询。</translation>
    </message>
    <message>
      <source>The printer has run out of paper. The staff have been told; nothing was printed.</source>
      <translation>打印机缺纸，未打印任何内容。已通知工作人员。</translation>
    </message>
    <message>
      <source>Paper is stuck in the printer. The staff have been told.</source>
      <translation>打印机卡纸，已通知工作人员。</translation>
    </message>
    <message>
      <source>A printer cover is open. The staff have been told.</source>
      <translation>打印机盖板未关闭，已通知工作人员。</translation>
    </message>
    <message>
      <source>The printer has run out of toner. The staff have been told.</source>
      <translation>打印机墨粉用尽，已通知工作人员。</translation>
    </message>
    <message>
      <source>Printing took too long and was stopped; nothing more will come out.</source>
      <translation>打印超时，已取消，不会再有文件输出。</translation>
    </message>
    <message>
      <source>This document has already been tried twice. The staff can print it for you.</source>
      <translation>该证照已尝试打印两次，工作人员可以为您打印。</translation>
    </message>
    <message>
      <source>Your documents cannot be fetched right now. Please try again later.</source>
      <translation>暂时无法获取您的证照，请稍后再试。</translation>
    </message>
    <message>
      <source>This document cannot be printed at this kiosk. Please ask at the service window.</source>
      <translation>本机无法打印该文件，请到服务窗口咨询。</translation>
    </message>
    <message>
      <source>The printer is not available right now. The staff have been told; please try again in a few minutes.</source>
      <translation>打印机暂时不可用，已通知工作人员，请几分钟后再试。</translation>
    </message>
    <message>
      <source>This kiosk cannot print certificates right now. Please use another kiosk.</source>
      <translation>本机暂时无法打印证照，请使用其他自助终端。</translation>
    </message>
    <message>
      <source>The document could not be printed.</source>
      <translation>文件未能打印。</translation>
    </message>
    <message>
      <source>The receipt printer is not available on this kiosk. Please scan the QR code to keep this guide.</source>
      <translation>本机凭条打印机暂不可用。请扫描二维码保存指南。</translation>
    </message>
    <message>
      <source>The receipt printer is out of paper. Please scan the QR code to keep this guide; staff have been told.</source>
      <translation>凭条打印机缺纸。请扫描二维码保存指南，已通知工作人员。</translation>
    </message>
    <message>
      <source>The receipt printer's cover is open. Please scan the QR code instead.</source>
      <translation>凭条打印机仓盖未关闭。请扫描二维码查看指南。</translation>
    </message>
    <message>
      <source>The receipt printer is not responding. Please scan the QR code instead.</source>
      <translation>凭条打印机没有响应。请扫描二维码查看指南。</translation>
    </message>
    <message>
      <source>The notice could not be printed. Please scan the QR code instead.</source>
      <translation>告知单未能打印。请扫描二维码查看。</translation>
    </message>
    <message>
      <source>The card reader is not available. Please choose another way to identify yourself.</source>
      <translation>读卡器暂不可用，请换一种方式识别身份。</translation>
    </message>
    <message>
      <source>The card could not be read. Please take the card off the reader and place it again, flat and still, on the marked area.</source>
      <translation>未能读取证件。请将证件从阅读器上取下，再重新平放在感应区内，保持不动。</translation>
    </message>
    <message>
      <source>An expired card cannot be used here. Please take your card back and choose another way to identify yourself.</source>
      <translation>过期证件无法在此使用。请取回证件，换一种方式识别身份。</translation>
    </message>
    <message>
      <source>This card cannot be used here. Please choose another way to identify yourself.</source>
      <translation>此卡无法在此使用，请换一种方式识别身份。</translation>
    </message>
    <message>
      <source>The card's PIN is blocked; the card's issuing office can unblock it.</source>
      <translation>该卡密码已锁定，请到发卡机构解锁。</translation>
    </message>
    <message>
      <source>The PIN was not accepted. Please try again.</source>
      <translation>密码未通过，请重试。</translation>
    </message>
    <message>
      <source>The face check is not available right now.</source>
      <translation>人脸核验暂不可用。</translation>
    </message>
    <message>
      <source>No face could be seen clearly. Please look at the camera and try again.</source>
      <translation>未能看清人脸，请正对摄像头后重试。</translation>
    </message>
    <message>
      <source>There is no photo on file to compare your face with.</source>
      <translation>没有可用于比对的存档照片。</translation>
    </message>
    <message>
      <source>The service platform cannot be reached right now. Please try again later.</source>
      <translation>暂时无法连接服务平台，请稍后再试。</translation>
    </message>
    <message>
      <source>No identification device is working on this kiosk right now.</source>
      <translation>本机身份识别设备暂不可用。</translation>
    </message>
    <message>
      <source>If this happens again, the card may be damaged.</source>
      <translation>如果再次出现此情况，证件可能已损坏。</translation>
    </message>
    <message>
      <source>The scanner is not working right now.</source>
      <translation>扫码器暂时无法使用。</translation>
    </message>
    <message>
      <source>The document camera is not working right now.</source>
      <translation>高拍仪暂时无法使用。</translation>
    </message>
    <message>
      <source>The card reader is not working right now. Please use another way to identify yourself.</source>
      <translation>读卡器暂时无法使用。请换一种方式验证身份。</translation>
    </message>
    <message>
      <source>The card reader is not connected. Please use another way to identify yourself.</source>
      <translation>读卡器未连接。请换一种方式验证身份。</translation>
    </message>
    <message>
      <source>The card reader was disconnected; it may come back in a moment.</source>
      <translation>读卡器连接中断，请稍候。</translation>
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
      <source>The information on this card cannot be read here. Please use another way to identify yourself.</source>
      <translation>本机无法识别此卡上的信息。请换一种方式验证身份。</translation>
    </message>
    <message>
      <source>This card needs its PIN, but PIN entry is not available here.</source>
      <translation>此卡需要输入密码，但本机暂时无法输入密码。</translation>
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
      <source>The PIN pad is not working.</source>
      <translation>密码键盘暂时无法使用。</translation>
    </message>
    <message>
      <source>Something went wrong while reading the card. Please take it out and insert it again.</source>
      <translation>读卡时出现问题。请取出卡片后重新插入。</translation>
    </message>
    <message>
      <source>The service guides cannot be loaded right now.</source>
      <translation>暂时无法加载办事指南。</translation>
    </message>
    <message>
      <source>Ratings cannot be recorded on this kiosk right now. You can also rate by calling 12345.</source>
      <translation>本机暂时无法记录评价，也可拨打 12345 评价。</translation>
    </message>
    <message>
      <source>Your rating could not be saved. You can also rate by calling 12345.</source>
      <translation>评价未能保存，也可拨打 12345 评价。</translation>
    </message>
    <message>
      <source>This service is not available on this kiosk yet. Please take it to a service counter.</source>
      <translation>本机暂未开通此项服务，请前往服务窗口办理。</translation>
    </message>
  </context>
</TS>
