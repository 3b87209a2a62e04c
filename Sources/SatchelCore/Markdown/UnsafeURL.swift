/// The link destinations cmark-gfm's safe mode renders as empty: `javascript:`, `vbscript:`, `file:` and
/// `data:` other than a PNG, GIF, JPEG or WebP image. With raw HTML allowed cmark runs unsafe and keeps
/// them, so `MarkdownDocument` applies the same rule itself.
enum UnsafeURL {
    private static let schemes = ["javascript:", "vbscript:", "file:", "data:"]
    private static let safeData = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]

    static func isUnsafe(_ destination: String) -> Bool {
        // Browsers ignore leading spaces and control characters and tabs or line feeds inside the scheme.
        var scheme = String.UnicodeScalarView()
        for scalar in destination.unicodeScalars where scalar.value > 0x20 {
            scheme.append(scalar)
            if scheme.count == 16 { break }
        }
        let lowered = String(scheme).lowercased()
        guard schemes.contains(where: lowered.hasPrefix) else { return false }
        return !safeData.contains(where: lowered.hasPrefix)
    }
}
