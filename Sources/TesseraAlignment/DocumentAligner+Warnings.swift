extension DocumentAligner {
    /// Share of unaligned sentences on one side above which ``AlignmentWarning/Kind/manyUnaligned`` is raised.
    static let unalignedShareWarning = 0.2
    /// Mean evidence of the aligned pairs below which the documents look unrelated (one matched
    /// rare token per pair).
    static let lowEvidence = 1.0
    /// Length ratios outside this range are reported.
    static let plausibleLengthRatios = 0.4...2.5

    /// The warnings for a finished alignment.
    static func warnings(beads: [Bead], model: LexicalCostModel, sourceCount n: Int, targetCount m: Int,
                         paragraphsDiffer: Bool) -> [AlignmentWarning] {
        var warnings: [AlignmentWarning] = []
        if paragraphsDiffer {
            warnings.append(.init(kind: .paragraphCountsDiffer,
                                  message: "The paragraph counts differ: paragraphs were aligned first, then the sentences inside each pair."))
        }
        // A side that stops early: a trailing run of one-sided beads.
        var trailingSource = 0
        var trailingTarget = 0
        for bead in beads.reversed() {
            if bead.target.isEmpty { trailingSource += bead.source.count } else if bead.source.isEmpty { trailingTarget += bead.target.count } else { break }
        }
        if trailingSource >= max(3, n / 10) {
            warnings.append(.init(kind: .truncated,
                                  message: "The target seems to stop early: the last \(trailingSource) source sentences (from sentence \(n - trailingSource + 1)) have no translation."))
        }
        if trailingTarget >= max(3, m / 10) {
            warnings.append(.init(kind: .truncated,
                                  message: "The source seems to stop early: the last \(trailingTarget) target sentences (from sentence \(m - trailingTarget + 1)) have no counterpart."))
        }
        let unalignedSource = beads.reduce(0) { $0 + ($1.target.isEmpty ? $1.source.count : 0) }
        let unalignedTarget = beads.reduce(0) { $0 + ($1.source.isEmpty ? $1.target.count : 0) }
        if Double(unalignedSource) > unalignedShareWarning * Double(n) || Double(unalignedTarget) > unalignedShareWarning * Double(m) {
            warnings.append(.init(kind: .manyUnaligned,
                                  message: "\(unalignedSource) of \(n) source and \(unalignedTarget) of \(m) target sentences have no counterpart."))
        }
        let pairs = beads.filter { !$0.source.isEmpty && !$0.target.isEmpty }
        if n >= 5 && m >= 5 && !pairs.isEmpty {
            let mean = pairs.reduce(0.0) { $0 + model.evidence(source: $1.source, target: $1.target) } / Double(pairs.count)
            if mean < lowEvidence {
                warnings.append(.init(kind: .lowSimilarity,
                                      message: "The aligned sentences share almost no numbers, names or words: are the documents translations of each other, in the languages given?"))
            }
        }
        if !plausibleLengthRatios.contains(model.length.ratio) {
            let ratio = (model.length.ratio * 100).rounded() / 100
            warnings.append(.init(kind: .lengthRatio,
                                  message: "The target is \(ratio) times as long as the source: check that the files belong together."))
        }
        return warnings
    }
}
