/// A TMX date, `YYYYMMDDThhmmssZ` in UTC (ISO 8601 basic format), comparable.
///
/// ```swift
/// TMXDate("20250624T101500Z")! < TMXDate("20250625T000000Z")!   // true
/// ```
///
/// - SeeAlso: [TMX 1.4b, `creationdate`](https://www.gala-global.org/tmx-14b)
public struct TMXDate: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// Year, month, day, hour, minute and second packed as one number, `YYYYMMDDhhmmss`.
    public let packed: Int64

    /// Parses `YYYYMMDDThhmmssZ`; also accepts a missing `Z` and the extended form
    /// `YYYY-MM-DDThh:mm:ssZ` some tools write. Returns `nil` for anything else.
    public init?(_ text: String) {
        let digits = text.unicodeScalars.filter { $0 != "-" && $0 != ":" }
        var value: Int64 = 0
        var count = 0
        for scalar in digits {
            if scalar == "T" && count == 8 { continue }
            if scalar == "Z" && count == 14 { break }
            guard let digit = scalar.properties.numericType != nil ? Int64(String(scalar)) : nil, scalar.isASCII else { return nil }
            value = value * 10 + digit
            count += 1
            if count > 14 { return nil }
        }
        guard count == 14 || count == 8 else { return nil }
        if count == 8 { value *= 1_000_000 }
        let month = (value / 100_000_000) % 100
        let day = (value / 1_000_000) % 100
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        self.packed = value
    }

    /// Creates a date from its packed form `YYYYMMDDhhmmss`.
    public init(packed: Int64) { self.packed = packed }

    /// The TMX text, `YYYYMMDDThhmmssZ`.
    public var description: String {
        let date = packed / 1_000_000
        let time = packed % 1_000_000
        let datePart = String(date).leftPadded(to: 8)
        let timePart = String(time).leftPadded(to: 6)
        return "\(datePart)T\(timePart)Z"
    }

    public static func < (lhs: TMXDate, rhs: TMXDate) -> Bool { lhs.packed < rhs.packed }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
