<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>DemoActions</name>
    <message>
      <source>Face camera: a live person</source>
      <translation>人脸摄像头：真人</translation>
    </message>
    <message>
      <source>Face camera: a printed photo held up</source>
      <translation>人脸摄像头：手持打印照片</translation>
    </message>
    <message>
      <source>Face camera: two people</source>
      <translation>人脸摄像头：两个人</translation>
    </message>
    <message>
      <source>Unplug the face camera</source>
      <translation>拔出人脸摄像头</translation>
    </message>
    <message>
      <source>Plug the face camera back in</source>
      <translation>重新插上人脸摄像头</translation>
    </message>
  </context>
</TS>
