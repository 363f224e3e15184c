public import Foundation
public import SupportSchema

/// SLA policies per channel and priority, and the deadlines they give.
///
/// The defaults follow the desk's promises: phone at once, chat within 5 minutes, email within
/// 24 business hours, social media within 12 hours; messengers and the portal in between. On top,
/// no ticket may stay unanswered for more than ``hardCap`` of wall-clock time, so a response
/// deadline is the earlier of the policy's target and the cap (which also covers nights and
/// weekends). The `sla_policy` table overrides the defaults per channel and priority.
///
/// ```swift
/// let due = SLAPolicyTable.default.expectedFirstResponse(
///     channel: .email, priority: .normal, receivedAt: now, calendar: team.calendar)
/// ```
public struct SLAPolicyTable: Hashable, Sendable {
    /// The longest any ticket may wait for a (first or next) response: 8 hours, wall clock.
    public static let hardCap: TimeInterval = 8 * 60 * 60

    /// Per-channel policies for `normal` priority; other priorities scale them (see ``SLAPolicy/scaled(for:)``).
    public var channelPolicies: [Channel: SLAPolicy]
    /// Explicit policies for a channel and priority (`sla_policy` rows); they win over scaling.
    public var overrides: [Key: SLAPolicy]

    public struct Key: Hashable, Sendable {
        public var channel: Channel
        public var priority: Priority
        public init(channel: Channel, priority: Priority) {
            self.channel = channel
            self.priority = priority
        }
    }

    public init(channelPolicies: [Channel: SLAPolicy] = SLAPolicyTable.defaultChannelPolicies, overrides: [Key: SLAPolicy] = [:]) {
        self.channelPolicies = channelPolicies
        self.overrides = overrides
    }

    public static let `default` = SLAPolicyTable()

    /// The built-in normal-priority targets, in minutes.
    public static let defaultChannelPolicies: [Channel: SLAPolicy] = [
        // Immediate: the caller is on the line. Around the clock.
        .phone: SLAPolicy(firstResponseMinutes: 0, nextResponseMinutes: 60, resolutionMinutes: 24 * 60, businessHours: false),
        // Live chat expects an agent within minutes while the desk is open.
        .chat: SLAPolicy(firstResponseMinutes: 5, nextResponseMinutes: 5, resolutionMinutes: 8 * 60, businessHours: true),
        // The bot is the main channel of the community: one business hour.
        .telegram: SLAPolicy(firstResponseMinutes: 60, nextResponseMinutes: 60, resolutionMinutes: 24 * 60, businessHours: true),
        // The guarantor bot and other services: two business hours.
        .api: SLAPolicy(firstResponseMinutes: 120, nextResponseMinutes: 120, resolutionMinutes: 36 * 60, businessHours: true),
        // Portal forms: four business hours.
        .web: SLAPolicy(firstResponseMinutes: 240, nextResponseMinutes: 240, resolutionMinutes: 36 * 60, businessHours: true),
        // Email: 24 business hours (the 8-hour cap answers sooner in practice).
        .email: SLAPolicy(firstResponseMinutes: 24 * 60, nextResponseMinutes: 24 * 60, resolutionMinutes: 48 * 60, businessHours: true),
        // Social media: 12 hours, wall clock (the low end of the promised 12–24 h).
        .social: SLAPolicy(firstResponseMinutes: 12 * 60, nextResponseMinutes: 12 * 60, resolutionMinutes: 72 * 60, businessHours: false),
    ]

    /// The policy for a channel and priority.
    public func policy(channel: Channel, priority: Priority) -> SLAPolicy {
        if let explicit = overrides[Key(channel: channel, priority: priority)] { return explicit }
        let base = channelPolicies[channel] ?? Self.defaultChannelPolicies[channel]!
        return base.scaled(for: priority)
    }

    /// The deadline of `clock` started at `start`.
    ///
    /// Business-hours targets run on `calendar`; response clocks are additionally capped at
    /// `start + hardCap`. Pauses are the caller's business: pass the remaining time's start.
    public func deadline(
        for clock: SLAClockKind, channel: Channel, priority: Priority, startedAt start: Date, calendar: BusinessCalendar
    ) -> Date {
        let policy = policy(channel: channel, priority: priority)
        let minutes = policy.minutes(for: clock)
        let target =
            policy.businessHours
            ? calendar.add(businessMinutes: minutes, to: start)
            : start.addingTimeInterval(TimeInterval(minutes) * 60)
        switch clock {
        case .firstResponse, .nextResponse: return min(target, start.addingTimeInterval(Self.hardCap))
        case .resolution: return target
        }
    }

    /// When the requester can expect a first response: what the auto-acknowledgement names.
    public func expectedFirstResponse(
        channel: Channel, priority: Priority, receivedAt: Date, calendar: BusinessCalendar
    ) -> Date {
        deadline(for: .firstResponse, channel: channel, priority: priority, startedAt: receivedAt, calendar: calendar)
    }
}
