/// A seeded random number generator (SplitMix64), so that randomised tests repeat exactly.
///
/// ```swift
/// var generator = SeededGenerator(seed: 42)
/// Int.random(in: 0..<10, using: &generator)   // the same every run
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    /// The current state; each call to ``next()`` advances it.
    public var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) { state = seed }

    /// Creates a generator from a seed (the label some tests use).
    public init(state: UInt64) { self.state = state }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
