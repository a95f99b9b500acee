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
        fields["time"] = ISO8601DateFormatter().string(from: Date())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(fields), let line = String(data: data, encoding: .utf8) else { return }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
