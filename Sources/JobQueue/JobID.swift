/// The identifier of a job: the `id` column of `job` (and of `job_dead` once it died).
public struct JobID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: Int64

    public init(rawValue: Int64) { self.rawValue = rawValue }
    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    /// Parses a decimal job id as typed by a person; nil unless it is a positive integer.
    public init?(_ text: String) {
        guard let value = Int64(text.trimmingCharacters(in: .whitespaces)), value > 0 else { return nil }
        self.rawValue = value
    }

    public var description: String { String(rawValue) }
    public static func < (lhs: JobID, rhs: JobID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Where a job is in its life.
public enum JobState: String, Sendable, CaseIterable, Codable {
    /// Waiting to be claimed (`state = 0`).
    case ready
    /// Claimed by a worker (`state = 1`).
    case running
    /// Waiting for its `run_at` (delayed, or a retry backing off) (`state = 2`).
    case scheduled
    /// In `job_dead`: exhausted, discarded or cancelled.
    case dead

    init?(code: Int16) {
        switch code {
        case 0: self = .ready
        case 1: self = .running
        case 2: self = .scheduled
        default: return nil
        }
    }

    var code: Int16? {
        switch self {
        case .ready: 0
        case .running: 1
        case .scheduled: 2
        case .dead: nil
        }
    }
}

import Foundation
