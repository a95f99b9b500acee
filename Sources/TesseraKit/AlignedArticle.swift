import Foundation
package import TesseraAlignment
import TesseraText

/// The alignment of one source document with one target document, ready to be written.
///
/// ```swift
/// article.formatted(as: .tsv, minimumConfidence: 0.5)   // "Satz.\tPhrase.\t0.982\n..."
/// ```
package struct AlignedArticle: Sendable {
    /// The output formats.
    package enum Format: String, Sendable, CaseIterable {
        /// `source<TAB>target<TAB>confidence`, one bead per line (sentences of a bead joined by a space).
        case tsv
        /// An object with the beads (indices, texts, shape, confidence) and the warnings.
        case json
        /// `[i, j]:[k]` lines with 0-based sentence indices (Vecalign / Text+Berg gold format).
        case beads
    }

    /// Name of the source (file name).
    package var sourceName: String
    /// Name of the target.
    package var targetName: String
    /// The source document.
    package var source: AlignmentDocument
    /// The target document.
    package var target: AlignmentDocument
    /// The aligner's report.
    package var report: DocumentAligner.Report
    /// Characters XML cannot carry that the source text held, replaced by U+FFFD before alignment.
    package var sourceReplacedCharacters = 0
    /// Characters XML cannot carry that the target text held, replaced by U+FFFD before alignment.
    package var targetReplacedCharacters = 0

    /// Creates an article alignment.
    package init(sourceName: String, targetName: String, source: AlignmentDocument, target: AlignmentDocument,
                report: DocumentAligner.Report) {
        self.sourceName = sourceName
        self.targetName = targetName
        self.source = source
        self.target = target
        self.report = report
    }

    /// The beads at or above `minimumConfidence`.
    package func beads(minimumConfidence: Double = 0) -> [Bead] {
        report.beads.filter { $0.confidence >= minimumConfidence }
    }

    /// The alignment in `format`. `beads` keeps every bead (score.py needs the full partition);
    /// `tsv` and `json` leave out beads under `minimumConfidence`, and `tsv` leaves out 1-0 and 0-1.
    package func formatted(as format: Format, minimumConfidence: Double = 0) -> String {
        switch format {
        case .beads:
            return report.beads.map { $0.beadsLine + "\n" }.joined()
        case .tsv:
            return beads(minimumConfidence: minimumConfidence).filter { !$0.shape.isInsertionOrDeletion }.map {
                TSVField.escape(sourceText($0)) + "\t" + TSVField.escape(targetText($0)) + "\t"
                    + String(format: "%.3f", $0.confidence) + "\n"
            }.joined()
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(jsonValue(minimumConfidence: minimumConfidence))) ?? Data()
            return (String(data: data, encoding: .utf8) ?? "{}") + "\n"
        }
    }

    /// The source sentences of a bead joined by a space.
    package func sourceText(_ bead: Bead) -> String {
        bead.source.compactMap { source.sentences.indices.contains($0) ? source.sentences[$0] : nil }.joined(separator: " ")
    }

    /// The target sentences of a bead joined by a space.
    package func targetText(_ bead: Bead) -> String {
        bead.target.compactMap { target.sentences.indices.contains($0) ? target.sentences[$0] : nil }.joined(separator: " ")
    }

    /// One bead of the JSON format.
    package struct JSONBead: Encodable, Sendable {
        /// 0-based source sentence indices.
        package var source: [Int]
        /// 0-based target sentence indices.
        package var target: [Int]
        /// The shape, e.g. `2-1`.
        package var shape: String
        /// The confidence, rounded to three decimals.
        package var confidence: Double
        /// The source sentences joined by a space.
        package var sourceText: String
        /// The target sentences joined by a space.
        package var targetText: String
    }

    /// The JSON format of one alignment (what `formatted(as: .json)` writes).
    package struct JSONArticle: Encodable, Sendable {
        /// The source document's name.
        package var source: String
        /// The target document's name.
        package var target: String
        /// The source language.
        package var sourceLanguage: String?
        /// The target language.
        package var targetLanguage: String?
        /// The beads at or above the minimum confidence.
        package var beads: [JSONBead]
        /// The aligner's warnings.
        package var warnings: [String]
    }

    /// The alignment as a ``JSONArticle``, beads under `minimumConfidence` left out.
    package func jsonValue(minimumConfidence: Double) -> JSONArticle {
        JSONArticle(
            source: sourceName, target: targetName, sourceLanguage: source.language?.description,
            targetLanguage: target.language?.description,
            beads: beads(minimumConfidence: minimumConfidence).map {
                JSONBead(source: Array($0.source), target: Array($0.target), shape: $0.shape.description,
                         confidence: ($0.confidence * 1000).rounded() / 1000, sourceText: sourceText($0),
                         targetText: targetText($0))
            },
            warnings: report.warnings.map(\.description))
    }
}
