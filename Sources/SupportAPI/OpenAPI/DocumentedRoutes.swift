import Foundation

/// The document's paths and their methods, to answer 405 with `Allow` for a documented path asked
/// with another method (the router itself only knows 404). `OpenAPITests` keeps the document equal
/// to the router, so this is the route table.
enum DocumentedRoutes {
    struct Route: Sendable {
        var segments: [Substring]
        var methods: [String]
    }

    static let routes: [Route] = {
        guard let json = try? JSONSerialization.jsonObject(with: OpenAPIDocument.data) as? [String: Any],
            let paths = json["paths"] as? [String: [String: Any]]
        else { return [] }
        let verbs = ["get", "put", "post", "delete", "patch", "head", "options"]
        return paths.map { path, operations in
            Route(segments: path.split(separator: "/"), methods: verbs.filter { operations[$0] != nil }.map { $0.uppercased() })
        }
    }()

    /// The methods documented for this request path, or nil when no documented path matches it.
    static func allowedMethods(for path: String) -> [String]? {
        let segments = path.split(separator: "/")
        for route in routes where route.segments.count == segments.count {
            let matches = zip(route.segments, segments).allSatisfy { template, actual in
                (template.hasPrefix("{") && template.hasSuffix("}")) || template == actual
            }
            if matches { return route.methods }
        }
        return nil
    }
}
