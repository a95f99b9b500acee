import ArgumentParser

/// A size given on the command line: bytes, or a number followed by `K`, `M` or `G` (binary
/// units: 1K = 1,024 bytes), such as `--max-upload 512M`.
///
/// ```swift
/// ByteCount(argument: "2G")?.bytes   // 2_147_483_648
/// ```
struct ByteCount: ExpressibleByArgument, Sendable {
    /// The number of bytes.
    var bytes: Int

    /// A count of `bytes`.
    init(_ bytes: Int) { self.bytes = bytes }

    /// Parses `512`, `64K`, `512M`, `2G` (case-insensitive); `nil` for anything else or a value
    /// under 1.
    init?(argument: String) {
        let units: [Character: Int] = ["k": 1 << 10, "m": 1 << 20, "g": 1 << 30]
        var digits = Substring(argument)
        var unit = 1
        if let last = argument.last?.lowercased().first, let factor = units[last] {
            unit = factor
            digits = digits.dropLast()
        }
        guard let number = Int(digits), number > 0, number <= Int.max / unit else { return nil }
        bytes = number * unit
    }

    /// How `--help` shows the default.
    var defaultValueDescription: String {
        bytes % (1 << 30) == 0 ? "\(bytes >> 30)G" : String(bytes)
    }
}
