/// A source of bytes read front to back: a plain file, the inflated content of a gzip file, or one
/// entry of a zip archive. ``InputFile`` puts one behind its public API.
protocol ByteReader: AnyObject {
    /// Reads up to `buffer.count` bytes; `0` at the end.
    ///
    /// - Throws: ``FileError`` when the data cannot be read or decoded.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(FileError) -> Int
    /// Releases the file (and stops a background reader). Idempotent.
    func close()
}
