import Foundation

/// The memories a lookup reads, in priority order, each with a penalty: percentage points taken
/// off its scores (as CAT tools allow), written `a,b:5,c:10` (`NAME[:PENALTY]`, penalty 0-100,
/// default 0). Parsed once, where a front end reads it. See ``MemoryLookup``.
///
/// ```swift
/// let selection = try MemorySelection("main,legacy:5")
/// selection.members.map(\.penalty)   // [0, 5]
/// ```
public struct MemorySelection: Hashable, Sendable, CustomStringConvertible {
    /// One memory of the list and its penalty.
    public struct Member: Hashable, Sendable {
        /// The memory.
        public var name: MemoryName
        /// Points taken off each of its scores (0-100).
        public var penalty: Int

        /// A member; `penalty` must be 0-100.
        public init(_ name: MemoryName, penalty: Int = 0) {
            precondition((0...100).contains(penalty), "a memory penalty is 0-100")
            self.name = name
            self.penalty = penalty
        }
    }

    /// The memories in priority order (at least one, each once).
    public let members: [Member]

    /// The memory `default` alone, without penalty.
    public static let `default` = MemorySelection(checked: [Member(.default)])

    /// The list `members` (at least one, each name once).
    /// - Throws: ``KitError`` `invalidOption` for an empty list or a repeated name.
    public init(_ members: [Member]) throws(KitError) {
        guard !members.isEmpty else { throw KitError(.invalidOption, "The memory list is empty.") }
        var seen = Set<MemoryName>()
        for member in members where !seen.insert(member.name).inserted {
            throw KitError(.invalidOption, "The memory '\(member.name)' is listed twice.")
        }
        self.members = members
    }

    /// Parses `a,b:5,c:10`: comma-separated `NAME[:PENALTY]`, blanks around items ignored.
    /// - Throws: ``KitError`` `invalidOption` naming the first bad item.
    public init(_ text: String) throws(KitError) {
        var members: [Member] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try MemoryName(validating: parts[0].trimmingCharacters(in: .whitespaces))
            var penalty = 0
            if parts.count == 2 {
                guard let value = Int(parts[1].trimmingCharacters(in: .whitespaces)), (0...100).contains(value) else {
                    throw KitError(.invalidOption, "The penalty of '\(name)' must be an integer from 0 to 100, not '\(parts[1])'.")
                }
                penalty = value
            }
            members.append(Member(name, penalty: penalty))
        }
        try self.init(members)
    }

    private init(checked members: [Member]) { self.members = members }

    /// The names in priority order.
    public var names: [MemoryName] { members.map(\.name) }

    /// The list as written: `a,b:5`.
    public var description: String {
        members.map { $0.penalty == 0 ? $0.name.description : "\($0.name):\($0.penalty)" }.joined(separator: ",")
    }
}
