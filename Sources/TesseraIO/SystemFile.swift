internal import Foundation

/// The system calls on file descriptors that both ``FileByteReader`` and ``OutputFile`` need, in
/// one place: closing a descriptor and the system's words for an `errno` value.
enum SystemFile {
    /// Closes `descriptor` (Glibc or Darwin); errors of `close` are not reported.
    static func close(_ descriptor: Int32) {
        #if canImport(Glibc)
            _ = Glibc.close(descriptor)
        #else
            _ = Darwin.close(descriptor)
        #endif
    }

    /// The system's words for an `errno` value, lower-cased ("permission denied").
    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
