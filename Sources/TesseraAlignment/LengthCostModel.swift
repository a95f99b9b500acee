import Foundation

/// The length-based cost of Gale & Church (1993): the number of target characters per source
/// character is modelled as a normal variable with mean `ratio` and variance `variance` per
/// source character, and a bead costs `-log P(|δ| or more)`, where
/// `δ = (lt - ls · ratio) / sqrt(variance · (ls + lt / ratio) / 2)`.
///
/// Gale and Church found ratio ≈ 1 and variance 6.8 for English-French and English-German; here
/// both are estimated from the document pair itself (``LengthStatistics``).
///
/// ```swift
/// let model = LengthCostModel(sourceLengths: [40, 80], targetLengths: [44, 86])
/// model.cost(source: 0..<1, target: 0..<1) < model.cost(source: 0..<1, target: 1..<2)   // true
/// ```
///
/// Spec: W. A. Gale and K. W. Church, "A Program for Aligning Sentences in Bilingual Corpora",
/// Computational Linguistics 19(1), 1993.
package struct LengthCostModel: CostModel {
    /// Mean target characters per source character and the variance per source character.
    package var statistics: LengthStatistics
    private let sourcePrefix: [Int]
    private let targetPrefix: [Int]

    /// Creates the model from sentence lengths in characters.
    /// - Parameters:
    ///   - sourceLengths: Characters of each source sentence.
    ///   - targetLengths: Characters of each target sentence.
    ///   - statistics: Ratio and variance; by default the ratio of the totals and variance 6.8.
    package init(sourceLengths: [Int], targetLengths: [Int], statistics: LengthStatistics? = nil) {
        sourcePrefix = Self.prefixSums(sourceLengths)
        targetPrefix = Self.prefixSums(targetLengths)
        self.statistics = statistics ?? LengthStatistics(sourceTotal: sourcePrefix.last ?? 0, targetTotal: targetPrefix.last ?? 0)
    }

    static func prefixSums(_ values: [Int]) -> [Int] {
        var sums = [0]
        sums.reserveCapacity(values.count + 1)
        for value in values { sums.append(sums[sums.count - 1] + max(0, value)) }
        return sums
    }

    /// The Gale-Church cost of pairing `source` with `target` sentences.
    package func cost(source: Range<Int>, target: Range<Int>) -> Double {
        let ls = sourcePrefix[source.upperBound] - sourcePrefix[source.lowerBound]
        let lt = targetPrefix[target.upperBound] - targetPrefix[target.lowerBound]
        return statistics.cost(sourceLength: ls, targetLength: lt)
    }
}

/// The parameters of the Gale-Church length model.
package struct LengthStatistics: Sendable, Hashable {
    /// Gale and Church's variance per character (1993, section 4), used until the document pair
    /// gives its own estimate.
    package static let galeChurchVariance = 6.8

    /// Mean target characters per source character (`c`).
    package var ratio: Double
    /// Variance of target characters per source character (`s²`).
    package var variance: Double

    /// Creates statistics.
    package init(ratio: Double, variance: Double) {
        self.ratio = ratio.isFinite && ratio > 0 ? ratio : 1
        self.variance = variance.isFinite && variance > 0 ? variance : Self.galeChurchVariance
    }

    /// The ratio of the two documents' total lengths and Gale and Church's variance.
    package init(sourceTotal: Int, targetTotal: Int) {
        let ratio = sourceTotal > 0 && targetTotal > 0 ? Double(targetTotal) / Double(sourceTotal) : 1
        self.init(ratio: ratio, variance: Self.galeChurchVariance)
    }

    /// Re-estimates ratio and variance from length pairs believed to be translations (e.g. the
    /// confident 1-1 beads of a first pass). Returns `fallback` with fewer than 10 pairs.
    package static func estimate(pairs: [(source: Int, target: Int)], fallback: LengthStatistics) -> LengthStatistics {
        let usable = pairs.filter { $0.source > 0 && $0.target > 0 }
        guard usable.count >= 10 else { return fallback }
        let sourceTotal = usable.reduce(0) { $0 + $1.source }
        let targetTotal = usable.reduce(0) { $0 + $1.target }
        let ratio = Double(targetTotal) / Double(sourceTotal)
        // Variance per source character: mean of (lt - c ls)^2 / ls. Not trimmed: trimming (or
        // keeping only confident pairs) understates it and makes the length cost overconfident.
        let variance = usable.reduce(0.0) { total, pair in
            let residual = Double(pair.target) - ratio * Double(pair.source)
            return total + residual * residual / Double(pair.source)
        } / Double(usable.count)
        return LengthStatistics(ratio: ratio, variance: max(1, variance))
    }

    /// `-log P(|δ| or more)` for one bead.
    package func cost(sourceLength: Int, targetLength: Int) -> Double {
        if sourceLength == 0 && targetLength == 0 { return 0 }
        let ls = Double(sourceLength)
        let lt = Double(targetLength)
        let mean = (ls + lt / ratio) / 2
        let delta = abs(lt - ls * ratio) / (variance * mean).squareRoot()
        return -logTwoSidedTail(delta)
    }
}

/// `log(2 (1 - Φ(x)))` = `log(erfc(x / √2))` for x ≥ 0: linear interpolation in a table of
/// 1/64 steps up to 32 (error below 1e-4 nats, far below the model's precision; `erfc` is the
/// hot spot of the search otherwise), the exact function beyond.
@inline(__always) func logTwoSidedTail(_ x: Double) -> Double {
    let position = x * Double(tailTableResolution)
    if position < Double(tailTable.count - 1) {
        let index = Int(position)
        let fraction = position - Double(index)
        return tailTable[index] + (tailTable[index + 1] - tailTable[index]) * fraction
    }
    return exactLogTwoSidedTail(x)
}

/// Table steps per unit of δ.
let tailTableResolution = 64
/// `exactLogTwoSidedTail` at 0, 1/64, 2/64, ... 32.
let tailTable: [Double] = (0...(32 * tailTableResolution)).map { exactLogTwoSidedTail(Double($0) / Double(tailTableResolution)) }

/// `log(erfc(x / √2))`, with the asymptotic form where `erfc` underflows.
func exactLogTwoSidedTail(_ x: Double) -> Double {
    let z = x / 2.0.squareRoot()
    if z < 25 { return log(max(erfc(z), .leastNormalMagnitude)) }
    return -z * z - log(z * Double.pi.squareRoot())
}
