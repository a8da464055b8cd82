import Analysis
import Testing

/// A `show license` prompt is recognised by the parser's own prompt test, as a line layout: a subscriber's empty
/// answer is a license output, a line that only quotes the command is not.
@Suite("show license prompt recognition")
struct PromptRecognitionTests {
    private func kind(_ text: String) -> ContentKind {
        EvidenceReaderRegistry.standard.recognise(prefix: Array(text.utf8), name: "notes.txt").kind
    }

    @Test("prompts with and without a host prompt, any case")
    func prompts() {
        #expect(kind("admin:show license all\n\nadmin:\n") == .cli)
        #expect(kind("cucm-pub# show license status\n") == .cli)
        #expect(kind("SHOW LICENSE USAGE\n") == .cli)
    }

    @Test("a line quoting the command is no prompt (before: any line holding `show license ` voted for it)")
    func quotes() {
        #expect(kind("| file.txt | Cisco TAC document, `show license all`, elided blocks restored |\n") == .text)
        #expect(kind("Then run show license status on the publisher and compare the timers.\n") == .text)
    }
}
