import Foundation

/// Server-side SVG charts for the console and for mail: a bar chart of one figure per group and a line
/// chart of several series over time. Pure text output; the console embeds it as an image.
///
/// ```swift
/// let svg = SVGChart.bars(title: "CSAT by team", bars: [("Payments", 4.2), ("L1", 3.9)])
/// ```
public enum SVGChart {
    static let width = 720.0
    static let height = 360.0
    static let margin = (top: 40.0, right: 20.0, bottom: 70.0, left: 60.0)
    static let palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]

    /// One bar per label, scaled to the largest value (negative values are drawn as zero).
    public static func bars(title: String, bars: [(label: String, value: Double)]) -> String {
        let plotWidth = width - margin.left - margin.right
        let plotHeight = height - margin.top - margin.bottom
        let top = niceMax(bars.map(\.value).max() ?? 0)
        var body = axes(top: top)
        let slot = bars.isEmpty ? plotWidth : plotWidth / Double(bars.count)
        for (index, bar) in bars.enumerated() {
            let h = top > 0 ? max(0, bar.value) / top * plotHeight : 0
            let x = margin.left + Double(index) * slot + slot * 0.15
            let y = margin.top + plotHeight - h
            body += #"<rect x="\#(f(x))" y="\#(f(y))" width="\#(f(slot * 0.7))" height="\#(f(h))" fill="\#(palette[0])"><title>\#(escape(bar.label)): \#(f(bar.value))</title></rect>"#
            body += #"<text x="\#(f(x + slot * 0.35))" y="\#(f(height - margin.bottom + 16))" text-anchor="middle" font-size="11">\#(escape(bar.label))</text>"#
        }
        if bars.isEmpty { body += noData() }
        return document(title: title, body: body)
    }

    /// One polyline per series over `xLabels` (each series as long as the labels), with a legend.
    public static func lines(title: String, xLabels: [String], series: [(name: String, values: [Double])]) -> String {
        let plotWidth = width - margin.left - margin.right
        let plotHeight = height - margin.top - margin.bottom
        let top = niceMax(series.flatMap(\.values).max() ?? 0)
        var body = axes(top: top)
        let step = xLabels.count > 1 ? plotWidth / Double(xLabels.count - 1) : 0
        let every = max(1, xLabels.count / 8)
        for (index, label) in xLabels.enumerated() where index % every == 0 {
            body += #"<text x="\#(f(margin.left + Double(index) * step))" y="\#(f(height - margin.bottom + 16))" text-anchor="middle" font-size="11">\#(escape(label))</text>"#
        }
        for (index, line) in series.enumerated() {
            let color = palette[index % palette.count]
            let points = line.values.prefix(xLabels.count).enumerated().map { i, value in
                "\(f(margin.left + Double(i) * step)),\(f(margin.top + plotHeight - (top > 0 ? max(0, value) / top * plotHeight : 0)))"
            }
            body += #"<polyline fill="none" stroke="\#(color)" stroke-width="2" points="\#(points.joined(separator: " "))"><title>\#(escape(line.name))</title></polyline>"#
            let legendY = height - 30 + Double(index / 5) * 14
            let legendX = margin.left + Double(index % 5) * 130
            body += #"<rect x="\#(f(legendX))" y="\#(f(legendY - 9))" width="10" height="10" fill="\#(color)"/>"#
            body += #"<text x="\#(f(legendX + 14))" y="\#(f(legendY))" font-size="11">\#(escape(line.name))</text>"#
        }
        if series.isEmpty || xLabels.isEmpty { body += noData() }
        return document(title: title, body: body)
    }

    static func document(title: String, body: String) -> String {
        #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(f(width))" height="\#(f(height))" viewBox="0 0 \#(f(width)) \#(f(height))" font-family="sans-serif" role="img" aria-label="\#(escape(title))">"#
            + #"<rect width="100%" height="100%" fill="white"/>"#
            + #"<text x="\#(f(margin.left))" y="24" font-size="15" font-weight="bold">\#(escape(title))</text>"#
            + body + "</svg>"
    }

    /// The value axis with five gridlines from zero to `top`.
    static func axes(top: Double) -> String {
        let plotHeight = height - margin.top - margin.bottom
        var out = ""
        for tick in 0...4 {
            let value = top * Double(tick) / 4
            let y = margin.top + plotHeight - Double(tick) / 4 * plotHeight
            out += #"<line x1="\#(f(margin.left))" y1="\#(f(y))" x2="\#(f(width - margin.right))" y2="\#(f(y))" stroke="gainsboro"/>"#
            out += #"<text x="\#(f(margin.left - 6))" y="\#(f(y + 4))" text-anchor="end" font-size="11">\#(f(value))</text>"#
        }
        return out
    }

    static func noData() -> String {
        #"<text x="\#(f(width / 2))" y="\#(f(height / 2))" text-anchor="middle" font-size="13" fill="gray">no data</text>"#
    }

    /// A round upper bound for the axis: 1, 2 or 5 times a power of ten.
    static func niceMax(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        let power = pow(10, floor(log10(value)))
        for factor in [1.0, 2, 5, 10] where factor * power >= value { return factor * power }
        return 10 * power
    }

    /// Numbers with at most two decimals and no trailing zeros.
    static func f(_ value: Double) -> String { CSVTable.number(value) }

    /// Text safe inside an element or a double-quoted attribute.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // XML 1.0 forbids most control characters, even escaped.
            case _ where scalar.value < 0x20 && scalar != "\n" && scalar != "\t": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
