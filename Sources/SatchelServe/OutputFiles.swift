import Foundation

/// Maps request paths to files inside the output folder, and never to anything outside it.
///
/// The path is percent-decoded once, split into segments and normalised (`.` dropped, `..` removing the
/// segment before it); a `..` that would climb above the root is refused, whatever its encoding (`..`,
/// `%2e%2e`, `%2E%2e`, `..%2f`). The file found is then resolved with `realpath(3)` and must still lie under
/// the root's real path, so a symbolic link cannot lead out either.
struct OutputFiles: Sendable {
    enum Resolution: Equatable {
        /// A regular file under the root (its real path).
        case file(String)
        /// A folder asked for without its trailing slash: relative links on its index page need one.
        case redirect(String)
        case notFound
        /// The path leads outside the root.
        case forbidden
        /// The path is not valid percent-encoded UTF-8, or holds a NUL byte.
        case badRequest
    }

    /// The output folder. It is resolved on every request because a build swaps a new folder in.
    let root: URL

    func resolve(_ rawPath: String) -> Resolution {
        guard let decoded = rawPath.removingPercentEncoding, !decoded.contains("\0") else { return .badRequest }
        var segments: [Substring] = []
        for segment in decoded.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": if segments.popLast() == nil { return .forbidden }
            default: segments.append(segment)
            }
        }
        // Satchel writes no hidden files but its own marker; staging folders and caches are hidden too.
        if segments.contains(where: { $0.hasPrefix(".") }) { return .notFound }
        guard let rootPath = Self.realPath(root.path) else { return .notFound }
        let relative = segments.joined(separator: "/")
        guard let path = Self.realPath(relative.isEmpty ? rootPath : rootPath + "/" + relative) else { return .notFound }
        guard Self.isInside(path, root: rootPath) else { return .forbidden }
        guard Self.isDirectory(path) else { return Self.isRegularFile(path) ? .file(path) : .notFound }
        if !segments.isEmpty, !decoded.hasSuffix("/") {
            let encoded = relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? relative
            return .redirect("/" + encoded + "/")
        }
        guard let index = Self.realPath(path + "/index.html"), Self.isInside(index, root: rootPath), Self.isRegularFile(index) else {
            return .notFound
        }
        return .file(index)
    }

    private static func isInside(_ path: String, root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// The path with every symbolic link, `.` and `..` resolved; nil if it does not exist.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }
}
