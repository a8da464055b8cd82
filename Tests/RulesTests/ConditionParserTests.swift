import Foundation
import Testing
@testable import Rules

@Suite struct ConditionParserTests {
    let names = ["a", "b", "c"]

    @Test func precedenceNotAndOr() throws {
        let e = try ConditionParser.parse("a or not b and c", selectionNames: names)
        #expect(e == .or([.selection("a"), .and([.not(.selection("b")), .selection("c")])]))
    }

    @Test func parenthesesAndNOf() throws {
        let e = try ConditionParser.parse("(a or b) and 2 of (a, b, c)", selectionNames: names)
        #expect(e == .and([.or([.selection("a"), .selection("b")]),
            .atLeast(2, [.selection("a"), .selection("b"), .selection("c")])]))
        #expect(try ConditionParser.parse("all of them", selectionNames: names) == .atLeast(3, names.map { .selection($0) }))
        #expect(try ConditionParser.parse("any of (a, c)", selectionNames: names) == .atLeast(1, [.selection("a"), .selection("c")]))
    }

    @Test func followedByWithin() throws {
        #expect(try ConditionParser.parse("a followed by b within 10m", selectionNames: names)
            == .followedBy(.selection("a"), .selection("b"), within: 600))
        #expect(try ConditionParser.parse("a followed by b", selectionNames: names)
            == .followedBy(.selection("a"), .selection("b"), within: nil))
    }

    @Test func countWithWindow() throws {
        #expect(try ConditionParser.parse("count(a) >= 3 within 1h", selectionNames: names)
            == .count(.selection("a"), .greaterOrEqual, 3, within: 3600))
        #expect(try ConditionParser.parse("count(a or b) == 0", selectionNames: names)
            == .count(.or([.selection("a"), .selection("b")]), .equal, 0, within: nil))
    }

    @Test(arguments: [
        ("a and", 5, "expected a selection name, found 'end of condition'"),
        ("a % b", 2, "unexpected character '%'"),
        ("4 of (a, b)", 0, "'4 of' needs a count between 1 and 2"),
        ("count(a) >= x", 12, "expected a whole number, found 'x'"),
        ("a followed by b within 5y", 23, "expected a duration such as 30s, 10m, 1h or 2d, found '5y'"),
        ("a b", 2, "unexpected 'b'"),
        ("(a", 2, "expected ')' to close '(', found 'end of condition'"),
        ("d", 0, "unknown selection 'd' (declared: a, b, c)"),
    ])
    func errorsCarryTheOffset(_ text: String, _ offset: Int, _ message: String) {
        #expect(throws: ConditionSyntaxError(offset: offset, message: message)) {
            try ConditionParser.parse(text, selectionNames: names)
        }
    }

    @Test func nestingAndLengthAreBounded() {
        let deep = String(repeating: "(", count: 40) + "a" + String(repeating: ")", count: 40)
        #expect(throws: ConditionSyntaxError.self) { try ConditionParser.parse(deep, selectionNames: names) }
        let nots = String(repeating: "not ", count: 40) + "a"
        #expect(throws: ConditionSyntaxError.self) { try ConditionParser.parse(nots, selectionNames: names) }
        let long = Array(repeating: "a", count: 1100).joined(separator: " or ")
        #expect(throws: ConditionSyntaxError(offset: 4096, message: "the condition is longer than 4096 characters")) {
            try ConditionParser.parse(long, selectionNames: names)
        }
        #expect(throws: Never.self) { try ConditionParser.parse("((a)) and not not b", selectionNames: names) }
    }

    @Test func durations() {
        #expect(RuleDuration.seconds("30s") == 30)
        #expect(RuleDuration.seconds("2d") == 172_800)
        #expect(RuleDuration.seconds("0m") == nil)
        #expect(RuleDuration.seconds("m") == nil)
    }
}
