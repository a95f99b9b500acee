import Foundation
import TesseraKit

/// The CLI's drawing of an import's ``ImportProgress``: one line on standard error, drawn only
/// when standard error is a terminal.
///
/// Hand-written (no dependency): a carriage return and the line, redrawn at most ten times a
/// second, cleared at the end. Width from `TIOCGWINSZ`.
///
/// ```swift
/// let progress = ProgressReporter.forStandardError()   // nil when stderr is not a terminal
/// progress?.update(ImportProgress(file: "a.tmx", fileIndex: 1, fileCount: 3, units: 1200))
/// progress?.finish()
/// ```
final class ProgressReporter {
    private var lastDraw = Date.distantPast
    private var drawn = false
    private let width: Int

    private init(width: Int) { self.width = width }

    /// A reporter when standard error is a terminal, else `nil`.
    static func forStandardError() -> ProgressReporter? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        var size = winsize()
        let columns = ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
        return ProgressReporter(width: columns)
    }

    /// Redraws the line (throttled): the file number, a bar of files done and the unit count.
    func update(_ progress: ImportProgress) {
        let (file, fileIndex, fileCount, units) = (progress.file, progress.fileIndex, progress.fileCount, progress.units)
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let barWidth = 20
        let done = fileCount > 0 ? (fileIndex - 1) * barWidth / fileCount : 0
        let bar = String(repeating: "#", count: done) + String(repeating: "-", count: barWidth - done)
        let name = file.split(separator: "/").last.map(String.init) ?? file
        var line = "[\(bar)] \(fileIndex)/\(fileCount) \(name): \(Plural.count(units, "unit"))"
        if line.count > width - 1 { line = String(line.prefix(max(0, width - 1))) }
        write("\r" + line + "\u{1B}[K")
        drawn = true
    }

    /// Clears the line.
    func finish() {
        if drawn { write("\r\u{1B}[K") }
        drawn = false
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
