import Foundation
import SupportStore

/// `POST /api/v1/disputes/{id}/evidence`: text and/or file references.
struct EvidenceRequest: Decodable, Sendable {
    var body: String?
    var files: [EvidenceStore.FileRef]?

    func validated() throws -> Self {
        _ = try PlainText.optional(body, "body", max: 20_000)
        let files = files ?? []
        guard PlainText.hasContent(body) || !files.isEmpty else {
            throw APIError(.badRequest, code: "missing_field", message: "body: text, or at least one entry in files")
        }
        guard files.count <= 20 else { throw APIError(.badRequest, code: "invalid_field", message: "files: at most 20") }
        for (index, file) in files.enumerated() {
            _ = try PlainText.required(file.name, "files.\(index).name", max: 300)
            _ = try PlainText.required(file.ref, "files.\(index).ref", max: 2000)
            _ = try PlainText.optional(file.contentType, "files.\(index).content_type", max: 200)
            if let hash = file.sha256, hash.wholeMatch(of: /[0-9a-f]{64}/) == nil {
                throw APIError(.badRequest, code: "invalid_field", message: "files.\(index).sha256: 64 lower-case hex digits")
            }
            if let size = file.size, size < 0 {
                throw APIError(.badRequest, code: "invalid_field", message: "files.\(index).size: not negative")
            }
        }
        return self
    }
}
