/// The version of Tessera, in one place: `tessera --version` prints it and the TMX writer puts it
/// in the header's `creationtoolversion`.
public enum TesseraVersion {
    /// The release number (semantic versioning).
    public static let current = "0.1.0"
}
