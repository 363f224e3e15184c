import Foundation
import SupportStore

/// `POST /api/v1/disputes/{id}/evidence`: text and/or file references.
struct EvidenceRequest: Decodable, Sendable {
    var body: String?
    var files: [EvidenceStore.FileRef]?

    func validated() throws -> Self {
        let text = body ?? ""
        let files = files ?? []
        guard !text.allSatisfy(\.isWhitespace) || !files.isEmpty else {
            throw APIError(.badRequest, code: "missing_field", message: "body: text, or at least one entry in files")
        }
        guard text.count <= 20_000 else { throw APIError(.badRequest, code: "invalid_field", message: "body: at most 20000 characters") }
        guard files.count <= 20 else { throw APIError(.badRequest, code: "invalid_field", message: "files: at most 20") }
        for (index, file) in files.enumerated() {
            guard !file.ref.allSatisfy(\.isWhitespace), file.ref.count <= 2000, !file.name.isEmpty, file.name.count <= 300 else {
                throw APIError(.badRequest, code: "invalid_field", message: "files.\(index): name and ref must not be blank")
            }
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
