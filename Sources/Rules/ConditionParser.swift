import Foundation

/// A condition syntax error at a 0-based offset (in Unicode scalars) into the condition text.
struct ConditionSyntaxError: Error, Sendable, Hashable {
    var offset: Int
    var message: String
}

/// A small recursive-descent parser for rule conditions.
///
/// ```
/// expr    := or
/// or      := and ("or" and)*
/// and     := unary ("and" unary)*
/// unary   := "not" unary | seq
/// seq     := primary ("followed" "by" primary ("within" DURATION)?)?
/// primary := NAME | "(" expr ")" | (NUMBER | "all" | "any") "of" ("(" expr ("," expr)* ")" | "them")
///          | "count" "(" expr ")" CMP NUMBER ("within" DURATION)?
/// ```
struct ConditionParser {
    private struct Token: Hashable {
        enum Kind: Hashable { case word, symbol, end }
        var kind: Kind
        var text: String
        var offset: Int
    }

    static let keywords: Set<String> = ["and", "or", "not", "of", "followed", "by", "within", "count", "all", "any",
        "them"]

    /// The longest condition accepted, in Unicode scalars, and the deepest nesting.
    static let maximumLength = 4096
    static let maximumDepth = 32

    private var tokens: [Token] = []
    private var index = 0
    private var depth = 0
    private let selectionNames: [String]

    /// Parses `text`; `selectionNames` (in declaration order) resolve names and `them`.
    static func parse(_ text: String, selectionNames: [String]) throws(ConditionSyntaxError) -> ConditionExpression {
        guard text.unicodeScalars.count <= maximumLength else {
            throw ConditionSyntaxError(offset: maximumLength, message: "the condition is longer than \(maximumLength) characters")
        }
        var parser = ConditionParser(selectionNames: selectionNames)
        parser.tokens = try tokenize(text)
        let expression = try parser.parseOr()
        let next = parser.peek
        guard next.kind == .end else { throw ConditionSyntaxError(offset: next.offset, message: "unexpected '\(next.text)'") }
        return expression
    }

    private init(selectionNames: [String]) { self.selectionNames = selectionNames }

    private static func tokenize(_ text: String) throws(ConditionSyntaxError) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var out: [Token] = []
        var i = 0
        func isWord(_ s: Unicode.Scalar) -> Bool {
            s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" || s == "-" || s == "."
        }
        while i < scalars.count {
            let s = scalars[i]
            if s.properties.isWhitespace { i += 1; continue }
            if isWord(s) {
                let start = i
                while i < scalars.count, isWord(scalars[i]) { i += 1 }
                out.append(Token(kind: .word, text: String(String.UnicodeScalarView(scalars[start..<i])), offset: start))
            } else if "(),".unicodeScalars.contains(s) {
                out.append(Token(kind: .symbol, text: String(s), offset: i))
                i += 1
            } else if "<>=!".unicodeScalars.contains(s) {
                let start = i
                while i < scalars.count, "<>=!".unicodeScalars.contains(scalars[i]), i - start < 2 { i += 1 }
                out.append(Token(kind: .symbol, text: String(String.UnicodeScalarView(scalars[start..<i])), offset: start))
            } else {
                throw ConditionSyntaxError(offset: i, message: "unexpected character '\(s)'")
            }
        }
        out.append(Token(kind: .end, text: "end of condition", offset: scalars.count))
        return out
    }

    private var peek: Token { tokens[min(index, tokens.count - 1)] }

    private mutating func advance() -> Token {
        let token = peek
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private mutating func accept(_ word: String) -> Bool {
        guard peek.text == word else { return false }
        index += 1
        return true
    }

    private mutating func expect(_ text: String, _ context: String) throws(ConditionSyntaxError) {
        let token = advance()
        guard token.text == text else {
            throw ConditionSyntaxError(offset: token.offset, message: "expected '\(text)' \(context), found '\(token.text)'")
        }
    }

    private mutating func parseOr() throws(ConditionSyntaxError) -> ConditionExpression {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw ConditionSyntaxError(offset: peek.offset, message: "the condition nests deeper than \(Self.maximumDepth) levels")
        }
        var operands = [try parseAnd()]
        while accept("or") { operands.append(try parseAnd()) }
        return operands.count == 1 ? operands[0] : .or(operands)
    }

    private mutating func parseAnd() throws(ConditionSyntaxError) -> ConditionExpression {
        var operands = [try parseUnary()]
        while accept("and") { operands.append(try parseUnary()) }
        return operands.count == 1 ? operands[0] : .and(operands)
    }

    private mutating func parseUnary() throws(ConditionSyntaxError) -> ConditionExpression {
        if accept("not") {
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maximumDepth else {
                throw ConditionSyntaxError(offset: peek.offset, message: "the condition nests deeper than \(Self.maximumDepth) levels")
            }
            return .not(try parseUnary())
        }
        let first = try parsePrimary()
        guard accept("followed") else { return first }
        try expect("by", "after 'followed'")
        let second = try parsePrimary()
        return .followedBy(first, second, within: try parseWindow())
    }

    private mutating func parseWindow() throws(ConditionSyntaxError) -> TimeInterval? {
        guard accept("within") else { return nil }
        let token = advance()
        guard token.kind == .word, let seconds = RuleDuration.seconds(token.text) else {
            throw ConditionSyntaxError(
                offset: token.offset, message: "expected a duration such as 30s, 10m, 1h or 2d, found '\(token.text)'")
        }
        return seconds
    }

    private mutating func parsePrimary() throws(ConditionSyntaxError) -> ConditionExpression {
        let token = advance()
        switch token.text {
        case "(":
            let inner = try parseOr()
            try expect(")", "to close '('")
            return inner
        case "count": return try parseCount()
        case "all", "any": return try parseOf(quantifier: token)
        default: break
        }
        guard token.kind == .word else {
            throw ConditionSyntaxError(offset: token.offset, message: "expected a selection name, found '\(token.text)'")
        }
        if Int(token.text) != nil { return try parseOf(quantifier: token) }
        guard !Self.keywords.contains(token.text) else {
            throw ConditionSyntaxError(offset: token.offset, message: "expected a selection name, found '\(token.text)'")
        }
        guard selectionNames.contains(token.text) else {
            let known = selectionNames.joined(separator: ", ")
            throw ConditionSyntaxError(
                offset: token.offset, message: "unknown selection '\(token.text)' (declared: \(known))")
        }
        return .selection(token.text)
    }

    private mutating func parseOf(quantifier: Token) throws(ConditionSyntaxError) -> ConditionExpression {
        try expect("of", "after '\(quantifier.text)'")
        var operands: [ConditionExpression] = []
        if accept("them") {
            operands = selectionNames.map { .selection($0) }
        } else {
            try expect("(", "to open the list")
            operands.append(try parseOr())
            while accept(",") { operands.append(try parseOr()) }
            try expect(")", "to close the list")
        }
        switch quantifier.text {
        case "all": return .atLeast(operands.count, operands)
        case "any": return .atLeast(1, operands)
        default:
            guard let n = Int(quantifier.text), n >= 1, n <= operands.count else {
                throw ConditionSyntaxError(
                    offset: quantifier.offset,
                    message: "'\(quantifier.text) of' needs a count between 1 and \(operands.count)")
            }
            return .atLeast(n, operands)
        }
    }

    private mutating func parseCount() throws(ConditionSyntaxError) -> ConditionExpression {
        try expect("(", "after 'count'")
        let operand = try parseOr()
        try expect(")", "to close 'count('")
        let op = advance()
        guard let comparison = CountComparison(rawValue: op.text) else {
            throw ConditionSyntaxError(offset: op.offset, message: "expected >=, >, ==, <= or < after count(…), found '\(op.text)'")
        }
        let bound = advance()
        guard let n = Int(bound.text), n >= 0 else {
            throw ConditionSyntaxError(offset: bound.offset, message: "expected a whole number, found '\(bound.text)'")
        }
        let windowToken = peek
        let window = try parseWindow()
        if window != nil, comparison != .greaterOrEqual, comparison != .greater {
            throw ConditionSyntaxError(
                offset: windowToken.offset, message: "a count window ('within') needs >= or >")
        }
        return .count(operand, comparison, n, within: window)
    }
}
