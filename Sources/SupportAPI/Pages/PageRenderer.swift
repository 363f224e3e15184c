import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// Renders the pages' templates into HTML responses.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    init() {
        var library = MustacheLibrary()
        for (name, text) in PageTemplates.all {
            // The templates are constants of this build: one that does not parse is a programming error.
            guard let template = try? MustacheTemplate(string: text) else { preconditionFailure("page template \(name) does not parse") }
            library.register(template, named: name)
        }
        self.library = library
    }

    /// `name` rendered with `values` plus the language's words (`t`) and `lang`.
    func page(_ name: String, locale: String, values: [String: Any], status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var context = values
        let words = PageText.table(locale)
        context["t"] = words
        context["lang"] = locale
        if context["home"] == nil { context["home"] = "/portal" }
        if context["brand"] == nil { context["brand"] = words["portal"] ?? "" }
        let html = library.render(context, withTemplate: name) ?? ""
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        fields[.cacheControl] = "no-store"
        fields[HTTPField.Name("Content-Security-Policy")!] = "default-src 'self'; style-src 'self' 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// 303 to `location`, with extra headers (a cookie being set or cleared).
    static func redirect(_ location: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.location] = location
        return Response(status: .seeOther, headers: fields)
    }
}
