/// The one loop behind Tessera's escaping rules (``XMLEscaping`` for markup, TesseraText's
/// `TSVField` for tab-separated files): each rule says which scalars it replaces and by what.
///
/// ```swift
/// ScalarEscaping.escape("a\tb", when: { $0 == 0x09 }) { $0 == "\t" ? "\\t" : nil }   // "a\\tb"
/// ```
package enum ScalarEscaping {
    /// `text` with every scalar that `replacement` maps replaced by its replacement.
    ///
    /// - Parameters:
    ///   - text: Any text.
    ///   - mayNeedEscaping: Whether a UTF-8 byte may start a scalar that `replacement` maps; when
    ///     no byte of `text` does, `text` is returned as is without a copy.
    ///   - replacement: The replacement of a scalar, or `nil` to keep it.
    /// - Complexity: O(*n*).
    package static func escape(
        _ text: String, when mayNeedEscaping: (UInt8) -> Bool, _ replacement: (Unicode.Scalar) -> String?
    ) -> String {
        guard text.utf8.contains(where: mayNeedEscaping) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if let replaced = replacement(scalar) { out += replaced } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
