import Foundation
import SupportSchema

/// One clock's progress through a history: the share of its target used so far (so a priority change
/// rescales what is left) and, for response clocks, the wall time used against the 8-hour cap.
struct SLARun: Sendable {
    let clock: SLAClockKind
    /// Start of the segment now counting; nil when idle, paused or finished.
    private(set) var segmentStart: Date?
    private(set) var started = false
    /// Start of the current run (set again by a reopen).
    private(set) var runStart: Date?
    private var usedShare = 0.0
    private var wallUsed: TimeInterval = 0
    private var outcome: SLAClockStatus.State?

    init(clock: SLAClockKind) { self.clock = clock }

    var isRunning: Bool { segmentStart != nil }
    var isPaused: Bool { started && segmentStart == nil && outcome == nil }
    var isFinished: Bool { outcome != nil }
    private var capped: Bool { clock != .resolution }

    mutating func start(at date: Date) {
        guard !started else { return }
        started = true
        segmentStart = date
        runStart = date
    }

    /// Adds the running segment up to `date` to what is used, and keeps counting from `date`.
    mutating func bank(at date: Date, in sla: SLAClock, priority: Priority) {
        guard let from = segmentStart else { return }
        usedShare += sla.counted(from: from, to: date, priority: priority) / max(1, sla.target(clock, priority: priority))
        wallUsed += max(0, date.timeIntervalSince(from))
        segmentStart = date
    }

    mutating func pause(at date: Date, in sla: SLAClock, priority: Priority) {
        guard isRunning else { return }
        bank(at: date, in: sla, priority: priority)
        segmentStart = nil
    }

    mutating func resume(at date: Date) {
        guard isPaused else { return }
        segmentStart = date
    }

    mutating func finish(at date: Date, in sla: SLAClock, priority: Priority) {
        guard started, outcome == nil else { return }
        if let from = segmentStart, let due = deadlines(from: from, in: sla, priority: priority)?.due, due < date {
            outcome = .breached(at: due)
        } else {
            outcome = .met(at: date)
        }
        // What was used counts again if the clock resumes (a reopened ticket).
        bank(at: date, in: sla, priority: priority)
        segmentStart = nil
    }

    /// A finished clock counts again from `date`, with what it used before.
    mutating func reopen(at date: Date) {
        guard outcome != nil else { return }
        outcome = nil
        segmentStart = date
        runStart = date
    }

    func state(now: Date, in sla: SLAClock, priority: Priority) -> SLAClockStatus.State {
        if let outcome { return outcome }
        guard started else { return .idle }
        guard let from = segmentStart, let deadlines = deadlines(from: from, in: sla, priority: priority) else {
            return .paused(remaining: max(0, 1 - usedShare) * sla.target(clock, priority: priority))
        }
        return now >= deadlines.due ? .breached(at: deadlines.due) : .running(warningAt: deadlines.warning, dueAt: deadlines.due)
    }

    /// Warning and breach instants of the segment counting from `from`.
    private func deadlines(from: Date, in sla: SLAClock, priority: Priority) -> (warning: Date, due: Date)? {
        let target = sla.target(clock, priority: priority)
        var due = sla.adding((1 - usedShare) * target, to: from, priority: priority)
        var warning = sla.adding(max(0, SLAClock.warningShare - usedShare) * target, to: from, priority: priority)
        if capped {
            due = min(due, from.addingTimeInterval(SLAPolicyTable.hardCap - wallUsed))
            warning = min(warning, from.addingTimeInterval(max(0, SLAClock.warningShare * SLAPolicyTable.hardCap - wallUsed)))
        }
        return (min(warning, due), due)
    }
}
