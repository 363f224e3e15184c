extension Message {
    /// The message's files: the largest size of a photo (the others are thumbnails) and the document.
    public var attachments: [TelegramAttachment] {
        var result: [TelegramAttachment] = []
        if let largest = (photo ?? []).max(by: { lhs, rhs in
            (Double(lhs.width) * Double(lhs.height), lhs.fileSize ?? 0) < (Double(rhs.width) * Double(rhs.height), rhs.fileSize ?? 0)
        }) {
            result.append(
                TelegramAttachment(
                    kind: .photo, fileID: largest.fileID, fileUniqueID: largest.fileUniqueID, fileName: nil,
                    mimeType: "image/jpeg", fileSize: largest.fileSize))
        }
        if let document {
            result.append(
                TelegramAttachment(
                    kind: .document, fileID: document.fileID, fileUniqueID: document.fileUniqueID,
                    fileName: document.fileName, mimeType: document.mimeType, fileSize: document.fileSize))
        }
        return result
    }
}
