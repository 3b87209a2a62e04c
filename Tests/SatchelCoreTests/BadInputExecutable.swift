import Foundation

/// The `satchel` executable of the same build as the tests, run as a user runs it.
///
/// `swift test` builds every product of the package into one products folder (e.g. `.build/debug/`),
/// next to the test runner, so the binary is looked up beside the running test bundle rather than at a
/// fixed `.build` path: that way a test never runs a stale binary from another scratch path or configuration.
struct BadInputExecutable {
    let url: URL

    /// The binary beside the test bundle: on Linux the runner itself lives in the products folder, on macOS
    /// the `.xctest` bundle does.
    static func locate() -> BadInputExecutable? {
        var folders: [URL] = []
        if let runner = Bundle.main.executableURL { folders.append(runner.deletingLastPathComponent()) }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        for folder in folders {
            let candidate = folder.appendingPathComponent("satchel")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return BadInputExecutable(url: candidate) }
        }
        return nil
    }

    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// Starts the binary in `folder` without waiting for it.
    func start(_ arguments: [String], in folder: URL) throws -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs the binary in `folder` to its end, collecting what it printed; with `environment`, in that one
    /// instead of this process's.
    func run(_ arguments: [String], in folder: URL, environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        if let environment { process.environment = environment }
        // Files, not pipes: a full pipe would block the child while this process waits for it to exit.
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("satchel-run-\(UUID().uuidString)")
        let outputFile = capture.appendingPathExtension("stdout")
        let errorFile = capture.appendingPathExtension("stderr")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outputFile)
            try? FileManager.default.removeItem(at: errorFile)
        }
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            standardOutput: try String(contentsOf: outputFile, encoding: .utf8),
            standardError: try String(contentsOf: errorFile, encoding: .utf8))
    }
}
