<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ApplyFormScreen</name>
    <message>
      <source>Apply for a service</source>
      <translation>自助申报</translation>
    </message>
    <message>
      <source>Previous step</source>
      <translation>上一步</translation>
    </message>
    <message>
      <source>Getting your form…</source>
      <translation>正在获取申请表…</translation>
    </message>
    <message>
      <source>The connection to the platform is down: only what your card holds is filled in, and materials from the e-licence library are scanned instead.</source>
      <translation>目前与政务服务平台的网络中断：只能根据您的证件信息填写，原本可从电子证照库调取的材料需改为扫描。</translation>
    </message>
    <message>
      <source>Please check what we filled in and complete the rest. Touch a box to type.</source>
      <translation>请核对已为您填好的内容，并补全其余各项。点击输入框即可输入。</translation>
    </message>
    <message>
      <source>Next: materials</source>
      <translation>下一步：材料</translation>
    </message>
    <message>
      <source>Filled in from what the government holds; correct it if needed.</source>
      <translation>已根据政府部门已有信息自动填写，如有不对请修改。</translation>
    </message>
    <message>
      <source>%1 (required)</source>
      <translation>%1（必填）</translation>
    </message>
    <message>
      <source>Next</source>
      <translation>下一步</translation>
    </message>
    <message>
      <source>Page %1: </source>
      <translation>第%1页：</translation>
    </message>
    <message>
      <source>These are the materials the guide lists.</source>
      <translation>以下是办事指南列明的材料。</translation>
    </message>
    <message>
      <source>Taken from the e-licence library (%1): nothing to bring.</source>
      <translation>已从电子证照库调取（%1），无需提交纸质材料。</translation>
    </message>
    <message>
      <source>Bring this to the window.</source>
      <translation>请到窗口出示。</translation>
    </message>
    <message>
      <source>This is the form you filled in.</source>
      <translation>即您刚填写的申请表。</translation>
    </message>
    <message>
      <source>Scanned pages: %1</source>
      <translation>已扫描 %1 页</translation>
    </message>
    <message>
      <source>To scan with the document camera.</source>
      <translation>请用材料扫描仪（高拍仪）扫描。</translation>
    </message>
    <message>
      <source>Scan again</source>
      <translation>重新扫描</translation>
    </message>
    <message>
      <source>Scan</source>
      <translation>扫描</translation>
    </message>
    <message>
      <source>Next: review</source>
      <translation>下一步：核对</translation>
    </message>
    <message>
      <source>Please sign with your finger in the box.</source>
      <translation>请用手指在框内签名。</translation>
    </message>
    <message>
      <source>Signing pad</source>
      <translation>签名板</translation>
    </message>
    <message>
      <source>Clear and sign again</source>
      <translation>清除重签</translation>
    </message>
    <message>
      <source>Submit</source>
      <translation>提交</translation>
    </message>
    <message>
      <source>The connection to the platform is down. You can still submit: the kiosk keeps your application safely and sends it when the connection returns.</source>
      <translation>目前与政务服务平台的网络中断。您仍可提交：本终端会妥善保存您的申报，网络恢复后自动发送。</translation>
    </message>
    <message>
      <source>Please check everything, then submit.</source>
      <translation>请核对以下信息，确认无误后提交。</translation>
    </message>
    <message>
      <source>Your answers</source>
      <translation>填写的信息</translation>
    </message>
    <message>
      <source>Corrections for case %1</source>
      <translation>补正材料，办件编号：%1</translation>
    </message>
    <message>
      <source>Change answers</source>
      <translation>修改信息</translation>
    </message>
    <message>
      <source>Materials</source>
      <translation>材料</translation>
    </message>
    <message>
      <source>from the e-licence library</source>
      <translation>电子证照库调取</translation>
    </message>
    <message>
      <source>bring to the window</source>
      <translation>到窗口出示</translation>
    </message>
    <message>
      <source>this form</source>
      <translation>本申请表</translation>
    </message>
    <message>
      <source>scanned</source>
      <translation>已扫描</translation>
    </message>
    <message>
      <source>Signed on the screen</source>
      <translation>已在屏幕上签名</translation>
    </message>
    <message>
      <source>Not signed</source>
      <translation>未签名</translation>
    </message>
    <message>
      <source>Your application is kept safely on this kiosk and will be sent when the connection returns. Reference: %1</source>
      <translation>您的申报已妥善保存在本终端，网络恢复后自动发送。查询号：%1</translation>
    </message>
    <message>
      <source>Your application has been submitted. Reference: %1</source>
      <translation>申报已提交。查询号：%1</translation>
    </message>
    <message>
      <source>Keep this reference. The case number follows and appears in “Check my case”.</source>
      <translation>请保留此查询号。受理编号随后生成，可在“办件查询”中查看。</translation>
    </message>
    <message>
      <source>Case number: %1</source>
      <translation>受理编号：%1</translation>
    </message>
    <message>
      <source>Please take your receipt from the slot below the screen.</source>
      <translation>请从屏幕下方出纸口取走回执。</translation>
    </message>
    <message>
      <source>Have the result posted</source>
      <translation>办理结果邮寄送达</translation>
    </message>
  </context>
</TS>
