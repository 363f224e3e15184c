import Foundation
import SupportDomain
import Testing

struct QuietHoursTests {
    /// 22:00–08:00 in Yekaterinburg (UTC+5).
    let night = QuietHours(from: TimeOfDay("22:00")!, until: TimeOfDay("08:00")!, timeZoneIdentifier: "Asia/Yekaterinburg")!

    func ekb(_ day: Int, _ time: String) -> Date {
        let t = TimeOfDay(time)!
        // 2026-11-16 is a Monday; 00:00 YEKT = 19:00 UTC the day before.
        return Date(timeIntervalSince1970: 1_794_769_200 + Double(day - 16) * 86_400 + Double(t.minutes) * 60)
    }

    @Test func quietWrapsPastMidnightAndEndsInTheMorning() {
        #expect(!night.contains(ekb(16, "21:59")))
        #expect(night.contains(ekb(16, "22:00")))
        #expect(night.contains(ekb(17, "03:00")))
        #expect(!night.contains(ekb(17, "08:00")))
        #expect(night.end(after: ekb(16, "23:30")) == ekb(17, "08:00"))
        #expect(night.end(after: ekb(17, "07:59")) == ekb(17, "08:00"))
        #expect(night.end(after: ekb(17, "12:00")) == ekb(17, "12:00"))
    }

    @Test func quietWithinOneDayAndOtherZones() {
        let siesta = QuietHours(from: TimeOfDay("13:00")!, until: TimeOfDay("15:00")!, timeZoneIdentifier: "Europe/Moscow")!
        // 13:30 Moscow = 15:30 Yekaterinburg.
        #expect(siesta.contains(ekb(18, "15:30")))
        #expect(siesta.end(after: ekb(18, "15:30")) == ekb(18, "17:00"))
        #expect(!siesta.contains(ekb(18, "14:59")))
    }

    @Test func emptyOrUnknownIsNoQuiet() {
        #expect(QuietHours(from: TimeOfDay("08:00")!, until: TimeOfDay("08:00")!, timeZoneIdentifier: "Asia/Yekaterinburg") == nil)
        #expect(QuietHours(from: TimeOfDay("22:00")!, until: TimeOfDay("08:00")!, timeZoneIdentifier: "Mars/Olympus") == nil)
    }
}
