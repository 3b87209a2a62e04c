import Foundation
@testable import SatchelCore

/// One folder of the bad-input corpus, `Fixtures/bad/<name>/`: the files it lays over the valid base site
/// (`Fixtures/bad/_base/content` with the repository's own `themes/`), the exact diagnostics a build must
/// print (`expected.txt`, one `file:line:col: severity: message` line each, sorted as printed) and the
/// command's exit status (`expected-status`).
struct BadInputCase: CustomStringConvertible, Sendable {
    static let corpus = FixtureSite.fixtures.appendingPathComponent("bad")
    static let repository = FixtureSite.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every case folder; `_base` is the site they all start from.
    static var all: [BadInputCase] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { !$0.hasPrefix("_") && !$0.hasPrefix(".") }.sorted().map(BadInputCase.init)
    }

    let name: String
    var description: String { name }
    var folder: URL { Self.corpus.appendingPathComponent(name) }

    var expectedDiagnostics: [String] {
        get throws {
            let text = try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
            return text.split(separator: "\n").map(String.init)
        }
    }

    var expectedStatus: Int32 {
        get throws {
            let text = try String(contentsOf: folder.appendingPathComponent("expected-status"), encoding: .utf8)
            return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        }
    }

    /// What the command line prints to standard error for the case: the diagnostics and the count of errors.
    var expectedStandardError: String {
        get throws {
            let lines = try expectedDiagnostics
            let errors = lines.filter { $0.contains(": error: ") }.count
            return (lines + ["satchel: \(errors) error\(errors == 1 ? "" : "s")"]).map { $0 + "\n" }.joined()
        }
    }

    /// A fresh copy of the valid base site with the repository's themes, not yet broken.
    static func baseProject() throws -> FixtureSite {
        let project = try FixtureSite("bad/_base")
        try FileManager.default.copyItem(at: repository.appendingPathComponent("themes"), to: project.root.appendingPathComponent("themes"))
        return project
    }

    /// Lays the case's `content/` and `themes/` files over a project, replacing files of the same name.
    func breakProject(_ project: FixtureSite) throws {
        let fileManager = FileManager.default
        for top in ["content", "themes"] {
            let source = folder.appendingPathComponent(top)
            guard let enumerator = fileManager.enumerator(atPath: source.path) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let from = source.appendingPathComponent(relative)
                let to = project.root.appendingPathComponent(top).appendingPathComponent(relative)
                if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeDirectory {
                    try fileManager.createDirectory(at: to, withIntermediateDirectories: true)
                } else {
                    try? fileManager.removeItem(at: to)
                    try fileManager.copyItem(at: from, to: to)
                }
            }
        }
    }
}

extension FixtureSite {
    /// The project as `satchel build` sees it when run in its folder: `_site.yml` names the theme.
    var siteWithConfiguredTheme: Site {
        var site = site
        site.themeName = nil
        return site
    }

    /// Folders a build leaves beside the output while it runs; none may survive a finished build.
    var stagingLeftovers: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { $0.contains("satchel-tmp") }
    }
}
