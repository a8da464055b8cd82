import ArgumentParser
import Triage

/// Hidden: `licscope triage-worker --max-memory MiB --time-limit S -- PROGRAM ARGS…`, started by `triage` for each
/// bundle. It limits its own memory and time, then becomes PROGRAM (normally `licscope analyze …`).
struct TriageWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: WorkerLimits.subcommand, abstract: "Internal: one bundle's analysis under triage's limits.",
        shouldDisplay: false)

    @Option var maxMemory: Int
    @Option var timeLimit: Int
    @Argument(parsing: .postTerminator) var program: [String]

    func run() throws {
        let reason = WorkerLimits.limitAndExec(maxMemoryMiB: maxMemory, timeLimitSeconds: timeLimit, program: program)
        Terminal.warn("licscope triage-worker: \(reason)")
        throw ExitCode(WorkerLimits.execFailed)
    }
}
