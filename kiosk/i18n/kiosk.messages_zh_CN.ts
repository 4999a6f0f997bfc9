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
    <message>
      <source>Case progress needs the connection to the service platform, which is not available right now. You can call the 12345 hotline or ask at a service window.</source>
      <translation>查询办件进度需要连接政务服务平台，目前无法连接。您可以拨打12345热线，或到服务窗口咨询。</translation>
    </message>
    <message>
      <source>No case has this number. Please check the number on your receipt and type it again.</source>
      <translation>没有找到这个受理编号的办件。请核对回执上的编号后重新输入。</translation>
    </message>
    <message>
      <source>A case number has two letters and 20 digits, like SL-990100-20261122-000123. Please check it and type it again.</source>
      <translation>受理编号由2个字母和20位数字组成，例如 SL-990100-20261122-000123。请核对后重新输入。</translation>
    </message>
    <message>
      <source>This QR code is not a case receipt. Please scan the QR code on your acceptance receipt, or type the case number.</source>
      <translation>这不是办件回执的二维码。请扫描受理回执上的二维码，或输入受理编号。</translation>
    </message>
    <message>
      <source>The QR code on this receipt has expired. Please type the case number printed on it, or identify yourself to see all your cases.</source>
      <translation>这张回执上的二维码已过期。请输入回执上印的受理编号，或核验身份后查看您的全部办件。</translation>
    </message>
    <message>
      <source>Case progress cannot be shown right now. You can call the 12345 hotline or ask at a service window.</source>
      <translation>暂时无法显示办件进度。您可以拨打12345热线，或到服务窗口咨询。</translation>
    </message>
    <message>
      <source>Please identify yourself first.</source>
      <translation>请先进行身份识别。</translation>
    </message>
    <message>
      <source>This item cannot be applied for at this kiosk. Please apply at the service window.</source>
      <translation>本事项暂不能在自助终端申报，请到服务窗口办理。</translation>
    </message>
    <message>
      <source>This application needs the connection to the service platform, which is down right now. Please try again later or apply at the service window.</source>
      <translation>本事项申报需要连接政务服务平台，目前网络中断。请稍后再试，或到服务窗口办理。</translation>
    </message>
    <message>
      <source>A required material is still missing. Please scan it.</source>
      <translation>还缺少必需的材料，请扫描提交。</translation>
    </message>
    <message>
      <source>Please sign in the box before you go on.</source>
      <translation>请在框内签名后继续。</translation>
    </message>
    <message>
      <source>That page is too blurry to read. Please hold it flat and still and take it again.</source>
      <translation>这一页太模糊，无法识读。请将材料放平、保持不动，重新拍摄。</translation>
    </message>
    <message>
      <source>The edges of the page were not all visible. Please lay the whole page inside the frame and take it again.</source>
      <translation>未能看到整页的边缘。请将整页材料放在取景框内，重新拍摄。</translation>
    </message>
    <message>
      <source>No more pages can be added to this material.</source>
      <translation>这份材料不能再添加页面了。</translation>
    </message>
    <message>
      <source>These pages are too many to submit from this kiosk at once. Please scan only the pages the guide asks for, or bring the rest to the window.</source>
      <translation>材料页数过多，无法在本终端一次提交。请只扫描办事指南要求的页面，其余材料请带到窗口。</translation>
    </message>
    <message>
      <source>Your application could not be saved at this kiosk, so it was not submitted. Nothing was sent.</source>
      <translation>您的申报未能保存在本终端，因此没有提交，也没有发送任何信息。</translation>
    </message>
    <message>
      <source>Please fill this in.</source>
      <translation>请填写此项。</translation>
    </message>
    <message>
      <source>An ID number has 18 characters: 17 digits, then a digit or X.</source>
      <translation>公民身份号码为18位：17位数字，最后一位是数字或X。</translation>
    </message>
    <message>
      <source>This ID number is not right: please check each digit against the card.</source>
      <translation>该身份号码校验不通过，请对照证件逐位核对。</translation>
    </message>
    <message>
      <source>The date of birth in this ID number is not possible.</source>
      <translation>该身份号码中的出生日期不正确。</translation>
    </message>
    <message>
      <source>Please enter an 11-digit mobile number, or an area code and a landline number.</source>
      <translation>请填写11位手机号码，或区号加固定电话号码。</translation>
    </message>
    <message>
      <source>Please enter the date as year-month-day, for example 2026-05-01.</source>
      <translation>请按“年-月-日”填写日期，例如 2026-05-01。</translation>
    </message>
    <message>
      <source>This date does not exist.</source>
      <translation>没有这个日期。</translation>
    </message>
    <message>
      <source>This date is too far in the past or the future.</source>
      <translation>这个日期太早或太晚了。</translation>
    </message>
    <message>
      <source>A postcode has 6 digits.</source>
      <translation>邮政编码为6位数字。</translation>
    </message>
    <message>
      <source>An administrative division code has 6 digits.</source>
      <translation>行政区划代码为6位数字。</translation>
    </message>
    <message>
      <source>This administrative division code is not known.</source>
      <translation>没有这个行政区划代码。</translation>
    </message>
    <message>
      <source>Please choose one of the answers shown.</source>
      <translation>请从列出的选项中选择一项。</translation>
    </message>
    <message>
      <source>Please use digits only.</source>
      <translation>请只填写数字。</translation>
    </message>
    <message>
      <source>This is too short.</source>
      <translation>填写的内容太短。</translation>
    </message>
    <message>
      <source>This is too long.</source>
      <translation>填写的内容太长。</translation>
    </message>
    <message>
      <source>A unified social credit code has 18 characters: please check it against the business licence.</source>
      <translation>统一社会信用代码为18位，请对照营业执照核对。</translation>
    </message>
    <message>
      <source>Numbers cannot be issued at this kiosk right now. Please get a number at the service desk near the entrance.</source>
      <translation>本机暂时无法取号。请到入口处的服务台取号。</translation>
    </message>
    <message>
      <source>This line needs you to identify yourself first, with your ID card or social security card.</source>
      <translation>办理此类业务需先验证身份，请使用身份证或社会保障卡。</translation>
    </message>
    <message>
      <source>You have already taken the numbers allowed for this line today.</source>
      <translation>您今天在此类业务的取号次数已满。</translation>
    </message>
    <message>
      <source>The priority line cannot be given here. Please take a normal number.</source>
      <translation>本机无法为您办理绿色通道，请取普通号。</translation>
    </message>
    <message>
      <source>The queue system did not issue a number.</source>
      <translation>排队系统未能出号。</translation>
    </message>
    <message>
      <source>The ticket could not be printed, and the number is still yours: please remember the number shown here and watch the calling screen.</source>
      <translation>凭条未能打印，但这个号码仍然有效：请记住屏幕上显示的号码，留意叫号屏。</translation>
    </message>
    <message>
      <source>The queue system does not know this ticket. It may be from another day.</source>
      <translation>排队系统中没有这张凭条，可能不是今天的号。</translation>
    </message>
    <message>
      <source>No appointment was found for this code. Please identify yourself with your ID card to see your appointments.</source>
      <translation>没有找到这个预约码对应的预约。请用身份证验证身份，查看您的预约。</translation>
    </message>
    <message>
      <source>It is too early to check in for this appointment.</source>
      <translation>现在签到还太早。</translation>
    </message>
    <message>
      <source>The check-in time for this appointment has passed. Please take a number instead.</source>
      <translation>此预约的签到时间已过，请改为取号。</translation>
    </message>
    <message>
      <source>This appointment is not for today.</source>
      <translation>此预约不是今天的。</translation>
    </message>
    <message>
      <source>This appointment is at another service hall. Please check in there.</source>
      <translation>此预约在其他政务服务大厅，请到该大厅签到。</translation>
    </message>
    <message>
      <source>This appointment was cancelled. Please take a number instead.</source>
      <translation>此预约已取消，请改为取号。</translation>
    </message>
    <message>
      <source>This appointment is already checked in.</source>
      <translation>此预约已经签到。</translation>
    </message>
    <message>
      <source>This time is no longer free. Please choose another one.</source>
      <translation>这个时段已约满，请另选时段。</translation>
    </message>
    <message>
      <source>You already have an appointment for this line.</source>
      <translation>您已有此类业务的预约。</translation>
    </message>
    <message>
      <source>This hall does not take appointments at the kiosk. You can take a number today.</source>
      <translation>本大厅不在自助终端受理预约，您可以今天直接取号。</translation>
    </message>
    <message>
      <source>This is not an electronic ID or social security card code. Please open the code in your phone's government app.</source>
      <translation>这不是电子身份证或电子社保卡的码。请在手机的政务服务应用中打开您的码。</translation>
    </message>
    <message>
      <source>This code is not known to the service platform. Please refresh the code on your phone and try again.</source>
      <translation>服务平台无法识别此码。请在手机上刷新后再试。</translation>
    </message>
    <message>
      <source>This code has expired. Please refresh the code on your phone and show the new one.</source>
      <translation>此码已过期。请在手机上刷新，出示新的码。</translation>
    </message>
    <message>
      <source>This code has already been used. A code works only once: please refresh it on your phone. A screenshot of a code cannot be used.</source>
      <translation>此码已经使用过。每个码只能使用一次，请在手机上刷新。截图的码不能使用。</translation>
    </message>
    <message>
      <source>This code was made for another kiosk. Please refresh the code on your phone here.</source>
      <translation>此码是为另一台终端生成的。请在本机前刷新手机上的码。</translation>
    </message>
    <message>
      <source>The phone code needs the connection to the service platform, which is down right now. Please use your ID card or social security card.</source>
      <translation>手机码需要连接服务平台，目前网络中断。请使用身份证或社保卡。</translation>
    </message>
    <message>
      <source>There is no photo on file for this ID number, so face login cannot be used. Please choose another way.</source>
      <translation>此身份证号码没有留存照片，无法刷脸登录。请选择其他方式。</translation>
    </message>
    <message>
      <source>Face login cannot be used for this service. Please use your ID card or the phone code.</source>
      <translation>此项服务不能刷脸登录。请使用身份证或手机码。</translation>
    </message>
    <message>
      <source>Face login needs the connection to the service platform, which is down right now. Please use your ID card or social security card.</source>
      <translation>刷脸登录需要连接服务平台，目前网络中断。请使用身份证或社保卡。</translation>
    </message>
    <message>
      <source>Please write something here.</source>
      <translation>请在这里填写内容。</translation>
    </message>
    <message>
      <source>Please write a little more, so the department understands you.</source>
      <translation>请再多写一点，方便部门了解情况。</translation>
    </message>
    <message>
      <source>This is too long: please keep it under 500 characters.</source>
      <translation>内容过长，请控制在500字以内。</translation>
    </message>
    <message>
      <source>To be called back, please leave a mobile number.</source>
      <translation>需要回电的，请留下手机号码。</translation>
    </message>
    <message>
      <source>Please choose what the complaint is about.</source>
      <translation>请选择投诉的类别。</translation>
    </message>
    <message>
      <source>A complaint about a service item names the item: please start it from the item's guide, or choose another kind.</source>
      <translation>投诉办事事项需要指明事项：请从该事项的办事指南进入，或选择其他类别。</translation>
    </message>
    <message>
      <source>Please choose the information that is wrong or missing.</source>
      <translation>请选择有误或缺失的信息。</translation>
    </message>
    <message>
      <source>This change needs a proof: please scan the document that shows it.</source>
      <translation>这项更正需要证明材料，请扫描能证明的证件或材料。</translation>
    </message>
    <message>
      <source>Your data can be shown only with the connection to the service platform, which is down right now. Please try again later or ask at the service window.</source>
      <translation>需要连接服务平台才能显示您的数据，目前网络中断。请稍后再试或到服务窗口咨询。</translation>
    </message>
    <message>
      <source>The service platform holds no data of yours that can be corrected here.</source>
      <translation>服务平台没有可在本机更正的您的数据。</translation>
    </message>
    <message>
      <source>This could not be saved at this kiosk, so it was not sent. Nothing was sent.</source>
      <translation>本机未能保存，因此没有提交，也没有发送任何内容。</translation>
    </message>
    <message>
      <source>This has not reached the service platform yet: the kiosk that took it sends it as soon as it is online. Please look again later.</source>
      <translation>尚未送达服务平台：受理它的终端联网后会立即发送，请稍后再查。</translation>
    </message>
    <message>
      <source>Paying needs the connection to the payment platform, which is down right now. Nothing has been charged. Please try again later or pay at the service window.</source>
      <translation>缴费需要连接统一公共支付平台，目前连接中断。未扣任何款项。请稍后再试，或到服务窗口缴费。</translation>
    </message>
    <message>
      <source>We cannot reach the payment platform to learn whether you paid. If you paid, the payment counts and is never taken twice; the code stops working by itself. Please do not pay again: come back to “Pay” in a few minutes to see the result.</source>
      <translation>暂时无法向支付平台确认您是否已支付。如已支付，款项有效且绝不会重复扣款；付款码到期后自动失效。请勿重复支付，几分钟后回到“缴费”查看结果。</translation>
    </message>
    <message>
      <source>A mobile number has 11 digits and starts with 1, for example 13912345678. The courier calls or texts it.</source>
      <translation>手机号码为11位，以1开头，例如13912345678。快递员会拨打或发短信到此号码。</translation>
    </message>
    <message>
      <source>Please choose the province, city, district and street of the address.</source>
      <translation>请选择地址所在的省、市、区（县）和街道（乡镇）。</translation>
    </message>
    <message>
      <source>Posting needs the connection to the service platform, which is down right now. You can collect the result at the window instead.</source>
      <translation>邮寄需要连接政务服务平台，目前连接中断。您可以改为到窗口领取。</translation>
    </message>
    <message>
      <source>Your delivery choice could not be saved at this kiosk. The result waits for you at the window.</source>
      <translation>本终端未能保存您的送达方式，办理结果请到窗口领取。</translation>
    </message>
    <message>
      <source>The ticket printer has run out of paper. The staff have been told.</source>
      <translation>取号凭条打印机缺纸，已通知工作人员。</translation>
    </message>
    <message>
      <source>The ticket printer's cover is open.</source>
      <translation>取号凭条打印机的盖子没有关好。</translation>
    </message>
    <message>
      <source>The ticket printer is not working right now.</source>
      <translation>取号凭条打印机暂时无法使用。</translation>
    </message>
  </context>
</TS>
