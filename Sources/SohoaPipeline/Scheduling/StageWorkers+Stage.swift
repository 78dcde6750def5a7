/// The one worker loop of a run: what every worker of every stage does with each page or item.
extension StageWorkers {
    /// Starts `count` workers of a stage, each with its own stage from `make` (made on the worker's
    /// queue, so it may own an engine). For each input a worker: leaves it alone when the run is
    /// stopping (ingest) or the disk is full (every stage), shows it is working on it, calls the stage,
    /// then hands the output to `handOn` or the failure to the scheduler's failure path; then shows
    /// itself idle. Workers are named `<stage>.<n>`, or `<stage>` when `numbered` is false.
    func run<S: Stage>(
        count: Int, input: BoundedQueue<Input>, scheduler: RunScheduler, numbered: Bool = true,
        make: @escaping @Sendable (_ index: Int) -> S,
        handOn: @escaping @Sendable (Input, S.Output) -> Void
    ) where S.Input == Input {
        let control = scheduler.control
        let kind = S.kind
        start(count: count, input: input) { index in
            let stage = make(index)
            let name = numbered ? "\(kind.rawValue).\(index + 1)" : kind.rawValue
            return { work in
                if control.skips(kind) { return }
                control.progress.report(.working(worker: name, on: work.progressLabel))
                do throws(StageFailure) {
                    handOn(work, try stage.process(work))
                } catch {
                    scheduler.failed(work, error)
                }
                control.progress.report(.working(worker: name, on: nil))
            }
        }
    }
}
