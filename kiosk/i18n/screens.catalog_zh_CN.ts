<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>CatalogScreen</name>
    <message>
      <source>By department</source>
      <translation>按部门</translation>
    </message>
    <message>
      <source>"One thing" bundles</source>
      <translation>“一件事”主题</translation>
    </message>
    <message>
      <source>For individuals</source>
      <translation>个人办事</translation>
    </message>
    <message>
      <source>For businesses</source>
      <translation>法人办事</translation>
    </message>
    <message>
      <source>Offline: showing the guides as of %1. Some information may have changed since.</source>
      <translation>网络已断开：显示的是截至 %1 的办事指南，部分信息可能已有变化。</translation>
    </message>
    <message>
      <source>Find a service</source>
      <translation>查找服务事项</translation>
    </message>
    <message>
      <source>Search: type a name, pinyin initials or an item code</source>
      <translation>搜索：输入事项名称、拼音首字母或事项编码</translation>
    </message>
    <message>
      <source>%1 services</source>
      <translation>%1 个事项</translation>
    </message>
  </context>
  <context>
    <name>ServiceListScreen</name>
    <message>
      <source>Show %1 more</source>
      <translation>再显示 %1 项</translation>
    </message>
    <message>
      <source>%1 services</source>
      <translation>%1 个事项</translation>
    </message>
  </context>
</TS>
