extension TMXError {
    /// Whether the error concerns one unit while the XML stays readable, so that a reader with
    /// ``TMXReader/Options/skipInvalid`` can skip the unit and go on.
    var isUnitLevel: Bool {
        switch kind {
        case .missingLanguage, .invalidLanguage, .missingSegment, .unexpectedText, .unexpectedElement: true
        default: false
        }
    }
}

extension String {
    /// The string without leading and trailing ASCII whitespace.
    func trimmingCharactersAsciiSpace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return self[start...end]
    }
}
