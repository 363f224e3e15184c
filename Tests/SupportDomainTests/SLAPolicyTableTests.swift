import Foundation
import SupportDomain
import SupportSchema
import Testing

struct SLAPolicyTableTests {
    let table = SLAPolicyTable.default
    let desk = BusinessCalendar.standard

    @Test func hardCapIsEightHours() {
        #expect(SLAPolicyTable.hardCap == 28_800)
    }

    @Test(arguments: [
        (Channel.phone, 0, false), (.chat, 5, true), (.telegram, 60, true), (.api, 120, true), (.web, 240, true),
        (.email, 1440, true), (.social, 720, false),
    ])
    func defaultFirstResponseTargets(channel: Channel, minutes: Int, businessHours: Bool) {
        let policy = table.policy(channel: channel, priority: .normal)
        #expect(policy.firstResponseMinutes == minutes)
        #expect(policy.businessHours == businessHours)
    }

    @Test func everyChannelHasADefault() {
        #expect(Set(SLAPolicyTable.defaultChannelPolicies.keys) == Set(Channel.allCases))
    }

    @Test(arguments: [
        (Priority.low, 60), (.normal, 60), (.high, 30), (.critical, 15),
    ])
    func priorityShortensTargets(priority: Priority, minutes: Int) {
        #expect(table.policy(channel: .telegram, priority: priority).firstResponseMinutes == minutes)
    }

    // (channel, priority, received, expected first response)
    @Test(arguments: [
        // Phone: immediate, even on a Saturday night.
        (Channel.phone, Priority.normal, "2025-03-08T23:00:00+05:00", "2025-03-08T23:00:00+05:00"),
        // Chat: 5 business minutes.
        (.chat, .normal, "2025-03-03T12:00:00+05:00", "2025-03-03T12:05:00+05:00"),
        (.chat, .normal, "2025-03-03T09:00:00+05:00", "2025-03-03T10:05:00+05:00"),
        // Friday 21:58: the business target (Monday 10:03) is past the 8-hour cap (Saturday 05:58).
        (.chat, .normal, "2025-03-07T21:58:00+05:00", "2025-03-08T05:58:00+05:00"),
        // Telegram: one business hour.
        (.telegram, .normal, "2025-03-03T12:00:00+05:00", "2025-03-03T13:00:00+05:00"),
        (.telegram, .normal, "2025-03-03T21:30:00+05:00", "2025-03-04T05:30:00+05:00"),
        (.telegram, .critical, "2025-03-03T12:00:00+05:00", "2025-03-03T12:15:00+05:00"),
        (.telegram, .high, "2025-03-03T12:00:00+05:00", "2025-03-03T12:30:00+05:00"),
        // Email: 24 business hours, but never more than 8 hours.
        (.email, .normal, "2025-03-03T10:00:00+05:00", "2025-03-03T18:00:00+05:00"),
        (.email, .low, "2025-03-08T10:00:00+05:00", "2025-03-08T18:00:00+05:00"),
        // Portal: 4 business hours; Monday 20:00 -> Tuesday 12:00 by the calendar, Tuesday 04:00 by the cap.
        (.web, .normal, "2025-03-03T20:00:00+05:00", "2025-03-04T04:00:00+05:00"),
        (.web, .normal, "2025-03-03T11:00:00+05:00", "2025-03-03T15:00:00+05:00"),
        // API: 2 business hours.
        (.api, .normal, "2025-03-03T11:00:00+05:00", "2025-03-03T13:00:00+05:00"),
        // Social: 12 wall-clock hours, capped at 8.
        (.social, .normal, "2025-03-08T12:00:00+05:00", "2025-03-08T20:00:00+05:00"),
        (.social, .critical, "2025-03-08T12:00:00+05:00", "2025-03-08T15:00:00+05:00"),
    ])
    func expectsTheFirstResponse(channel: Channel, priority: Priority, received: String, expected: String) {
        let due = table.expectedFirstResponse(channel: channel, priority: priority, receivedAt: at(received), calendar: desk)
        #expect(due == at(expected))
    }

    @Test func theCapHoldsForEveryChannelPriorityAndHour() {
        var received = at("2025-03-03T00:00:00+05:00")
        let end = at("2025-03-10T00:00:00+05:00")
        while received < end {
            for channel in Channel.allCases {
                for priority in Priority.allCases {
                    let due = table.expectedFirstResponse(
                        channel: channel, priority: priority, receivedAt: received, calendar: desk)
                    #expect(due >= received)
                    #expect(due.timeIntervalSince(received) <= SLAPolicyTable.hardCap)
                }
            }
            received = received.addingTimeInterval(23 * 60)
        }
    }

    @Test func nextResponseIsCappedButResolutionIsNot() {
        let monday = at("2025-03-03T10:00:00+05:00")
        #expect(
            table.deadline(for: .nextResponse, channel: .email, priority: .normal, startedAt: monday, calendar: desk)
                == at("2025-03-03T18:00:00+05:00"))
        // 48 business hours = four 12-hour days: Monday to Thursday.
        #expect(
            table.deadline(for: .resolution, channel: .email, priority: .normal, startedAt: monday, calendar: desk)
                == at("2025-03-06T22:00:00+05:00"))
    }

    @Test func overridesWin() {
        var custom = SLAPolicyTable.default
        custom.overrides[.init(channel: .email, priority: .high)] = SLAPolicy(
            firstResponseMinutes: 90, nextResponseMinutes: 90, resolutionMinutes: 600, businessHours: true)
        #expect(custom.policy(channel: .email, priority: .high).firstResponseMinutes == 90)
        #expect(custom.policy(channel: .email, priority: .normal).firstResponseMinutes == 1440)
        #expect(
            custom.expectedFirstResponse(
                channel: .email, priority: .high, receivedAt: at("2025-03-07T21:00:00+05:00"), calendar: desk)
                == at("2025-03-08T05:00:00+05:00"))
        #expect(
            custom.expectedFirstResponse(
                channel: .email, priority: .high, receivedAt: at("2025-03-07T12:00:00+05:00"), calendar: desk)
                == at("2025-03-07T13:30:00+05:00"))
    }

    @Test func aTeamCalendarInAnotherZoneIsHonoured() throws {
        let berlin = try BusinessCalendar(timeZoneIdentifier: "Europe/Berlin")
        // 09:00 in Berlin: one hour to opening, then one business hour.
        #expect(
            table.expectedFirstResponse(
                channel: .telegram, priority: .normal, receivedAt: at("2025-03-03T09:00:00+01:00"), calendar: berlin)
                == at("2025-03-03T11:00:00+01:00"))
    }
}
