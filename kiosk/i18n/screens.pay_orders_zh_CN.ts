<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>PayScreen</name>
    <message>
      <source>Pay a fee</source>
      <translation>缴费</translation>
    </message>
    <message>
      <source>Choose the order to pay, then scan the code with a wallet or bank app.</source>
      <translation>请选择要缴纳的费用，然后用微信、支付宝或银行App扫码支付。</translation>
    </message>
    <message>
      <source>Finding what you have to pay…</source>
      <translation>正在查询您的待缴费用…</translation>
    </message>
    <message>
      <source>You have nothing to pay at the moment.</source>
      <translation>您目前没有待缴费用。</translation>
    </message>
    <message>
      <source>Finish</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>These are your unpaid orders. Touch “Pay” to show the payment code; scan it with a wallet or bank app.</source>
      <translation>以下是您的待缴费用。轻触“缴纳”显示付款码，用微信、支付宝或银行App扫码支付。</translation>
    </message>
    <message>
      <source>Collected by %1 · for %2</source>
      <translation>执收单位：%1 · 缴费人：%2</translation>
    </message>
    <message>
      <source>Amount: %1 yuan</source>
      <translation>金额：%1 元</translation>
    </message>
    <message>
      <source>Pay by %1</source>
      <translation>缴费截止：%1</translation>
    </message>
    <message>
      <source>Pay %1 yuan</source>
      <translation>缴纳 %1 元</translation>
    </message>
    <message>
      <source>Paid in the last day</source>
      <translation>近一天内已缴</translation>
    </message>
    <message>
      <source>Show and print the receipt</source>
      <translation>查看并打印缴费凭条</translation>
    </message>
    <message>
      <source>Getting the payment code…</source>
      <translation>正在生成付款码…</translation>
    </message>
    <message>
      <source>Checking whether the payment came in…</source>
      <translation>正在确认是否已到账…</translation>
    </message>
    <message>
      <source>The code is valid for %1:%2 more</source>
      <translation>付款码剩余有效时间 %1:%2</translation>
    </message>
    <message>
      <source>The connection is slow; we keep checking. If you have paid, please wait here.</source>
      <translation>网络较慢，正在继续确认。如已支付，请在此稍候。</translation>
    </message>
    <message>
      <source>Scan the code with a wallet or bank app and pay. This screen changes by itself when you have paid.</source>
      <translation>请用微信、支付宝或银行App扫码支付。支付完成后本页面会自动更新。</translation>
    </message>
    <message>
      <source>%1 yuan</source>
      <translation>%1 元</translation>
    </message>
    <message>
      <source>Cancel payment</source>
      <translation>取消支付</translation>
    </message>
    <message>
      <source>Printing your receipt…</source>
      <translation>正在打印缴费凭条…</translation>
    </message>
    <message>
      <source>Please take your receipt.</source>
      <translation>请取走缴费凭条。</translation>
    </message>
    <message>
      <source>The receipt could not be printed (%1). Your payment is complete; the electronic fiscal receipt is the proof.</source>
      <translation>凭条未能打印（%1）。您的缴费已完成，以财政电子票据为准。</translation>
    </message>
    <message>
      <source>Paid. Thank you.</source>
      <translation>缴费成功，谢谢。</translation>
    </message>
    <message>
      <source>%1 yuan paid</source>
      <translation>已缴纳 %1 元</translation>
    </message>
    <message>
      <source>Payment reference: %1</source>
      <translation>交易流水号：%1</translation>
    </message>
    <message>
      <source>Print again</source>
      <translation>再打印一次</translation>
    </message>
    <message>
      <source>The payment code has expired. Nothing has been charged. You can get a new code and pay again.</source>
      <translation>付款码已过期，未扣任何款项。您可以重新获取付款码再支付。</translation>
    </message>
    <message>
      <source>The payment was cancelled. Nothing has been charged.</source>
      <translation>支付已取消，未扣任何款项。</translation>
    </message>
    <message>
      <source>This order was already paid, so this payment was refused and the money goes back to your account.</source>
      <translation>该订单已缴清，本次支付已被拒绝，款项将原路退回。</translation>
    </message>
    <message>
      <source>The payment did not go through and nothing has been charged. Please check your wallet or bank app, then try again or pay at the window.</source>
      <translation>支付未成功，未扣任何款项。请检查您的支付App或银行App后重试，或到窗口缴费。</translation>
    </message>
    <message>
      <source>This order is already paid. Nothing more will be charged.</source>
      <translation>该订单已缴清，不会再扣款。</translation>
    </message>
    <message>
      <source>Back to my orders</source>
      <translation>返回待缴费用</translation>
    </message>
  </context>
</TS>
