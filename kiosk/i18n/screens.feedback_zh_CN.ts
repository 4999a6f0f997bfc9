<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>FeedbackAskScreen</name>
    <message>
      <source>Ask a question</source>
      <translation>咨询</translation>
    </message>
    <message>
      <source>About: %1</source>
      <translation>关于：%1</translation>
    </message>
    <message>
      <source>Frequent questions</source>
      <translation>常见问题</translation>
    </message>
    <message>
      <source>Your question (required)</source>
      <translation>您的问题（必填）</translation>
    </message>
    <message>
      <source>Mobile number for the answer</source>
      <translation>接收答复的手机号码</translation>
    </message>
    <message>
      <source>Please call me back</source>
      <translation>请电话回复我</translation>
    </message>
  </context>
  <context>
    <name>FeedbackComplainScreen</name>
    <message>
      <source>Make a complaint</source>
      <translation>投诉</translation>
    </message>
    <message>
      <source>What is it about?</source>
      <translation>投诉什么？</translation>
    </message>
    <message>
      <source>Send it anonymously (no follow-up)</source>
      <translation>匿名提交（无法跟踪回访）</translation>
    </message>
    <message>
      <source>What happened (required)</source>
      <translation>具体情况（必填）</translation>
    </message>
    <message>
      <source>Mobile number (optional)</source>
      <translation>手机号码（选填）</translation>
    </message>
  </context>
  <context>
    <name>FeedbackScreen</name>
    <message>
      <source>Ask or complain</source>
      <translation>咨询投诉</translation>
    </message>
    <message>
      <source>Every question, complaint and correction goes to the department responsible and is answered.</source>
      <translation>每一件咨询、投诉和纠错都会转给负责的部门，件件有落实、事事有回应。</translation>
    </message>
    <message>
      <source>Ask a question</source>
      <translation>我要咨询</translation>
    </message>
    <message>
      <source>Make a complaint</source>
      <translation>我要投诉</translation>
    </message>
    <message>
      <source>Correct my data</source>
      <translation>数据纠错</translation>
    </message>
    <message>
      <source>Send</source>
      <translation>提交</translation>
    </message>
    <message>
      <source>About a service item: find it</source>
      <translation>关于某个办事事项：先查找事项</translation>
    </message>
  </context>
</TS>
