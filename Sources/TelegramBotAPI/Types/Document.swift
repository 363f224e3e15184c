/// A general file sent as a document (PDF, screenshot sent "as file", logs…).
public struct Document: Codable, Sendable, Hashable {
    public let fileID: String
    public let fileUniqueID: String
    public let fileName: String?
    public let mimeType: String?
    public let fileSize: Int?

    public init(
        fileID: String, fileUniqueID: String, fileName: String? = nil, mimeType: String? = nil, fileSize: Int? = nil
    ) {
        self.fileID = fileID
        self.fileUniqueID = fileUniqueID
        self.fileName = fileName
        self.mimeType = mimeType
        self.fileSize = fileSize
    }

    enum CodingKeys: String, CodingKey {
        case fileID = "file_id"
        case fileUniqueID = "file_unique_id"
        case fileName = "file_name"
        case mimeType = "mime_type"
        case fileSize = "file_size"
    }
}
