<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>CameraView</name>
    <message>
      <source>The camera is not responding. Trying again…</source>
      <translation>摄像头无响应，正在重试…</translation>
    </message>
  </context>
</TS>
