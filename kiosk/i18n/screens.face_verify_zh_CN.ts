<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>FaceVerifyScreen</name>
    <message>
      <source>Please stand in front of the camera</source>
      <translation>请站在摄像头前</translation>
    </message>
    <message>
      <source>Only one person in front of the camera, please</source>
      <translation>请保持摄像头前只有一人</translation>
    </message>
    <message>
      <source>Please move closer</source>
      <translation>请靠近一些</translation>
    </message>
    <message>
      <source>Please move back a little</source>
      <translation>请稍微后退</translation>
    </message>
    <message>
      <source>Please move so that your face is inside the oval</source>
      <translation>请移动，使面部位于椭圆框内</translation>
    </message>
    <message>
      <source>Your face is too dark. Please face the light</source>
      <translation>面部光线太暗，请面向光源</translation>
    </message>
    <message>
      <source>Too much light on your face. Please step out of the glare</source>
      <translation>面部光线太强，请避开强光</translation>
    </message>
    <message>
      <source>Please hold still</source>
      <translation>请保持不动</translation>
    </message>
    <message>
      <source>Please look straight at the camera</source>
      <translation>请正视摄像头</translation>
    </message>
    <message>
      <source>Hold still, checking…</source>
      <translation>请保持不动，正在核验…</translation>
    </message>
    <message>
      <source>Please blink your eyes</source>
      <translation>请眨眨眼</translation>
    </message>
    <message>
      <source>Slowly turn your head to your left, then look back</source>
      <translation>请缓慢向左转头，然后转回正面</translation>
    </message>
    <message>
      <source>Slowly turn your head to your right, then look back</source>
      <translation>请缓慢向右转头，然后转回正面</translation>
    </message>
    <message>
      <source>Your face did not match the photo on file.</source>
      <translation>您的面部与档案照片不一致。</translation>
    </message>
    <message>
      <source>We could not see the movement we asked for.</source>
      <translation>未检测到所要求的动作。</translation>
    </message>
    <message>
      <source>Your face left the camera during the check.</source>
      <translation>核验过程中面部离开了摄像头。</translation>
    </message>
    <message>
      <source>The face changed during the check.</source>
      <translation>核验过程中人脸发生了变化。</translation>
    </message>
    <message>
      <source>The liveness check did not pass.</source>
      <translation>活体检测未通过。</translation>
    </message>
    <message>
      <source>There have been too many attempts.</source>
      <translation>尝试次数过多。</translation>
    </message>
    <message>
      <source>There is no photo on file to compare with.</source>
      <translation>没有可供比对的档案照片。</translation>
    </message>
    <message>
      <source>The photo on file cannot be used for comparison.</source>
      <translation>档案照片无法用于比对。</translation>
    </message>
    <message>
      <source>Face verification is not available on this kiosk right now.</source>
      <translation>本机暂时无法进行人脸核验。</translation>
    </message>
    <message>
      <source>Face verification</source>
      <translation>人脸核验</translation>
    </message>
    <message>
      <source>We compare your face with the photo on your ID. Your picture is not saved and is cleared when you finish.</source>
      <translation>我们将您的面部与证件照片进行比对。您的影像不会被保存，办理结束后即清除。</translation>
    </message>
    <message>
      <source>Try again</source>
      <translation>再试一次</translation>
    </message>
    <message>
      <source>Finish and ask staff</source>
      <translation>结束并咨询工作人员</translation>
    </message>
    <message>
      <source>Continue</source>
      <translation>继续</translation>
    </message>
    <message>
      <source>Use another way</source>
      <translation>使用其他方式</translation>
    </message>
    <message>
      <source>Starting the camera…</source>
      <translation>正在启动摄像头…</translation>
    </message>
    <message>
      <source>Getting ready…</source>
      <translation>正在准备…</translation>
    </message>
    <message>
      <source>Look at the camera</source>
      <translation>请看摄像头</translation>
    </message>
    <message>
      <source>Attempts left: %1</source>
      <translation>剩余次数：%1</translation>
    </message>
    <message>
      <source>Identity confirmed</source>
      <translation>身份核验通过</translation>
    </message>
    <message>
      <source>Your face matches the photo on file. Thank you.</source>
      <translation>您的面部与档案照片一致，谢谢。</translation>
    </message>
    <message>
      <source>Staff at the help desk can check your identity with you.</source>
      <translation>咨询台工作人员可以协助您核验身份。</translation>
    </message>
    <message>
      <source>Not confirmed</source>
      <translation>未通过核验</translation>
    </message>
    <message>
      <source>You can try again.</source>
      <translation>您可以再试一次。</translation>
    </message>
  </context>
</TS>
