<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>CaseScreen</name>
    <message>
      <source>Submitted</source>
      <translation>已提交</translation>
    </message>
    <message>
      <source>Accepted</source>
      <translation>已受理</translation>
    </message>
    <message>
      <source>Not accepted</source>
      <translation>不予受理</translation>
    </message>
    <message>
      <source>Under review</source>
      <translation>审查中</translation>
    </message>
    <message>
      <source>Materials missing: corrections requested</source>
      <translation>材料不全，需要补正</translation>
    </message>
    <message>
      <source>Corrections received</source>
      <translation>补正材料已收到</translation>
    </message>
    <message>
      <source>Approved</source>
      <translation>已批准</translation>
    </message>
    <message>
      <source>Refused</source>
      <translation>不予批准</translation>
    </message>
    <message>
      <source>Result ready</source>
      <translation>结果已出具</translation>
    </message>
    <message>
      <source>Result collected</source>
      <translation>结果已领取</translation>
    </message>
    <message>
      <source>at a window</source>
      <translation>窗口</translation>
    </message>
    <message>
      <source>online</source>
      <translation>网上</translation>
    </message>
    <message>
      <source>at a self-service kiosk</source>
      <translation>自助终端</translation>
    </message>
    <message>
      <source>The department checks whether your application can be accepted.</source>
      <translation>部门正在审查您的申请是否符合受理条件。</translation>
    </message>
    <message>
      <source>The department is reviewing your application. Nothing is needed from you now.</source>
      <translation>部门正在审查您的申请，目前不需要您做任何事。</translation>
    </message>
    <message>
      <source>The department is reviewing your application and will decide. Nothing is needed from you now.</source>
      <translation>部门正在审查您的申请并将作出决定，目前不需要您做任何事。</translation>
    </message>
    <message>
      <source>Hand in the missing materials before the deadline. Until then the case waits for you.</source>
      <translation>请在期限内补齐所缺材料，补齐之前办件暂停办理。</translation>
    </message>
    <message>
      <source>The result is being prepared.</source>
      <translation>办理结果正在制作中。</translation>
    </message>
    <message>
      <source>Collect the result at the window.</source>
      <translation>请到窗口领取办理结果。</translation>
    </message>
    <message>
      <source>The result has been sent to you by post.</source>
      <translation>办理结果已邮寄给您。</translation>
    </message>
    <message>
      <source>Collect the result from the 24-hour locker with the pick-up code.</source>
      <translation>请凭取件码到24小时智能文件柜领取办理结果。</translation>
    </message>
    <message>
      <source>The result is an e-licence: you can print it at this kiosk.</source>
      <translation>办理结果是电子证照，可以在本机打印。</translation>
    </message>
    <message>
      <source>The reason is given below. For questions, ask at a service window or call 12345.</source>
      <translation>原因见下方。如有疑问，请到服务窗口咨询或拨打12345。</translation>
    </message>
    <message>
      <source>Finished. Nothing more is needed.</source>
      <translation>已办结，不需要您再做什么。</translation>
    </message>
    <message>
      <source>Check my case</source>
      <translation>办件查询</translation>
    </message>
    <message>
      <source>How would you like to find your case?</source>
      <translation>您想怎样查找办件？</translation>
    </message>
    <message>
      <source>Looking up the case…</source>
      <translation>正在查询办件…</translation>
    </message>
    <message>
      <source>Without identifying, only the progress of one case is shown, never personal details.</source>
      <translation>不核验身份时，只显示一个办件的进度，不显示任何个人信息。</translation>
    </message>
    <message>
      <source>See all my cases</source>
      <translation>查看我的全部办件</translation>
    </message>
    <message>
      <source>Identify myself and see all my cases</source>
      <translation>核验身份，查看我的全部办件</translation>
    </message>
    <message>
      <source>Scan the QR code on my receipt</source>
      <translation>扫描回执上的二维码</translation>
    </message>
    <message>
      <source>Type the case number</source>
      <translation>输入受理编号</translation>
    </message>
    <message>
      <source>Your cases</source>
      <translation>您的办件</translation>
    </message>
    <message>
      <source>Fetching your cases…</source>
      <translation>正在查询您的办件…</translation>
    </message>
    <message>
      <source>Try again</source>
      <translation>重试</translation>
    </message>
    <message>
      <source>There are no cases in your name. A case you handed in today may take a moment to appear.</source>
      <translation>没有您名下的办件。今天刚提交的办件可能要稍后才能查到。</translation>
    </message>
    <message numerus="yes">
      <source>Cases: %n. Touch one to see every step.</source>
      <translation>
        <numerusform>共 %n 件，点击可查看每一步进度。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n of them overdue.</source>
      <translation>
        <numerusform>其中 %n 件已超期。</numerusform>
      </translation>
    </message>
    <message>
      <source>Finish</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>Case number: %1</source>
      <translation>受理编号：%1</translation>
    </message>
    <message>
      <source>%1, submitted on %2 %3</source>
      <translation>%1，%2 通过%3提交</translation>
    </message>
    <message>
      <source>Now: %1</source>
      <translation>当前：%1</translation>
    </message>
    <message numerus="yes">
      <source>Overdue: it was promised by %1 and is %n day(s) late. You can ask about it at the window or call 12345.</source>
      <translation>
        <numerusform>已超期：承诺 %1 前办结，已超过 %n 天。您可以到窗口询问或拨打12345。</numerusform>
      </translation>
    </message>
    <message>
      <source>Promised by %1</source>
      <translation>承诺办结时间：%1</translation>
    </message>
    <message>
      <source>Next: %1</source>
      <translation>下一步：%1</translation>
    </message>
    <message>
      <source>See every step</source>
      <translation>查看每一步</translation>
    </message>
    <message>
      <source>Reason given by the department</source>
      <translation>部门给出的原因</translation>
    </message>
    <message>
      <source>Only the progress is shown. Personal details (the applicant, tracking number, locker pick-up code) appear after the applicant identifies.</source>
      <translation>这里只显示办理进度。申请人本人核验身份后，才显示个人信息（申请人、快递单号、文件柜取件码）。</translation>
    </message>
    <message>
      <source>Identify myself</source>
      <translation>核验身份</translation>
    </message>
    <message>
      <source>Print a progress slip</source>
      <translation>打印进度查询单</translation>
    </message>
    <message>
      <source>Print my e-licence</source>
      <translation>打印我的电子证照</translation>
    </message>
    <message>
      <source>Back to my cases</source>
      <translation>返回我的办件</translation>
    </message>
    <message>
      <source>Look up another case</source>
      <translation>查询其他办件</translation>
    </message>
    <message>
      <source>Printing the progress slip…</source>
      <translation>正在打印进度查询单…</translation>
    </message>
    <message>
      <source>Please take your progress slip from the receipt slot.</source>
      <translation>请从凭条出口取走您的进度查询单。</translation>
    </message>
    <message>
      <source>Materials still missing</source>
      <translation>仍需补正的材料</translation>
    </message>
    <message>
      <source>The deadline for the missing materials (%1) has passed. Please ask at the window what you can do now.</source>
      <translation>补正期限（%1）已过。请到窗口询问现在怎么办。</translation>
    </message>
    <message>
      <source>Hand them in by %1.</source>
      <translation>请在 %1 前补齐。</translation>
    </message>
    <message>
      <source>You can hand them in here: scan them with the document camera.</source>
      <translation>可以在本机补交：用高拍仪扫描所缺材料即可。</translation>
    </message>
    <message>
      <source>Hand in the missing materials</source>
      <translation>补交所缺材料</translation>
    </message>
    <message>
      <source>Hand them in at %1, or where you applied online. This kiosk cannot take them for this item.</source>
      <translation>请到%1提交，网上申请的也可在网上补正。本机不能接收这个事项的补正材料。</translation>
    </message>
    <message>
      <source>How to collect the result</source>
      <translation>领取办理结果的方式</translation>
    </message>
    <message>
      <source>At the window: %1</source>
      <translation>窗口领取：%1</translation>
    </message>
    <message>
      <source>By post with %1.</source>
      <translation>由%1邮寄。</translation>
    </message>
    <message>
      <source>Tracking number: %1</source>
      <translation>快递单号：%1</translation>
    </message>
    <message>
      <source>In the 24-hour locker at %1</source>
      <translation>24小时智能文件柜：%1</translation>
    </message>
    <message>
      <source>(until %1)</source>
      <translation>（保留至 %1）</translation>
    </message>
    <message>
      <source>Locker %1, pick-up code %2</source>
      <translation>%1，取件码 %2</translation>
    </message>
    <message>
      <source>As an e-licence: %1</source>
      <translation>电子证照：%1</translation>
    </message>
    <message>
      <source>Every step so far</source>
      <translation>已办理的每一步</translation>
    </message>
  </context>
</TS>
