/// One size of a photo; a photo message carries several, smallest first.
public struct PhotoSize: Codable, Sendable, Hashable {
    /// The id to download the file with `getFile`; valid for this bot only.
    public let fileID: String
    /// Stable across bots and time; use it to deduplicate.
    public let fileUniqueID: String
    public let width: Int
    public let height: Int
    public let fileSize: Int?

    public init(fileID: String, fileUniqueID: String, width: Int, height: Int, fileSize: Int? = nil) {
        self.fileID = fileID
        self.fileUniqueID = fileUniqueID
        self.width = width
        self.height = height
        self.fileSize = fileSize
    }

    enum CodingKeys: String, CodingKey {
        case fileID = "file_id"
        case fileUniqueID = "file_unique_id"
        case width, height
        case fileSize = "file_size"
    }
}
