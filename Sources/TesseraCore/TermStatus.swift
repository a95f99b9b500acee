/// How a termbase rates a term for use: the TBX `administrativeStatus` data category, reduced to
/// the four values that CAT tools act on.
///
/// TBX writes the values with a suffix (`preferredTerm-admn-sts`); ``init(parsing:)`` accepts those,
/// the bare words and common synonyms (`standardizedTerm-admn-sts` is preferred,
/// `supersededTerm-admn-sts` is deprecated).
///
/// ```swift
/// TermStatus(parsing: "preferredTerm-admn-sts")   // .preferred
/// TermStatus(parsing: "Forbidden")                // .forbidden
/// ```
///
/// - SeeAlso: [TBX-Basic, ISO 30042:2019](https://www.tbxinfo.net/tbx-basic/)
public enum TermStatus: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// The term to use.
    case preferred
    /// An acceptable alternative.
    case admitted
    /// A term that should no longer be used.
    case deprecated
    /// A term that must not be used.
    case forbidden

    /// Reads a status written in TBX (`preferredTerm-admn-sts`), in a CSV column (`preferred`,
    /// `Admitted`) or as a common synonym; returns `nil` for an empty or unknown value.
    public init?(parsing text: String) {
        var value = text.lowercased().filter { !$0.isWhitespace }
        if value.hasSuffix("-admn-sts") { value.removeLast("-admn-sts".count) }
        if value.hasSuffix("term") && value.count > 4 { value.removeLast(4) }
        switch value {
        case "preferred", "standardized", "approved", "normative", "pref": self = .preferred
        case "admitted", "admissible", "accepted", "allowed", "proposed": self = .admitted
        case "deprecated", "superseded", "obsolete", "legal", "notrecommended": self = .deprecated
        case "forbidden", "prohibited", "banned", "donotuse": self = .forbidden
        default: return nil
        }
    }

    /// The TBX value (`preferredTerm-admn-sts`) written by exporters.
    public var tbxValue: String { rawValue + "Term-admn-sts" }

    /// Whether a checker should flag a use of the term in a translation.
    public var isDiscouraged: Bool { self == .deprecated || self == .forbidden }

    /// Preferred sorts first, forbidden last.
    public static func < (lhs: TermStatus, rhs: TermStatus) -> Bool {
        let order = TermStatus.allCases
        return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }
}
