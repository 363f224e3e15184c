import Hummingbird
import SupportSchema
import SupportStore

/// The queue page's filters (`?line=l2&priority=high&category=payment&due=30`), applied to every section.
/// An unknown value is a 400 naming the field, like the API's list.
struct ConsoleQueueFilter: Sendable {
    var line: Line?
    var priority: Priority?
    var category: Category?
    /// Only tickets whose SLA deadline falls within this many minutes (or has passed).
    var dueWithin: Int64?

    init(_ query: [String: String]) throws(APIError) {
        func parse<T>(_ name: String, _ make: (String) -> T?) throws(APIError) -> T? {
            guard let text = query[name], !text.isEmpty else { return nil }
            guard let value = make(text) else { throw APIError(.badRequest, code: "invalid_parameter", message: "\(name): unknown value \(text.prefix(40))") }
            return value
        }
        line = try parse("line") { Line(rawValue: $0) }
        priority = try parse("priority") { Priority(rawValue: $0) }
        category = try parse("category") { Category(rawValue: $0) }
        dueWithin = try parse("due") { Int64($0).flatMap { (1...10_080).contains($0) ? $0 : nil } }
    }

    func apply(to filter: inout TicketListFilter) {
        if let line { filter.lines = [line] }
        if let priority { filter.priorities = [priority] }
        if let category { filter.categories = [category] }
        if let dueWithin { filter.slaDueWithin = dueWithin * 60 }
    }

    /// The filter form's choices, with the current ones selected.
    func choices() -> [String: Any] {
        func options<T: RawRepresentable>(_ all: [T], _ current: T?) -> [[String: Any]] where T.RawValue == String {
            all.map { ["value": $0.rawValue, "selected": $0.rawValue == current?.rawValue] }
        }
        return [
            "lines": options(Line.allCases, line), "priorities": options(Priority.allCases, priority),
            "categoryChoices": options(Category.allCases, category), "dueChecked": dueWithin != nil,
        ]
    }
}
