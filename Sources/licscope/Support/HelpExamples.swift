/// The EXAMPLES block at the end of each command's `--help` (its discussion).
enum HelpExamples {
    /// `EXAMPLES:` followed by each command under its comment (one short line each, so help never wraps them).
    static func block(_ lines: [(String, String)]) -> String {
        "\n\nEXAMPLES:\n" + lines.map { command, comment in "  # \(comment)\n  \(command)" }.joined(separator: "\n")
    }

    static let root = block([
        ("licscope analyze bundle.zip", "verdict, state timeline, inventory"),
        ("licscope status show-license-all.txt", "one CLI output: state, timers, runway"),
        ("licscope events --since 2026-07-05 slm.log*", "licensing events with file:line"),
        ("licscope packets packets.cap", "connection ladders, capture#frame"),
        ("licscope --generate-completion-script bash", "shell completion (bash, zsh, fish)"),
    ])

    static let analyze = block([
        ("licscope analyze bundle.zip", "text report on the terminal"),
        ("licscope analyze ./collected/ --format html -o report.html", "a self-contained HTML report"),
        ("licscope analyze bundle.tgz --summary", "verdict, findings table, runway, what to collect"),
        ("licscope analyze bundle.zip --since 2026-07-01 --tz Europe/Zurich", "only July onwards, Zurich wall time"),
        ("cat bundle.tgz | licscope analyze --format json -", "an archive on standard input"),
        ("licscope analyze bundle.zip --explain proxy-auth-required", "why a rule matched or not"),
        ("licscope analyze bundle.zip -q --fail-on high", "exit code only (1: a high or critical finding)"),
    ])

    static let status = block([
        ("licscope status show-license-all.txt", "state, each timer against the engine's, runway"),
        ("licscope status --format json ./collected/", "every show license output in a folder"),
        ("ssh cucm 'show license all' | licscope status -", "an output piped in"),
        ("licscope status --tz IST=Asia/Jerusalem show-license-all.txt", "re-read an ambiguous abbreviation"),
        ("licscope status --since 2026-07-05 --tz Europe/Zurich ./outputs/", "only outputs from 5 July, Zurich time"),
    ])

    static let events = block([
        ("licscope events slm.log slm.log.1.gz", "events with file:line, gzip read transparently"),
        ("licscope events --format jsonl bundle.zip -o timeline.jsonl", "a Timesketch timeline of a whole bundle"),
        ("licscope events --since 2026-07-05T10:00 --until 2026-07-05T12:00 ./logs/", "two hours, zone-less: UTC"),
        ("zcat slm.log.2.gz | licscope events --year 2026 -", "a yearless log on standard input"),
    ])

    static let packets = block([
        ("licscope packets packets.cap", "ladders, flows and events with capture#frame"),
        ("licscope packets --format jsonl bundle.tgz", "the captures inside an archive, as JSON Lines"),
        ("licscope packets --ca-file proxy-ca.pem --redact packets.pcapng", "trust a proxy CA; hide hosts and addresses"),
        ("tcpdump -w - port 443 | licscope packets -", "a capture on standard input"),
    ])

    static let rules = block([
        ("licscope rules list", "id, rev, kind, severity and title of every rule"),
        ("licscope rules lint && licscope rules test", "check the rules and run every fixture"),
        ("licscope rules explain CSCvc94366", "what a rule looks for, its facts and inferences"),
        ("licscope rules test ./my-rules", "another rules directory"),
    ])

    static let preflight = block([
        ("licscope preflight", "tools.cisco.com, system resolver, direct"),
        ("licscope preflight --proxy proxy.example.com:8080 --proxy-user lic", "through a proxy ($LICSCOPE_PROXY_PASSWORD)"),
        ("licscope preflight --status show-license-all.txt", "adds the runway if this is not fixed"),
        ("sudo licscope preflight --capture preflight.pcap", "record its own packets and read them back"),
    ])

    static let triage = block([
        ("licscope triage uploads/ --jobs 2 --results results.jsonl", "one JSON line per bundle, a summary"),
        ("licscope triage up/ --results r.jsonl --format html --reports rep/ > t.html", "a table linking full reports"),
        ("licscope triage --watch incoming/ --results results.jsonl", "take bundles as they arrive"),
        ("licscope triage uploads/ --shard 0/4 --results shard-0.jsonl", "one of four shards"),
    ])

    static let rulesList = block([
        ("licscope rules list", "the built-in rules"),
        ("licscope rules list --rules ./my-rules", "another rules directory"),
    ])

    static let rulesLint = block([
        ("licscope rules lint", "the built-in rules and message catalog"),
        ("licscope rules lint ./my-rules", "a rules directory being written"),
    ])

    static let rulesTest = block([
        ("licscope rules test", "every fixture through the real parsers"),
        ("licscope rules test --events-only ./my-rules", "fixtures' events.jsonl only"),
    ])

    static let rulesExplain = block([
        ("licscope rules explain CSCvc94366", "a bug rule: facts, inferences, versions"),
        ("licscope rules explain proxy-auth-required", "a diagnostic rule"),
    ])

    static let benchRun = block([
        ("licscope bench run", "100 MB inputs, best of 3"),
        ("licscope bench run --acceptance --out /var/tmp/bench", "the issue's sizes"),
    ])

    static let bench = block([
        ("licscope bench", "every benchmark on generated inputs"),
        ("licscope bench run --only capture --runs 3", "only the capture benchmark"),
        ("licscope bench run --only varied --log-mb 100", "trace commands where no licensing message repeats, beside dense"),
    ])
}
