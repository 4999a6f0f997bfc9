"""Receipt layouts for the ESC/POS printer. Each takes plain data and returns a Receipt.

Personal data on paper is masked by the caller (the kiosk layer applies the configured mask);
these layouts only place what they are given.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any, Iterable

from printing.escpos import Receipt


def _header(r: Receipt, hall: str, title: str) -> None:
    r.text(hall, align="center")
    r.text(title, bold=True, size=2, align="center")
    r.rule()


def _footer(r: Receipt, kiosk_id: str, when: datetime | None, note: str = "") -> Receipt:
    r.rule()
    if note:
        r.text(note)
    r.pair("打印时间", f"{(when or datetime.now()):%Y-%m-%d %H:%M}")
    r.pair("终端编号", kiosk_id)
    return r.feed(2).cut()


def queue_ticket(hall: str, number: str, service: str, waiting: int, kiosk_id: str,
                 width: int = 48, when: datetime | None = None, window_hint: str = "") -> bytes:
    r = Receipt(width)
    _header(r, hall, "排队取号凭条")
    r.text(number, bold=True, size=2, align="center")
    r.text(service, align="center")
    r.feed(1)
    r.pair("前面等候", f"{waiting} 人")
    if window_hint:
        r.text(window_hint)
    r.text("请留意叫号屏幕与语音提示，过号请重新取号。")
    return _footer(r, kiosk_id, when).bytes()


def submission_receipt(hall: str, case_no: str, item_name: str, applicant: str,
                       materials: Iterable[str], promised: str, query_url: str, kiosk_id: str,
                       width: int = 48, when: datetime | None = None) -> bytes:
    r = Receipt(width)
    _header(r, hall, "申请材料提交回执")
    r.pair("受理编号", case_no, bold=True)
    r.text(f"事项名称：{item_name}")
    r.text(f"申请人：{applicant}")
    r.text(f"承诺时限：{promised}")
    r.rule(".")
    r.text("已提交材料：", bold=True)
    for i, name in enumerate(materials, start=1):
        r.text(f"{i}. {name}")
    r.rule(".")
    r.text("扫码或凭受理编号查询办理进度：", align="center")
    r.qr(query_url)
    return _footer(r, kiosk_id, when, "本回执仅证明材料已提交，不作为受理决定。").bytes()


FEEDBACK_TITLES = {"consultation": "咨询受理回执", "complaint": "投诉受理回执",
                   "correction": "数据纠错申请回执"}


def feedback_receipt(hall: str, kind: str, reference: str, about: str, promised: str, sent: bool,
                     followed: bool, query_url: str, kiosk_id: str, width: int = 48,
                     when: datetime | None = None) -> bytes:
    """A consultation, complaint or correction: its reference, how the answer comes, and whether
    it has reached the platform yet (nothing the citizen typed is printed)."""
    r = Receipt(width)
    _header(r, hall, FEEDBACK_TITLES[kind])
    r.pair("回执编号", reference[:18], bold=True)
    r.text(f"事项：{about}")
    r.text(f"承诺答复：{promised}")
    r.text("已送达服务平台。" if sent else "网络中断，已保存在本机，恢复后自动发送。")
    r.rule(".")
    r.text("答复将通过短信或电话告知，并可在“查询办件”中查看。" if followed else
           "匿名提交：凭本回执二维码查看答复。", bold=True)
    r.qr(query_url)
    return _footer(r, kiosk_id, when, "请妥善保管本回执。").bytes()


def guide_notice(item: Any, hall: str, kiosk_id: str, width: int = 48,
                 when: datetime | None = None) -> bytes:
    """一次性告知: every guide element a citizen needs to come back once with everything.

    `item` is a kiosk.catalog.ServiceItem (or an object with the same attributes)."""
    r = Receipt(width)
    _header(r, hall, "一次性告知单")
    r.text(item.name, bold=True)
    r.text(f"实施编码：{item.impl_code}")
    r.text(f"基本编码：{item.basic_code}")
    r.text(f"办理部门：{item.department}")
    section = lambda title: (r.rule("."), r.text(title, bold=True))   # noqa: E731
    section("设定依据")
    for basis in item.legal_basis:
        r.text(f"· {basis}")
    section("申请条件")
    for i, cond in enumerate(item.conditions, start=1):
        r.text(f"{i}. {cond}")
    section("申请材料")
    for i, m in enumerate(item.materials, start=1):
        r.text(f"{i}. {m.name}（{m.form_label}，{m.copies_label}）")
        if m.notes:
            r.text(f"   {m.notes}")
    section("办理流程")
    for i, step in enumerate(item.process, start=1):
        r.text(f"{i}. {step.name}：{step.detail}")
    section("办理时限与收费")
    r.text(f"承诺时限：{item.promised_text}")
    r.text(f"法定时限：{item.statutory_text}")
    r.text(f"收费：{item.fee or '不收费'}")
    if item.fee_basis:
        r.text(f"收费依据：{item.fee_basis}")
    section("办理地点与时间")
    r.text(item.place)
    r.text(item.hours)
    r.text(f"到现场次数：{item.visits} 次")
    r.text(f"网上办理：{item.online_depth_text}")
    section("咨询与投诉")
    r.text(f"咨询电话：{item.enquiry_phone}")
    r.text(f"投诉电话：{item.complaint_phone}")
    if getattr(item, "guide_url", ""):
        r.rule(".")
        r.text("扫码查看网上办事指南（与本告知单同源）", align="center")
        r.qr(item.guide_url)
    return _footer(r, kiosk_id, when, "以上内容一次性告知，材料齐全可一次办结。").bytes()


def case_progress(hall: str, case_no: str, item_name: str, status: str,
                  history: Iterable[tuple[str, str]], kiosk_id: str, width: int = 48,
                  when: datetime | None = None, next_step: str = "") -> bytes:
    r = Receipt(width)
    _header(r, hall, "办件进度查询单")
    r.pair("受理编号", case_no, bold=True)
    r.text(f"事项名称：{item_name}")
    r.pair("当前状态", status, bold=True)
    r.rule(".")
    for stamp, what in history:
        r.text(f"{stamp}  {what}")
    if next_step:
        r.rule(".")
        r.text(f"下一步：{next_step}")
    return _footer(r, kiosk_id, when).bytes()


def print_job_receipt(hall: str, title: str, document_id: str, copies: int, pages: int,
                      result: str, kiosk_id: str, width: int = 48,
                      when: datetime | None = None) -> bytes:
    r = Receipt(width)
    _header(r, hall, "证照打印凭条")
    r.text(f"文件：{title}")
    r.pair("文件编号", document_id[:16])
    r.pair("份数 / 页数", f"{copies} 份 / {pages} 页")
    r.pair("结果", result, bold=True)
    return _footer(r, kiosk_id, when, "如打印件缺页或不清晰，请联系大厅工作人员。").bytes()
