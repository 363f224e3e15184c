public import Foundation
public import SupportSchema

/// The SLA clocks of one ticket, derived from its history rather than stored, so a policy change or a
/// pause explains itself.
///
/// - First response runs from creation to the first staff reply; next response from a requester
///   message that waits for an answer to the next staff reply; resolution from creation to resolution
///   (a reopen continues it).
/// - Targets come from ``SLAPolicyTable`` for the channel and the priority current at each instant, in
///   business time of the team's calendar where the policy says so. Pauses (waiting on the requester
///   or a third party) stop every clock.
/// - Response clocks also obey the 8-hour cap: never more than ``SLAPolicyTable/hardCap`` of wall time
///   (pauses excluded) without an answer. Warnings fall at ``warningShare`` of the target.
public struct SLAClock: Sendable {
    public var policies: SLAPolicyTable
    public var calendar: BusinessCalendar
    public var channel: Channel
    public static let warningShare = 0.8

    public init(policies: SLAPolicyTable = .default, calendar: BusinessCalendar = .standard, channel: Channel) {
        self.policies = policies
        self.calendar = calendar
        self.channel = channel
    }

    /// The three clocks at `now`, given the history (in time order) and the priority at creation.
    public func status(events: [SLAEvent], priority initial: Priority, now: Date) -> [SLAClockStatus] {
        var priority = initial
        var runs: [SLAClockKind: SLARun] = [:]
        for clock in SLAClockKind.allCases { runs[clock] = SLARun(clock: clock) }
        func each(_ body: (inout SLARun) -> Void) { for clock in SLAClockKind.allCases { body(&runs[clock]!) } }
        for event in events where event.at <= now {
            switch event.kind {
            case .opened:
                runs[.firstResponse]!.start(at: event.at)
                runs[.resolution]!.start(at: event.at)
            case .requesterMessage:
                if runs[.firstResponse]!.isFinished, !runs[.nextResponse]!.isRunning, !runs[.nextResponse]!.isPaused {
                    runs[.nextResponse] = SLARun(clock: .nextResponse)
                    runs[.nextResponse]!.start(at: event.at)
                }
            case .staffReply:
                runs[.firstResponse]!.finish(at: event.at, in: self, priority: priority)
                runs[.nextResponse]!.finish(at: event.at, in: self, priority: priority)
            case .paused:
                each { $0.pause(at: event.at, in: self, priority: priority) }
            case .resumed:
                each { $0.resume(at: event.at) }
            case .priorityChanged(let new):
                each { $0.bank(at: event.at, in: self, priority: priority) }
                priority = new
            case .resolved:
                runs[.resolution]!.finish(at: event.at, in: self, priority: priority)
            case .reopened:
                runs[.resolution]!.reopen(at: event.at)
            }
        }
        return SLAClockKind.allCases.map { clock in
            let run = runs[clock]!
            return SLAClockStatus(
                clock: clock, state: run.state(now: now, in: self, priority: priority), runStartedAt: run.runStart,
                isOpen: run.started && !run.isFinished)
        }
    }

    /// Seconds of the clock's target (business or wall, per policy).
    func target(_ clock: SLAClockKind, priority: Priority) -> TimeInterval {
        TimeInterval(policies.policy(channel: channel, priority: priority).minutes(for: clock)) * 60
    }

    func usesBusinessHours(priority: Priority) -> Bool { policies.policy(channel: channel, priority: priority).businessHours }

    /// Counted time between two instants under the policy of `priority`.
    func counted(from start: Date, to end: Date, priority: Priority) -> TimeInterval {
        usesBusinessHours(priority: priority) ? calendar.businessSeconds(from: start, to: end) : max(0, end.timeIntervalSince(start))
    }

    /// The instant at which `seconds` more counted time have passed since `start`.
    func adding(_ seconds: TimeInterval, to start: Date, priority: Priority) -> Date {
        usesBusinessHours(priority: priority) ? calendar.add(businessSeconds: seconds, to: start) : start.addingTimeInterval(max(0, seconds))
    }
}
