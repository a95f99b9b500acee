#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension MatchIndexSpool {
    /// Removes the temporary files that writers of the index file `path` left behind when their
    /// process ended without cleaning up (a `kill -9`, a crash, or a version that kept its column
    /// files on disk): `path.spool-PID-SERIAL.*` (spool columns, index files being written, the early write
    /// of an import: unique per writer, the process id only tells whether the writer still runs)
    /// and `path.tmp-PID` (an early write of older versions), for every PID that is not a
    /// running process. The files of a running process are left alone, whoever it is; a PID reused
    /// by an unrelated process only delays the removal until that process ends.
    ///
    /// ```swift
    /// MatchIndexSpool.removeLeftovers(of: "tm.db-match")   // removes tm.db-match.spool-4242-1.ids
    /// ```
    ///
    /// - Parameter path: The index file whose leftovers to remove.
    /// - Complexity: O(entries in the folder of `path`).
    package static func removeLeftovers(of path: String) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? "./"
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard let directory = opendir(folder) else { return }
        var stale: [String] = []
        while let entry = readdir(directory) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if let owner = leftoverOwner(entryName, of: name), !isRunning(owner) { stale.append(entryName) }
        }
        closedir(directory)
        for entry in stale { unlink(folder + entry) }
    }

    /// The PID in the name of a leftover of the index file `name` (`name.spool-PID-...` or
    /// `name.tmp-PID`), or `nil` when `entry` is not one.
    static func leftoverOwner(_ entry: String, of name: String) -> pid_t? {
        for (marker, needsSerial) in [(".spool-", true), (".tmp-", false)] {
            guard entry.hasPrefix(name + marker) else { continue }
            let rest = entry.utf8.dropFirst(name.utf8.count + marker.utf8.count)
            let digits = rest.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            let after = rest.dropFirst(digits.count)
            guard !digits.isEmpty, digits.count <= 9, needsSerial ? after.first == UInt8(ascii: "-") : after.isEmpty
            else { return nil }
            return digits.reduce(0) { $0 * 10 + pid_t($1 - UInt8(ascii: "0")) }
        }
        return nil
    }

    /// Whether a process with that id exists (one we may not signal exists too).
    static func isRunning(_ pid: pid_t) -> Bool {
        pid <= 0 || kill(pid, 0) == 0 || errno == EPERM
    }
}
