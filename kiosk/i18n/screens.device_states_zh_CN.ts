<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>DeviceArea</name>
    <message>
      <source>Cameras</source>
      <translation>摄像头</translation>
    </message>
    <message>
      <source>Service catalogue</source>
      <translation>事项目录</translation>
    </message>
    <message>
      <source>ID card reader</source>
      <translation>身份证阅读器</translation>
    </message>
    <message>
      <source>Printers</source>
      <translation>打印机</translation>
    </message>
    <message>
      <source>Social security card reader</source>
      <translation>社保卡读卡器</translation>
    </message>
    <message>
      <source>Platform link</source>
      <translation>平台连接</translation>
    </message>
    <message>
      <source>certificate printing</source>
      <translation>证照打印</translation>
    </message>
    <message>
      <source>receipt printing</source>
      <translation>凭条打印</translation>
    </message>
  </context>
  <context>
    <name>DeviceState</name>
    <message>
      <source>; </source>
      <translation>；</translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1：%2</translation>
    </message>
    <message>
      <source>ready</source>
      <translation>就绪</translation>
    </message>
    <message>
      <source>disabled</source>
      <translation>已停用</translation>
    </message>
    <message>
      <source>unavailable (%1)</source>
      <translation>不可用（%1）</translation>
    </message>
    <message>
      <source>%1 unavailable</source>
      <translation>%1不可用</translation>
    </message>
    <message>
      <source>%1</source>
      <translation>%1</translation>
    </message>
    <message>
      <source>%1 (%2)</source>
      <translation>%1（%2）</translation>
    </message>
    <message>
      <source>A4 printer: the print service (CUPS) is down</source>
      <translation>A4打印机：打印服务（CUPS）已停止</translation>
    </message>
    <message>
      <source>A4 printer: not checked yet</source>
      <translation>A4打印机：尚未检查</translation>
    </message>
    <message>
      <source>A4 printer: ready</source>
      <translation>A4打印机：就绪</translation>
    </message>
    <message>
      <source>A4 printer: %1</source>
      <translation>A4打印机：%1</translation>
    </message>
    <message>
      <source>A4 printer warning: %1</source>
      <translation>A4打印机提醒：%1</translation>
    </message>
    <message>
      <source>receipt printer: %1</source>
      <translation>凭条打印机：%1</translation>
    </message>
    <message>
      <source>offline, guides as of %1</source>
      <translation>离线，办事指南更新于 %1</translation>
    </message>
    <message>
      <source>%1 services</source>
      <translation>%1 项服务</translation>
    </message>
    <message>
      <source>%1 camera lost (%2)</source>
      <translation>%1 摄像头断开（%2）</translation>
    </message>
    <message>
      <source>face models unavailable (%1)</source>
      <translation>人脸模型不可用（%1）</translation>
    </message>
    <message>
      <source>virtual card unavailable: %1</source>
      <translation>虚拟卡不可用：%1</translation>
    </message>
    <message>
      <source>the PC/SC service (pcscd) is not running</source>
      <translation>PC/SC服务（pcscd）未运行</translation>
    </message>
    <message>
      <source>no smart card reader</source>
      <translation>未检测到读卡器</translation>
    </message>
    <message>
      <source>reader %1</source>
      <translation>读卡器 %1</translation>
    </message>
    <message>
      <source>reader %1, card in</source>
      <translation>读卡器 %1，已插卡</translation>
    </message>
    <message>
      <source>SECURITY: the platform's certificate does not verify</source>
      <translation>安全警告：平台证书验证失败</translation>
    </message>
    <message>
      <source>SECURITY: %1</source>
      <translation>安全提示：%1</translation>
    </message>
    <message>
      <source>NOT accepting records (%1)</source>
      <translation>无法保存记录（%1）</translation>
    </message>
    <message>
      <source>online</source>
      <translation>在线</translation>
    </message>
    <message>
      <source>offline (%1)</source>
      <translation>离线（%1）</translation>
    </message>
    <message>
      <source>connecting</source>
      <translation>正在连接</translation>
    </message>
    <message>
      <source>%1 queued</source>
      <translation>待上传 %1 条</translation>
    </message>
    <message>
      <source>%1 dead letters</source>
      <translation>失败记录 %1 条</translation>
    </message>
    <message>
      <source>idle</source>
      <translation>空闲</translation>
    </message>
    <message>
      <source>processing</source>
      <translation>正在打印</translation>
    </message>
    <message>
      <source>stopped</source>
      <translation>已停止</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>状态未知</translation>
    </message>
    <message>
      <source>out of paper</source>
      <translation>缺纸</translation>
    </message>
    <message>
      <source>paper jam</source>
      <translation>卡纸</translation>
    </message>
    <message>
      <source>door open</source>
      <translation>舱门打开</translation>
    </message>
    <message>
      <source>out of toner</source>
      <translation>墨粉用尽</translation>
    </message>
    <message>
      <source>printer fault</source>
      <translation>打印机故障</translation>
    </message>
    <message>
      <source>toner low</source>
      <translation>墨粉不足</translation>
    </message>
    <message>
      <source>paper low</source>
      <translation>纸张不足</translation>
    </message>
    <message>
      <source>paper roll nearly used up</source>
      <translation>纸卷将尽</translation>
    </message>
    <message>
      <source>cover open</source>
      <translation>机盖打开</translation>
    </message>
    <message>
      <source>reading a card</source>
      <translation>正在读卡</translation>
    </message>
    <message>
      <source>card removed</source>
      <translation>卡已取走</translation>
    </message>
    <message>
      <source>internal error</source>
      <translation>内部错误</translation>
    </message>
    <message>
      <source>serial port unavailable</source>
      <translation>串口不可用</translation>
    </message>
    <message>
      <source>no answer from the reader</source>
      <translation>读卡器无响应</translation>
    </message>
    <message>
      <source>security module (SAM) fault</source>
      <translation>安全模块（SAM）故障</translation>
    </message>
    <message>
      <source>platform unreachable</source>
      <translation>无法连接平台</translation>
    </message>
    <message>
      <source>platform timed out</source>
      <translation>平台响应超时</translation>
    </message>
    <message>
      <source>TLS certificate error</source>
      <translation>TLS证书错误</translation>
    </message>
    <message>
      <source>CUPS keeps the files of printed jobs (cupsctl PreserveJobFiles=No)</source>
      <translation>CUPS 保留了已打印作业的文件（请执行 cupsctl PreserveJobFiles=No）</translation>
    </message>
    <message>
      <source>connection reset</source>
      <translation>连接被重置</translation>
    </message>
    <message>
      <source>kiosk credential rejected</source>
      <translation>终端凭据被拒绝</translation>
    </message>
    <message>
      <source>bad answer from the platform</source>
      <translation>平台应答无效</translation>
    </message>
    <message>
      <source>disk full</source>
      <translation>磁盘已满</translation>
    </message>
    <message>
      <source>offline</source>
      <translation>离线</translation>
    </message>
    <message>
      <source>error</source>
      <translation>故障</translation>
    </message>
    <message>
      <source>connected</source>
      <translation>已连接</translation>
    </message>
    <message>
      <source>disconnected</source>
      <translation>未连接</translation>
    </message>
    <message>
      <source>starting</source>
      <translation>正在启动</translation>
    </message>
  </context>
</TS>
