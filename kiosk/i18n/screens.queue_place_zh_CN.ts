<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>QueuePlaceScreen</name>
    <message>
      <source>Where am I in the queue?</source>
      <translation>查看排队进度</translation>
    </message>
    <message>
      <source>Asking the hall's queue system…</source>
      <translation>正在连接大厅排队系统…</translation>
    </message>
    <message>
      <source>People ahead of you: %1. About %2 minutes.</source>
      <translation>前面还有 %1 人，约需等候 %2 分钟。</translation>
    </message>
    <message>
      <source>Your number has been called: please go to window %1.</source>
      <translation>已叫到您的号，请到 %1 号窗口办理。</translation>
    </message>
    <message>
      <source>This number has been served.</source>
      <translation>这个号已办理完毕。</translation>
    </message>
    <message>
      <source>This number was cancelled.</source>
      <translation>这个号已取消。</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>刷新</translation>
    </message>
    <message>
      <source>Scan again</source>
      <translation>重新扫描</translation>
    </message>
  </context>
</TS>
