package import TesseraCore

/// The packed change date of a unit (`changedate`, else `creationdate`) for the `unit.changedate`
/// column, with a fast path for the canonical `YYYYMMDDThhmmssZ` form; any other form goes
/// through `TMXDate`.
package enum ChangeDate {
    /// The packed `YYYYMMDDhhmmss` value, or `nil` when the unit has no readable date.
    package static func packed(_ unit: TranslationUnit) -> Int64? {
        guard let text = unit.attributes[named: "changedate"] ?? unit.attributes[named: "creationdate"] else { return nil }
        if let fast = canonical(text) { return fast }
        return TMXDate(text)?.packed
    }

    /// The packed value of exactly `YYYYMMDDThhmmssZ` with a valid month and day, else `nil`.
    package static func canonical(_ text: String) -> Int64? {
        let utf8 = text.utf8
        guard utf8.count == 16 else { return nil }
        var value: Int64 = 0
        for (offset, byte) in utf8.enumerated() {
            switch offset {
            case 8: guard byte == UInt8(ascii: "T") else { return nil }
            case 15: guard byte == UInt8(ascii: "Z") else { return nil }
            default:
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int64(byte - 0x30)
            }
        }
        let month = (value / 100_000_000) % 100
        let day = (value / 1_000_000) % 100
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        return value
    }
}
