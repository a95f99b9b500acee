#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only memory mapping of a whole file, unmapped when the last reference goes.
///
/// ```swift
/// let region = try MappedRegion(path: "tm.db-match")
/// region.bytes.count   // the file size
/// ```
/// The mapping is private and read-only, so the bytes never change under a reader (a writer
/// replaces the file by rename; the old inode stays mapped).
public final class MappedRegion: @unchecked Sendable {
    /// The mapped bytes (empty for an empty file).
    public let bytes: UnsafeRawBufferPointer
    private let base: UnsafeMutableRawPointer?

    /// Maps `path` read-only.
    /// - Throws: ``MatchingError`` `corruptIndex` when the file cannot be opened or mapped.
    public init(path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw MatchingError(.corruptIndex, "Cannot open the match index file.", context: path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw MatchingError(.corruptIndex, "Cannot read the size of the match index file.", context: path) }
        let size = Int(info.st_size)
        guard size > 0 else {
            base = nil
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let pointer = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), pointer != MAP_FAILED else {
            throw MatchingError(.corruptIndex, "Cannot map the match index file.", context: path)
        }
        base = pointer
        bytes = UnsafeRawBufferPointer(start: UnsafeRawPointer(pointer), count: size)
    }

    deinit {
        if let base { munmap(base, bytes.count) }
    }
}

/// One array of the match index: either owned (built in memory) or a view of a section of a
/// mapped side file followed by an owned tail (elements appended since the file was mapped, so
/// that a mapped index takes a few new entries without being copied). Reads of the mapped part are
/// bounds-checked (a position outside gives 0, so a damaged file gives wrong candidates, never a
/// crash); a write into the mapped part copies the column out first.
///
/// ```swift
/// var column: MatchIndexColumn<UInt32> = [1, 2, 3]
/// column.append(4)   // column.count == 4
/// ```
package struct MatchIndexColumn<Element: FixedWidthInteger & Sendable>: RandomAccessCollection, ExpressibleByArrayLiteral, @unchecked Sendable {
    /// The whole column when it is not mapped; the tail after the mapped part when it is.
    private var owned: [Element]
    /// The mapped bytes of the section (aligned to the element size), and the mapping kept alive.
    private var view: UnsafeRawBufferPointer?
    private var region: MappedRegion?
    /// The number of elements in the mapped part.
    private var viewCount = 0

    /// An owned column.
    package init(_ array: [Element] = []) {
        owned = array
    }

    package init(arrayLiteral elements: Element...) { owned = elements }

    /// A view of `count` elements at `bytes` (aligned), kept valid by `region`.
    init(view bytes: UnsafeRawBufferPointer, region: MappedRegion?) {
        owned = []
        view = bytes
        viewCount = bytes.count / MemoryLayout<Element>.size
        self.region = region
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { view == nil ? owned.count : viewCount + owned.count }

    package subscript(position: Int) -> Element {
        get {
            guard let view else { return owned[position] }
            guard position >= 0 else { return 0 }
            guard position < viewCount else {
                let tail = position - viewCount
                return tail < owned.count ? owned[tail] : 0
            }
            return Element(littleEndian: view.loadUnaligned(fromByteOffset: position * MemoryLayout<Element>.size, as: Element.self))
        }
        set {
            materialize()
            owned[position] = newValue
        }
    }

    /// Whether the column reads a mapped file.
    var isMapped: Bool { view != nil }

    /// The elements as an array (a copy for a mapped column).
    var array: [Element] {
        guard let view else { return owned }
        let count = viewCount
        var result = [Element](unsafeUninitializedCapacity: count + owned.count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: view[0..<(count * MemoryLayout<Element>.size)]))
            initialized = count
        }
        result.append(contentsOf: owned)
        return result
    }

    /// Turns a mapped column into an owned one.
    mutating func materialize() {
        guard view != nil else { return }
        owned = array
        view = nil
        region = nil
        viewCount = 0
    }

    /// Appends an element (to the tail of a mapped column: nothing is copied).
    mutating func append(_ element: Element) {
        owned.append(element)
    }

    mutating func append<S: Sequence>(contentsOf elements: S) where S.Element == Element {
        owned.append(contentsOf: elements)
    }

    mutating func reserveCapacity(_ count: Int) {
        owned.reserveCapacity(count - (view == nil ? 0 : viewCount))
    }

    /// Binary search in a column sorted ascending: the first position whose element is `>= value`.
    func lowerBound(_ value: Element) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
