/// Where an import is: reported through the `progress` callback of ``ImportTMX/run(files:progress:)``
/// while units stream in, for a front end to draw (the CLI draws a line on a terminal).
///
/// ```swift
/// try ImportTMX(database: location).run(files: ["a.tmx"]) { progress in
///     print(progress.fileIndex, progress.units)   // 1 1200
/// }
/// ```
public struct ImportProgress: Sendable, Hashable {
    /// The file being read.
    public var file: String
    /// Its 1-based number.
    public var fileIndex: Int
    /// The number of files.
    public var fileCount: Int
    /// Units read from it so far.
    public var units: Int
}
