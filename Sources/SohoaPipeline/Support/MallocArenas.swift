#if canImport(Glibc)
    import Glibc
#endif

/// Limits glibc's malloc to one arena per core, at least two (issue 19: memory). By default glibc gives a busy
/// process up to eight arenas per core, one per thread that meets contention, and each keeps the
/// page-sized buffers its threads freed. A run's stage workers, Tesseract's engines among them,
/// free and allocate page images all the time: on 40 evaluation pages with `--jobs 2` the peak
/// resident memory was 387–395 MB with the default and 327–343 MB with two arenas, and 384–391 against
/// 351–363 MB on 20 real scans, for the same CPU time (see README "Where the time goes").
public enum MallocArenas {
    /// Sets the limit unless `MALLOC_ARENA_MAX` is set in the environment (glibc has read it then).
    /// Call it first thing, before any thread starts.
    public static func limitToCores() {
        #if canImport(Glibc)
            guard getenv("MALLOC_ARENA_MAX") == nil else { return }
            // `mallopt` is in <malloc.h>, which the Glibc module does not bring: found by name.
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
            let arenaMax: Int32 = -8  // M_ARENA_MAX in <malloc.h>
            let cores = sysconf(Int32(_SC_NPROCESSORS_ONLN))
            _ = mallopt(arenaMax, Int32(max(2, min(cores, 64))))
        #endif
    }
}
