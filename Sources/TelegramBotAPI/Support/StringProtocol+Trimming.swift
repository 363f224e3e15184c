extension StringProtocol {
    /// Trims characters matching `predicate` at both ends (no Foundation character sets needed).
    func trimming(where predicate: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !predicate($0) }), let last = lastIndex(where: { !predicate($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
