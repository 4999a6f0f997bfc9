<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>PrintLicencesScreen</name>
    <message>
      <source>Print my licences</source>
      <translation>打印我的证照</translation>
    </message>
    <message>
      <source>Certificate printing is not available</source>
      <translation>证照打印暂不可用</translation>
    </message>
    <message>
      <source>Please identify yourself first</source>
      <translation>请先核验身份</translation>
    </message>
    <message>
      <source>Your licences are shown after you identify with your ID card, social security card or face.</source>
      <translation>刷身份证、社保卡或人脸核验后，即可查看您的证照。</translation>
    </message>
    <message>
      <source>Identify</source>
      <translation>核验身份</translation>
    </message>
    <message>
      <source>Your licences and certificates</source>
      <translation>您的证照与证明</translation>
    </message>
    <message>
      <source>Fetching your documents…</source>
      <translation>正在获取您的证照…</translation>
    </message>
    <message>
      <source>No documents are available to print for you.</source>
      <translation>暂无可打印的证照。</translation>
    </message>
    <message>
      <source>Choose a document to see it before printing.</source>
      <translation>请选择要打印的证照，打印前可先预览。</translation>
    </message>
    <message>
      <source>Issued by %1</source>
      <translation>出具单位：%1</translation>
    </message>
    <message>
      <source>Valid until %1</source>
      <translation>有效期至：%1</translation>
    </message>
    <message>
      <source>Electronic licence with the issuer's signature, checked before printing</source>
      <translation>带出具单位电子签章的电子证照，打印前自动验证</translation>
    </message>
    <message>
      <source>Preview and print</source>
      <translation>预览并打印</translation>
    </message>
    <message>
      <source>Please confirm it is you</source>
      <translation>请确认是您本人</translation>
    </message>
    <message>
      <source>Your licences are shown after your face has been matched with the photo of your ID card.</source>
      <translation>人脸与身份证照片比对一致后，才会显示您的证照。</translation>
    </message>
    <message>
      <source>Verify my face</source>
      <translation>人脸核验</translation>
    </message>
    <message>
      <source>Preparing the document and checking it…</source>
      <translation>正在生成并核验文件…</translation>
    </message>
    <message>
      <source>Back to the list</source>
      <translation>返回列表</translation>
    </message>
    <message>
      <source>Preview of the first page</source>
      <translation>第一页预览</translation>
    </message>
    <message>
      <source>Print</source>
      <translation>打印</translation>
    </message>
    <message>
      <source>Sending the document to the printer…</source>
      <translation>正在发送到打印机…</translation>
    </message>
    <message>
      <source>Waiting for the printer…</source>
      <translation>正在等待打印机…</translation>
    </message>
    <message>
      <source>Printing… please wait, do not leave yet.</source>
      <translation>正在打印，请稍候，先不要离开。</translation>
    </message>
    <message>
      <source>The printer has paused…</source>
      <translation>打印机已暂停…</translation>
    </message>
    <message>
      <source>Almost done…</source>
      <translation>即将完成…</translation>
    </message>
    <message>
      <source>Printing…</source>
      <translation>正在打印…</translation>
    </message>
    <message>
      <source>Printed</source>
      <translation>打印完成</translation>
    </message>
    <message numerus="yes">
      <source>Pages to print: %n. Check them, choose the number of copies and press Print.</source>
      <translation>
        <numerusform>以下为打印内容（共 %n 页）。请核对后选择份数，再按“打印”。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Copies: %n</source>
      <translation>
        <numerusform>%n 份</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Printed. Copies: %n. Please take your documents from the tray below the screen.</source>
      <translation>
        <numerusform>已打印 %n 份，请从屏幕下方出纸口取走您的文件。</numerusform>
      </translation>
    </message>
    <message>
      <source>Print a receipt</source>
      <translation>打印凭条</translation>
    </message>
    <message>
      <source>Print another document</source>
      <translation>打印其他证照</translation>
    </message>
    <message>
      <source>Finish</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>Not printed</source>
      <translation>未能打印</translation>
    </message>
    <message>
      <source>Try again</source>
      <translation>重试</translation>
    </message>
    <message>
      <source>Receipt printed. Please take it from the receipt slot.</source>
      <translation>凭条已打印，请从凭条出口取走。</translation>
    </message>
    <message>
      <source>The receipt could not be printed; your documents were printed. The staff have been told.</source>
      <translation>凭条未能打印，您的证照已打印完成。已通知工作人员。</translation>
    </message>
  </context>
</TS>
