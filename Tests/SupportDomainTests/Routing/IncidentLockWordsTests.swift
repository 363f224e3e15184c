import SupportDomain
import Testing

/// The detection locks: which words a report takes exclusively (``IncidentDetector/exclusiveLockWords(of:uses:)``).
struct IncidentLockWordsTests {
    @Test func requiredSharedFollowsTheSimilarityRule() {
        let detector = IncidentDetector()
        #expect([1, 2, 3, 4, 5, 6, 9, 10].map(detector.requiredShared(forShorter:)) == [2, 2, 2, 2, 3, 3, 5, 5])
        #expect(detector.requiredShared(forShorter: 0) > 0)
        let strict = IncidentDetector(threshold: 0.8, minimumShared: 3)
        #expect([3, 4, 5, 10].map(strict.requiredShared(forShorter:)) == [3, 4, 4, 8])
    }

    @Test func commonWordsAreTakenSharedAndRareOnesExclusive() {
        let detector = IncidentDetector()
        let words: Set = ["бот", "гарант", "завис"]
        let exclusive = detector.exclusiveLockWords(of: words, uses: ["бот": 40, "гарант": 12, "завис": 1])
        #expect(exclusive == ["завис", "гарант"])
        #expect(detector.exclusiveLockWords(of: ["бот"], uses: [:]).isEmpty, "one word is never the shorter of a similar pair")
        #expect(detector.exclusiveLockWords(of: [], uses: [:]).isEmpty)
        #expect(detector.exclusiveLockWords(of: ["a", "b"], uses: [:]) == ["a"], "ties go by spelling")
    }

    /// The property the locks rest on, over many random pairs and each side's own idea of which words are
    /// rare: whenever two reports are similar, some word is in both and at least one takes it exclusively.
    @Test(arguments: [(0.5, 2), (0.3, 1), (0.8, 3), (1.0, 2)])
    func similarReportsAlwaysConflict(threshold: Double, minimumShared: Int) {
        let detector = IncidentDetector(threshold: threshold, minimumShared: minimumShared)
        let vocabulary = (0..<12).map { "w\($0)" }
        var random = SeededGenerator(seed: UInt64(threshold * 1000) + UInt64(minimumShared))
        var similarPairs = 0
        for _ in 0..<20_000 {
            let a = Set(vocabulary.filter { _ in random.next() % 3 == 0 })
            let b = Set(vocabulary.filter { _ in random.next() % 3 == 0 })
            guard detector.similarity(a, b) != nil else { continue }
            similarPairs += 1
            let usesA = Dictionary(uniqueKeysWithValues: vocabulary.map { ($0, Int(random.next() % 5)) })
            let usesB = Dictionary(uniqueKeysWithValues: vocabulary.map { ($0, Int(random.next() % 5)) })
            let conflict = a.intersection(b).contains { word in
                detector.exclusiveLockWords(of: a, uses: usesA).contains(word)
                    || detector.exclusiveLockWords(of: b, uses: usesB).contains(word)
            }
            #expect(conflict, "\(a.sorted()) and \(b.sorted()) are similar but would not wait for each other")
            if !conflict { return }
        }
        #expect(similarPairs > 500)
    }
}
