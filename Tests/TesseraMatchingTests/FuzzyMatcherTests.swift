import Testing
import TesseraCore
@testable import TesseraMatching

/// ``FuzzyMatcher`` alone: units built in memory, candidates scored as the index would (base and
/// distance from ``FuzzyScorer/baseScore(query:candidate:)``), no database.
struct FuzzyMatcherTests {
    static func tag(_ text: String) -> LanguageTag { LanguageTag(text)! }

    /// A unit whose variants get the ids `100 · id + position`.
    static func unit(
        _ id: Int64, _ variants: [(String, String)], tuid: String? = nil, origin: Origin = .imported, props: [Prop] = []
    ) -> MatchUnit {
        MatchUnit(
            unit: id, tuid: tuid, origin: origin, props: props,
            variants: variants.enumerated().map { position, variant in
                MatchUnit.Variant(id: id * 100 + Int64(position), language: tag(variant.0), text: variant.1)
            })
    }

    /// The candidates an index would return for `units`, in the order given: each unit's first
    /// variant in the query's language.
    static func candidates(_ query: MatchText, _ units: [MatchUnit]) -> [MatchCandidate] {
        units.compactMap { unit in
            guard let source = unit.variants.first(where: { $0.language.sharesLanguage(with: query.language!) }) else { return nil }
            let (base, distance) = FuzzyScorer.baseScore(query: query, candidate: MatchText(source.text, language: source.language))
            return MatchCandidate(id: source.id, unit: unit.unit, language: source.language, base: base, distance: distance)
        }
    }

    /// Ranks `units` (as candidates in the order given) for `query`.
    static func rank(_ query: String, language: String = "en", _ units: [MatchUnit], _ matcher: FuzzyMatcher) -> [FuzzyMatch] {
        let text = MatchText(query, language: tag(language))
        return matcher.matches(
            text, candidates: candidates(text, units), units: Dictionary(uniqueKeysWithValues: units.map { ($0.unit, $0) }))
    }

    /// Four sources scoring 100, 80, 60 and 40 against "Open the file now please", given worst first.
    static let graded = [
        unit(4, [("en", "Open the"), ("de", "Öffne die")]),
        unit(3, [("en", "Open the file"), ("de", "Öffne die Datei")]),
        unit(2, [("en", "Open the file now"), ("de", "Öffne die Datei jetzt")]),
        unit(1, [("en", "Open the file now please"), ("de", "Öffne bitte jetzt die Datei")]),
    ]

    @Test(arguments: [
        (-1, [Int64]()), (0, []), (1, [1]), (2, [1, 2]), (3, [1, 2, 3]), (4, [1, 2, 3, 4]), (10, [1, 2, 3, 4]),
    ])
    func matches_keepsTheBestLimit(limit: Int, units: [Int64]) {
        let matches = Self.rank("Open the file now please", Self.graded, FuzzyMatcher(minimum: 0, limit: limit, targets: [Self.tag("de")]))
        #expect(matches.map(\.unit.unit) == units)
        #expect(matches.map(\.score.percent) == Array([100, 80, 60, 40].prefix(units.count)))
    }

    /// Equal scores at the cut: the limit still holds, the lower unit ids kept; a unit answering
    /// two wanted languages counts twice.
    @Test(arguments: [
        (1, ["de"], [Int64(1)]), (2, ["de"], [1, 2]), (3, ["de"], [1, 2, 3]), (3, ["de", "fr"], [1, 1, 2]),
    ])
    func matches_cutTiesAtTheLimit(limit: Int, targets: [String], units: [Int64]) {
        let same = [Int64(3), 1, 2].map { Self.unit($0, [("en", "Open the file"), ("de", "Datei öffnen"), ("fr", "Ouvrir le fichier")]) }
        let matches = Self.rank("Open the file", same, FuzzyMatcher(minimum: 0, limit: limit, targets: targets.map(Self.tag)))
        #expect(matches.map(\.unit.unit) == units)
    }

    @Test(arguments: [(0, 4), (40, 4), (41, 3), (75, 2), (80, 2), (81, 1), (100, 1), (101, 0)])
    func matches_dropsScoresBelowTheMinimum(minimum: Int, count: Int) {
        let matches = Self.rank("Open the file now please", Self.graded, FuzzyMatcher(minimum: minimum, limit: 10, targets: [Self.tag("de")]))
        #expect(matches.count == count)
        #expect(matches.allSatisfy { $0.score.percent >= minimum })
    }

    /// Two units of equal rank up to one key, given in the order that key must reverse; the expected
    /// unit ids best first.
    @Test(arguments: [
        // Score: 75 beats 50 whatever the tie-break and id.
        ("score", "Open the file now", [
            unit(1, [("en", "Close a file now"), ("de", "x")]), unit(9, [("en", "Open the file later"), ("de", "x")]),
        ], ["de"], [Int64(9), 1]),
        // Tie-break: both 75; "files" is one character from "file", "bin" is four.
        ("tie-break", "Open the file now", [
            unit(2, [("en", "Open the bin now"), ("de", "x")]), unit(9, [("en", "Open the files now"), ("de", "x")]),
        ], ["de"], [9, 2]),
        // Fallback rank: same source; de-CH answers de-CH (3) better than de-AT (1).
        ("fallback rank", "Open the file now", [
            unit(1, [("en", "Open the file now"), ("de-AT", "x")]), unit(5, [("en", "Open the file now"), ("de-CH", "x")]),
        ], ["de-CH"], [5, 1]),
        // Everything equal: the lower unit id first.
        ("unit id", "Open the file now", [
            unit(7, [("en", "Open the file now"), ("de", "x")]), unit(3, [("en", "Open the file now"), ("de", "x")]),
        ], ["de"], [3, 7]),
    ])
    func matches_orderByScoreTieBreakFallbackRankAndUnit(
        key: String, query: String, units: [MatchUnit], targets: [String], expected: [Int64]
    ) {
        let matches = Self.rank(query, units, FuzzyMatcher(minimum: 0, limit: 5, targets: targets.map(Self.tag)))
        #expect(matches.map(\.unit.unit) == expected, "\(key)")
    }

    @Test func matches_computeTheTieBreakForTheShownMatches() {
        let matches = Self.rank(
            "Open the file now",
            [Self.unit(1, [("en", "Open the files now"), ("de", "x")]), Self.unit(2, [("en", "Open the bin now"), ("de", "x")])],
            FuzzyMatcher(minimum: 0, limit: 5, targets: [Self.tag("de")]))
        #expect(matches.count == 2)
        #expect(matches[0].score.tieBreak > matches[1].score.tieBreak && matches[1].score.tieBreak > 0)
    }

    /// Props and tuid of the unit, the context asked, the expected percentage.
    @Test(arguments: [
        ([Prop(type: "x-context", value: "Menu")], nil as String?, "Menu", 101),
        ([Prop(type: "X-Context", value: "Menu")], nil, "Menu", 101),
        ([Prop(type: "context", value: "Menu")], nil, "Menu", 101),
        ([Prop(type: "x-context-pre", value: "Menu")], nil, "Menu", 101),
        ([Prop(type: "x-previous", value: "Menu")], nil, "Menu", 101),
        ([Prop(type: "x-prev", value: "Menu")], nil, "Menu", 101),
        ([], "Menu", "Menu", 101),
        ([Prop(type: "x-context", value: "Menu")], nil, "Toolbar", 100),
        ([Prop(type: "x-project", value: "Menu")], nil, "Menu", 100),
        ([Prop(type: "x-context", value: "Menu")], nil, nil, 100),
    ])
    func matches_scoreAnExactMatchInContext101(props: [Prop], tuid: String?, context: String?, percent: Int) {
        let unit = Self.unit(1, [("en", "Open the file"), ("de", "Datei öffnen")], tuid: tuid, props: props)
        let matches = Self.rank("Open the file", [unit], FuzzyMatcher(minimum: 0, limit: 5, targets: [Self.tag("de")], context: context))
        #expect(matches.map(\.score.percent) == [percent])
    }

    @Test func matches_leaveAFuzzyMatchInContextBelow100() {
        let unit = Self.unit(1, [("en", "Open the files"), ("de", "Dateien öffnen")], props: [Prop(type: "x-context", value: "Menu")])
        let matches = Self.rank("Open the file", [unit], FuzzyMatcher(minimum: 0, limit: 5, targets: [Self.tag("de")], context: "Menu"))
        #expect(matches.map(\.score.percent) == [66])
    }

    @Test func matches_keepOnlyTheMatchInContextAtMinimum101() {
        let units = [
            Self.unit(1, [("en", "Open the file"), ("de", "Datei öffnen")]),
            Self.unit(2, [("en", "Open the file"), ("de", "Die Datei öffnen")], props: [Prop(type: "x-context", value: "Menu")]),
        ]
        let matches = Self.rank("Open the file", units, FuzzyMatcher(minimum: 101, limit: 5, targets: [Self.tag("de")], context: "Menu"))
        #expect(matches.map(\.unit.unit) == [2])
    }

    /// One row of the language-fallback table: the unit's variants in document order (the first is
    /// the source), the wanted languages, and the matches expected as (requested, target language,
    /// target text, fallback rank).
    struct Fallback: Sendable, CustomTestStringConvertible {
        typealias Expected = (requested: String?, language: String, text: String, rank: Int)
        var name: String
        var variants: [(String, String)]
        var wanted: [String]?
        var expected: [Expected]
        var testDescription: String { name }
    }

    static let fallbacks: [Fallback] = [
        // Exact tag beats a regional variant listed first.
        Fallback(
            name: "exact", variants: [("en", "s"), ("de-DE", "regional"), ("de", "exact")], wanted: ["de"],
            expected: [("de", "de", "exact", 3)]),
        // Base asked, regional stored; two regions rank equal: the first in document order.
        Fallback(
            name: "base", variants: [("en", "s"), ("de-DE", "first"), ("de-AT", "second")], wanted: ["de"],
            expected: [("de", "de-DE", "first", 2)]),
        // Region asked: the stored base beats a sibling region listed first.
        Fallback(
            name: "regional", variants: [("en", "s"), ("de-AT", "sibling"), ("de", "base")], wanted: ["de-CH"],
            expected: [("de-CH", "de", "base", 2)]),
        // Region asked, only a sibling stored.
        Fallback(
            name: "sibling", variants: [("en", "s"), ("de-AT", "sibling")], wanted: ["de-CH"],
            expected: [("de-CH", "de-AT", "sibling", 1)]),
        // Two wanted languages: one match each, the better rank first.
        Fallback(
            name: "two", variants: [("en", "s"), ("fr-CA", "fr"), ("de", "de")], wanted: ["fr", "de"],
            expected: [("de", "de", "de", 3), ("fr", "fr-CA", "fr", 2)]),
        // No variant answers: no match.
        Fallback(name: "none", variants: [("en", "s"), ("de", "de")], wanted: ["fr"], expected: []),
        // Every language: every variant not sharing the source's language, in document order.
        Fallback(
            name: "all", variants: [("en", "s"), ("de", "de"), ("en-GB", "gb"), ("fr", "fr")], wanted: nil,
            expected: [(nil, "de", "de", 0), (nil, "fr", "fr", 0)]),
        // A variant sharing the source language is never a target, even when asked for.
        Fallback(name: "source language", variants: [("en-US", "s"), ("en-GB", "gb"), ("de", "de")], wanted: ["en-GB"], expected: []),
    ]

    @Test(arguments: fallbacks)
    func matches_chooseTargetsByLanguageFallback(row: Fallback) {
        let unit = Self.unit(1, row.variants)
        let matches = Self.rank("s", [unit], FuzzyMatcher(minimum: 0, limit: 5, targets: row.wanted?.map(Self.tag)))
        #expect(matches.map { $0.requestedLanguage?.description } == row.expected.map(\.requested))
        #expect(matches.map(\.target.language.description) == row.expected.map(\.language))
        #expect(matches.map(\.target.text) == row.expected.map(\.text))
        #expect(matches.map(\.fallbackRank) == row.expected.map(\.rank))
        #expect(matches.allSatisfy { $0.source.text == "s" && $0.unit.unit == 1 })
    }

    /// Query, source, stored target, the suggested target and whether numbers were carried.
    @Test(arguments: [
        ("Delete 5 files", "Delete 3 files", "3 Dateien löschen", "5 Dateien löschen", true),
        ("Delete 5 files", "Remove 3 files", "3 Dateien entfernen", "3 Dateien entfernen", false),
        ("Delete 3 files", "Delete 3 files", "3 Dateien löschen", "3 Dateien löschen", false),
    ])
    func matches_carryTheQueryNumbers(query: String, source: String, stored: String, suggested: String, carried: Bool) {
        let unit = Self.unit(1, [("en", source), ("de", stored)])
        let matches = Self.rank(query, [unit], FuzzyMatcher(minimum: 0, limit: 5, targets: [Self.tag("de")]))
        #expect(matches.map(\.suggestedTarget) == [suggested])
        #expect(matches.map(\.target.text) == [stored])
        #expect(matches.map(\.numbersCarried) == [carried])
    }

    /// Query, source, language, the differing query words as written.
    @Test(arguments: [
        ("Open the big file", "Open the file", "en", ["big"]),
        ("Open THE Big file", "open the file", "en", ["Big"]),
        ("Open the file", "Open the file", "en", []),
        ("hond", "hand", "en", ["hond"]),  // one word: character level, the whole query
        ("hand", "hand", "en", []),
        ("変更を保存できません", "変更を保存できました", "ja", ["せ", "ん"]),
    ])
    func matches_listTheDifferingQueryWords(query: String, source: String, language: String, differing: [String]) {
        let unit = Self.unit(1, [(language, source), ("de", "x")])
        let matches = Self.rank(query, language: language, [unit], FuzzyMatcher(minimum: 0, limit: 5, targets: [Self.tag("de")]))
        #expect(matches.map(\.differingWords) == [differing])
    }

    @Test func matches_skipACandidateWhoseUnitOrVariantIsGone() {
        let query = MatchText("Open the file", language: Self.tag("en"))
        let kept = Self.unit(1, [("en", "Open the file"), ("de", "Datei öffnen")])
        let changed = Self.unit(2, [("en", "Open the file"), ("de", "Datei öffnen")])
        var candidates = Self.candidates(query, [kept, changed])
        candidates.append(MatchCandidate(id: 999, unit: 3, language: Self.tag("en"), base: 100, distance: 0))
        var units = [kept.unit: kept, changed.unit: changed]
        units[2]!.variants.removeFirst()  // the source variant was edited away
        let matches = FuzzyMatcher(minimum: 0, limit: 5, targets: [Self.tag("de")]).matches(query, candidates: candidates, units: units)
        #expect(matches.map(\.unit.unit) == [1])
    }

    @Test func matches_applyTheOriginPenalty() {
        let units = [
            Self.unit(1, [("en", "Open the file"), ("de", "Datei öffnen")], origin: .aligned),
            Self.unit(2, [("en", "Open the file"), ("de", "Datei öffnen")]),
        ]
        let matches = Self.rank("Open the file", units, FuzzyMatcher(minimum: 0, limit: 5, targets: [Self.tag("de")]))
        #expect(matches.map(\.unit.unit) == [2, 1])
        #expect(matches[1].score.percent < 100 && matches[1].score.penalties.contains(MatchPenalty(.origin)))
    }
}
