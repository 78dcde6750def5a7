/// How every `sohoa` command ends, for scripts and schedulers (README "Exit codes", DESIGN §8).
public enum ExitStatus: Int32, Sendable {
    /// All done: everything archived, checked or written.
    case success = 0
    /// Finished, but something failed or was found wrong (each one listed): failed pages, refused
    /// rows or bags, audit findings. Also a conflict: someone changed the same thing at the same moment.
    case somethingFailed = 1
    /// A usage or configuration mistake (arguments, pipeline file, batch folder, a file to read):
    /// nothing was done.
    case usage = 2
    /// The archive or catalog cannot be used, is in use by another run, or its disk is full.
    case archiveUnusable = 3
    /// Stopped by Ctrl-C; running the same command again resumes.
    case interrupted = 130
}
