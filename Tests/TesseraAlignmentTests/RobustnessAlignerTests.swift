import Foundation
import Testing
import TesseraAlignment
import TesseraCore

/// Awkward documents never crash or hang the aligner: empty sides, one side empty, 1 sentence
/// against 5,000, identical texts, the wrong language, random Unicode. Every result's beads tile
/// both documents in order with finite costs and confidences in 0...1.
struct RobustnessAlignerTests {
    /// SplitMix64: reproducible random inputs.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let english = [
        "The committee met on Monday.", "It discussed the budget for next year.", "Several members raised concerns.",
        "The chair promised a written answer.", "A vote was postponed until March.", "The meeting ended at noon.",
    ]
    static let german = [
        "Der Ausschuss trat am Montag zusammen.", "Er beriet über den Haushalt des nächsten Jahres.",
        "Mehrere Mitglieder äußerten Bedenken.", "Der Vorsitzende versprach eine schriftliche Antwort.",
        "Eine Abstimmung wurde auf März verschoben.", "Die Sitzung endete am Mittag.",
    ]

    /// Aligns and checks that the beads tile both sides in order.
    @discardableResult
    static func alignChecked(_ source: AlignmentDocument, _ target: AlignmentDocument, _ label: String) -> [Bead] {
        let report = DocumentAligner().align(source: source, target: target)
        var sourceNext = 0
        var targetNext = 0
        for bead in report.beads {
            #expect(bead.source.lowerBound == sourceNext && bead.target.lowerBound == targetNext, "\(label): beads skip or overlap")
            #expect(!(bead.source.isEmpty && bead.target.isEmpty), "\(label): an empty bead")
            #expect(bead.cost.isFinite, "\(label): cost \(bead.cost)")
            #expect((0...1).contains(bead.confidence), "\(label): confidence \(bead.confidence)")
            sourceNext = bead.source.upperBound
            targetNext = bead.target.upperBound
        }
        #expect(sourceNext == source.sentences.count && targetNext == target.sentences.count, "\(label): beads do not cover the documents")
        return report.beads
    }

    static func document(_ sentences: [String], _ language: String?) -> AlignmentDocument {
        AlignmentDocument(sentences: sentences, language: language.flatMap { LanguageTag($0) })
    }

    @Test func align_bothEmptyGivesNoBeads() {
        let beads = Self.alignChecked(Self.document([], "en"), Self.document([], "de"), "empty")
        #expect(beads.isEmpty)
    }

    @Test(arguments: [true, false])
    func align_oneSideEmptyGivesInsertions(sourceEmpty: Bool) {
        let source = Self.document(sourceEmpty ? [] : Self.english, "en")
        let target = Self.document(sourceEmpty ? Self.german : [], "de")
        let beads = Self.alignChecked(source, target, "one side empty")
        #expect(beads.allSatisfy { $0.source.isEmpty != $0.target.isEmpty })
    }

    @Test(arguments: [true, false])
    func align_oneAgainstFiveThousandFinishes(oneOnSource: Bool) {
        let many = (0..<5_000).map { "Sentence number \($0) says something about item \($0 % 37)." }
        let one = ["Ein einziger Satz über Punkt 12."]
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            Self.alignChecked(Self.document(oneOnSource ? one : many, "en"), Self.document(oneOnSource ? many : one, "de"), "1 vs 5000")
        }
        #expect(elapsed < .seconds(30), "1 vs 5,000 took \(elapsed)")
    }

    @Test func align_identicalTextsGivesTheDiagonal() {
        let sentences = (0..<200).map { "Line \($0): \(Self.english[$0 % Self.english.count])" }
        let beads = Self.alignChecked(Self.document(sentences, "en"), Self.document(sentences, "en"), "identical")
        #expect(beads.count == sentences.count)
        #expect(beads.allSatisfy { $0.source == $0.target })
    }

    @Test(arguments: [("en", "de"), ("de", "en"), ("ja", "tr"), (nil, nil), ("xx", "zz")] as [(String?, String?)])
    func align_wrongOrUnknownLanguageStillTiles(source: String?, target: String?) {
        let beads = Self.alignChecked(Self.document(Self.german, source), Self.document(Self.english, target), "languages \(String(describing: source))")
        #expect(!beads.isEmpty)
    }

    @Test(arguments: [81, 82, 83] as [UInt64])
    func align_randomUnicodeSentencesTile(seed: UInt64) {
        var generator = Generator(state: seed)
        let pieces = [
            "", " ", "a", "Wort", "e\u{301}", "\u{301}", "\u{05E9}\u{05DC}\u{05D5}\u{05DD}", "\u{0645}\u{0631}\u{062D}\u{0628}\u{0627}",
            "👩‍👩‍👧", "🇹🇷", "\u{0}", "\r", "İ", "ı", "中文", "12", ".", "\u{202E}", "\u{FEFF}",
        ]
        func sentences() -> [String] {
            (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            }
        }
        for round in 0..<10 {
            Self.alignChecked(Self.document(sentences(), "en"), Self.document(sentences(), "ar"), "seed \(seed) round \(round)")
        }
    }

    @Test func align_veryLongSentenceFinishes() {
        let long = String(repeating: "word ", count: 200_000)
        Self.alignChecked(Self.document([long] + Self.english, "en"), Self.document(Self.german + [long], "de"), "1 MB sentence")
    }

    @Test(arguments: ["", "\n\n\n", "\r\r", "one\rtwo", "\u{0}\n\u{0}", "a\n\n\nb\r\n\r\nc"])
    func align_linesDocumentsTile(text: String) {
        Self.alignChecked(AlignmentDocument(lines: text, language: LanguageTag("en")), AlignmentDocument(lines: text + "\nx", language: LanguageTag("fr")), text.debugDescription)
    }
}
