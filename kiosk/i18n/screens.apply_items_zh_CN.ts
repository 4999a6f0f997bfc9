<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ApplyItemsScreen</name>
    <message>
      <source>Apply for a service</source>
      <translation>自助申报</translation>
    </message>
    <message>
      <source>Search: e.g. gjj for 公积金</source>
      <translation>搜索：例如输入 gjj 查找“公积金”</translation>
    </message>
    <message>
      <source>Finding the services you can apply for here…</source>
      <translation>正在查找可在本终端申报的事项…</translation>
    </message>
    <message>
      <source>Choose what you want to apply for. You will identify yourself first; the form is filled in with what the government already holds.</source>
      <translation>请选择要申报的事项。先进行身份识别，申请表会根据政府部门已有信息自动填写。</translation>
    </message>
    <message>
      <source>No service you can apply for here matches this search.</source>
      <translation>没有与搜索相符的可申报事项。</translation>
    </message>
    <message>
      <source>for businesses</source>
      <translation>企业办事</translation>
    </message>
    <message>
      <source>Other services: see their guide for where to apply.</source>
      <translation>其他事项请查看办事指南中的办理地点。</translation>
    </message>
  </context>
</TS>
