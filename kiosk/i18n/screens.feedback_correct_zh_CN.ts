<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>FeedbackCorrectScreen</name>
    <message>
      <source>Correct my data</source>
      <translation>数据纠错</translation>
    </message>
    <message>
      <source>Wrong</source>
      <translation>有误</translation>
    </message>
    <message>
      <source>Missing</source>
      <translation>缺失</translation>
    </message>
    <message>
      <source>Proof of the correct information</source>
      <translation>正确信息的证明材料</translation>
    </message>
    <message>
      <source>Wrong: %1</source>
      <translation>有误：%1</translation>
    </message>
    <message>
      <source>Missing: %1</source>
      <translation>缺失：%1</translation>
    </message>
    <message>
      <source>Proof scanned: %1 document(s)</source>
      <translation>已扫描证明材料：%1 份</translation>
    </message>
    <message>
      <source>A proof is needed for this.</source>
      <translation>这项更正需要证明材料。</translation>
    </message>
    <message>
      <source>Touch Wrong or Missing next to the information to correct.</source>
      <translation>请点击要更正信息旁的“有误”或“缺失”。</translation>
    </message>
    <message>
      <source>What it should be (required)</source>
      <translation>正确内容（必填）</translation>
    </message>
    <message>
      <source>Scan the proof</source>
      <translation>扫描证明材料</translation>
    </message>
    <message>
      <source>Send the correction</source>
      <translation>提交纠错</translation>
    </message>
  </context>
</TS>
