import Foundation
import Testing
import TesseraTestSupport
import TesseraCore
@testable import TesseraMatching

/// The admission tables and the length-aware prefix of token search: the same answers, in the
/// same order, as the search without tables and as the exhaustive scan.
struct MatchIndexAdmissionTests {
    static let en = LanguageTag("en")!
    static let enGB = LanguageTag("en-GB")!
    static let de = LanguageTag("de")!
    static let fr = LanguageTag("fr")!
    static let es = LanguageTag("es")!

    /// The searched pairs: (source, targets).
    static let pairs: [(LanguageTag, [LanguageTag]?)] = [
        (en, [de]), (en, [fr]), (en, [es, fr]), (en, nil), (de, [en]), (de, [fr]), (fr, [en]), (es, nil),
    ]

    /// A unit of 2 or 3 variants over several languages, every text drawn from one vocabulary (so
    /// that the postings of a query hold many entries of other languages, or of units without the
    /// wanted target, which the tables must turn away).
    static func randomUnit(_ unit: Int, _ generator: inout SeededGenerator, sentences: inout [String]) -> [MatchIndex.Entry] {
        let languages = [en, enGB, de, fr, es]
        var chosen: [LanguageTag] = []
        while chosen.count < Int.random(in: 2...3, using: &generator) {
            let language = languages.randomElement(using: &generator)!
            if !chosen.contains(language) { chosen.append(language) }
        }
        return chosen.enumerated().map { offset, language in
            var words: [String]
            if !sentences.isEmpty, Int.random(in: 0..<3, using: &generator) == 0 {
                words = sentences.randomElement(using: &generator)!.split(separator: " ").map(String.init)
                words[Int.random(in: 0..<words.count, using: &generator)] = "w\(Int.random(in: 0..<200, using: &generator))"
            } else {
                words = (0..<Int.random(in: 1...16, using: &generator)).map { _ in
                    "w\(Int.random(in: 0...Int.random(in: 0..<200, using: &generator), using: &generator))"
                }
            }
            let sentence = words.joined(separator: " ")
            sentences.append(sentence)
            return MatchIndex.Entry(id: Int64(unit * 4 + offset), language: language, text: sentence)
        }
    }

    /// The requests of one round: sentences of the memory with an edit, for every pair.
    static func requests(_ sentences: [String], _ generator: inout SeededGenerator, count: Int) -> [MatchRequest] {
        var requests: [MatchRequest] = []
        for _ in 0..<count {
            var words = sentences.randomElement(using: &generator)!.split(separator: " ").map(String.init)
            if Bool.random(using: &generator) { words.append("w\(Int.random(in: 0..<250, using: &generator))") }
            if Bool.random(using: &generator), words.count > 2 { words.remove(at: 1) }
            let (source, targets) = pairs.randomElement(using: &generator)!
            let minimum = [50, 60, 75, 90].randomElement(using: &generator)!
            requests.append(MatchRequest(
                query: MatchText(words.joined(separator: " "), language: source), sourceLanguage: source,
                targetLanguages: targets, minimum: minimum, limit: 10_000))
        }
        return requests
    }

    /// Candidates in order, with everything that tells them apart.
    static func listed(_ candidates: [MatchCandidate]) -> [String] {
        candidates.map { "\($0.id):\($0.unit):\($0.base):\($0.distance):\($0.language)" }
    }

    /// Checks `requests` on `index` (tables used and built) against the same index without tables
    /// and against the exhaustive scan; returns the number of candidates compared.
    static func compare(_ index: MatchIndex, _ requests: [MatchRequest], _ stage: String) -> Int {
        var plain = index
        plain.usesAdmissionTables = false
        var total = 0
        for request in requests {
            let found = listed(index.search(request))
            #expect(found == listed(plain.search(request)), "\(stage): \(request.query.text) \(request.sourceLanguage)")
            var expected = index.exhaustiveSearch(request)
            if expected.count > max(4 * request.limit, 20) { expected.removeSubrange(max(4 * request.limit, 20)...) }
            #expect(found == listed(expected), "\(stage): \(request.query.text) \(request.sourceLanguage)")
            total += found.count
        }
        return total
    }

    @Test(arguments: [(41 as UInt64, false), (42, false), (43, true)])
    func search_withTablesAnswersAsWithout_acrossChanges(seed: UInt64, mapped: Bool) throws {
        var generator = SeededGenerator(seed: seed)
        var sentences: [String] = []
        var built = MatchIndex()
        built.indexesImmediately = false
        for unit in 0..<2500 { built.add(unit: Int64(unit), variants: Self.randomUnit(unit, &generator, sentences: &sentences)) }
        built.finalize()
        var index = built
        var url: URL?
        if mapped { (index, url) = try MatchIndexTests.mapped(built) }
        defer { if let url { try? FileManager.default.removeItem(at: url) } }
        var total = Self.compare(index, Self.requests(sentences, &generator, count: 150), "before")
        #expect(index.admissions.tableCount >= 4)  // the pairs got their tables
        let tablesBefore = index.admissions.tableCount

        // A copy taken now keeps its tables, which describe its own entries.
        let copy = index
        // Changes: a third of the units removed, half of those added again in other languages,
        // new units; searched before finalising (removed entries still counted), then after.
        index.indexesImmediately = true
        for unit in stride(from: 0, to: 2500, by: 3) {
            index.remove(unit: Int64(unit))
            if unit % 2 == 0 { index.add(unit: Int64(unit), variants: Self.randomUnit(unit, &generator, sentences: &sentences)) }
        }
        #expect(index.admissions.tableCount == 0)
        for unit in 2500..<2700 { index.add(unit: Int64(unit), variants: Self.randomUnit(unit, &generator, sentences: &sentences)) }
        total += Self.compare(index, Self.requests(sentences, &generator, count: 100), "changed")
        index.finalize()
        #expect(index.admissions.tableCount == 0)
        total += Self.compare(index, Self.requests(sentences, &generator, count: 150), "finalised")
        #expect(index.admissions.tableCount >= 4)
        #expect(copy.admissions.tableCount == tablesBefore)
        total += Self.compare(copy, Self.requests(sentences, &generator, count: 40), "copy")
        #expect(total > 150)  // real matches were compared, not empty lists
    }

    /// Many lookups at once on one shared index value, from the first one (the tables are built
    /// while others read): every answer is the one of the search without tables.
    @Test func search_isThreadSafeWhileTablesAreBuilt() async {
        var generator = SeededGenerator(seed: 44)
        var sentences: [String] = []
        var index = MatchIndex()
        index.indexesImmediately = false
        for unit in 0..<3000 { index.add(unit: Int64(unit), variants: Self.randomUnit(unit, &generator, sentences: &sentences)) }
        index.finalize()
        let requests = Self.requests(sentences, &generator, count: 240)
        var plain = index
        plain.usesAdmissionTables = false
        let expected = requests.map { Self.listed(plain.search($0)) }
        let shared = index
        let answers = await withTaskGroup(of: [(Int, [String])].self) { group in
            for part in 0..<8 {
                group.addTask {
                    var answers: [(Int, [String])] = []
                    for position in stride(from: part, to: requests.count, by: 8) {
                        answers.append((position, Self.listed(shared.search(requests[position]))))
                    }
                    return answers
                }
            }
            var all: [(Int, [String])] = []
            for await answer in group { all.append(contentsOf: answer) }
            return all
        }
        #expect(answers.count == requests.count)
        for (position, found) in answers { #expect(found == expected[position]) }
        for (position, request) in requests.enumerated() { #expect(Self.listed(shared.search(request)) == expected[position]) }
        #expect(shared.admissions.tableCount >= 4)
    }

    /// At most ``MatchIndexAdmissions/maximumTables`` tables are kept, however many pairs are searched.
    @Test func admissions_keepAtMostSixteenTables() {
        var generator = SeededGenerator(seed: 45)
        var sentences: [String] = []
        var index = MatchIndex()
        for unit in 0..<800 {
            index.add(unit: Int64(unit), variants: Self.randomUnit(unit, &generator, sentences: &sentences))
        }
        index.finalize()
        let languages = [Self.en, Self.de, Self.fr, Self.es]
        var searched = 0
        for source in languages {
            for targets in [[Self.en], [Self.de], [Self.fr], [Self.es], [Self.de, Self.fr], [Self.es, Self.en], nil] as [[LanguageTag]?] {
                for sentence in sentences.prefix(20) {
                    _ = index.search(MatchRequest(query: MatchText(sentence + " w1", language: source), sourceLanguage: source,
                                                  targetLanguages: targets, minimum: 50, limit: 10))
                }
                searched += 1
            }
        }
        #expect(searched > MatchIndexAdmissions.maximumTables)
        #expect(index.admissions.tableCount == MatchIndexAdmissions.maximumTables)
    }

    /// The length-aware prefix: entries longer than the query, at the longest length that still
    /// reaches the minimum, holding only the query's more frequent keys, are found (and those one
    /// token longer are not candidates of the exhaustive scan either).
    ///
    /// Query `k0 … k4` (k0 rarest) at 60 %: t = 3 keys shared, the 3 rarest keys are read; key
    /// rank 1 covers entries up to ⌊100·4/60⌋ = 6 tokens, rank 2 up to 5.
    @Test(arguments: [false, true])
    func search_findsLongEntriesAtTheLengthBound(tables: Bool) {
        var index = MatchIndex()
        index.indexesImmediately = false
        index.usesAdmissionTables = tables
        // Fillers (French: never candidates) make k0 … k4 rarest to most frequent.
        var unit: Int64 = 0
        for (rank, word) in ["k0", "k1", "k2", "k3", "k4"].enumerated() {
            for _ in 0...(rank * 3) {
                index.add(unit: unit, variants: [.init(id: unit * 2, language: Self.fr, text: "\(word) filler")])
                unit += 1
            }
        }
        let cases: [(text: String, found: Bool)] = [
            ("x k1 k2 k3 k4 y", true),  // 6 tokens, without k0: d = 2, 66 %
            ("x k1 k2 k3 k4 y z", false),  // 7 tokens: d = 3 > 2
            ("x y k2 k3 k4", true),  // 5 tokens, without k0 and k1: d = 2, 60 %
            ("x k2 k3 k4 y z", false),  // 6 tokens with 3 keys: d = 3 > 2
            ("k0 k1 k2 k3 k4 x y z", true),  // 8 tokens (the window's end): d = 3, 62 %
            ("k0 k1 k2 k3 k4 x y z v", false),
            ("k4 k1 k2 k3 k4 k4", true),  // a repeat of k4 is another key: 6 tokens, d = 2
        ]
        var ids: [Int64: Bool] = [:]
        for (text, found) in cases {
            index.add(unit: unit, variants: [.init(id: unit * 2, language: Self.en, text: text), .init(id: unit * 2 + 1, language: Self.de, text: "t")])
            ids[unit * 2] = found
            unit += 1
        }
        index.finalize()
        let request = MatchRequest(query: MatchText("k0 k1 k2 k3 k4", language: Self.en), sourceLanguage: Self.en,
                                   targetLanguages: [Self.de], minimum: 60, limit: 100)
        for _ in 0..<3 {  // the tables, when used, are built on the way
            let found = index.search(request)
            #expect(Self.listed(found) == Self.listed(index.exhaustiveSearch(request)))
            #expect(Set(found.map(\.id)) == Set(ids.filter(\.value).keys))
        }
    }

    /// Random long and short entries against queries of every length and minimum: the window of
    /// each key never drops an entry that the exhaustive scan finds.
    @Test(arguments: [46 as UInt64, 47])
    func search_lengthBoundFindsWhatTheExhaustiveScanFinds(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        var index = MatchIndex()
        index.indexesImmediately = false
        var sentences: [[String]] = []
        for unit in 0..<3000 {
            var words: [String]
            if let base = sentences.randomElement(using: &generator), Bool.random(using: &generator) {
                // A known sentence grown or shrunk around the bound: extra words, a few edits.
                words = base
                for _ in 0..<Int.random(in: 0...6, using: &generator) { words.insert("y\(Int.random(in: 0..<40, using: &generator))", at: Int.random(in: 0...words.count, using: &generator)) }
                if Bool.random(using: &generator), words.count > 2 { words.removeFirst() }
            } else {
                words = (0..<Int.random(in: 1...24, using: &generator)).map { _ in "v\(Int.random(in: 0...Int.random(in: 0..<120, using: &generator), using: &generator))" }
            }
            sentences.append(words)
            index.add(unit: Int64(unit), variants: [
                .init(id: Int64(unit * 2), language: Self.en, text: words.joined(separator: " ")),
                .init(id: Int64(unit * 2 + 1), language: unit % 2 == 0 ? Self.de : Self.fr, text: "t"),
            ])
        }
        index.finalize()
        var total = 0
        for _ in 0..<200 {
            var words = sentences.randomElement(using: &generator)!
            while words.count > 2, Bool.random(using: &generator) { words.remove(at: Int.random(in: 0..<words.count, using: &generator)) }
            if Int.random(in: 0..<4, using: &generator) == 0 { words.append("unknownword") }
            let minimum = Int.random(in: 40...95, using: &generator)
            let request = MatchRequest(query: MatchText(words.joined(separator: " "), language: Self.en), sourceLanguage: Self.en,
                                       targetLanguages: Bool.random(using: &generator) ? [Self.de] : nil, minimum: minimum, limit: 10_000)
            let expected = Self.listed(index.exhaustiveSearch(request).prefix(40_000).map { $0 })
            #expect(Self.listed(index.search(request)) == expected, "\(words) at \(minimum)")
            total += expected.count
        }
        #expect(total > 200)
    }
}
