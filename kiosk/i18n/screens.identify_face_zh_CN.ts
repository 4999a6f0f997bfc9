<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>IdentifyFaceScreen</name>
    <message>
      <source>Face login</source>
      <translation>刷脸登录</translation>
    </message>
    <message>
      <source>Before we compare your face</source>
      <translation>人脸比对前请您知悉</translation>
    </message>
    <message>
      <source>Face login compares a picture of your face, taken now by this kiosk's camera, with the photo the government holds for the ID number you type. The comparison is made on this kiosk; your picture is not saved and is cleared when the check ends, within a minute. Only whether it matched is sent to the service platform. You can always use your ID card, social security card or phone code instead.</source>
      <translation>刷脸登录会将本机摄像头现场拍摄的人脸，与政府部门为您所输入身份证号码留存的照片进行比对。比对在本机完成；您的人脸图像不保存，核验结束时（一分钟内）即清除，只把是否比对一致的结果发送给服务平台。您也可以随时改用身份证、社保卡或手机码。</translation>
    </message>
    <message>
      <source>Type your ID number</source>
      <translation>请输入您的身份证号码</translation>
    </message>
    <message>
      <source>I agree, continue</source>
      <translation>同意并继续</translation>
    </message>
    <message>
      <source>Use another way</source>
      <translation>使用其他方式</translation>
    </message>
    <message>
      <source>Looking up the photo on file…</source>
      <translation>正在查询留存照片…</translation>
    </message>
  </context>
  <context>
    <name>IdentifyMethods</name>
    <message>
      <source>Face login</source>
      <translation>刷脸登录</translation>
    </message>
  </context>
</TS>
