import SohoaCatalog

/// The stage contract (DESIGN §3): one step of the pipeline takes a value and returns a value, or
/// fails with a `StageFailure` naming the file, page and stage. A stage never writes the catalog and
/// never hands work on: the scheduler (`RunScheduler`) records what it returns and passes it to the
/// next stage. `StageWorkers.run` is the one worker loop that calls every stage.
protocol Stage: SendableMetatype {
    associatedtype Input: StageWork
    associatedtype Output: Sendable

    /// Which of the five stages this is: its name in the catalog, in failures and in progress.
    static var kind: PipelineStage { get }

    /// Does the stage's work on one page or item.
    func process(_ input: Input) throws(StageFailure) -> Output
}
