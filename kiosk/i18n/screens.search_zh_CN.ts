<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>SearchScreen</name>
    <message>
      <source>Search for a service</source>
      <translation>搜索服务事项</translation>
    </message>
    <message>
      <source>e.g. hkqy for 户口迁移</source>
      <translation>例如输入 hkqy 查找“户口迁移”</translation>
    </message>
    <message>
      <source>Show %1 more</source>
      <translation>再显示 %1 项</translation>
    </message>
    <message>
      <source>Type on the keyboard below: the name in pinyin, its initials, or the item code.</source>
      <translation>请用下方键盘输入：事项名称的拼音、拼音首字母或事项编码。</translation>
    </message>
    <message>
      <source>%1 services found</source>
      <translation>找到 %1 个事项</translation>
    </message>
    <message>
      <source>Nothing found. Check the letters, or browse by department instead.</source>
      <translation>没有找到相关事项。请检查输入，或按部门浏览。</translation>
    </message>
  </context>
</TS>
