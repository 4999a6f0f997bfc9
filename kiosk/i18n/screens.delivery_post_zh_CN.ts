<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>DeliveryScreen</name>
    <message>
      <source>How you receive the result</source>
      <translation>选择送达方式</translation>
    </message>
    <message>
      <source>Choose the window, post or the locker.</source>
      <translation>请选择窗口领取、邮寄到家或智能柜自取。</translation>
    </message>
    <message>
      <source>Getting the ways to receive the result…</source>
      <translation>正在查询可选的送达方式…</translation>
    </message>
    <message>
      <source>Collect it at the window</source>
      <translation>到窗口领取</translation>
    </message>
    <message>
      <source>Post it to me (%1)</source>
      <translation>邮寄到家（%1）</translation>
    </message>
    <message>
      <source>24-hour locker: %1</source>
      <translation>24小时智能柜：%1</translation>
    </message>
    <message>
      <source>How would you like to receive the result?</source>
      <translation>办理结果您希望怎样领取？</translation>
    </message>
    <message>
      <source>Where should we post it? Touch a box to type; choose the region from the lists.</source>
      <translation>请填写邮寄地址：轻触输入框打字，所在地区从列表中选择。</translation>
    </message>
    <message>
      <source>Recipient</source>
      <translation>收件人</translation>
    </message>
    <message>
      <source>Mobile number</source>
      <translation>手机号码</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>所在地区</translation>
    </message>
    <message>
      <source>Search (Chinese, pinyin or initials)</source>
      <translation>搜索（汉字、拼音或首字母）</translation>
    </message>
    <message>
      <source>Street, number, building and room</source>
      <translation>详细地址（路、门牌号、楼栋、房号）</translation>
    </message>
    <message>
      <source>Type with pinyin and choose the characters above the keys.</source>
      <translation>用拼音输入，在键盘上方选择汉字。</translation>
    </message>
    <message>
      <source>Start from the address on my ID card</source>
      <translation>使用身份证上的地址</translation>
    </message>
    <message>
      <source>Previous step</source>
      <translation>上一步</translation>
    </message>
    <message>
      <source>Next</source>
      <translation>下一步</translation>
    </message>
    <message>
      <source>Nothing matches this search.</source>
      <translation>没有符合的地区。</translation>
    </message>
    <message>
      <source>Please check and confirm.</source>
      <translation>请核对后确认。</translation>
    </message>
    <message>
      <source>Posting is free.</source>
      <translation>免费邮寄。</translation>
    </message>
    <message>
      <source>Posting costs %1 yuan: pay it under “Pay” after this (the order is already there).</source>
      <translation>邮寄费 %1 元：确认后请在“缴费”中支付（订单已生成）。</translation>
    </message>
    <message>
      <source>Confirm</source>
      <translation>确认</translation>
    </message>
    <message>
      <source>Recorded. The result is posted to this address when it is ready; the carrier's tracking number is assigned then.</source>
      <translation>已登记。办理结果出来后将寄往此地址，届时生成快递单号。</translation>
    </message>
    <message>
      <source>Recorded. You will get a text message with the pick-up code when the result is in the locker.</source>
      <translation>已登记。结果放入智能柜后，您会收到取件码短信。</translation>
    </message>
    <message>
      <source>Recorded. Please collect the result at the window when you are told it is ready.</source>
      <translation>已登记。接到办结通知后请到窗口领取。</translation>
    </message>
    <message>
      <source>Reference: %1</source>
      <translation>登记编号：%1</translation>
    </message>
    <message>
      <source>Pay the posting fee</source>
      <translation>支付邮寄费</translation>
    </message>
    <message>
      <source>Finish</source>
      <translation>完成</translation>
    </message>
  </context>
</TS>
