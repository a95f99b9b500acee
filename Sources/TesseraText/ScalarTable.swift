/// The Unicode properties the tokenizer and the case folding ask of every scalar, looked up once
/// per scalar below U+3000 (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Indic and the other
/// alphabets) and kept in a table, so that the hot loops read one byte instead of searching the
/// property tables for each character. Scalars from U+3000 on (CJK, whose characters are tokens
/// of their own, and the rest) ask the properties directly.
///
/// ```swift
/// ScalarTable.flags(of: "я") & ScalarTable.word != 0   // true
/// ```
enum ScalarTable {
    /// Scalars below this value are in the table.
    static let limit: UInt32 = 0x3000
    /// White space (`isWhitespace`).
    static let space: UInt8 = 1
    /// A decimal digit (`numericType == .decimal`).
    static let digit: UInt8 = 2
    /// Part of a word: alphabetic, a mark, a decimal digit or a letter number.
    static let word: UInt8 = 4
    /// Lower-casing changes it (`changesWhenLowercased`).
    static let changesCase: UInt8 = 8
    /// It may compose under NFC (a combining class other than 0, or a conjoining Hangul jamo).
    static let composes: UInt8 = 16

    /// The flags of every scalar below ``limit``, computed on first use from the scalar properties.
    static let table: [UInt8] = (0..<limit).map { value in
        guard let scalar = Unicode.Scalar(value) else { return 0 }
        return computedFlags(scalar)
    }

    /// The flags of a scalar from its properties (the table's source, and the answer from ``limit`` on).
    static func computedFlags(_ scalar: Unicode.Scalar) -> UInt8 {
        let properties = scalar.properties
        var flags: UInt8 = 0
        if properties.isWhitespace { flags |= space }
        if properties.numericType == .decimal { flags |= digit }
        if properties.isAlphabetic {
            flags |= word
        } else {
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber: flags |= word
            default: break
            }
        }
        if properties.changesWhenLowercased { flags |= changesCase }
        if (0x1100...0x11FF).contains(scalar.value) || properties.canonicalCombiningClass != .notReordered { flags |= composes }
        return flags
    }

    /// The flags of `scalar`: a table read below ``limit``, the properties from there on.
    @inline(__always) static func flags(of scalar: Unicode.Scalar) -> UInt8 {
        scalar.value < limit ? table[Int(scalar.value)] : computedFlags(scalar)
    }
}
