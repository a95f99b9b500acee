import Crypto

/// SHA-256 of API keys, through swift-crypto (`Crypto.SHA256`), as lower-case hex.
///
/// ```swift
/// SHA256.hex(Array("abc".utf8))   // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// ```
package enum SHA256 {
    /// The digest of `message`: 32 bytes.
    package static func digest(_ message: [UInt8]) -> [UInt8] {
        Array(Crypto.SHA256.hash(data: message))
    }

    /// The digest of `message` as 64 lower-case hex digits.
    package static func hex(_ message: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        return String(digest(message).flatMap { byte in [digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]] })
    }
}
