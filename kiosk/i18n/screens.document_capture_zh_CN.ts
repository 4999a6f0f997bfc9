<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>DocumentCaptureScreen</name>
    <message>
      <source>Scan your documents</source>
      <translation>拍摄材料</translation>
    </message>
    <message>
      <source>your document</source>
      <translation>您的材料</translation>
    </message>
    <message>
      <source>Lay %1 flat under the camera, one page at a time</source>
      <translation>请将%1平放在高拍仪下，每次一页</translation>
    </message>
    <message>
      <source>Remove page</source>
      <translation>删除此页</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>Starting the document camera…</source>
      <translation>正在启动高拍仪…</translation>
    </message>
    <message>
      <source>We could not see the edges of the page. If the picture is cut off, select it and take it again.</source>
      <translation>未能识别纸张边缘。如果图像不完整，请选中该页重新拍摄。</translation>
    </message>
    <message>
      <source>Page added. Lay the next page down, or touch Done.</source>
      <translation>已添加此页。请放下一页，或点击“完成”。</translation>
    </message>
    <message>
      <source>That page could not be processed. Please try again.</source>
      <translation>此页处理失败，请重试。</translation>
    </message>
    <message>
      <source>Pages ready to submit: %1</source>
      <translation>可提交的页数：%1</translation>
    </message>
    <message>
      <source>Page %1</source>
      <translation>第%1页</translation>
    </message>
    <message>
      <source>Pages: %1. Touch a page to take it again or remove it.</source>
      <translation>已拍 %1 页。点击某页可重拍或删除。</translation>
    </message>
    <message>
      <source>Take page %1 again</source>
      <translation>重拍第%1页</translation>
    </message>
    <message>
      <source>Take picture</source>
      <translation>拍摄</translation>
    </message>
  </context>
</TS>
