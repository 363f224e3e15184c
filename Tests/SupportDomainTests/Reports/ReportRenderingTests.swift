import Foundation
import SupportDomain
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

struct ReportRenderingTests {
    /// Whether `text` is well-formed XML.
    static func wellFormed(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }

    @Test func barChartsAreWellFormedSVGWithOneBarPerGroup() {
        let svg = SVGChart.bars(title: "CSAT <by> \"team\" & more", bars: [("Payments & co", 4.5), ("L1 <night>", 3), ("zero", 0)])
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(Self.wellFormed(svg))
        #expect(svg.components(separatedBy: "<rect x=").count - 1 == 3)
        #expect(svg.contains("Payments &amp; co"))
        #expect(!svg.contains("no data"))
    }

    @Test func lineChartsDrawOnePolylinePerSeriesAndSayWhenEmpty() {
        let svg = SVGChart.lines(title: "Topics", xLabels: ["d1", "d2", "d3"], series: [("payment", [1, 5, 2]), ("technical", [0, 0, 9])])
        #expect(Self.wellFormed(svg))
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
        let empty = SVGChart.lines(title: "Topics", xLabels: [], series: [])
        #expect(Self.wellFormed(empty))
        #expect(empty.contains("no data"))
        #expect(Self.wellFormed(SVGChart.bars(title: "\u{1}ctl", bars: [])))
    }

    @Test func csvQuotesWhatNeedsItAndDefusesFormulas() {
        let csv = CSVTable.render(header: ["a", "b"], rows: [["x,y", "say \"hi\""], ["=SUM(A1)", "-3.5"], ["line\nbreak", ""]])
        #expect(csv == "a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n'=SUM(A1),-3.5\r\n\"line\nbreak\",\r\n")
        #expect(CSVTable.number(2.0) == "2")
        #expect(CSVTable.number(2.345) == "2.35")
        #expect(CSVTable.number(nil) == "")
    }

    @Test func topicsAreSortedByVolumeWithTheirTrend() {
        let topics = TopicTrend.from(
            cells: [(0, "payment", 2), (1, "payment", 4), (2, "payment", 6), (0, "technical", 9), (2, "technical", 4), (5, "ignored", 1)],
            bucketCount: 3)
        #expect(topics.map(\.topic) == ["technical", "payment"])
        #expect(topics[1].counts == [2, 4, 6])
        #expect(topics[1].slope == 2)
        #expect(topics[1].lastChangePct == 50)
        #expect(topics[0].counts == [9, 0, 4])
        #expect(topics[0].lastChangePct == nil)
    }

    @Test func weeksStartOnMondayInUTC() throws {
        // 2026-11-25 is a Wednesday.
        let wednesday = try Date("2026-11-25T15:00:00Z", strategy: .iso8601)
        #expect(ReportBucket.week.start(of: wednesday) == (try Date("2026-11-23T00:00:00Z", strategy: .iso8601)))
        #expect(ReportBucket.day.start(of: wednesday) == (try Date("2026-11-25T00:00:00Z", strategy: .iso8601)))
        let period = try ReportPeriod(from: wednesday, to: wednesday.addingTimeInterval(10 * 86_400))
        #expect(ReportBucket.week.starts(period).count == 2)
        #expect(ReportBucket.day.starts(period).count == 11)
    }
}
