import Foundation

/// A canned reply's text with `{{placeholder}}` fields, checked when saved and rendered per ticket.
///
/// Pure: the values come from the caller (the ticket's requester name, number and expected response time).
///
/// ```swift
/// let template = try MacroTemplate("Hello {{requester_name}}, #{{ticket_number}} is fixed.")
/// template.render([.requesterName: "Anna", .ticketNumber: "1042"])  // "Hello Anna, #1042 is fixed."
/// ```
public struct MacroTemplate: Sendable, Hashable {
    /// The fields a macro may use.
    public enum Placeholder: String, Sendable, Hashable, CaseIterable {
        case requesterName = "requester_name"
        case ticketNumber = "ticket_number"
        case expectedTime = "expected_time"
    }

    public let text: String

    /// Checks that every `{{…}}` names a known placeholder.
    /// - Throws: ``MacroTemplateError/unknownPlaceholder(_:)`` naming the first unknown one.
    public init(_ text: String) throws(MacroTemplateError) {
        for name in Self.names(in: text) where Placeholder(rawValue: name) == nil {
            throw .unknownPlaceholder(name)
        }
        self.text = text
    }

    /// The placeholders used, in order of first use.
    public var placeholders: [Placeholder] {
        var seen: [Placeholder] = []
        for name in Self.names(in: text) {
            if let placeholder = Placeholder(rawValue: name), !seen.contains(placeholder) { seen.append(placeholder) }
        }
        return seen
    }

    /// The text with each placeholder replaced; a missing value renders as an empty string.
    public func render(_ values: [Placeholder: String]) -> String {
        var result = text
        for placeholder in Placeholder.allCases {
            result = result.replacingOccurrences(of: "{{\(placeholder.rawValue)}}", with: values[placeholder] ?? "")
        }
        return result
    }

    /// The names between `{{` and `}}`, exactly as written (`{{ x }}` is " x ", which is unknown).
    static func names(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            names.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return names
    }
}

/// Why a macro's text is refused.
public enum MacroTemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownPlaceholder(String)

    public var description: String {
        switch self {
        case .unknownPlaceholder(let name):
            "unknown placeholder {{\(name)}}; use \(MacroTemplate.Placeholder.allCases.map { "{{\($0.rawValue)}}" }.joined(separator: ", "))"
        }
    }
}
