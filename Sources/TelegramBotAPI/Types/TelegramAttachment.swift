/// A file attached to a message, reduced to what intake stores: ids to fetch it later, and its metadata.
///
/// Telegram keeps the file; the platform stores `fileID` (to download via `getFile`) and `fileUniqueID`
/// (to deduplicate), not the bytes.
public struct TelegramAttachment: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case photo
        case document
    }

    public let kind: Kind
    public let fileID: String
    public let fileUniqueID: String
    public let fileName: String?
    public let mimeType: String?
    public let fileSize: Int?

    public init(kind: Kind, fileID: String, fileUniqueID: String, fileName: String?, mimeType: String?, fileSize: Int?) {
        self.kind = kind
        self.fileID = fileID
        self.fileUniqueID = fileUniqueID
        self.fileName = fileName
        self.mimeType = mimeType
        self.fileSize = fileSize
    }
}
