/// Where comparison output lives. Each kind's table is a page inside the kind's folder (its slug
/// `compare` is reserved for it) with its CSV beside it; the side-by-side page and the per-kind data it
/// loads live in a top-level `compare/` folder (no kind may be named `compare`).
enum ComparePaths {
    static let sideBySide = "compare/index.html"

    static func table(_ kind: String) -> String { "\(kind)/compare/index.html" }

    /// The CSV file name, linked from the table page beside it.
    static func csvName(_ kind: String) -> String { "\(kind).csv" }

    static func csv(_ kind: String) -> String { "\(kind)/compare/\(csvName(kind))" }

    /// A script setting `window.SatchelCompare[kind]`, loaded by the side-by-side page beside it with a
    /// `<script>` element because `fetch()` is refused for `file://` pages.
    static func dataName(_ kind: String) -> String { "data-\(kind).js" }

    static func data(_ kind: String) -> String { "compare/\(dataName(kind))" }

    /// Every entity's title and URL, which the kinds' data refer to, beside the side-by-side page.
    static let titlesName = "titles.js"
    static let titles = "compare/\(titlesName)"

    /// The file name of the CSV of the `index`-th (from 1) compare block of the page at `page`, written
    /// beside the page and named after it: `markets/germany.html` → `germany-comparison-1.csv`.
    static func blockCSVName(page: String, index: Int) -> String {
        let file = page.split(separator: "/").last.map(String.init) ?? page
        let name = file.hasSuffix(".html") ? String(file.dropLast(".html".count)) : file
        return "\(name)-comparison-\(index).csv"
    }

    /// The output path of that CSV.
    static func blockCSV(page: String, index: Int) -> String {
        let folder = page.split(separator: "/").dropLast().joined(separator: "/")
        let name = blockCSVName(page: page, index: index)
        return folder.isEmpty ? name : "\(folder)/\(name)"
    }

    /// Whether `path` is the CSV of a compare block (`blockCSV(page:index:)`), not a kind's table CSV.
    static func isBlockCSV(_ path: String) -> Bool {
        guard path.hasSuffix(".csv"), !path.contains("/compare/"),
              let marker = path.range(of: "-comparison-", options: .backwards) else { return false }
        let number = path[marker.upperBound...].dropLast(".csv".count)
        return !number.isEmpty && number.allSatisfy(\.isASCII) && number.allSatisfy(\.isNumber)
    }
}
