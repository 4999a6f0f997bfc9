"""The case progress slip (办件进度查询单) on the receipt printer, the receipt kind "case-progress":
case number, item, department, where it stands, the promised date with "overdue" said plainly,
what is missing while corrections are requested, the steps so far, what happens next, and a QR
code to follow the case on a phone.

The slip carries no personal data whoever asks for it (no applicant, no tracking number, no locker
or pick-up code): a slip forgotten in the tray tells a stranger nothing about anyone. Paper speaks
Chinese, like every receipt of the hall.
"""
from __future__ import annotations

import datetime as dt

from kiosk.flows.case_model import CHANNEL_NAMES_ZH, STEP_NAMES_ZH, Case
from printing.escpos import Receipt

NEXT_ZH = {
    "await_acceptance": "等待部门受理审查",
    "await_review": "部门审查中，请耐心等待",
    "await_decision": "部门审查中，审查后作出决定",
    "hand_in_corrections": "请在补正期限内补齐所缺材料",
    "await_result": "正在制作办理结果",
    "collect_window": "请到窗口领取办理结果",
    "collect_post": "办理结果已邮寄，请留意查收",
    "collect_locker": "请凭取件码到24小时智能文件柜领取",
    "collect_elicence": "电子证照已生成，可在自助终端打印",
    "see_reason": "请查看原因；如有疑问请咨询窗口或拨打12345",
    "done": "已办结",
}


def progress_slip(case: Case, hall: str, kiosk_id: str, today: dt.date, width: int = 48,
                  when: dt.datetime | None = None) -> bytes:
    r = Receipt(width)
    r.text(hall, align="center")
    r.text("办件进度查询单", bold=True, size=2, align="center")
    r.rule()
    r.pair("受理编号", case.case_no, bold=True)
    r.text(f"事项名称：{case.item_name}")
    r.text(f"办理部门：{case.department}")
    r.text(f"申请渠道：{CHANNEL_NAMES_ZH.get(case.channel, case.channel)}")
    r.pair("当前状态", STEP_NAMES_ZH[case.status], bold=True)
    r.pair("承诺办结", f"{case.promised_by:%Y-%m-%d}")
    late = case.overdue_days(today)
    if late:
        r.text(f"已超过承诺时限 {late} 天", bold=True)
    if case.status == "corrections_requested":
        r.rule(".")
        deadline = f"{case.corrections_deadline:%Y-%m-%d}" if case.corrections_deadline else "—"
        r.text(f"需补正材料（补正期限 {deadline}）：", bold=True)
        for i, item in enumerate(case.missing, start=1):
            r.text(f"{i}. {item}")
    if case.reason:
        r.text(f"原因：{case.reason}")
    r.rule(".")
    for step in case.steps:
        r.text(f"{step.at:%Y-%m-%d %H:%M}  {STEP_NAMES_ZH[step.step]}")
    r.rule(".")
    r.text(f"下一步：{NEXT_ZH[case.next_code]}")
    if case.follow_url:
        r.text("扫码在手机上查看办理进度", align="center")
        r.qr(case.follow_url)
    r.rule()
    r.pair("打印时间", f"{(when or dt.datetime.now()):%Y-%m-%d %H:%M}")
    r.pair("终端编号", kiosk_id)
    return r.feed(2).cut().bytes()
