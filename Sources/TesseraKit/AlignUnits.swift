import Foundation
import TesseraAlignment
package import TesseraCore

/// Turns alignments of one source document into translation units (origin `.aligned`): one
/// bilingual unit per bead with one target, multilingual units pivoting on the source sentences
/// with several targets (``PivotAlignment``).
///
/// Props written (TMX `<prop>`, kept by the translation memory and by `tessera export`):
/// - on the unit: `x-tessera-source-document` (file name of the source);
/// - with one target, on the unit: `x-tessera-target-document`, `x-tessera-confidence` (the
///   bead's confidence, 3 decimals) and `x-tessera-bead` (its shape, e.g. `2-1`);
/// - with several targets, the same three on each target `<tuv>` as `x-tessera-document`,
///   `x-tessera-confidence` (lowest of its beads in the span) and `x-tessera-bead` (the shapes of
///   its beads in the span joined by `+`, e.g. `1-1+1-1`).
///
/// 1-0 and 0-1 beads and beads under the minimum confidence are never turned into units.
///
/// ```swift
/// let units = AlignUnits.units(from: articles)   // beads of confidence 0.35 and more
/// ```
package enum AlignUnits {
    /// Prop naming the source document.
    package static let sourceDocumentProp = "x-tessera-source-document"
    /// Prop naming the target document (bilingual units).
    package static let targetDocumentProp = "x-tessera-target-document"
    /// Prop naming a target variant's document (multilingual units).
    package static let documentProp = "x-tessera-document"
    /// Prop with the confidence of the bead.
    package static let confidenceProp = "x-tessera-confidence"
    /// Prop with the bead's shape.
    package static let beadProp = "x-tessera-bead"

    /// The minimum confidence of a bead that becomes a unit when none is given (`tessera align
    /// --store` and `--format tmx`). Chosen on the Text+Berg dev set (Docs/ALIGNMENT.md, "What is
    /// stored"): the 4 two-sided beads under 0.3 were all wrong, the beads from 0.4 up mostly
    /// right; 0.35 is the middle of that gap.
    package static let defaultMinimumConfidence = 0.35

    /// The units of `articles` (which must share the source document).
    /// - Parameters:
    ///   - articles: One alignment per target, all on the same source.
    ///   - minimumConfidence: Beads below this are left out; by default
    ///     ``defaultMinimumConfidence``.
    /// - Returns: The units in source order.
    /// - Complexity: O(B log B) for B beads.
    package static func units(from articles: [AlignedArticle],
                             minimumConfidence: Double = defaultMinimumConfidence) -> [TranslationUnit] {
        guard let first = articles.first, let sourceLanguage = first.source.language else { return [] }
        let kept = articles.map { article in
            article.report.beads.filter { !$0.shape.isInsertionOrDeletion && $0.confidence >= minimumConfidence }
        }
        let sourceName = documentName(first.sourceName)
        var units: [TranslationUnit] = []
        for span in PivotAlignment.spans(kept) {
            let sourceText = joined(first.source.sentences, span.source)
            var variants = [Variant(language: sourceLanguage, segment: Segment(text: sourceText))]
            var props = [Prop(type: sourceDocumentProp, value: sourceName)]
            for (index, beads) in span.beads.enumerated() where !beads.isEmpty {
                let article = articles[index]
                guard let language = article.target.language else { continue }
                let text = beads.map { joined(article.target.sentences, $0.target) }.joined(separator: " ")
                let confidence = String(format: "%.3f", beads.map(\.confidence).min() ?? 0)
                let shape = beads.map(\.shape.description).joined(separator: "+")
                var variant = Variant(language: language, segment: Segment(text: text))
                if articles.count == 1 {
                    props += [Prop(type: targetDocumentProp, value: documentName(article.targetName)),
                              Prop(type: confidenceProp, value: confidence), Prop(type: beadProp, value: shape)]
                } else {
                    variant.props = [Prop(type: documentProp, value: documentName(article.targetName)),
                                     Prop(type: confidenceProp, value: confidence), Prop(type: beadProp, value: shape)]
                }
                variants.append(variant)
            }
            guard variants.count > 1 else { continue }
            units.append(TranslationUnit(sourceLanguage: sourceLanguage, props: props, variants: variants, origin: .aligned))
        }
        return units
    }

    /// The last path component of a document name (`/data/a.en.txt` -> `a.en.txt`).
    static func documentName(_ name: String) -> String {
        name.isEmpty ? name : URL(fileURLWithPath: name).lastPathComponent
    }

    static func joined(_ sentences: [String], _ range: Range<Int>) -> String {
        range.compactMap { sentences.indices.contains($0) ? sentences[$0] : nil }.joined(separator: " ")
    }
}
