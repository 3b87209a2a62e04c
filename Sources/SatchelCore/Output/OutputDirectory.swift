import CFileSwap
import Foundation

/// Writes a build into a staging folder beside the output folder and swaps it in only when the whole
/// build succeeded, so a failed or killed build leaves the previous output exactly as it was.
public struct OutputDirectory: Sendable {
    /// A file Satchel leaves in every output folder, so it never replaces a folder it did not write.
    public static let marker = ".satchel-output"

    public let url: URL
    public let displayPath: String
    /// What the marker file of the next output holds (the build's identity, for the build cache).
    public var buildID = ""
    /// How the previous output goes once the new one is in place.
    public var disposal = Disposal.now

    /// How the previous output is removed after a successful swap.
    public enum Disposal: Sendable {
        /// Before `replace` returns.
        case now
        /// By an `rm` process of its own, after the folder is renamed out of the way: on a disk, removing the
        /// 11,745 files of a 10,000-page site whose pages are already written back waits on the journal for
        /// about a second, which a command that has finished need not wait for. A removal that is
        /// interrupted leaves a renamed folder, which the next build removes the same way.
        case inBackground
    }

    /// Checks that `url` is a safe place to replace: not the content folder, not a folder holding it, not
    /// inside it, not the project root or `/`, and not a folder of someone else's files.
    public init(url: URL, displayPath: String, contentDirectory: URL, projectRoot: URL) throws(BuildFailure) {
        let output = url.standardizedFileURL.resolvingSymlinksInPath().path
        let content = contentDirectory.standardizedFileURL.resolvingSymlinksInPath().path
        let root = projectRoot.standardizedFileURL.resolvingSymlinksInPath().path
        let location = SourceLocation(file: displayPath)
        func refuse(_ reason: String) -> BuildFailure {
            BuildFailure([.error(at: location, "refusing to write output to '\(displayPath)': \(reason)")])
        }
        if output == "/" { throw refuse("it is the file system root") }
        if output == root { throw refuse("it is the project folder") }
        if output == content { throw refuse("it is the content folder") }
        if content.hasPrefix(output + "/") { throw refuse("it contains the content folder") }
        if output.hasPrefix(content + "/") { throw refuse("it is inside the content folder") }
        if output == NSHomeDirectory() { throw refuse("it is the home folder") }
        let fileManager = FileManager.default
        if let entries = try? fileManager.contentsOfDirectory(atPath: output), !entries.isEmpty, !entries.contains(Self.marker) {
            throw refuse("it holds files Satchel did not write (no \(Self.marker) marker); remove it or choose another folder")
        }
        self.url = URL(fileURLWithPath: output)
        self.displayPath = displayPath
    }

    /// Runs `build` with a staging folder, then swaps the result in. On any error the staging folder is
    /// removed and the previous output is untouched.
    ///
    /// - Parameter seed: the files the current output should hold. When given, the staging folder starts as
    ///   hard links to the current output's files (so unchanged pages are not written again) and `build`
    ///   must replace files by unlinking them first; if the output does not hold exactly these files, the
    ///   staging folder starts empty instead and `build` is told so.
    /// - Returns: `build`'s result; `build` receives the staging folder and whether it was seeded.
    public func replace<T>(seed: Set<String>? = nil, with build: (URL, Bool) async throws -> T) async throws -> T {
        let fileManager = FileManager.default
        let parent = url.deletingLastPathComponent()
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        removeStaleStagingFolders(in: parent)
        let staging = parent.appendingPathComponent(".\(url.lastPathComponent).satchel-tmp-\(getpid())")
        try? fileManager.removeItem(at: staging)
        var seeded = false
        if let seed {
            seeded = (try? linkFarm(of: url, into: staging, expecting: seed)) == true
            if !seeded { try? fileManager.removeItem(at: staging) }
        }
        if !seeded { try fileManager.createDirectory(at: staging, withIntermediateDirectories: true) }
        let result: T
        do {
            result = try await build(staging, seeded)
            // Atomic: in a seeded staging folder the old marker is a hard link to the live output's.
            try Data(buildID.utf8).write(to: staging.appendingPathComponent(Self.marker), options: .atomic)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
        try swapIn(staging)
        return result
    }

    /// Mirrors `source` into `destination` with hard links; false if `source` does not hold exactly `expected`.
    private func linkFarm(of source: URL, into destination: URL, expecting expected: Set<String>) throws -> Bool {
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
        var found = 0
        let walked = DirectoryTree.walk(source.path) { path, isDirectory in
            if path == Self.marker { return true }
            let target = destination.path + "/" + path
            if isDirectory { return mkdir(target, 0o755) == 0 }
            guard expected.contains(path), link(source.path + "/" + path, target) == 0 else { return false }
            found += 1
            return true
        }
        return walked && found == expected.count
    }

    private func swapIn(_ staging: URL) throws {
        let fileManager = FileManager.default
        if !fileManager.fileExists(atPath: url.path) {
            try fileManager.moveItem(at: staging, to: url)
            return
        }
        if satchel_exchange_paths(staging.path, url.path) == 0 {
            dispose(of: staging)
            return
        }
        // Without an atomic exchange (not Linux, or a file system that lacks it), two renames leave only a
        // short window in which the old output sits under the staging name.
        let old = staging.appendingPathExtension("old")
        try fileManager.moveItem(at: url, to: old)
        try fileManager.moveItem(at: staging, to: url)
        dispose(of: old)
    }

    /// The prefix of a previous output's name while it is removed in the background.
    private var discardedPrefix: String { ".\(url.lastPathComponent).satchel-old-" }

    /// Removes a previous output, at once or in the background as `disposal` says.
    private func dispose(of folder: URL) {
        guard disposal == .inBackground else {
            try? FileManager.default.removeItem(at: folder)
            return
        }
        let discarded = url.deletingLastPathComponent().appendingPathComponent(discardedPrefix + UUID().uuidString)
        guard (try? FileManager.default.moveItem(at: folder, to: discarded)) != nil else {
            try? FileManager.default.removeItem(at: folder)
            return
        }
        removeInBackground(discarded)
    }

    /// Starts `rm -rf` on `folder` without waiting for it; removes it at once if `rm` cannot be started.
    private func removeInBackground(_ folder: URL) {
        let removal = Process()
        removal.executableURL = URL(fileURLWithPath: "/bin/rm")
        removal.arguments = ["-rf", "--", folder.path]
        removal.standardInput = FileHandle.nullDevice
        removal.standardOutput = FileHandle.nullDevice
        removal.standardError = FileHandle.nullDevice
        do { try removal.run() } catch { try? FileManager.default.removeItem(at: folder) }
    }

    /// Staging folders left by builds that were killed, and previous outputs whose removal in the background
    /// was interrupted (removed in the background again: one still being removed is not waited for).
    private func removeStaleStagingFolders(in parent: URL) {
        let prefix = ".\(url.lastPathComponent).satchel-tmp-"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in entries where entry.hasPrefix(discardedPrefix) {
            removeInBackground(parent.appendingPathComponent(entry))
        }
        for entry in entries where entry.hasPrefix(prefix) {
            let pidText = entry.dropFirst(prefix.count).prefix { $0.isNumber }
            if let pid = Int32(pidText), pid != getpid(), kill(pid, 0) == 0 { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
        }
    }
}
