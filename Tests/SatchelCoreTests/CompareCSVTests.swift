import Foundation
import Testing
@testable import SatchelCore

/// CSV as RFC 4180 writes it, and the files the build writes beside comparison tables.
@Suite struct CompareCSVTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("", ""),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("carriage\rreturn", "\"carriage\rreturn\""),
        ("windows\r\nline", "\"windows\r\nline\""),
        ("Müller, São Paulo – 中文 🎒", "\"Müller, São Paulo – 中文 🎒\""),
        ("6–16 weeks", "6–16 weeks"),
        (" padded ", " padded "),
        // A combining mark after a quote or a comma makes one grapheme of them; the bytes still need quoting.
        ("quote\"\u{301}d", "\"quote\"\"\u{301}d\""),
        ("comma,\u{301}", "\"comma,\u{301}\""),
    ])
    func quotesOnlyFieldsThatNeedIt(text: String, field: String) {
        #expect(CSV.field(text) == field)
    }

    @Test func everyRecordEndsWithCRLF() {
        #expect(CSV.record(["Material", "Grades"]) == "Material,Grades\r\n")
        #expect(CSV.record(["Nylon", "210D, 600D"]) == "Nylon,\"210D, 600D\"\r\n")
        #expect(CSV.record(["Polyester", ""]) == "Polyester,\r\n")
    }

    @Test func tableCSVHasAHeaderOfLabelsAndTheShownText() async throws {
        let site = try FixtureSite()
        try site.write("content/manufacturers/zeta.md", """
            ---
            title: "Zeta \\"Ünited\\", Ltd"
            founded: 1998
            lead_time: 4
            ---
            """)
        try await site.build()
        let bytes = try Data(contentsOf: site.output.appendingPathComponent("manufacturers/compare/manufacturers.csv"))
        #expect(Array(bytes.prefix(3)) != [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes, as: UTF8.self) == """
            Manufacturer,Founded,Lead time\r
            Acme Bags,2009,6–16 weeks\r
            "Zeta ""Ünited"", Ltd",1998,4 weeks\r

            """)
    }
}
