import Foundation
package import Logging

/// A swift-log handler writing one JSON object per line to standard error:
/// `{"level":"info","message":"request","time":"...","request_id":"...","status":"200",...}`.
package struct JSONLogHandler: LogHandler {
    /// The logger's label (in each line as `label`).
    package let label: String
    /// Lines under this level are dropped.
    package var logLevel: Logger.Level = .info
    /// Metadata added to every line.
    package var metadata: Logger.Metadata = [:]

    /// A handler for `label`.
    package init(label: String) { self.label = label }

    /// Gets or sets one metadata value.
    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes one line.
    package func log(event: LogEvent) {
        var fields: [String: String] = [:]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) { fields[key] = "\(value)" }
        fields["level"] = event.level.rawValue
        fields["message"] = "\(event.message)"
        fields["label"] = label
        fields["time"] = Self.timestamp(time(nil))
        var line = "{"
        for (number, key) in fields.keys.sorted().enumerated() {
            if number > 0 { line += "," }
            JSONText.appendQuoted(key, to: &line)
            line += ":"
            JSONText.appendQuoted(fields[key] ?? "", to: &line)
        }
        line += "}\n"
        // One write per line (written whole between lines of other threads), no formatter or
        // encoder made per line: this runs once per request.
        line.withUTF8 { bytes in
            var done = 0
            while done < bytes.count {
                let written = write(2, bytes.baseAddress! + done, bytes.count - done)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }
                done += written
            }
        }
    }

    /// `seconds` since 1970 as ISO 8601 in UTC (`2026-12-03T16:29:48Z`).
    static func timestamp(_ seconds: time_t) -> String {
        var clock = seconds
        var parts = tm()
        gmtime_r(&clock, &parts)
        func padded(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(parts.tm_year + 1900, 4) + "-" + padded(parts.tm_mon + 1, 2) + "-" + padded(parts.tm_mday, 2) + "T"
            + padded(parts.tm_hour, 2) + ":" + padded(parts.tm_min, 2) + ":" + padded(parts.tm_sec, 2) + "Z"
    }
}
