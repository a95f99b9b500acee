import TesseraCore

/// The one escape rule of every TSV file Tessera writes or reads (export, batch `lookup` output,
/// `align` output, the bench corpus): a backslash, tab, line feed and carriage return inside a field
/// are written `\\`, `\t`, `\n`, `\r`, so that one line is one record and one tab one field break.
///
/// ```swift
/// TSVField.escape("a\tb\\c")       // "a\\tb\\\\c"
/// TSVField.unescape("a\\tb\\\\c")  // "a\tb\\c"
/// ```
public enum TSVField {
    /// Escapes one field: `\` as `\\`, tab as `\t`, line feed as `\n`, carriage return as `\r`.
    /// - Complexity: O(*n*); a field without any of the four characters is returned as is.
    public static func escape(_ text: String) -> String {
        ScalarEscaping.escape(text, when: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { scalar in
            switch scalar {
            case "\\": "\\\\"
            case "\t": "\\t"
            case "\n": "\\n"
            case "\r": "\\r"
            default: nil
            }
        }
    }

    /// Undoes ``escape(_:)``. A backslash before any other character, or at the end, is kept as it
    /// stands (so a field written without escaping reads back unchanged unless it holds one of the
    /// four escapes).
    public static func unescape(_ text: some StringProtocol) -> String {
        guard text.utf8.contains(0x5C) else { return String(text) }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingBackslash = false
        for scalar in text.unicodeScalars {
            if pendingBackslash {
                pendingBackslash = false
                switch scalar {
                case "\\": out += "\\"
                case "t": out += "\t"
                case "n": out += "\n"
                case "r": out += "\r"
                default:
                    out += "\\"
                    out.unicodeScalars.append(scalar)
                }
            } else if scalar == "\\" {
                pendingBackslash = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        if pendingBackslash { out += "\\" }
        return out
    }

    /// Splits one line into its fields (tab-separated, empty fields kept) and unescapes each.
    public static func fields(of line: some StringProtocol) -> [String] {
        line.split(separator: "\t", omittingEmptySubsequences: false).map { unescape($0) }
    }

    /// One line of fields: each escaped, joined by tabs, ended by a line feed.
    public static func line(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: "\t") + "\n"
    }
}
