<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>CaseNumberPad</name>
    <message>
      <source>Clear</source>
      <translation>清空</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Look up this case</source>
      <translation>查询此办件</translation>
    </message>
    <message>
      <source>Check the number, then touch “Look up this case”.</source>
      <translation>请核对编号，然后点击“查询此办件”。</translation>
    </message>
    <message>
      <source>First the two letters at the start of the number.</source>
      <translation>先输入编号开头的两个字母。</translation>
    </message>
    <message>
      <source>Now the digits. The dashes are put in for you.</source>
      <translation>再输入数字，短横线会自动加上。</translation>
    </message>
  </context>
</TS>
