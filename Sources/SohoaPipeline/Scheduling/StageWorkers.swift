import Dispatch

/// Runs `count` workers of one stage, each on its own serial `DispatchQueue` (DESIGN §3).
///
/// Each worker is made by `makeWorker` on its own queue, so it can own resources for its lifetime
/// (an OCR worker owns one Tesseract engine), then takes elements from `input` until it is closed
/// and drained. `done` is notified when every worker has finished.
final class StageWorkers<Input: Sendable>: Sendable {
    let stage: String
    let group = DispatchGroup()
    /// Where the workers' CPU time is added up, if anywhere.
    let cpu: StageCPUTimes?

    init(stage: String, cpu: StageCPUTimes? = nil) {
        self.stage = stage
        self.cpu = cpu
    }

    /// Starts the workers. `makeWorker` is called once per worker on that worker's queue.
    func start(
        count: Int, input: BoundedQueue<Input>,
        makeWorker: @escaping @Sendable (_ index: Int) -> (Input) -> Void
    ) {
        for index in 0..<count {
            let queue = DispatchQueue(label: "sohoa.\(stage).\(index)")
            group.enter()
            queue.async { [group, cpu, stage] in
                // A block runs on one thread from start to end: its CPU clock's difference is the worker's.
                let started = StageCPUTimes.threadSeconds()
                defer {
                    cpu?.add(StageCPUTimes.threadSeconds() - started, to: stage)
                    group.leave()
                }
                // A worker that cannot get its resources (an engine that fails to load) must still
                // drain its input, failing each element, so that producers never block.
                let handle = makeWorker(index)
                while let element = input.take() { handle(element) }
            }
        }
    }

    /// Blocks until every worker has finished.
    func wait() { group.wait() }

    /// Calls `body` on `queue` once every worker has finished.
    func whenDone(on queue: DispatchQueue, _ body: @escaping @Sendable () -> Void) {
        group.notify(queue: queue, execute: body)
    }
}
