import Foundation

/// The entries under a folder, read with `readdir`. `FileManager`'s path enumerator makes a URL and an
/// attributes dictionary for every entry: for the 11,745 files of a 10,000-page site that was about 0.2 s,
/// a tenth of an incremental build.
enum DirectoryTree {
    /// Calls `visit` with the path of each entry under `root` relative to it and whether it is a folder, a
    /// folder before the entries it holds, and stops as soon as `visit` returns false. Symbolic links are
    /// visited as they are, not followed.
    /// - Returns: false if `visit` stopped the walk or a folder could not be read.
    static func walk(_ root: String, _ visit: (_ path: String, _ isDirectory: Bool) -> Bool) -> Bool {
        walk(root, relativeTo: "", visit)
    }

    private static func walk(_ folder: String, relativeTo prefix: String, _ visit: (String, Bool) -> Bool) -> Bool {
        guard let stream = opendir(folder) else { return false }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let path = prefix + name
            let isDirectory: Bool
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): isDirectory = true
            case Int32(DT_UNKNOWN):
                // Some file systems do not fill in the type: ask for it.
                var status = stat()
                guard lstat(folder + "/" + name, &status) == 0 else { return false }
                isDirectory = status.st_mode & S_IFMT == S_IFDIR
            default: isDirectory = false
            }
            guard visit(path, isDirectory) else { return false }
            if isDirectory, !walk(folder + "/" + name, relativeTo: path + "/", visit) { return false }
        }
        return true
    }
}
