"""The queue ticket (排队取号凭条) and the appointment slip (预约凭条) on the receipt printer.

A ticket carries only what the hall's queue system issued: the number, its line and windows, the
people ahead and the estimated wait when it was issued, the time issued, a QR code that follows
the ticket on a phone, and the hall's hotline. The layouts take plain data (printing knows nothing
of the kiosk); nothing personal is printed, since a ticket is often left behind.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from printing.escpos import Receipt

# what the priority line (绿色通道) is called on paper, by the reason the ticket has it
PRIORITY_TEXT = {
    "age": "绿色通道（70岁及以上老年人）",
    "disability": "绿色通道（残疾人，请在窗口出示残疾人证）",
    "military": "绿色通道（军人，请在窗口出示有效证件）",
    "pregnant": "绿色通道（孕妇）",
}


@dataclass(frozen=True)
class TicketPrint:
    """One issued ticket as the queue system answered it."""
    number: str
    category_name: str
    windows: tuple[str, ...]
    ahead: int
    est_wait_min: int
    issued_at: datetime
    follow_url: str
    hotline: str
    priority: str = "none"          # none / age / disability / military / pregnant
    appointment: str = ""           # the slot, for a checked-in appointment ("09:30-10:00")


def _windows(windows: tuple[str, ...]) -> str:
    if not windows:
        return ""
    if len(windows) > 4:
        return f"{windows[0]}-{windows[-1]} 号窗口"
    return "、".join(windows) + " 号窗口"


def queue_ticket(ticket: TicketPrint, hall: str, kiosk_id: str, width: int = 48) -> bytes:
    r = Receipt(width)
    r.text(hall, align="center")
    r.text("预约签到凭条" if ticket.appointment else "排队取号凭条", bold=True, align="center")
    r.rule()
    r.text(ticket.number, bold=True, size=2, align="center")
    r.text(ticket.category_name, bold=True, align="center")
    if ticket.priority in PRIORITY_TEXT:
        r.text(PRIORITY_TEXT[ticket.priority], bold=True, align="center")
    if ticket.appointment:
        r.text(f"预约时段：{ticket.appointment}", align="center")
    r.feed(1)
    r.pair("办理窗口", _windows(ticket.windows))
    r.pair("前面等候", f"{ticket.ahead} 人")
    r.pair("预计等候", f"约 {ticket.est_wait_min} 分钟" if ticket.ahead else "即将叫号")
    r.pair("取号时间", f"{ticket.issued_at:%Y-%m-%d %H:%M}")
    r.rule(".")
    r.text("微信或浏览器扫码，手机上查看排队进度", align="center")
    r.qr(ticket.follow_url, module=5)
    r.rule(".")
    r.text("请留意叫号屏幕与语音提示；过号请到服务台咨询。等候人数与时间为取号时的估算。")
    r.pair("服务热线", ticket.hotline)
    r.pair("终端编号", kiosk_id)
    return r.feed(2).cut().bytes()


@dataclass(frozen=True)
class BookingPrint:
    """A booked appointment's confirmation slip."""
    code: str
    category_name: str
    hall_name: str
    day: str                        # 2026年12月3日（星期四）
    slot: str                       # 09:30-10:00
    checkin_rule: str               # 请在预约时段开始前30分钟至开始后15分钟内签到
    qr_payload: str
    hotline: str


def booking_slip(slip: BookingPrint, hall: str, kiosk_id: str, width: int = 48,
                 when: datetime | None = None) -> bytes:
    r = Receipt(width)
    r.text(hall, align="center")
    r.text("预约凭条", bold=True, size=2, align="center")
    r.rule()
    r.text(slip.category_name, bold=True, align="center")
    r.text(f"{slip.day} {slip.slot}", bold=True, align="center")
    r.text(f"办理地点：{slip.hall_name}")
    r.pair("预约号", slip.code)
    r.text(slip.checkin_rule)
    r.rule(".")
    r.text("签到时在自助终端扫描此码", align="center")
    r.qr(slip.qr_payload, module=5)
    r.rule(".")
    r.pair("服务热线", slip.hotline)
    r.pair("打印时间", f"{(when or datetime.now()):%Y-%m-%d %H:%M}")
    r.pair("终端编号", kiosk_id)
    return r.feed(2).cut().bytes()
