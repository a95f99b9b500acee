import TesseraCore
import TesseraKit
import TesseraStorage

/// The `ETag` of an export: the memory, its change-feed position and the request's options (and
/// Tessera's version, which decides the bytes written), so it changes when, and only when, the
/// memory's units or the options change.
///
/// ```swift
/// ExportTag(memory: "default", position: ChangePosition(maxVariant: 12, sequence: 3), format: .tmx,
///           source: nil, targets: []).value   // "\"default-12.3-tmx-all-all-1.0.0\""
/// ```
struct ExportTag {
    /// The memory's name.
    var memory: String
    /// Its change-feed position when the export starts.
    var position: ChangePosition
    /// The format asked for.
    var format: ExportMemoryFormat
    /// The source language asked for, if any.
    var source: LanguageTag?
    /// The target languages asked for, if any.
    var targets: [LanguageTag]

    /// The quoted entity tag.
    var value: String {
        let targetList = targets.isEmpty ? "all" : targets.map(\.description).joined(separator: "+")
        return "\"\(memory)-\(position.maxVariant).\(position.sequence)-\(format.rawValue)-\(source?.description ?? "all")-\(targetList)-\(TesseraVersion.current)\""
    }

    /// Whether an `If-None-Match` header value (`*`, or a comma-separated list of tags, weak or
    /// strong) matches `tag` (weak comparison, as RFC 9110 asks for `If-None-Match`).
    static func matches(_ header: String, _ tag: String) -> Bool {
        let opaque = { (text: Substring) -> Substring in
            let trimmed = text.drop(while: { $0 == " " || $0 == "\t" })
            return trimmed.hasPrefix("W/") ? trimmed.dropFirst(2) : trimmed
        }
        return header.split(separator: ",").contains { candidate in
            let tagText = opaque(candidate).trimmingSuffix()
            return tagText == "*" || tagText == Substring(tag)
        }
    }
}

extension Substring {
    /// Without trailing spaces and tabs.
    fileprivate func trimmingSuffix() -> Substring {
        var text = self
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
